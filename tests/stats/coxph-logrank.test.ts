import { describe, expect, it } from 'vitest';
import { coxph, logRank } from '../../src/stats/index.js';
import { coxData } from './cox-data.js';
import type { CoxSpec } from './cox-data.js';

const base: CoxSpec = {
  seed: 1,
  n: 100,
  numeric: 0,
  binary: 1,
  levels: 0,
  horizon: 1e9,
  censor: 1.5,
  effect: 0.8,
  weights: 'none',
  cluster: 0,
  ties: 'efron',
  robust: false,
  collinear: false,
  noEventLevel: false,
  separate: 'none',
};

function tiedEventTimes(time: ArrayLike<number>, event: ArrayLike<number>): boolean {
  const seen = new Set<number>();
  for (let i = 0; i < time.length; i++) {
    if (event[i] !== 1) continue;
    if (seen.has(time[i])) return true;
    seen.add(time[i]);
  }
  return false;
}

describe('the Cox score test of one binary term and the log-rank test', () => {
  it('are equal (1e-9) with either ties method when no two events share a time', () => {
    let compared = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const d = coxData({ ...base, seed: seed * 7919, n: 20 + seed * 5, horizon: seed % 2 ? 1e9 : 1e6 });
      if (tiedEventTimes(d.time, d.event)) continue;
      const group = Array.from(d.covariates.columns[0], (b) => (b === 1 ? 'b' : 'a'));
      const lr = logRank(d.time, d.event, group);
      if (lr === null) continue;
      for (const ties of ['efron', 'breslow'] as const) {
        const fit = coxph(d.time, d.event, d.covariates, { ties });
        expect(Math.abs(fit.score.statistic - lr.chiSquare) / lr.chiSquare, `seed ${seed} ${ties}`).toBeLessThan(1e-9);
        expect(fit.score.df).toBe(lr.df);
      }
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(40);
  });

  it('differ when events are tied: neither Efron nor Breslow is the log-rank test then (R: only ties = "exact" is)', () => {
    // R on such data (tests/fixtures/r/coxph.R's heavy-tie cases behave alike):
    // survdiff 29.10, coxph breslow 25.99, efron 30.02, exact 29.10.
    const d = coxData({ ...base, seed: 12345, n: 300, horizon: 8 });
    expect(tiedEventTimes(d.time, d.event)).toBe(true);
    const group = Array.from(d.covariates.columns[0], (b) => (b === 1 ? 'b' : 'a'));
    const lr = logRank(d.time, d.event, group)!;
    const breslow = coxph(d.time, d.event, d.covariates, { ties: 'breslow' }).score.statistic;
    const efron = coxph(d.time, d.event, d.covariates, { ties: 'efron' }).score.statistic;
    // Breslow's information lacks the hypergeometric factor (n − d)/(n − 1) ≤ 1, so its statistic is smaller.
    expect(breslow).toBeLessThan(lr.chiSquare * (1 - 1e-6));
    expect(Math.abs(efron - lr.chiSquare) / lr.chiSquare).toBeGreaterThan(1e-6);
  });
});

describe('coxph input and edge behaviour', () => {
  const time = [5, 3, 8, 2, 9, 4, 4, 7];
  const event = [1, 1, 0, 1, 1, 0, 1, 1];
  const x = { names: ['x'], columns: [[0.5, 1.2, 3.1, 0.4, 2.2, 1.9, 0.7, 2.8]] };

  it('names the row and value of bad input', () => {
    expect(() => coxph(time, event, { names: ['x'], columns: [[1, 2, NaN, 4, 5, 6, 7, 8]] })).toThrow(/covariate x at row 2 must be a finite number, got NaN/);
    expect(() => coxph(time, event, x, { weights: [1, 1, 1, 0, 1, 1, 1, 1] })).toThrow(/weight at row 3 must be a finite number > 0, got 0/);
    expect(() => coxph(time, [1, 1, 0, 2, 1, 0, 1, 1], x)).toThrow(/event at index 3 must be 0 \(censored\) or 1/);
    expect(() => coxph(time, event, { names: ['x', 'y'], columns: x.columns })).toThrow(/1 covariate columns but 2 names/);
    expect(() => coxph(time, event, { names: ['x'], columns: [[1, 2]] })).toThrow(/covariate x has 2 values for 8 rows/);
  });

  it('returns the infinite-coefficient warning instead of throwing, and reports an aliased column as nulls', () => {
    const sep = coxph([1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 1, 1], {
      names: ['b', 'b2'],
      columns: [
        [1, 1, 1, 0, 0, 0],
        [2, 2, 2, 0, 0, 0],
      ],
    });
    expect(sep.warnings).toEqual(['Loglik converged before variable  1 ; coefficient may be infinite. ']);
    expect(sep.coefficients[1]).toBeNull();
    expect(sep.terms[1]).toEqual({ term: 'b2', estimate: null, hazardRatio: null, se: null, seModel: null, seRobust: null, z: null, p: null, ci: null });
    expect(sep.terms[0].estimate!).toBeGreaterThan(10);
    expect(sep.likelihoodRatio.df).toBe(1);
  });

  it("ignores a cluster when robust is false, with coxph's warning, and is deterministic", () => {
    const fit = coxph(time, event, x, { cluster: [1, 1, 2, 2, 3, 3, 4, 4], robust: false });
    expect(fit.robust).toBe(false);
    expect(fit.warnings).toEqual(['cluster specified with robust=FALSE, cluster ignored']);
    expect(fit.terms[0].seRobust).toBeNull();
    expect(JSON.stringify(coxph(time, event, x).terms)).toBe(JSON.stringify(coxph(time, event, x).terms));
  });
});
