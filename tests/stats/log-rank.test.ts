import { describe, expect, it } from 'vitest';
import { chiSquareUpperTail, logRank } from '../../src/stats/index.js';
import type { LogRankResult } from '../../src/stats/index.js';
import { expectAllCloseToR, expectAllFinite, expectCloseToR, loadFixture } from './r-fixtures.js';

/** survdiff's input and its result, field for field. */
interface Case extends LogRankResult {
  time: number[];
  event: number[];
  group: string[];
}
const cases = loadFixture<Case>('survdiff');

describe('log-rank test against R survdiff', () => {
  it('has at least 200 cases, with very small p and groups expecting no events among them', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(cases.some((c) => c.p < 1e-50)).toBe(true);
    expect(cases.some((c) => c.expected[0] === 0)).toBe(true);
    expect(cases.some((c) => c.expected.slice(1).includes(0))).toBe(true);
  });

  it('agrees on observed, expected, chi-square, df and p', () => {
    for (const [index, c] of cases.entries()) {
      const label = `case ${index} (n = ${c.time.length}, ${c.groups.length} groups)`;
      const result = logRank(c.time, c.event, c.group);
      expect(result, label).not.toBeNull();
      expect(result!.groups, label).toEqual(c.groups);
      expect(result!.observed, label).toEqual(c.observed);
      expectAllCloseToR(result!.expected, c.expected, `${label} expected`);
      expectCloseToR(result!.chiSquare, c.chiSquare, `${label} chiSquare`);
      expect(result!.df, label).toBe(c.df);
      expectCloseToR(result!.p, c.p, `${label} p`);
      expectAllFinite(result, label);
    }
  });
});

describe('log-rank test by hand', () => {
  it('two groups, one event time each', () => {
    // A: event at 1, censored at 3. B: event at 2, censored at 3.
    // t = 1: 4 at risk (2 A), 1 event → E_A = 1/2, V = 1·3/3·(1/2)(1/2) = 1/4.
    // t = 2: 3 at risk (1 A), 1 event → E_A += 1/3, V += 1·2/2·(1/3)(2/3) = 2/9.
    const r = logRank([1, 3, 2, 3], [1, 0, 1, 0], ['A', 'A', 'B', 'B'])!;
    const eA = 1 / 2 + 1 / 3;
    const v = 1 / 4 + 2 / 9;
    expect(r.groups).toEqual(['A', 'B']);
    expect(r.observed).toEqual([1, 1]);
    expect(r.expected[0]).toBeCloseTo(eA, 15);
    expect(r.expected[1]).toBeCloseTo(2 - eA, 15);
    expect(r.chiSquare).toBeCloseTo((1 - eA) ** 2 / v, 14);
    expect(r.df).toBe(1);
    expect(r.p).toBeCloseTo(chiSquareUpperTail((1 - eA) ** 2 / v, 1), 14);
  });

  it('is null with fewer than two groups, no events, or one group at risk at the events (R: χ² 0 on 0 df)', () => {
    expect(logRank([1, 2], [1, 1], ['A', 'A'])).toBeNull();
    expect(logRank([1, 2], [0, 0], ['A', 'B'])).toBeNull();
    expect(logRank([5, 1, 2], [1, 0, 0], ['A', 'B', 'B'])).toBeNull();
  });

  it('rejects labels that are not strings and mismatched lengths', () => {
    expect(() => logRank([1, 2], [1, 1], ['A'])).toThrow(/2 times but 1 group labels/);
    expect(() => logRank([1, 2], [1, 1], ['A', null as never])).toThrow(/index 1 must be a string, got null/);
  });
});
