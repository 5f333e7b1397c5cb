/**
 * Issue 14: in a JSON records file all on one line, every row-level problem
 * said "line 1" and nothing else, so the quarantined rows could not be told
 * apart. Each now names its element of the array (1 = the first), in the
 * message ("line 1, element 37") and as `element` in validate --json; so do
 * the lines a message names of another row ("first used on line 1, element 4").
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Output } from '../../src/cli/output.js';
import { formatProblem, loadStudy } from '../../src/records/index.js';

type Row = Record<string, string | number>;

/** 40 people (the 21st's age is not a number, the 37th's date does not exist, the 41st repeats the 4th) and 4 events. */
function rows(): { people: Row[]; events: unknown[] } {
  const people: Row[] = Array.from({ length: 40 }, (_, i) => ({
    person_id: `p${String(i + 1).padStart(3, '0')}`,
    service: 'A',
    index_offence: 'VAP-GBH-S20',
    release_date: i === 36 ? '2020-02-30' : '2020-01-01',
    age_at_release: i === 20 ? 'old' : 30,
  }));
  people.push({ ...people[3] });
  const conviction = { person_id: 'p001', type: 'conviction', date: '2021-01-01', conviction_date: '2021-02-01', offence: 'VAP-GBH-S20' };
  return { people, events: [conviction, { ...conviction }, 5, { person_id: 'p099', type: 'recall', date: '2021-01-01' }] };
}

function write(pretty: boolean): { people: string; events: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'json-elements-'));
  const { people, events } = rows();
  const text = (x: unknown) => (pretty ? JSON.stringify(x, null, 2) : JSON.stringify(x));
  writeFileSync(join(dir, 'people.json'), text(people));
  writeFileSync(join(dir, 'events.json'), text(events));
  return { people: join(dir, 'people.json'), events: join(dir, 'events.json'), dir };
}

describe('JSON rows are located by their element', () => {
  it('a file all on one line: every row problem is line 1 with its own element', async () => {
    const files = write(false);
    const s = await loadStudy(files, { quarantineDir: join(files.dir, 'q') });
    const located = s.quality.problems.map((p) => [p.table, p.kind, p.line, p.element]);
    expect(located).toEqual([
      ['people', 'wrong_type', 1, 21],
      ['people', 'invalid_date', 1, 37],
      ['people', 'duplicate_person_id', 1, 41],
      ['events', 'duplicate_event', 1, 2],
      ['events', 'malformed_json', 1, 3],
      ['events', 'unknown_person', 1, 4],
    ]);
    const messages = s.quality.problems.map(formatProblem);
    expect(messages[0]).toContain('people.json line 1, element 21, column age_at_release');
    expect(messages[2]).toContain('first used on line 1, element 4, which is kept');
    expect(messages[3]).toContain('identical in every column to line 1, element 1');
    expect(s.extractionDateSource).toContain('events.json line 1, element 1, column conviction_date');
    expect(s.quality.people).toEqual({ read: 41, used: 38, quarantined: 3 });
  });

  it('a file with one element a line: the lines are the elements own, and the elements are given too', async () => {
    const files = write(true);
    const s = await loadStudy(files, { quarantineDir: join(files.dir, 'q') });
    const people = s.quality.problems.filter((p) => p.table === 'people');
    // JSON.stringify(…, null, 2): "[" on line 1, then 7 lines per person (5 fields and two braces).
    expect(people.map((p) => [p.line, p.element])).toEqual([
      [2 + 7 * 20, 21],
      [2 + 7 * 36, 37],
      [2 + 7 * 40, 41],
    ]);
  });

  it('a CSV row has no element', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'json-elements-'));
    writeFileSync(join(dir, 'people.csv'), 'person_id,service,index_offence,release_date\np001,A,VAP-GBH-S20,2020-02-30\np002,A,VAP-GBH-S20,2020-01-01\n');
    writeFileSync(join(dir, 'events.csv'), 'person_id,type,date\n');
    const s = await loadStudy({ people: join(dir, 'people.csv'), events: join(dir, 'events.csv') }, { quarantineDir: join(dir, 'q') });
    expect(s.quality.problems.map((p) => [p.line, 'element' in p])).toEqual([[2, false]]);
  });

  it('validate prints the element and --json has it as "element"', async () => {
    const files = write(false);
    const out: string[] = [];
    const output: Output = { stdout: (t) => out.push(t), stderr: () => {} };
    expect(await main(['validate', '--people', files.people, '--events', files.events], output)).toBe(1);
    expect(out.join('\n')).toContain('people.json line 1, element 37, column release_date');
    out.length = 0;
    expect(await main(['validate', '--json', '--people', files.people, '--events', files.events], output)).toBe(1);
    const json = JSON.parse(out.join('\n'));
    const invalid = json.problems.find((p: { kind: string }) => p.kind === 'invalid_date');
    expect(invalid).toMatchObject({ line: 1, element: 37, column: 'release_date' });
    expect(invalid.message).toContain('line 1, element 37');
  });
});
