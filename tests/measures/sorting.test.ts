import { describe, expect, it } from 'vitest';
import { integerSortOrder, sortedIfIntegers } from '../../src/measures/sorting.js';

describe('counting sorts', () => {
  it('orders whole numbers ascending, ties in input order', () => {
    expect(Array.from(integerSortOrder([3, 0, 3, -2, 1])!)).toEqual([3, 1, 4, 0, 2]);
    expect(Array.from(sortedIfIntegers(Float64Array.from([5, 2, 9, 2])))).toEqual([2, 2, 5, 9]);
  });

  it('declines fractions and very wide ranges, leaving the values as given', () => {
    expect(integerSortOrder([1.5, 0])).toBeNull();
    expect(integerSortOrder([0, 2 ** 30])).toBeNull();
    expect(Array.from(sortedIfIntegers(Float64Array.from([2.5, 1])))).toEqual([2.5, 1]);
  });

  it('handles no values', () => {
    expect(integerSortOrder([])).toEqual(new Int32Array(0));
  });
});
