import { describe, expect, it } from 'vitest';
import { orderByTime } from '../../src/stats/time-order.js';

describe('orderByTime', () => {
  it('groups indices by distinct time, in input order within a time, for days and for other times alike', () => {
    for (const scale of [1, 0.5, 1e7]) {
      const time = [3, 0, 3, 1, 7, 0, 3].map((t) => t * scale);
      const { times, start, order } = orderByTime(time);
      expect(Array.from(times)).toEqual([0, 1, 3, 7].map((t) => t * scale));
      expect(Array.from(start)).toEqual([0, 2, 3, 6, 7]);
      expect(Array.from(order)).toEqual([1, 5, 3, 0, 2, 6, 4]);
    }
  });

  it('handles no records and one record', () => {
    expect(orderByTime([]).times.length).toBe(0);
    expect(Array.from(orderByTime([5]).start)).toEqual([0, 1]);
  });
});
