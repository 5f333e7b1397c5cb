import { describe, expect, it } from 'vitest';
import { quantile, summarize } from '../../src/stats/index.js';
import type { Summary } from '../../src/stats/index.js';
import { expectCloseToR, loadFixture } from './r-fixtures.js';

interface Case {
  values: (number | null)[];
  probs: number[];
  quantiles: (number | null)[];
  summary: { [K in keyof Summary]: number | null };
}
const cases = loadFixture<Case>('quantile');
const withNaN = (values: (number | null)[]) => values.map((v) => (v === null ? NaN : v));

describe('quantiles and summaries against R (type 7, mean, sd)', () => {
  it('has at least 200 cases', () => expect(cases.length).toBeGreaterThanOrEqual(200));

  it('quantile agrees at every probability', () => {
    for (const [index, c] of cases.entries()) {
      const values = withNaN(c.values);
      c.probs.forEach((p, i) => {
        const q = quantile(values, p);
        if (c.quantiles[i] === null) expect(q, `case ${index}`).toBeNaN();
        else expectCloseToR(q, c.quantiles[i], `case ${index} quantile(${p})`);
      });
    }
  });

  it('summarize agrees on every statistic', () => {
    for (const [index, c] of cases.entries()) {
      const s = summarize(withNaN(c.values));
      for (const key of ['n', 'mean', 'sd', 'median', 'q1', 'q3', 'min', 'max'] as const) {
        expectCloseToR(s[key], c.summary[key], `case ${index} ${key}`);
      }
    }
  });
});

describe('quantiles and summaries by hand', () => {
  it('type 7 interpolates between order statistics', () => {
    // Sorted 1, 2, 4, 8: h = 3p; p = 0.5 → between 2 and 4; p = 0.25 → 2 − 0.25·1 … = 1.75.
    expect(quantile([8, 1, 4, 2], 0.5)).toBe(3);
    expect(quantile([8, 1, 4, 2], 0.25)).toBe(1.75);
    expect(quantile([8, 1, 4, 2], 0.75)).toBe(5);
    expect(quantile([8, 1, 4, 2], 1)).toBe(8);
  });

  it('skips NaN and gives nulls for no values', () => {
    expect(summarize([NaN, 2, NaN, 4])).toEqual({ n: 2, mean: 3, sd: Math.SQRT2, median: 3, q1: 2.5, q3: 3.5, min: 2, max: 4 });
    expect(summarize([5])).toEqual({ n: 1, mean: 5, sd: null, median: 5, q1: 5, q3: 5, min: 5, max: 5 });
    expect(summarize([NaN])).toEqual({ n: 0, mean: null, sd: null, median: null, q1: null, q3: null, min: null, max: null });
    expect(quantile([], 0.5)).toBeNaN();
    expect(summarize(new Float64Array([3, 1, 2])).median).toBe(2);
  });

  it('rejects probabilities outside [0, 1]', () => {
    expect(() => quantile([1, 2], 1.5)).toThrow(/p must be in \[0, 1\], got 1.5/);
  });
});
