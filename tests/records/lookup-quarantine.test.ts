/**
 * Issue 14: one bad row of a study's own offence lookup stopped the load, so
 * nothing was written under --quarantine and the people's and events' own
 * errors were never listed. The lookup's bad rows are now set aside like the
 * other tables' (read = used + quarantined, in the quarantine file), and the
 * load goes on to list every table's errors.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Output } from '../../src/cli/output.js';
import { loadStudy, StudyError } from '../../src/records/index.js';

/** The IOM sample with a bad lookup row, a bad person (an impossible date, 3 events) and a bad event. */
function study(): { people: string; events: string; offences: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'lookup-quarantine-'));
  const offences = join(dir, 'offences.csv');
  writeFileSync(
    offences,
    `${readFileSync('data-samples/offences.csv', 'utf8').trimEnd()}\nBAD-1,Bad row,Bad,nonsense,either_way,abc\nBAD-2,Fine row,Fine,other,summary,10\n`,
  );
  const lines = readFileSync('data-samples/iom/people.csv', 'utf8').split('\n');
  const columns = lines[0].split(',');
  const cells = lines[3].split(',');
  cells[columns.indexOf('release_date')] = '2020-02-30';
  lines[3] = cells.join(',');
  const people = join(dir, 'people.csv');
  writeFileSync(people, lines.join('\n'));
  const eventLines = readFileSync('data-samples/iom/events.csv', 'utf8').split('\n');
  const eventCells = eventLines[2].split(',');
  eventCells[eventLines[0].split(',').indexOf('type')] = 'explosion';
  eventLines[2] = eventCells.join(',');
  const events = join(dir, 'events.csv');
  writeFileSync(events, eventLines.join('\n'));
  return { people, events, offences, dir };
}

const lookupRows = readFileSync('data-samples/offences.csv', 'utf8')
  .trimEnd()
  .split('\n')
  .filter((l) => !l.startsWith('#')).length;

describe('the offence lookup under --quarantine', () => {
  it('sets its bad row aside, counts it and writes it to the quarantine file with the other tables', async () => {
    const files = study();
    const s = await loadStudy(files, { quarantineDir: join(files.dir, 'q') });
    // the default lookup's rows less its header, and the two added rows
    const read = lookupRows - 1 + 2;
    expect(s.quality.offences).toEqual({ read, used: read - 1, quarantined: 1 });
    expect(s.offences.rowOf.has('BAD-1')).toBe(false);
    expect(s.offences.rowOf.has('BAD-2')).toBe(true);
    expect(s.quality.people).toEqual({ read: 65, used: 64, quarantined: 1 });
    expect(s.quality.events).toEqual({ read: 154, used: 150, quarantined: 4 });
    const q = readFileSync(join(files.dir, 'q', 'quarantine.csv'), 'utf8')
      .trimEnd()
      .split('\n');
    expect(q.filter((l) => l.startsWith('offences,'))).toEqual([
      `offences,${files.offences},${read + 9},category,wrong_type,nonsense,"one of violent, sexual, acquisitive, drugs, weapons, public_order, motoring, other","BAD-1,Bad row,Bad,nonsense,either_way,abc"`,
      `offences,${files.offences},${read + 9},severity,wrong_type,abc,a number > 0,"BAD-1,Bad row,Bad,nonsense,either_way,abc"`,
    ]);
    expect(q.filter((l) => l.startsWith('people,'))).toHaveLength(1);
    expect(q.filter((l) => l.startsWith('events,'))).toHaveLength(4);
  });

  it('without quarantine, the load fails listing the lookup, people and events errors together', async () => {
    const files = study();
    const error = await loadStudy(files).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StudyError);
    const problems = (error as StudyError).problems.filter((p) => p.severity === 'error');
    expect(problems.map((p) => [p.table, p.column, p.kind])).toEqual([
      ['offences', 'category', 'wrong_type'],
      ['offences', 'severity', 'wrong_type'],
      ['people', 'release_date', 'invalid_date'],
      ['events', 'type', 'wrong_type'],
      ['events', 'person_id', 'person_quarantined'],
      ['events', 'person_id', 'person_quarantined'],
      ['events', 'person_id', 'person_quarantined'],
    ]);
    const quality = (error as StudyError).quality;
    expect(quality.offences?.quarantined).toBe(1);
    expect(quality.offences!.read).toBe(quality.offences!.used + quality.offences!.quarantined);
  });

  it('validate prints the lookup read = used + quarantined, and --json has it under "offences"', async () => {
    const files = study();
    const out: string[] = [];
    const output: Output = { stdout: (t) => out.push(t), stderr: () => {} };
    const args = ['--people', files.people, '--events', files.events, '--offences', files.offences, '--quarantine', join(files.dir, 'q')];
    expect(await main(['validate', ...args], output)).toBe(0);
    expect(out.join('\n')).toMatch(/offences +\d+ read, \d+ used, 1 quarantined/);
    expect(out.join('\n')).toContain('Quarantined 6 rows with errors');
    out.length = 0;
    expect(await main(['validate', '--json', ...args], output)).toBe(0);
    const json = JSON.parse(out.join('\n'));
    expect(json.offences.quarantined).toBe(1);
    expect(json.offences.read).toBe(json.offences.used + 1);
  });
});
