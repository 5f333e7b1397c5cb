import { describe, expect, it } from 'vitest';
import { attWeights, distanceSd, nearestMatch } from '../../src/stats/index.js';
import type { NearestMatch } from '../../src/stats/index.js';
import { expectAllCloseToR, expectCloseToR, loadFixture } from './r-fixtures.js';

/** tests/fixtures/r/matching.R: the spec's steps 1–5 written in plain R (not MatchIt). */
interface Case {
  label: string;
  input: {
    service: number[];
    pool: number[];
    serviceExact: (string | number)[][];
    poolExact: (string | number)[][];
    caliper: number | null;
    ratio: number;
    replace: boolean;
  };
  expected: {
    caliperWidth: number | null;
    order: number[];
    matches: number[][];
    subclass: number[];
    poolSubclass: number[] | null;
    noMatchInCaliper: number[];
    serviceWeight: number[];
    poolWeight: number[];
    poolUsed: number;
  };
}
const cases = loadFixture<Case>('matching');

function run(c: Case): NearestMatch {
  return nearestMatch(c.input);
}

describe('nearest-neighbour matching against the plain-R reference of comparison.md steps 1–5', () => {
  it('covers ties, empty calipers, ratios 2, 3 and 5 with and without replacement, exact strata, no caliper and an exhausted pool', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    const hasTies = (xs: number[]) => new Set(xs).size < xs.length;
    expect(cases.filter((c) => hasTies(c.input.service) && hasTies(c.input.pool)).length).toBeGreaterThan(50);
    expect(cases.filter((c) => c.expected.noMatchInCaliper.length > 0 && c.input.caliper !== null).length).toBeGreaterThan(20);
    for (const ratio of [2, 3, 5]) {
      for (const replace of [false, true]) {
        expect(cases.filter((c) => c.input.ratio === ratio && c.input.replace === replace).length, `ratio ${ratio} replace ${replace}`).toBeGreaterThan(5);
      }
    }
    expect(cases.filter((c) => c.input.serviceExact.length === 1).length).toBeGreaterThan(20);
    expect(cases.filter((c) => c.input.serviceExact.length === 2).length).toBeGreaterThan(20);
    // An exact stratum with nobody in the pool.
    expect(
      cases.filter((c) => c.input.serviceExact.length > 0 && c.input.serviceExact[0].some((v) => !c.input.poolExact[0].includes(v))).length,
    ).toBeGreaterThan(20);
    expect(cases.filter((c) => c.input.caliper === null).length).toBeGreaterThan(20);
    // Exhausted: without replacement every pool person is used and someone is left unmatched.
    expect(
      cases.filter((c) => !c.input.replace && c.expected.poolUsed === c.input.pool.length && c.expected.noMatchInCaliper.length > 0).length,
    ).toBeGreaterThan(3);
    // The first service person (nothing used yet) with pool people at the same distance below and above.
    const twoSided = cases.filter((c) => {
      const s = c.expected.order[0];
      if (c.input.serviceExact.length > 0 || s === undefined || c.expected.matches[s].length === 0) return false;
      const x = c.input.service[s];
      const diff = Math.abs(x - c.input.pool[c.expected.matches[s][0]]);
      return c.input.pool.some((d) => d < x && Math.abs(x - d) === diff) && c.input.pool.some((d) => d >= x && Math.abs(x - d) === diff);
    });
    expect(twoSided.length).toBeGreaterThanOrEqual(5);
    // A pool person used by several service people.
    expect(cases.filter((c) => c.input.replace && c.expected.matches.flat().length > new Set(c.expected.matches.flat()).size).length).toBeGreaterThan(20);
  });

  it('agrees on every match, round by round, the subclasses, the unmatched and the weights', () => {
    for (const c of cases) {
      const r = run(c);
      const e = c.expected;
      const label = c.label;
      expectCloseToR(r.caliperWidth, e.caliperWidth, `${label} caliperWidth`);
      expect(Array.from(r.order), `${label} order`).toEqual(e.order);
      expect(
        r.matches.map((m) => Array.from(m)),
        `${label} matches`,
      ).toEqual(e.matches);
      expect(Array.from(r.subclass), `${label} subclass`).toEqual(e.subclass);
      expect(r.poolSubclass && Array.from(r.poolSubclass), `${label} poolSubclass`).toEqual(e.poolSubclass);
      expect(Array.from(r.noMatchInCaliper), `${label} noMatchInCaliper`).toEqual(e.noMatchInCaliper);
      expect(Array.from(r.serviceWeight), `${label} serviceWeight`).toEqual(e.serviceWeight);
      expectAllCloseToR(Array.from(r.poolWeight), e.poolWeight, `${label} poolWeight`);
      expect(r.poolUsed, `${label} poolUsed`).toBe(e.poolUsed);
    }
  });
});

