/**
 * The generator is a pure function of its seed, and the committed samples are
 * exactly what it writes now.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from '../../src/synth/prng.js';
import { nudgeToSum, apportion } from '../../src/synth/distributions.js';
import { sampleFiles } from '../../src/synth/write-sample.js';
import { SAMPLES } from '../../src/synth/samples.js';
import { buildResettle } from '../../src/synth/scenario-resettle.js';
import { buildSouthWales } from '../../src/synth/scenario-south-wales.js';
import { buildNational } from '../../src/synth/scenario-national.js';
import { buildCohortDeaths } from '../../src/synth/scenario-cohort-deaths.js';
import { largeId, writeLargeCohort } from '../../src/synth/large-cohort.js';
import { parseLargeArgs } from '../../src/synth/write-large.js';

const root = fileURLToPath(new URL('../../data-samples/', import.meta.url));

describe('prng', () => {
  it('mulberry32 gives the reference stream for seed 1 and stays in [0, 1)', () => {
    // reference values from an independent Python run of the C reference mulberry32 (32-bit unsigned arithmetic), seed 1
    const rng = mulberry32(1);
    const first = [rng(), rng(), rng()].map((x) => Math.round(x * 2 ** 32));
    expect(first).toEqual([2693262067, 11749833, 2265367787]);
    const more = Array.from({ length: 1000 }, rng);
    expect(more.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('distribution helpers', () => {
  it('nudgeToSum reaches the target within bounds and refuses an impossible one', () => {
    const out = nudgeToSum(mulberry32(3), [5, 5, 5], 21, () => [0, 8]);
    expect(out.reduce((s, v) => s + v, 0)).toBe(21);
    expect(out.every((v) => v >= 0 && v <= 8)).toBe(true);
    expect(() => nudgeToSum(mulberry32(3), [5, 5, 5], 30, () => [0, 8])).toThrow(/cannot reach the sum 30/);
  });

  it('apportion splits a total by largest remainder', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    // 3.5, 1.75, 1.75: floors 3, 1, 1 leave 2, which go to the two largest remainders (0.75)
    expect(apportion(7, [0.5, 0.25, 0.25])).toEqual([3, 2, 2]);
  });
});

describe('samples', () => {
  it.each(SAMPLES.map((s) => [s.folder, s] as const))('%s: the committed files equal what the generator writes now', (folder, spec) => {
    const files = sampleFiles(spec.build());
    for (const [name, text] of Object.entries(files)) {
      expect(text === readFileSync(join(root, folder, name), 'utf8'), `${folder}/${name} differs; run npx tsx src/synth/write-samples.ts`).toBe(true);
    }
  });

  it.each([
    ['resettle', buildResettle],
    ['south-wales', buildSouthWales],
    ['national', buildNational],
    ['cohort-deaths', buildCohortDeaths],
  ] as const)('%s: same seed gives the same bytes, another seed different ones', (_, build) => {
    const a = sampleFiles(build(11));
    const b = sampleFiles(build(11));
    const c = sampleFiles(build(12));
    expect(a).toEqual(b);
    expect(a['people.csv']).not.toBe(c['people.csv']);
  });
});

describe('large cohort', () => {
  it('writes the same bytes for the same seed and different ones for another seed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'synth-large-'));
    try {
      const counts = writeLargeCohort({ people: 300, outDir: join(dir, 'a'), seed: 5 });
      writeLargeCohort({ people: 300, outDir: join(dir, 'b'), seed: 5 });
      writeLargeCohort({ people: 300, outDir: join(dir, 'c'), seed: 6 });
      const read = (d: string, f: string) => readFileSync(join(dir, d, f), 'utf8');
      for (const f of ['people.csv', 'events.csv', 'study.json']) expect(read('a', f) === read('b', f)).toBe(true);
      expect(read('a', 'events.csv') === read('c', 'events.csv')).toBe(false);
      const peopleLines = read('a', 'people.csv').trimEnd().split('\n');
      const eventLines = read('a', 'events.csv').trimEnd().split('\n');
      expect(peopleLines).toHaveLength(301);
      expect(eventLines).toHaveLength(counts.events + 1);
      expect(counts.events / 300).toBeGreaterThan(6);
      expect(JSON.parse(read('a', 'study.json')).offences).toBe('offences.csv');
      expect(read('a', 'offences.csv')).toBe(readFileSync(join(root, 'offences.csv'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('identifiers keep their shape at any size', () => {
    expect(largeId(17, 1000)).toBe('syn0000017');
    expect(largeId(17, 123_456_789)).toBe('syn000000017');
  });

  it('refuses bad command-line arguments with the flag and value named', () => {
    expect(parseLargeArgs(['--people', '10', '--out', 'x'])).toEqual({ people: 10, outDir: 'x', seed: 1_000_003 });
    expect(parseLargeArgs(['--people', '10', '--out', 'x', '--seed', '9']).seed).toBe(9);
    expect(() => parseLargeArgs(['--out', 'x'])).toThrow('--people is required');
    expect(() => parseLargeArgs(['--people', '10'])).toThrow('--out is required');
    expect(() => parseLargeArgs(['--people', 'ten', '--out', 'x'])).toThrow('--people is "ten"');
    expect(() => parseLargeArgs(['--people', '0', '--out', 'x'])).toThrow('--people is "0"');
    expect(() => parseLargeArgs(['--people', '5', '--out', 'x', '--seed', '-1'])).toThrow('--seed is "-1"');
    expect(() => parseLargeArgs(['--people', '5', '--outdir', 'x'])).toThrow('unknown argument "--outdir"');
    expect(() => parseLargeArgs(['--people', '--out', 'x'])).toThrow('--people needs a value');
  });
});
