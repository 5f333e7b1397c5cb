/**
 * The hostile-input suite (issue 14): a few hundred seeded mutated studies in
 * every `npm test`, thousands with `npm run fuzz` (FUZZ_CASES); one case in
 * RENDER_EVERY that validate accepts is rendered as a report too.
 */
import { describe, expect, it } from 'vitest';
import { runCase } from './run-case.js';

const CASES = Number(process.env.FUZZ_CASES ?? 200);
const FIRST = Number(process.env.FUZZ_SEED ?? 1);
const RENDER_EVERY = Number(process.env.FUZZ_RENDER_EVERY ?? 25);

describe('hostile input', () => {
  it(`${CASES} mutated studies: no stack trace, exit 0/1/2, located problems, no person_id or identifier, read = used + quarantined, accepted means rendered`, async () => {
    const faults: string[] = [];
    for (let seed = FIRST; seed < FIRST + CASES; seed++) faults.push(...(await runCase(seed, seed % RENDER_EVERY === 0)));
    expect(faults.slice(0, 20)).toEqual([]);
  }, 600_000);
});