describe('nearest-neighbour matching by hand', () => {
  it('takes the earlier of two equidistant pool people, on either side', () => {
    // 0.5 below and 0.5 above; the one above comes first in the pool file.
    expect(Array.from(nearestMatch({ service: [1], pool: [0.5, 1.5].reverse(), caliper: null, ratio: 1, replace: false }).matches[0])).toEqual([0]);
    expect(Array.from(nearestMatch({ service: [1], pool: [0.5, 1.5], caliper: null, ratio: 1, replace: false }).matches[0])).toEqual([0]);
    // A run of equal distances below: its first unused member in file order.
    const r = nearestMatch({ service: [1, 1, 1], pool: [0, 0.5, 9, 0.5, 0.5], caliper: null, ratio: 1, replace: false });
    expect(r.matches.map((m) => Array.from(m))).toEqual([[1], [3], [4]]);
  });

  it('counts the caliper width as inside (≤)', () => {
    // sd(−1, 0, 1) = 1, so caliper 1 is a width of exactly 1.
    expect(distanceSd([0], [-1, 1])).toBe(1);
    const r = nearestMatch({ service: [0], pool: [-1, 1], caliper: 1, ratio: 1, replace: false });
    expect(r.caliperWidth).toBe(1);
    expect(Array.from(r.matches[0])).toEqual([0]);
    const narrow = nearestMatch({ service: [0], pool: [-1, 1], caliper: 0.999, ratio: 1, replace: false });
    expect(Array.from(narrow.noMatchInCaliper)).toEqual([0]);
    expect(narrow.serviceWeight[0]).toBe(0);
  });

  it('never gives one pool person twice to the same service person with replacement', () => {
    const r = nearestMatch({ service: [0, 0.1], pool: [0, 5], caliper: null, ratio: 3, replace: true });
    expect(r.matches.map((m) => Array.from(m))).toEqual([
      [0, 1],
      [0, 1],
    ]);
    expect(Array.from(r.poolWeight)).toEqual([1, 1]);
  });

  it('rescales pool weights to the number of distinct pool people used', () => {
    // Service 0 (d 2) takes pool 0 and 1; service 1 (d 1) takes pool 1 only (ratio 2, replace, caliper).
    const r = nearestMatch({ service: [2, 1], pool: [2.1, 1.5, -3], caliper: null, ratio: 2, replace: true });
    expect(r.matches.map((m) => Array.from(m))).toEqual([
      [0, 1],
      [1, 0],
    ]);
    const s = nearestMatch({ service: [2, 0], pool: [2, 1.9, 0], caliper: 0.1, ratio: 2, replace: false });
    // Width 0.1·sd; service 0 gets pools 0 and 1, service 1 pool 2 only: raw 1/2, 1/2, 1 → × 3/2.
    expect(s.matches.map((m) => Array.from(m))).toEqual([[0, 1], [2]]);
    expect(Array.from(s.poolWeight)).toEqual([0.75, 0.75, 1.5]);
    expect(Array.from(s.poolSubclass!)).toEqual([1, 1, 2]);
  });

  it('refuses bad settings and missing distances', () => {
    expect(() => nearestMatch({ service: [NaN], pool: [1], caliper: null, ratio: 1, replace: false })).toThrow(/service distance at index 0/);
    expect(() => nearestMatch({ service: [1], pool: [1], caliper: null, ratio: 6, replace: false })).toThrow(/ratio/);
    expect(() => nearestMatch({ service: [1], pool: [1], caliper: 0, ratio: 1, replace: false })).toThrow(/caliper/);
    expect(() => nearestMatch({ service: [1], pool: [1], serviceExact: [['a']], caliper: null, ratio: 1, replace: false })).toThrow(/exact columns/);
  });
});

