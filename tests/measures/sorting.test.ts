import { describe, expect, it } from 'vitest';
import { sortedByTime, sortedIfIntegers } from '../../src/measures/sorting.js';

describe('counting sorts', () => {
  it('sorts whole numbers ascending', () => {
    expect(Array.from(sortedIfIntegers(Float64Array.from([5, 2, 9, 2, -1])))).toEqual([-1, 2, 2, 5, 9]);
  });

  it('declines fractions and very wide ranges, leaving the values as given', () => {
    const fractions = Float64Array.from([2.5, 1]);
    expect(sortedIfIntegers(fractions)).toBe(fractions);
    const wide = Float64Array.from([0, 2 ** 30]);
    expect(sortedIfIntegers(wide)).toBe(wide);
    expect(sortedByTime([0.5, 1], [1, 0])).toBeNull();
  });

  it("sorts survival input by time, keeping each day's events and censorings", () => {
    const s = sortedByTime([30, 0, 30, 12, 30], [0, 1, 1, 0, 1])!;
    expect(Array.from(s.time)).toEqual([0, 12, 30, 30, 30]);
    expect(Array.from(s.event)).toEqual([1, 0, 1, 1, 0]);
  });

  it('handles no values', () => {
    expect(sortedIfIntegers(new Float64Array(0)).length).toBe(0);
    expect(sortedByTime([], [])).toBeNull();
  });
});
