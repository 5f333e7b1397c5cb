/**
 * Regression models (regression.md): logistic regression and weighted lm + vcovCL with
 * 20 terms at 10k, 100k and 1M rows, against R's glm and lm + sandwich::vcovCL on the same
 * data in the same run when Rscript is installed (data written to bench/out/).
 *
 *   npx tsx bench/models-glm.ts [sizes...]     e.g. 10000 100000
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { designMatrix, logisticRegression, vcovCL, weightedLinearModel } from '../src/stats/index.js';
import { largeRegressionData } from '../tests/stats/regression-large-data.js';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const SIZES = sizes.length > 0 ? sizes : [10_000, 100_000, 1_000_000];
const OUT = join(import.meta.dirname, 'out');
const withR = spawnSync('Rscript', ['-e', 'suppressMessages(library(sandwich))'], { stdio: 'ignore' }).status === 0;

function best(f: () => void, repeats: number): number {
  let ms = Infinity;
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    f();
    ms = Math.min(ms, performance.now() - t);
  }
  return ms;
}

function writeCsv(file: string, data: ReturnType<typeof largeRegressionData>): void {
  const cols = data.covariates;
  const lines = [[...cols.map((c) => c.name), 'y', 'yl', 'wl', 'g'].join(',')];
  for (let i = 0; i < data.y.length; i++) {
    lines.push([...cols.map((c) => String(c.values[i])), data.y[i], data.yl[i], data.wl[i], data.g[i]].join(','));
  }
  writeFileSync(file, lines.join('\n') + '\n');
}

function rTimes(file: string, repeats: number): { glmMs: number; lmMs: number } {
  const script = `
    suppressMessages(library(sandwich))
    d <- read.csv("${file}", stringsAsFactors = TRUE)
    f <- y ~ age + prior + custody + release_year + u1 + u2 + u3 + u4 + u5 + u6 + u7 + u8 + category + sex
    fl <- yl ~ age + prior + custody + release_year + u1 + u2 + u3 + u4 + u5 + u6 + u7 + u8 + category + sex
    tg <- min(replicate(${repeats}, system.time(glm(f, family = binomial, data = d))[["elapsed"]]))
    tl <- min(replicate(${repeats}, system.time({m <- lm(fl, weights = wl, data = d); v <- vcovCL(m, cluster = ~g)})[["elapsed"]]))
    cat(tg * 1000, tl * 1000, "\\n")`;
  const [glmMs, lmMs] = execFileSync('Rscript', ['-e', script], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
  return { glmMs, lmMs };
}

mkdirSync(OUT, { recursive: true });
// Warm the JIT once on a small fit so the first size is not charged for compilation.
{
  const warm = largeRegressionData(2000);
  logisticRegression(designMatrix(warm.covariates), warm.y);
  vcovCL(weightedLinearModel(designMatrix(warm.covariates), warm.yl, warm.wl), warm.g);
}
console.log(`Regression models, 20 terms${withR ? ' (R glm and lm + vcovCL on the same data)' : ' (R not installed: no yardsticks)'}`);
console.log('rows        glm ms   R glm ms  ratio | lm+vcovCL ms  R ms  ratio');
for (const n of SIZES) {
  const data = largeRegressionData(n);
  const repeats = n >= 1_000_000 ? 1 : 3;
  let fitMs = 0;
  let lmMs = 0;
  fitMs = best(() => {
    const d = designMatrix(data.covariates);
    logisticRegression(d, data.y);
  }, repeats);
  lmMs = best(() => {
    const d = designMatrix(data.covariates);
    vcovCL(weightedLinearModel(d, data.yl, data.wl), data.g);
  }, repeats);
  let r: { glmMs: number; lmMs: number } | null = null;
  if (withR) {
    const file = join(OUT, `regression-${n}.csv`);
    writeCsv(file, data);
    r = rTimes(file, repeats);
  }
  const f = (v: number) => v.toFixed(0).padStart(9);
  console.log(
    `${String(n).padStart(9)} ${f(fitMs)} ${r ? f(r.glmMs) : '        -'} ${r ? (fitMs / r.glmMs).toFixed(2).padStart(6) : '     -'} | ${f(lmMs)} ${r ? f(r.lmMs) : '        -'} ${r ? (lmMs / r.lmMs).toFixed(2).padStart(6) : '     -'}`,
  );
}
