/**
 * Writes a large synthetic cohort for benchmarks:
 * `npx tsx src/synth/write-large.ts --people 1000000 --out /tmp/large [--seed 7] [--order sorted]`
 * (events in random order unless `--order sorted`).
 */
import { pathToFileURL } from 'node:url';
import { LARGE_DEFAULT_SEED, writeLargeCohort, type LargeCohortOptions } from './large-cohort.js';

const USAGE = 'usage: write-large --people N --out DIR [--seed S] [--order shuffled|sorted]';

/** Reads the flags; throws an error that names the flag and the value when they cannot be used. */
export function parseLargeArgs(argv: readonly string[]): LargeCohortOptions {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    if (!['--people', '--out', '--seed', '--order'].includes(flag)) throw new Error(`unknown argument ${JSON.stringify(flag)}; ${USAGE}`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value; ${USAGE}`);
    values.set(flag, value);
  }
  const people = values.get('--people');
  const outDir = values.get('--out');
  if (people === undefined) throw new Error(`--people is required; ${USAGE}`);
  if (outDir === undefined) throw new Error(`--out is required; ${USAGE}`);
  if (!/^\d+$/.test(people) || Number(people) < 1) throw new Error(`--people is ${JSON.stringify(people)}; expected a whole number ≥ 1`);
  const seedText = values.get('--seed');
  if (seedText !== undefined && !/^\d+$/.test(seedText)) throw new Error(`--seed is ${JSON.stringify(seedText)}; expected a whole number`);
  const order = values.get('--order');
  if (order !== undefined && order !== 'shuffled' && order !== 'sorted') throw new Error(`--order is ${JSON.stringify(order)}; expected shuffled or sorted`);
  const options: LargeCohortOptions = { people: Number(people), outDir, seed: seedText === undefined ? LARGE_DEFAULT_SEED : Number(seedText) };
  if (order !== undefined) options.order = order;
  return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const options = parseLargeArgs(process.argv.slice(2));
    const started = Date.now();
    const written = writeLargeCohort(options);
    console.log(
      `${options.outDir}: ${written.people} people, ${written.events} events, seed ${options.seed} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  } catch (error) {
    console.error(`write-large: ${(error as Error).message}`);
    process.exit(2);
  }
}
