/**
 * National scale (issue 16): the whole `follow-up measures --json` on events in
 * random order and sorted by person, against R's data.table::fread + first-recall
 * derivation + survfit (bench/first-recall.R) and DuckDB's own CSV read + first
 * recall + curve counts (bench/duckdb-yardstick.ts) on the same files in the same
 * run. Each run is its own process, timed with its peak memory by /usr/bin/time;
 * the load average stands beside each row, as the machine may be shared.
 *
 *   tsx bench/scale.ts [SIZES...] [--10m]
 *
 * Sizes default to 100,000 and 1,000,000 people (about 10 events each); --10m (or
 * FOLLOW_UP_BENCH_10M=1) adds 10,000,000, every run of which holds the lock file
 * FOLLOW_UP_BENCH_LOCK names (flock), if set, as runs over 3 GB must on a shared machine. Files go to bench/out/, or to FOLLOW_UP_BENCH_DATA when set
 * (a directory shared between worktrees), and are generated once.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const OUT = process.env.FOLLOW_UP_BENCH_DATA ?? join(import.meta.dirname, 'out');
const EXTRACTION = '2024-03-31';
const args = process.argv.slice(2);
const sizes = args.map(Number).filter((n) => n > 0);
const with10m = args.includes('--10m') || process.env.FOLLOW_UP_BENCH_10M === '1';
const SIZES = [...(sizes.length > 0 ? sizes : [100_000, 1_000_000]), ...(with10m ? [10_000_000] : [])];
const LOCK = process.env.FOLLOW_UP_BENCH_LOCK ?? '';
const tsx = ['--import', 'tsx'];

/** A command under /usr/bin/time (and the big-memory lock for 10M people): its output, seconds and peak MB. */
function timed(n: number, command: string[], env: NodeJS.ProcessEnv = process.env): { out: string; s: number; mb: number } {
  const time = ['/usr/bin/time', '-f', '@@%e %M', ...command];
  const full = n >= 5_000_000 && LOCK !== '' && existsSync(LOCK) ? ['flock', LOCK, ...time] : time;
  const r = spawnSync(full[0], full.slice(1), { encoding: 'utf8', env, maxBuffer: 1 << 30 });
  const m = /@@([\d.]+) (\d+)/.exec(r.stderr);
  if (r.status !== 0 || m === null) throw new Error(`${command.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return { out: r.stdout, s: Number(m[1]), mb: Number(m[2]) / 1024 };
}

function cohort(n: number, order: 'shuffled' | 'sorted'): string {
  const dir = join(OUT, `scale-${n}-${order}`);
  if (!existsSync(join(dir, 'events.csv'))) {
    mkdirSync(dir, { recursive: true });
    const gen = [process.execPath, ...tsx, 'src/synth/write-large.ts', '--people', String(n), '--out', dir, '--order', order];
    if (n >= 5_000_000 && LOCK !== '' && existsSync(LOCK)) execFileSync('flock', [LOCK, ...gen], { stdio: 'inherit' });
    else execFileSync(gen[0], gen.slice(1), { stdio: 'inherit' });
  }
  return dir;
}

const lastLine = (out: string) => JSON.parse(out.trim().split('\n').pop() as string);
const load = () => loadavg()[0].toFixed(1);
const hasR = spawnSync('Rscript', ['-e', 'suppressMessages({library(data.table); library(survival)})'], { stdio: 'ignore' }).status === 0;
const f = (x: number, d = 1) => x.toFixed(d);
console.log(
  `National scale: measures --json against R (${hasR ? 'data.table fread + first recall + survfit' : 'R with data.table not installed: no yardstick'}) and DuckDB (read_csv + first recall + curve counts)`,
);
console.log(
  'people     order     events MB | load s  measures s  peak MB | measures --json s  peak MB | R s (read/derive/survfit)  R MB | DuckDB s  MB | /R    /DuckDB | load avg',
);
const stepRows: { label: string; steps: Record<string, number> }[] = [];
for (const n of SIZES) {
  for (const order of ['shuffled', 'sorted'] as const) {
    const dir = cohort(n, order);
    const files = ['--people', join(dir, 'people.csv'), '--events', join(dir, 'events.csv'), '--extraction-date', EXTRACTION];
    const heap = `--max-old-space-size=${n >= 5_000_000 ? 20480 : 8192}`;
    const before = load();
    // In-process: load, then every measure timed by itself (bench/measure-one.ts).
    const one = timed(n, [process.execPath, heap, ...tsx, 'bench/measure-one.ts', dir], { ...process.env, TZ: 'UTC' });
    const r1 = lastLine(one.out);
    stepRows.push({ label: `${n} ${order}`, steps: r1.steps });
    const cli = timed(n, [process.execPath, heap, ...tsx, 'src/cli/main.ts', 'measures', ...files, '--json'], { ...process.env, TZ: 'UTC' });
    const r = hasR ? timed(n, ['Rscript', 'bench/first-recall.R', dir, EXTRACTION]) : null;
    const parts = r ? r.out.trim().split(/\s+/).map(Number) : [];
    const duck = timed(n, [process.execPath, ...tsx, 'bench/duckdb-yardstick.ts', dir]);
    const mb = statSync(join(dir, 'events.csv')).size / 2 ** 20;
    console.log(
      `${String(n).padStart(9)}  ${order.padEnd(8)} ${f(mb, 0).padStart(9)} | ${f(r1.loadMs / 1000).padStart(6)} ${f(r1.measureMs / 1000).padStart(11)} ${f(one.mb, 0).padStart(8)} | ${f(cli.s).padStart(17)} ${f(cli.mb, 0).padStart(8)} |` +
        (r
          ? ` ${f(r.s).padStart(5)} (${parts
              .slice(0, 3)
              .map((x) => f(x))
              .join('/')})`.padEnd(27) + ` ${f(r.mb, 0).padStart(5)} |`
          : ' (no R)'.padEnd(35) + ' |') +
        ` ${f(duck.s).padStart(8)} ${f(duck.mb, 0).padStart(4)} | ${r ? f(cli.s / r.s, 2).padStart(4) : '   –'} ${f(cli.s / duck.s, 2).padStart(8)} | ${before}–${load()}`,
    );
    if (r && order === 'shuffled' && n === 1_000_000) {
      console.log(`           goal: measures --json on 1M unsorted people ≤ 0.5 of R's time: ${cli.s / r.s <= 0.5 ? 'met' : 'NOT met'} (${f(cli.s / r.s, 2)})`);
    }
    if (n >= 10_000_000) console.log(`           goal: 10M people under 8 GB: ${cli.mb < 8192 ? 'met' : 'NOT met'} (${f(cli.mb / 1024, 1)} GB)`);
  }
}
// Where the measures' time goes: each step of computeMeasures, in seconds.
const names = [...new Set(stepRows.flatMap((r) => Object.keys(r.steps)))];
console.log(`measures by step, s: ${'people order'.padEnd(18)} ${names.join(' | ')}`);
for (const row of stepRows) console.log(`  ${row.label.padEnd(37)} ${names.map((k) => f((row.steps[k] ?? 0) / 1000, 2).padStart(k.length)).join(' | ')}`);
