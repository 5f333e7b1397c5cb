/**
 * `npm run bench`: load, validate and measure times and peak memory at 10k,
 * 100k and 1M people (about 10 events each), R's data.table::fread and
 * survival::survfit on the same files and curve as yardsticks when R is
 * installed, nearest-neighbour matching of 1,000 against 1,000,000 (bench/matching.ts),
 * and the time to render every sample page.
 *
 *   npm run bench                 all sizes
 *   npm run bench -- 10000 100000 chosen sizes
 *   npm run bench -- --no-models  without the regression models (bench/models-*.ts)
 *   npm run bench -- --10m        the national-scale comparison (bench/scale.ts) at 10M people too
 *   npm run bench -- --no-engine  without --engine duckdb (bench/engine-duckdb.ts)
 *   npm run bench -- --engine-10m with --engine duckdb on 10M people too (about 6 GB of files; FOLLOW_UP_BENCH_DATA
 *                                 names a folder of cohorts shared between checkouts)
 *
 * Cohorts are generated once into bench/out/ (ignored by git) by the seeded
 * generator and reused.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const SIZES = sizes.length > 0 ? sizes : [10_000, 100_000, 1_000_000];
const OUT = join(import.meta.dirname, 'out');
const tsx = ['--import', 'tsx'];

function hasR(): boolean {
  const probe = spawnSync('Rscript', ['-e', 'suppressMessages({library(data.table); library(survival)})'], { stdio: 'ignore' });
  return probe.status === 0;
}

function cohort(n: number): string {
  const dir = join(OUT, `cohort-${n}`);
  if (!existsSync(join(dir, 'events.csv'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync(process.execPath, [...tsx, 'src/synth/write-large.ts', '--people', String(n), '--out', dir, '--seed', '2024'], {
      stdio: 'inherit',
    });
  }
  return dir;
}

function rYardsticks(dir: string, kmFile: string): { freadMs: number; survfitMs: number } {
  const script = `
    suppressMessages({library(data.table); library(survival)})
    t <- system.time({p <- fread("${join(dir, 'people.csv')}"); e <- fread("${join(dir, 'events.csv')}")})[["elapsed"]]
    km <- fread("${kmFile}")
    s <- system.time(survfit(Surv(time, event) ~ 1, data = km, conf.type = "log"))[["elapsed"]]
    cat(t * 1000, s * 1000, "\\n")`;
  const [freadMs, survfitMs] = execFileSync('Rscript', ['-e', script], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
  return { freadMs, survfitMs };
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const s = (ms: number) => (ms / 1000).toFixed(2).padStart(7);
const withR = hasR();
console.log(`follow-up benchmarks on ${process.platform}, node ${process.version}${withR ? ', with R yardsticks' : ' (R not installed: no yardsticks)'}`);

execFileSync(process.execPath, [...tsx, 'bench/hostile.ts'], { stdio: 'inherit' });
execFileSync(process.execPath, [...tsx, 'bench/many-services.ts'], { stdio: 'inherit' });
console.log('Statistics alone:');
execFileSync(process.execPath, [...tsx, 'bench/stats.ts'], { stdio: 'inherit' });
if (!process.argv.includes('--no-models')) {
  for (const model of ['bench/models-glm.ts', 'bench/models-cox.ts', 'bench/models-cif.ts']) {
    execFileSync(process.execPath, ['--max-old-space-size=8192', ...tsx, model, ...SIZES.map(String)], { stdio: 'inherit' });
  }
}
execFileSync(process.execPath, [...tsx, 'bench/matching.ts'], { stdio: 'inherit' });
// Events in random order and sorted, against R's fread + first recall + survfit (bench/scale.ts; --10m adds 10M people, under the big-memory lock).
const scaleArgs = process.argv.slice(2).filter((a) => a === '--10m' || Number(a) >= 100_000);
// Sizes chosen, none of them national: no national-scale run.
if (sizes.length === 0 || scaleArgs.some((a) => a !== '--10m')) execFileSync(process.execPath, [...tsx, 'bench/scale.ts', ...scaleArgs], { stdio: 'inherit' });
console.log('people      events   files MB  load+validate s  measures s  KM s   peak MB | fread s  survfit s');
for (const n of SIZES) {
  const dir = cohort(n);
  const kmFile = join(dir, 'km.csv');
  const run = execFileSync(process.execPath, ['--max-old-space-size=8192', ...tsx, 'bench/measure-one.ts', dir, '--km-out', kmFile], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
  });
  const r = JSON.parse(run.trim().split('\n').pop() as string);
  const bytes = statSync(join(dir, 'people.csv')).size + statSync(join(dir, 'events.csv')).size;
  const yard = withR ? rYardsticks(dir, kmFile) : null;
  const verdicts = [
    yard && `load ${r.loadMs <= yard.freadMs ? 'at least as fast as' : 'slower than'} fread`,
    yard && `Kaplan–Meier ${(r.kmMs / yard.survfitMs).toFixed(2)} of survfit's time (goal ≤ 0.20)`,
    n >= 1_000_000 && `every measure ${r.measureMs < 10_000 ? 'under' : 'OVER'} 10 s`,
    `peak memory ${r.maxRssMB < 4096 ? 'under' : 'OVER'} 4 GB`,
  ].filter(Boolean);
  console.log(
    `${String(r.people).padStart(9)} ${String(r.events).padStart(10)} ${mb(bytes).padStart(9)} ${s(r.loadMs).padStart(16)} ${s(r.measureMs).padStart(11)} ${s(r.kmMs)} ${r.maxRssMB.toFixed(0).padStart(8)} |` +
      (yard ? ` ${s(yard.freadMs)} ${s(yard.survfitMs).padStart(10)}` : ''),
  );
  console.log(`           goals: ${verdicts.join('; ')}`);
}

// --engine duckdb against DuckDB's own read + derive + curve counts (bench/engine-duckdb.ts); 10M people with --engine-10m.
if (!process.argv.includes('--no-engine')) {
  const engineSizes = [...SIZES.filter((n) => n >= 100_000), ...(process.argv.includes('--engine-10m') ? [10_000_000] : [])];
  if (engineSizes.length > 0) execFileSync(process.execPath, [...tsx, 'bench/engine-duckdb.ts', ...engineSizes.map(String)], { stdio: 'inherit' });
}

// Each notebook reports its own time (load, measures, charts, page); the process start and
// the one-off import of vega are shown apart. The pages are deterministic, so rewriting
// reports/ leaves them as committed.
const t = process.hrtime.bigint();
const rendered = execFileSync(process.execPath, [...tsx, 'analyses/render-all.ts'], {
  encoding: 'utf8',
  env: { ...process.env, TZ: 'UTC' },
});
const wallMs = Number(process.hrtime.bigint() - t) / 1e6;
const pages = [...rendered.matchAll(/^(\S+): wrote .* \((\d+) ms\)$/gm)].map((m) => ({ name: m[1], ms: Number(m[2]) }));
const pagesMs = pages.reduce((sum, p) => sum + p.ms, 0);
console.log(
  `Rendering every sample page: ${s(pagesMs)} s (${pages.map((p) => `${p.name} ${p.ms} ms`).join(', ')}); with process start and imports ${s(wallMs)} s`,
);

// The live preview: saving the Resettle notebook to its page re-rendered (bench/preview.ts).
process.stdout.write(execFileSync(process.execPath, [...tsx, 'bench/preview.ts'], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } }));