/** tests/fixtures/r/matching.R's weighting cases: p / (1 − p) in R. */
interface WeightCase {
  service: number[];
  pool: number[];
  serviceWeight: number[];
  poolWeight: number[];
}

describe('ATT weights (method `weighting`) against R', () => {
  it('gives 1 to service people and p / (1 − p) to pool people', () => {
    for (const [i, c] of loadFixture<WeightCase>('att-weights').entries()) {
      const w = attWeights(c.service, c.pool);
      expect(Array.from(w.service), `case ${i}`).toEqual(c.serviceWeight);
      expectAllCloseToR(Array.from(w.pool), c.poolWeight, `case ${i} pool`);
    }
  });

  it('refuses a probability outside (0, 1)', () => {
    expect(() => attWeights([0.5], [1])).toThrow(/pool probability at index 0 is 1/);
  });
});

/** The spec's steps 1–5 as a plain scan per request (the R reference's loop), for larger inputs than R's fixture. */
function scanMatch(service: number[], pool: number[], sKey: string[], pKey: string[], width: number, ratio: number, replace: boolean): number[][] {
  const order = service.map((_, i) => i).sort((a, b) => service[b] - service[a] || a - b);
  const used = new Uint8Array(pool.length);
  const matches: number[][] = service.map(() => []);
  for (let round = 0; round < ratio; round++) {
    for (const s of order) {
      if (matches[s].length !== round) continue;
      let best = -1;
      let bestDiff = Infinity;
      for (let p = 0; p < pool.length; p++) {
        if ((!replace && used[p]) || pKey[p] !== sKey[s] || matches[s].includes(p)) continue;
        const diff = Math.abs(service[s] - pool[p]);
        if (diff <= width && diff < bestDiff) {
          best = p;
          bestDiff = diff;
        }
      }
      if (best < 0) continue;
      matches[s].push(best);
      if (!replace) used[best] = 1;
    }
  }
  return matches;
}

describe('nearest-neighbour matching against a plain scan on larger inputs', () => {
  it('agrees with heavy ties, long runs of used pool people and exact strata', async () => {
    const { mulberry32 } = await import('../../src/synth/prng.js');
    const random = mulberry32(99);
    for (const [nS, nP, ratio, replace, levels] of [
      [400, 3000, 1, false, 1],
      [400, 3000, 2, true, 1],
      [600, 2000, 3, false, 3],
      [300, 5000, 5, true, 4],
      [1500, 1200, 1, false, 2],
    ] as const) {
      // Distances on a coarse grid: long runs of equal d that matching uses up one by one.
      const service = Array.from({ length: nS }, () => Math.round(random() * 40) / 8);
      const pool = Array.from({ length: nP }, () => Math.round(random() * 60) / 8 - 1);
      const sKey = service.map(() => `k${Math.floor(random() * levels)}`);
      const pKey = pool.map(() => `k${Math.floor(random() * levels)}`);
      const r = nearestMatch({ service, pool, serviceExact: [sKey], poolExact: [pKey], caliper: 0.1, ratio, replace });
      const expected = scanMatch(service, pool, sKey, pKey, r.caliperWidth!, ratio, replace);
      expect(
        r.matches.map((m) => Array.from(m)),
        `${nS} × ${nP}, ratio ${ratio}, replace ${replace}`,
      ).toEqual(expected);
    }
  });
});
