import { describe, expect, it } from 'vitest';
import { oddsRatio, relativeRisk, riskDifference, Z95 } from '../../src/stats/index.js';
import { expectAllCloseToR, expectAllFinite, expectCloseToR, loadFixture } from './r-fixtures.js';

interface Case {
  k1: number;
  n1: number;
  k2: number;
  n2: number;
  riskDifference: number;
  riskDifferenceCi: number[];
  relativeRisk: number | null;
  relativeRiskCi: (number | null)[];
  oddsRatio: number | null;
  oddsRatioCi: (number | null)[];
}
const cases = loadFixture<Case>('two-groups');
/** R writes an undefined interval as [NA, NA]; ours is null. */
const nullPair = (ci: (number | null)[]) => (ci[0] === null && ci[1] === null ? null : ci);

const estimators = [
  { name: 'riskDifference', estimator: riskDifference, interval: 'Newcombe hybrid score' },
  { name: 'relativeRisk', estimator: relativeRisk, interval: 'Katz log' },
  { name: 'oddsRatio', estimator: oddsRatio, interval: 'Woolf logit' },
] as const;

describe('two-group comparisons against R formulas built on prop.test', () => {
  it('has at least 200 cases', () => expect(cases.length).toBeGreaterThanOrEqual(200));

  for (const { name, estimator, interval } of estimators) {
    it(`${name} with the ${interval} interval`, () => {
      for (const c of cases) {
        const r = estimator(c.k1, c.n1, c.k2, c.n2);
        const label = `${name}(${c.k1}, ${c.n1}, ${c.k2}, ${c.n2})`;
        expectCloseToR(r.estimate, c[name], label);
        expectAllCloseToR(r.ci, nullPair(c[`${name}Ci`]), label);
        expectAllFinite(r, label);
      }
    });
  }
});

describe('two-group comparisons by hand', () => {
  it('relative risk of 20/100 vs 10/100', () => {
    const r = relativeRisk(20, 100, 10, 100);
    const se = Math.sqrt(1 / 20 - 1 / 100 + 1 / 10 - 1 / 100);
    expect(r.estimate).toBeCloseTo(2, 14);
    expect(r.ci![0]).toBeCloseTo(2 * Math.exp(-Z95 * se), 13);
    expect(r.ci![1]).toBeCloseTo(2 * Math.exp(Z95 * se), 13);
  });

  it('odds ratio of 20/100 vs 10/100', () => {
    const r = oddsRatio(20, 100, 10, 100);
    expect(r.estimate).toBeCloseTo((20 * 90) / (80 * 10), 14);
  });

  it('undefined cases are null', () => {
    expect(riskDifference(0, 0, 1, 2)).toEqual({ estimate: null, ci: null });
    expect(relativeRisk(1, 5, 0, 5)).toEqual({ estimate: null, ci: null });
    expect(relativeRisk(0, 5, 1, 5)).toEqual({ estimate: 0, ci: null });
    expect(oddsRatio(5, 5, 1, 5)).toEqual({ estimate: null, ci: null });
    expect(oddsRatio(0, 5, 1, 5)).toEqual({ estimate: 0, ci: null });
    expect(oddsRatio(1, 5, 0, 0)).toEqual({ estimate: null, ci: null });
  });

  it('risk difference of 0/10 vs 10/10 spans almost the whole of [-1, 0]', () => {
    const r = riskDifference(0, 10, 10, 10);
    expect(r.estimate).toBe(-1);
    expect(r.ci![1]).toBeLessThan(-0.6);
    expect(r.ci![0]).toBe(-1);
  });

  it('rejects impossible counts, naming the group', () => {
    expect(() => riskDifference(3, 2, 1, 2)).toThrow(/group 1: k must be an integer in \[0, n = 2\], got 3/);
    expect(() => relativeRisk(1, 2, 1, -2)).toThrow(/group 2: n must be a non-negative integer, got -2/);
  });
});
