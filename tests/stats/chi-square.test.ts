import { describe, expect, it } from 'vitest';
import { chiSquareTest } from '../../src/stats/index.js';
import { expectAllCloseToR, expectAllFinite, expectCloseToR, loadFixture } from './r-fixtures.js';

interface Case {
  table: number[][];
  statistic: number;
  df: number;
  p: number;
  expected: number[][];
}
const cases = loadFixture<Case>('chisq');

describe('chi-square test against R chisq.test(correct = FALSE)', () => {
  it('has at least 200 cases with very small p-values', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(cases.some((c) => c.p < 1e-200 && c.p > 0)).toBe(true);
  });

  it('agrees on statistic, df, p and expected counts', () => {
    for (const c of cases) {
      const label = `chiSquareTest(${JSON.stringify(c.table)})`;
      const result = chiSquareTest(c.table);
      expect(result, label).not.toBeNull();
      expectCloseToR(result!.statistic, c.statistic, `${label}.statistic`);
      expect(result!.df).toBe(c.df);
      expectCloseToR(result!.p, c.p, `${label}.p`);
      c.expected.forEach((row, i) => expectAllCloseToR(result!.expected[i], row, `${label}.expected[${i}]`));
      expectAllFinite(result, label);
    }
  });
});

describe('chi-square test by hand', () => {
  it('2 × 2 with statistic 4 on 1 df', () => {
    // [[30, 20], [20, 30]]: every E = 25, every (O − E)²/E = 1; P(χ²₁ ≥ 4) = 2(1 − Φ(2)).
    const r = chiSquareTest([
      [30, 20],
      [20, 30],
    ])!;
    expect(r.statistic).toBeCloseTo(4, 14);
    expect(r.df).toBe(1);
    expect(r.p).toBeCloseTo(0.04550026389635842, 15);
    expect(r.expected).toEqual([
      [25, 25],
      [25, 25],
    ]);
  });

  it('is null where a margin is zero (R gives NaN) or the table is too small', () => {
    expect(
      chiSquareTest([
        [0, 5],
        [0, 7],
      ]),
    ).toBeNull();
    expect(
      chiSquareTest([
        [3, 5],
        [0, 0],
      ]),
    ).toBeNull();
    expect(chiSquareTest([[3, 5]])).toBeNull();
  });

  it('rejects cells that are not counts', () => {
    expect(() =>
      chiSquareTest([
        [1, 2.5],
        [3, 4],
      ]),
    ).toThrow(/cell \[0\]\[1\] must be a non-negative integer, got 2.5/);
  });
});
