/**
 * The weighted Kaplan–Meier curve against R survfit(weights = w) (survival 3.5.3): Greenwood
 * with whole weights, the infinitesimal jackknife with fractional ones (R: std.err = S·σ,
 * logse FALSE). Values printed by R (tests/fixtures/r/comparison.R covers the curves of
 * every matched sample at full precision).
 *
 *   d <- data.frame(t = c(1,2,2,3,4,5,6), e = c(1,0,1,1,0,1,0), w = c(1,0.5,2,1.5,1,2,0.7))
 *   f <- survfit(Surv(t, e) ~ 1, weights = w, data = d)
 */
import { describe, expect, it } from 'vitest';
import { weightedKaplanMeier } from '../../src/stats/weighted-kaplan-meier.js';

const time = [1, 2, 2, 3, 4, 5, 6];
const event = [1, 0, 1, 1, 0, 1, 0];

describe('weightedKaplanMeier', () => {
  it('uses the infinitesimal jackknife with fractional weights', () => {
    const c = weightedKaplanMeier(time, event, [1, 0.5, 2, 1.5, 1, 2, 0.7]);
    expect(c.nRisk.map((x) => +x.toFixed(10))).toEqual([8.7, 7.7, 5.2, 3.7, 2.7, 0.7]);
    const r = {
      surv: [0.8850575, 0.6551724, 0.4661804, 0.4661804, 0.1208616, 0.1208616],
      stdErr: [0.1115438, 0.2022569, 0.2142979, 0.2142979, 0.1233763, 0.1233763],
      lower: [0.69134457, 0.35775279, 0.1893504, 0.1893504, 0.01634466, 0.01634466],
      upper: [1, 1, 1, 1, 0.893718, 0.893718],
    };
    r.surv.forEach((v, i) => expect(c.survival[i]).toBeCloseTo(v, 7));
    r.stdErr.forEach((v, i) => expect(c.stdErr[i]).toBeCloseTo(v, 7));
    r.lower.forEach((v, i) => expect(c.lower[i]).toBeCloseTo(v, 7));
    r.upper.forEach((v, i) => expect(c.upper[i]).toBeCloseTo(v, 6));
  });

  it("uses Greenwood's variance with whole weights, and leaves weight-0 rows out (as the matched sample does; survfit would list time 9 with nothing at risk)", () => {
    const c = weightedKaplanMeier([...time, 9], [...event, 1], [2, 1, 3, 2, 2, 3, 1, 0]);
    const logSe = [0.1091089, 0.1992048, 0.2852178, 0.2852178, 0.9117835, 0.9117835];
    logSe.forEach((v, i) => expect(c.stdErr[i] / c.survival[i]).toBeCloseTo(v, 7));
    expect(c.time).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
