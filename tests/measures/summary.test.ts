import { describe, expect, it } from 'vitest';
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { summarizeValues } from '../../src/measures/summary.js';
import { summarize, summarizeSorted } from '../../src/stats/index.js';

describe('summaries of sorted values', () => {
  it('agree with stats summarize (whole numbers, fractions, one value, none)', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const whole = Float64Array.from({ length: 501 }, () => Math.floor(next() * 90) + 10);
    const fractions = Float64Array.from({ length: 200 }, () => next() * 20);
    for (const values of [whole, fractions, Float64Array.of(42), new Float64Array(0)]) {
      const expected = summarize(values);
      const got = summarizeValues(values);
      expect(got.n).toBe(expected.n);
      for (const key of ['mean', 'sd', 'median', 'q1', 'q3', 'min', 'max'] as const) {
        if (expected[key] === null) expect(got[key]).toBeNull();
        else expect(got[key]).toBeCloseTo(expected[key]!, 10);
      }
    }
  });

  it('uses R type 7 quartiles: 1, 2, 3, 4 gives Q1 1.75, median 2.5, Q3 3.25, SD √(5/3)', () => {
    const s = summarizeSorted(Float64Array.of(1, 2, 3, 4));
    expect([s.q1, s.median, s.q3]).toEqual([1.75, 2.5, 3.25]);
    expect(s.sd).toBeCloseTo(Math.sqrt(5 / 3), 14);
  });

  it('gives the mean and SD of simple-statistics to 1e-12 on 997 fractional values', () => {
    let seed = 11;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const months = Float64Array.from({ length: 997 }, () => Math.floor(next() * 3000) / 30.4375).sort();
    const s = summarizeSorted(months);
    expect(Math.abs(s.mean! - mean(Array.from(months)))).toBeLessThan(1e-12);
    expect(Math.abs(s.sd! - sampleStandardDeviation(Array.from(months)))).toBeLessThan(1e-12);
  });
});
