/**
 * Competing risks (regression.md, "Competing risks — Aalen–Johansen cumulative
 * incidence"): the Aalen–Johansen fit with its infinitesimal-jackknife standard errors,
 * and Gray's test of each of two causes across four groups, at 10k, 100k and 1M people
 * (follow-up in days up to about 5 years); R's survfit (multi-state) and cmprsk::cuminc on
 * the same data in the same run when Rscript is installed, with the ratios.
 *
 *   npx tsx bench/models-cif.ts                  10k, 100k, 1M (R's survfit takes about
 *                                                a minute at 1M: its loop is over people)
 *   npx tsx bench/models-cif.ts 10000 100000     chosen sizes
 *
 * The data go to bench/out/ (ignored by git) as CSV for R.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aalenJohansen, grayTest } from '../src/stats/index.js';
import { mulberry32 } from '../src/synth/prng.js';

const args = process.argv.slice(2);
const sizes = args.map(Number).filter((n) => n > 0);
const SIZES = sizes.length > 0 ? sizes : [10_000, 100_000, 1_000_000];
const OUT = join(import.meta.dirname, 'out');

interface Data {
  time: Float64Array;
  status: Int32Array;
  group: string[];
}

/** Reconviction (1) and death (2) competing, censoring at the end of follow-up, four services of unequal size. */
function generate(n: number): Data {
  const random = mulberry32(20261202 + n);
  const time = new Float64Array(n);
  const status = new Int32Array(n);
  const group = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const g = Math.min(3, Math.floor(random() * random() * 4.5));
    const followUp = 365 + Math.floor(random() * 1461);
    const reconviction = Math.floor(-Math.log(1 - random()) * (700 + 150 * g));
    const death = Math.floor(-Math.log(1 - random()) * 9000);
    const first = Math.min(reconviction, death);
    time[i] = Math.min(first, followUp);
    status[i] = first > followUp ? 0 : reconviction <= death ? 1 : 2;
    group[i] = `service ${g + 1}`;
  }
  return { time, status, group };
}

function writeCsv(file: string, d: Data): void {
  const lines = ['time,status,group'];
  for (let i = 0; i < d.time.length; i++) lines.push(`${d.time[i]},${d.status[i]},${d.group[i]}`);
  writeFileSync(file, lines.join('\n') + '\n');
}

function best(f: () => unknown, times: number): number {
  let ms = Infinity;
  for (let k = 0; k < times; k++) {
    const t = performance.now();
    f();
    ms = Math.min(ms, performance.now() - t);
  }
  return ms;
}

function rTimes(file: string): { survfitMs: number; cumincMs: number } | null {
  const script = `
    suppressMessages({library(survival); library(cmprsk)})
    d <- read.csv("${file}")
    s <- system.time(survfit(Surv(time, factor(status, levels = 0:2)) ~ 1, data = d))[["elapsed"]]
    c <- system.time(cuminc(d$time, d$status, d$group))[["elapsed"]]
    cat(s * 1000, c * 1000, "\\n")`;
  const run = spawnSync('Rscript', ['-e', script], { encoding: 'utf8' });
  if (run.status !== 0) return null;
  const [survfitMs, cumincMs] = run.stdout.trim().split(/\s+/).map(Number);
  return { survfitMs, cumincMs };
}

const withR = spawnSync('Rscript', ['-e', 'suppressMessages({library(survival); library(cmprsk)})'], { stdio: 'ignore' }).status === 0;
mkdirSync(OUT, { recursive: true });
const warm = generate(2000);
aalenJohansen(warm.time, warm.status);
grayTest(warm.time, warm.status, warm.group, 1);

const ms = (x: number | null) => (x === null ? '—' : x.toFixed(0)).padStart(9);
const ratio = (a: number, b: number | null) => (b === null ? '' : `${(a / b).toFixed(3)}`);
console.log(`Competing risks${withR ? ' (R: survival survfit multi-state, cmprsk cuminc; ratio = ours / R, goal < 1)' : ' (R not installed: no yardsticks)'}`);
console.log('   people  AJ+se ms  survfit ms  ratio | Gray×2 ms  cuminc ms  ratio | rows');
for (const n of SIZES) {
  const d = generate(n);
  const repeat = n <= 100_000 ? 3 : 1;
  let rows = 0;
  const ajMs = best(() => {
    rows = aalenJohansen(d.time, d.status, { causes: 2 }).time.length;
  }, repeat);
  const grayMs = best(() => {
    grayTest(d.time, d.status, d.group, 1);
    grayTest(d.time, d.status, d.group, 2);
  }, repeat);
  let r: ReturnType<typeof rTimes> = null;
  if (withR) {
    const file = join(OUT, `competing-risks-${n}.csv`);
    if (!existsSync(file)) writeCsv(file, d);
    r = rTimes(file);
  }
  console.log(
    `${String(n).padStart(9)} ${ms(ajMs)} ${ms(r?.survfitMs ?? null).padStart(11)} ${ratio(ajMs, r?.survfitMs ?? null).padStart(6)} |` +
      ` ${ms(grayMs)} ${ms(r?.cumincMs ?? null).padStart(10)} ${ratio(grayMs, r?.cumincMs ?? null).padStart(6)} | ${rows}`,
  );
}
