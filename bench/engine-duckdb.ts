/**
 * `--engine duckdb` against DuckDB's own read + derive + curve counts on the same
 * files (issue 16; goal: within 1.5×), each in its own process. Cohorts come from
 * bench/out/ (made by bench/run.ts or here, by the seeded generator).
 *
 *   tsx bench/engine-duckdb.ts 100000 1000000 [10000000]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const SIZES = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const OUT = join(import.meta.dirname, 'out');
const node = (args: string[]) =>
  JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } })
      .trim()
      .split('\n')
      .pop() as string,
  );

console.log('--engine duckdb: every measure (checks included) against DuckDB reading the files and counting one curve');
console.log('   people     events  engine s  peak MB | DuckDB s  peak MB | ratio (goal ≤ 1.5)');
for (const n of SIZES.length > 0 ? SIZES : [100_000, 1_000_000]) {
  const dir = join(OUT, `cohort-${n}`);
  if (!existsSync(join(dir, 'events.csv'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync(process.execPath, ['--import', 'tsx', 'src/synth/write-large.ts', '--people', String(n), '--out', dir, '--seed', '2024'], {
      stdio: 'inherit',
    });
  }
  const engine = node(['bench/engine-one.ts', dir]);
  const yard = node(['bench/duckdb-yardstick.ts', dir]);
  const ratio = engine.ms / yard.ms;
  console.log(
    `${String(engine.people).padStart(9)} ${String(engine.events).padStart(10)} ${(engine.ms / 1000).toFixed(2).padStart(9)} ${engine.maxRssMB.toFixed(0).padStart(8)} |` +
      ` ${(yard.ms / 1000).toFixed(2).padStart(8)} ${yard.maxRssMB.toFixed(0).padStart(8)} | ${ratio.toFixed(2)} ${ratio <= 1.5 ? 'met' : 'NOT met'}`,
  );
}
