/**
 * Timings of the statistics on their own, in this process: Fisher's exact test on
 * 2 × 2 tables (n = 10,000 and 1,000,000) and an r × 2 table, the chi-square test,
 * and Kaplan–Meier and the log-rank test on a million people.
 */
import { chiSquareTest, fisherExact, kaplanMeier, logRank } from '../src/stats/index.js';
import { mulberry32 } from '../src/synth/prng.js';

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const result = f();
  return [result, performance.now() - t];
}

const rows: [string, number][] = [];
for (const n of [10_000, 1_000_000]) {
  const a = Math.round(n * 0.13);
  const table = [
    [a, n / 2 - a],
    [Math.round(n * 0.15), n / 2 - Math.round(n * 0.15)],
  ];
  rows.push([`Fisher 2 × 2, n = ${n.toLocaleString('en-GB')}`, time(() => fisherExact(table))[1]]);
}
rows.push([
  'Fisher 5 × 2, n = 500',
  time(() =>
    fisherExact([
      [20, 80],
      [25, 75],
      [30, 70],
      [18, 82],
      [27, 73],
    ]),
  )[1],
]);
rows.push(['chi-square 20 × 2, n = 3,000', time(() => chiSquareTest(Array.from({ length: 20 }, (_, i) => [40 + i, 110 - i])))[1]]);

const random = mulberry32(7);
const N = 1_000_000;
const t = new Float64Array(N);
const e = new Uint8Array(N);
const g = new Array<string>(N);
for (let i = 0; i < N; i++) {
  t[i] = Math.floor(random() * 2000);
  e[i] = random() < 0.4 ? 1 : 0;
  g[i] = `s${i % 12}`;
}
rows.push(['Kaplan–Meier, 1,000,000 people', time(() => kaplanMeier(t, e, { confType: 'log' }))[1]]);
rows.push(['log-rank, 1,000,000 people in 12 groups', time(() => logRank(t, e, g))[1]]);

for (const [label, ms] of rows) console.log(`  ${label.padEnd(42)} ${ms.toFixed(1).padStart(8)} ms`);
