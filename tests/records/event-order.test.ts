// Loading does not care about event order (sorting.ts, person-table.ts): a shuffled copy of a sample's
// events, with rows in error and warnings added, gives the same study, the same problems (their lines
// mapped through the shuffle) and the same rows set aside, read whole or in parts.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStudyReading, type EventsReading } from '../../src/records/load-study.js';
import { mulberry32 } from '../../src/synth/prng.js';
import type { Study } from '../../src/study/study.js';

const SAMPLE = 'data-samples/national';

/** The sample's event rows with problems of every kind the order could touch. */
function eventLines(): { header: string; rows: string[] } {
  const [header, ...rows] = readFileSync(join(SAMPLE, 'events.csv'), 'utf8').trimEnd().split('\n');
  const first = rows[0].split(',');
  const id = first[0];
  rows.push(
    rows[10], // a duplicate of another row
    rows[10], // and another
    `${id},breach,2019-02-30,,,`, // invalid date: set aside
    `P-NOBODY,breach,2019-03-01,,,`, // unknown person: set aside
    `${id},conviction,2019-03-01,2019-04-01,VAP-MURDER,further_charge`, // recall reasons on a conviction: a warning
    `${id},breach,2019-05-05,,,`,
    `${id},breach,2019-05-05,,,`, // same day, same type, identical: a duplicate
    `${id},conviction,2019-05-05,2019-07-01,VAP-MURDER,`,
    `${id},conviction,2019-05-05,2019-06-01,VAP-MURDER,`, // same day and type, another conviction date: order by content
  );
  return { header, rows };
}

function write(dir: string, name: string, header: string, rows: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${header}\n${rows.join('\n')}\n`);
  return path;
}

const plain = (v: unknown) => (typeof v === 'number' && Number.isNaN(v) ? 'NaN' : v);
const tableOf = (t: Study['events']) => Object.fromEntries(t.columnNames().map((n) => [n, Array.from(t.array(n) as ArrayLike<unknown>, plain)]));

async function load(events: string, reading: EventsReading, quarantineDir: string): Promise<Study> {
  return loadStudyReading(
    { people: join(SAMPLE, 'people.csv'), events, offences: 'data-samples/offences.csv' },
    { extractionDate: '2024-03-31', quarantineDir },
    reading,
  );
}

/**
 * Problems as comparable text, event lines mapped by `map`. Which of identical rows is counted and
 * which is the duplicate depends on file order (the first one stands), so duplicates are compared
 * as groups of lines holding one row.
 */
function problemsOf(study: Study, map: (line: number) => number): string[] {
  const group = new Map<number, Set<number>>();
  const join = (a: number, b: number) => {
    const merged = new Set([...(group.get(a) ?? [a]), ...(group.get(b) ?? [b])]);
    for (const l of merged) group.set(l, merged);
  };
  const out: string[] = [];
  for (const p of study.quality.problems) {
    if (p.table !== 'events' || p.line === 0) out.push(JSON.stringify({ ...p, file: '' }));
    else if (p.kind === 'duplicate_event') join(map(p.line), map(Number(/line (\d+)/.exec(p.expected)![1])));
    else out.push(JSON.stringify({ ...p, file: '', line: map(p.line) }));
  }
  for (const g of new Set(group.values())) out.push(`duplicates ${[...g].sort((a, b) => a - b).join('~')}`);
  return out.sort();
}

function quarantineOf(dir: string, map: (line: number) => number): string[] {
  const [, ...lines] = readFileSync(join(dir, 'quarantine.csv'), 'utf8').trimEnd().split('\n');
  return lines.map((l) => l.replace(/^(events,[^,]*,)(\d+),/, (_, _head, n) => `events,,${map(Number(n))},`).replace(/^people,[^,]*,/, 'people,,')).sort();
}

describe('event order', () => {
  it('a shuffled copy of a sample gives the same study, problems and quarantine, whole or in parts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'event-order-'));
    const { header, rows } = eventLines();
    const sortedPath = write(dir, 'sorted.csv', header, rows);
    // shuffled[k] = rows[perm[k]]: row r of the sorted file (line r + 2) is on line place[r] + 2 of the shuffled one.
    const rng = mulberry32(16);
    const perm = rows.map((_, i) => i);
    for (let i = perm.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
    const place = new Array<number>(rows.length);
    perm.forEach((r, k) => (place[r] = k));
    expect(perm.filter((r, k) => r !== k).length).toBeGreaterThan(rows.length * 0.9);
    const shuffledPath = write(
      dir,
      'shuffled.csv',
      header,
      perm.map((r) => rows[r]),
    );
    const toShuffled = (line: number) => place[line - 2] + 2;
    const same = (line: number) => line;

    const sorted = await load(sortedPath, { parts: 1, inWorkers: false, minBytes: 0 }, join(dir, 'q-sorted'));
    const expectedProblems = problemsOf(sorted, toShuffled);
    const expectedQuarantine = quarantineOf(join(dir, 'q-sorted'), toShuffled);
    expect(sorted.quality.events.quarantined).toBe(2);
    expect(sorted.quality.warnings.duplicate_event).toBe(3);
    expect(sorted.quality.warnings.recall_reasons_on_non_recall).toBe(1);

    for (const reading of [
      { parts: 1, inWorkers: false, minBytes: 0 },
      { parts: 3, inWorkers: false, minBytes: 0 },
    ]) {
      const q = join(dir, `q-shuffled-${reading.parts}`);
      const shuffled = await load(shuffledPath, reading, q);
      expect(tableOf(shuffled.events)).toEqual(tableOf(sorted.events));
      expect(tableOf(shuffled.people)).toEqual(tableOf(sorted.people));
      expect(Array.from(shuffled.personStart)).toEqual(Array.from(sorted.personStart));
      expect(shuffled.quality.events).toEqual(sorted.quality.events);
      expect(shuffled.quality.warnings).toEqual(sorted.quality.warnings);
      expect(problemsOf(shuffled, same)).toEqual(expectedProblems);
      expect(quarantineOf(q, same)).toEqual(expectedQuarantine);
    }
  });
});
