/** comparison.md "Reporting": the propensity score distributions of both sides, and how a public page bands them. */
import { describe, expect, it } from 'vitest';
import { shownPropensityHistogram } from '../../../src/disclosure/matched.js';
import { propensityDistribution } from '../../../src/measures/comparison/propensity-distribution.js';

describe('propensity score distributions', () => {
  it('counts each side per equal-width bin before, and weights and people after', () => {
    const h = propensityDistribution({ service: [0, 1, 2, 2], pool: [0, 0, 0.05, 1.95, 2] }, { service: [1, 1, 1, 0], pool: [0.5, 0, 1, 1.5, 0] });
    expect(h.breaks).toHaveLength(21);
    expect(h.breaks[0]).toBe(0);
    expect(h.breaks[20]).toBe(2);
    expect(h.before.service[0]).toBe(1);
    expect(h.before.service[10]).toBe(1);
    expect(h.before.service[19]).toBe(2); // the top edge is in the last bin
    expect(h.before.pool[0]).toBe(3); // 0, 0 and 0.05 (the first bin is [0, 0.1))
    expect(h.before.pool[19]).toBe(2);
    expect(h.after.pool[0]).toBe(1.5);
    expect(h.afterPeople.pool[0]).toBe(2);
    expect(h.after.pool[19]).toBe(1.5);
    expect(h.afterPeople.service.reduce((a, b) => a + b)).toBe(3);
  });

  it('gives one bin when every score is the same', () => {
    const h = propensityDistribution({ service: [1, 1], pool: [1] }, { service: [1, 1], pool: [2] });
    expect(h.breaks).toEqual([1, 1]);
    expect(h.before).toEqual({ service: [2], pool: [1] });
  });

  it('joins bins on public pages until no band holds a small count, and withholds fewer than three bands', () => {
    const h = {
      breaks: [0, 1, 2, 3, 4, 5],
      before: { service: [5, 2, 3, 6, 0], pool: [10, 1, 4, 5, 1] },
      after: { service: [5, 2, 3, 6, 0], pool: [5, 1, 4, 5, 1] },
      afterPeople: { service: [5, 2, 3, 6, 0], pool: [5, 1, 4, 5, 1] },
    };
    const analyst = shownPropensityHistogram(h, { profile: 'analyst', minCell: 5 });
    expect(analyst?.breaks).toEqual([0, 1, 2, 3, 4, 5]);
    expect(analyst?.merged).toBe(false);
    const pub = shownPropensityHistogram(h, { profile: 'public', minCell: 5 });
    // [0,1) holds 5, 10, 5, 5; [1,3) holds 5, 5; [3,5) holds 6, 6 (the last bin alone, 0 and 1, joins it)
    expect(pub?.breaks).toEqual([0, 1, 3, 5]);
    expect(pub?.before.service).toEqual([5 / 16, 5 / 16, 6 / 16]);
    expect(pub?.before.pool).toEqual([10 / 21, 5 / 21, 6 / 21]);
    expect(pub?.merged).toBe(true);
    expect(shownPropensityHistogram(h, { profile: 'public', minCell: 10 })).toBeNull();
  });
});
