/**
 * Cox model timings (regression.md, "Cox proportional hazards"): coxph with five covariates
 * (two numeric, two 0/1, one level of a three-level factor… as the seeded generator of
 * tests/stats/cox-data.ts makes them, follow-up in days so times tie), then concordance and
 * cox.zph, at 10k, 100k and 1M rows; R's coxph, concordance and cox.zph on the same rows
 * in the same run when Rscript is installed. Data are written once to bench/out/.
 *
 *   npx tsx bench/models-cox.ts                  10k, 100k, 1M
 *   npx tsx bench/models-cox.ts 10000 100000     chosen sizes
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { coxConcordance, coxph, coxZph } from '../src/stats/index.js';
import { coxData } from '../tests/stats/cox-data.js';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const SIZES = sizes.length > 0 ? sizes : [10_000, 100_000, 1_000_000];
const OUT = join(import.meta.dirname, 'out');

function hasR(): boolean {
  return spawnSync('Rscript', ['-e', 'suppressMessages(library(survival))'], { stdio: 'ignore' }).status === 0;
}

async function writeCsv(file: string, d: ReturnType<typeof coxData>): Promise<void> {
  const out = createWriteStream(file);
  const { names, columns } = d.covariates;
  out.write(`time,event,${names.join(',')}\n`);
  const n = d.time.length;
  for (let start = 0; start < n; start += 10_000) {
    let chunk = '';
    for (let i = start; i < Math.min(n, start + 10_000); i++) {
      chunk += `${d.time[i]},${d.event[i]}`;
      for (const c of columns) chunk += `,${c[i]}`;
      chunk += '\n';
    }
    out.write(chunk);
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

function rTimes(file: string, names: string[]): { fit: number; concordance: number; zph: number; coef: number[] } {
  const script = `
    suppressMessages(library(survival))
    d <- if (requireNamespace("data.table", quietly = TRUE)) data.table::fread("${file}") else read.csv("${file}")
    fit <- NULL
    a <- system.time(fit <- coxph(Surv(time, event) ~ ${names.join(' + ')}, data = d))[["elapsed"]]
    b <- system.time(concordance(fit))[["elapsed"]]
    z <- system.time(cox.zph(fit, transform = "km"))[["elapsed"]]
    cat(a * 1000, b * 1000, z * 1000, sprintf("%.17g", coef(fit)), "\\n")`;
  const v = execFileSync('Rscript', ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 24 })
    .trim()
    .split(/\s+/)
    .map(Number);
  return { fit: v[0], concordance: v[1], zph: v[2], coef: v.slice(3) };
}

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

const withR = hasR();
mkdirSync(OUT, { recursive: true });
console.log(`Cox model (5 covariates, Efron ties)${withR ? ', R survival::coxph alongside' : ' (R not installed)'}`);
console.log('rows        fit s  concordance s  cox.zph s  iter | R fit s  R conc. s  R zph s | fit ratio  all ratio  max |Δβ|/|β|');
for (const n of SIZES) {
  const d = coxData({
    seed: 20261202 + n,
    n,
    numeric: 2,
    binary: 2,
    levels: 2,
    horizon: 3650,
    censor: 1.5,
    effect: 0.5,
    weights: 'none',
    cluster: 0,
    ties: 'efron',
    robust: false,
    collinear: false,
    noEventLevel: false,
    separate: 'none',
  });
  const file = join(OUT, `cox-${n}.csv`);
  if (withR && !existsSync(file)) await writeCsv(file, d);
  const [fit, fitMs] = time(() => coxph(d.time, d.event, d.covariates));
  const [, concMs] = time(() => coxConcordance(fit));
  const [, zphMs] = time(() => coxZph(fit));
  const r = withR ? rTimes(file, d.covariates.names as string[]) : null;
  const s = (ms: number) => (ms / 1000).toFixed(2).padStart(7);
  let line = `${String(n).padStart(9)} ${s(fitMs)} ${s(concMs).padStart(14)} ${s(zphMs).padStart(10)} ${String(fit.iterations).padStart(5)} |`;
  if (r) {
    const ours = fitMs + concMs + zphMs;
    const theirs = r.fit + r.concordance + r.zph;
    const delta = Math.max(...fit.coefficients.map((c, j) => Math.abs(c! - r.coef[j]) / Math.abs(r.coef[j])));
    line += ` ${s(r.fit)} ${s(r.concordance).padStart(9)} ${s(r.zph).padStart(8)} | ${(fitMs / r.fit).toFixed(2).padStart(9)} ${(ours / theirs).toFixed(2).padStart(10)}  ${delta.toExponential(1)}`;
  }
  console.log(line);
}
console.log("ratio = our time / R's (below 1: faster than R); R's times exclude reading the file.");
