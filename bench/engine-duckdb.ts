/**
 * `--engine duckdb` against DuckDB's own read + derive + curve counts on the same
 * files (issue 16; goal: within 1.5×), each in its own process, one after the
 * other, with the load average around each pair: the machine is shared, so the
 * ratio of CPU times (every DuckDB thread is in the process) is shown beside the
 * ratio of wall times, and both runs of a pair see the same load.
 *
 * Cohorts come from FOLLOW_UP_BENCH_DATA/cohort-N when that folder is set (data
 * shared between checkouts), else bench/out/cohort-N, made here by the seeded
 * generator when missing. Runs of 5,000,000 people or more hold the lock file
 * FOLLOW_UP_BENCH_LOCK names (flock), if set, as runs over 3 GB must on a shared
 * machine; for 10M people the engine's files are the national-scale
 * ones (scale-10000000-shuffled) when they are there.
 *
 *   tsx bench/engine-duckdb.ts 100000 1000000 [10000000]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const SIZES = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const DATA = process.env.FOLLOW_UP_BENCH_DATA ?? join(import.meta.dirname, 'out');
const LOCK = process.env.FOLLOW_UP_BENCH_LOCK ?? '';
const big = (n: number) => n >= 5_000_000 && LOCK !== '' && existsSync(LOCK);

interface Run {
  ms: number;
  cpuMs: number;
  maxRssMB: number;
  people?: number;
  events?: number;
}

/** One bench script in its own process (under the big-memory lock for big cohorts): its JSON line. */
function node(n: number, args: string[]): Run {
  const command = [process.execPath, '--import', 'tsx', ...args];
  const full = big(n) ? ['flock', LOCK, ...command] : command;
  const out = execFileSync(full[0], full.slice(1), { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' }, maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split('\n').pop() as string) as Run;
}

function cohort(n: number): string {
  for (const name of [`cohort-${n}`, ...(n >= 5_000_000 ? [`scale-${n}-shuffled`] : [])]) {
    if (existsSync(join(DATA, name, 'events.csv'))) return join(DATA, name);
  }
  const dir = join(DATA, `cohort-${n}`);
  mkdirSync(dir, { recursive: true });
  const gen = [process.execPath, '--import', 'tsx', 'src/synth/write-large.ts', '--people', String(n), '--out', dir, '--seed', '2024'];
  const full = big(n) ? ['flock', LOCK, ...gen] : gen;
  execFileSync(full[0], full.slice(1), { stdio: 'inherit' });
  return dir;
}

const load = () => loadavg()[0].toFixed(1);
const sec = (ms: number, width: number) => (ms / 1000).toFixed(2).padStart(width);
console.log('--engine duckdb: every measure (checks included) against DuckDB reading the files and counting one curve');
console.log('   people     events |  engine s   cpu s  peak MB | DuckDB s   cpu s  peak MB | ratio wall  cpu (goal ≤ 1.5) | load before/after');
for (const n of SIZES.length > 0 ? SIZES : [100_000, 1_000_000]) {
  const dir = cohort(n);
  const before = load();
  const engine = node(n, ['bench/engine-one.ts', dir]);
  const yard = node(n, ['bench/duckdb-yardstick.ts', dir]);
  const after = load();
  const wall = engine.ms / yard.ms;
  const cpu = engine.cpuMs / yard.cpuMs;
  console.log(
    `${String(engine.people).padStart(9)} ${String(engine.events).padStart(10)} | ${sec(engine.ms, 9)} ${sec(engine.cpuMs, 7)} ${engine.maxRssMB.toFixed(0).padStart(8)} |` +
      ` ${sec(yard.ms, 8)} ${sec(yard.cpuMs, 7)} ${yard.maxRssMB.toFixed(0).padStart(8)} |` +
      ` ${wall.toFixed(2).padStart(10)} ${cpu.toFixed(2).padStart(4)} ${Math.max(wall, cpu) <= 1.5 ? 'met' : 'NOT met'}`.padEnd(33) +
      ` | ${before}/${after}`,
  );
}
