/**
 * Pathological files of issue 14, loaded with timings: 1,000,000 events of one
 * person in reverse order, 100,000 same-day events of one person (duplicate
 * merging), 100,000 recalls of a completed person, a 1 MB cell (`x@` and a
 * million letters, the email shape's worst case), and a 40 MB events file with
 * CR-only line ends against the same file with LF. Files go to bench/out/hostile/.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadStudy, StudyError } from '../src/records/index.js';

const OUT = join(import.meta.dirname, 'out', 'hostile');
mkdirSync(OUT, { recursive: true });

const PEOPLE_HEAD = 'person_id,service,index_offence,release_date,service_end,end_reason,follow_up_end,tier\n';
const person = (id: string, tier = '') => `${id},Resettle,VAP-GBH-S20,2000-01-01,2010-01-01,completed,2030-12-31,${tier}\n`;

function write(name: string, make: () => string): string {
  const path = join(OUT, name);
  if (!existsSync(path)) writeFileSync(path, make());
  return path;
}

const day = (d: number) => new Date(Date.UTC(2000, 0, 2) + d * 86_400_000).toISOString().slice(0, 10);
const onePerson = write('people-one.csv', () => PEOPLE_HEAD + person('S0000001'));

function events(n: number, row: (i: number) => string, eol = '\n', extra = ''): string {
  const parts = ['person_id,type,date,conviction_date,offence,recall_reasons' + extra];
  for (let i = 0; i < n; i++) parts.push(row(i));
  return parts.join(eol) + eol;
}

const cases: { name: string; people: string; events: string }[] = [
  {
    name: '1,000,000 events of one person, reverse order',
    people: onePerson,
    events: write('events-reverse-1m.csv', () => events(1_000_000, (i) => `S0000001,breach,${day(10_000 - (i % 10_000))},,,`)),
  },
  {
    name: '100,000 same-day events of one person (50,000 distinct)',
    people: onePerson,
    events: write('events-same-day-100k.csv', () => events(100_000, (i) => `S0000001,breach,2005-01-01,,,,${i % 50_000}`, '\n', ',seq')),
  },
  {
    name: '100,000 recalls of a completed person',
    people: onePerson,
    events: write('events-recalls-100k.csv', () => events(100_000, (i) => `S0000001,recall,${day(i % 3000)},,,`)),
  },
  {
    name: 'a 1 MB cell (x@ and a million letters)',
    people: write('people-1mb-cell.csv', () => PEOPLE_HEAD + person('S0000001', 'x@' + 'a'.repeat(1_000_000))),
    events: write('events-none.csv', () => events(0, () => '')),
  },
];
// 40 MB of events, LF and CR-only: the same rows.
const people40 = write('people-40mb.csv', () => {
  let s = PEOPLE_HEAD;
  for (let p = 0; p < 20_000; p++) s += person(`S${String(p).padStart(7, '0')}`);
  return s;
});
const rows40 = (eol: string) =>
  events(1_000_000, (i) => `S${String(i % 20_000).padStart(7, '0')},conviction,${day(i % 7000)},${day((i % 7000) + 30)},VAP-GBH-S20,`, eol);
cases.push({ name: '40 MB events file, LF', people: people40, events: write('events-40mb-lf.csv', () => rows40('\n')) });
cases.push({ name: '40 MB events file, CR only', people: people40, events: write('events-40mb-cr.csv', () => rows40('\r')) });

console.log('Hostile input (issue 14):');
for (const c of cases) {
  const t0 = performance.now();
  let outcome: string;
  try {
    const study = await loadStudy({ people: c.people, events: c.events }, { extractionDate: '2030-12-31', threads: 1 });
    outcome = `${study.quality.events.read} events read, ${study.events.numRows()} kept`;
  } catch (error) {
    if (!(error instanceof StudyError)) throw error;
    outcome = `refused: ${error.problems.filter((p) => p.severity === 'error').length} errors`;
  }
  console.log(`  ${c.name.padEnd(48)} ${((performance.now() - t0) / 1000).toFixed(2).padStart(7)} s  ${outcome}`);
}
