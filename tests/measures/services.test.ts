import { describe, expect, it } from 'vitest';
import { compareServices, recallMeasure } from '../../src/measures/index.js';
import { conviction, makeStudy, person, recall, wilson } from './helpers.js';

/*
 * Two services and an excluded third. North: N1–N4, recalled N1, N2 (same day: a tie).
 * South: S1–S2, recalled S1. Reconvicted: N3 (day 30), S2 (day 30: a tie across services).
 * West: only an excluded person (no one in the cohort: not compared).
 * Everyone released 2020-01-01, ongoing, extraction 2021-12-31 (730 days).
 */
const r = '2020-01-01';
const study = makeStudy(
  [
    person('N1', { service: 'North', release_date: r }),
    person('N2', { service: 'North', release_date: r }),
    person('N3', { service: 'North', release_date: r }),
    person('N4', { service: 'North', release_date: r }),
    person('S1', { service: 'South', release_date: r }),
    person('S2', { service: 'South', release_date: r }),
    person('W1', { service: 'West', included: 'false', exclusion_reason: 'moved area', release_date: r }),
  ],
  [
    recall('N1', '2020-03-01'),
    recall('N2', '2020-03-01'),
    recall('S1', '2020-06-01'),
    conviction('N3', '2020-01-31', '2020-04-01', 'T1'),
    conviction('S2', '2020-01-31', '2020-04-01', 'T1'),
  ],
  '2021-12-31',
);

describe('services compared', () => {
  const s = compareServices(study);
  const recallRow = s.measures.find((x) => x.measure === 'recall')!;

  it('lists the services with someone in the cohort', () => {
    expect(s.services).toEqual(['North', 'South']);
    expect(s.measures.map((x) => x.measure)).toEqual(['recall', 'reconviction', 'desistance', 'provenReoffending']);
  });

  it('gives each service its proportion and the pooled one', () => {
    expect(recallRow.byService.map((g) => [g.group, g.k, g.n])).toEqual([
      ['North', 2, 4],
      ['South', 1, 2],
    ]);
    expect([recallRow.pooled.k, recallRow.pooled.n]).toEqual([3, 6]);
    expect(recallRow.pooled.ci![0]).toBeCloseTo(wilson(3, 6)[0], 12);
    // 2 × 2 table [[2, 2], [1, 1]]: every table is as or less probable; p = 1.
    expect(recallRow.fisherP).toBeCloseTo(1, 12);
    // Expected counts equal the observed ones (2, 2; 1, 1): chi-square 0.
    expect(recallRow.chiSquare!.statistic).toBeCloseTo(0, 12);
    expect(recallRow.chiSquare!.df).toBe(1);
  });

  it('gives funnel limits p0 ± z·sqrt(p0(1 − p0)/n), clipped to [0, 1], for n = 1 … largest service', () => {
    expect(recallRow.funnel.map((f) => f.n)).toEqual([1, 2, 3, 4]);
    const p0 = 0.5;
    for (const f of recallRow.funnel) {
      const se = Math.sqrt((p0 * (1 - p0)) / f.n);
      expect(f.lower95).toBeCloseTo(Math.max(0, p0 - 1.959963984540054 * se), 12);
      expect(f.upper95).toBeCloseTo(Math.min(1, p0 + 1.959963984540054 * se), 12);
      expect(f.lower998).toBeCloseTo(Math.max(0, p0 - 3.090232306167813 * se), 12);
      expect(f.upper998).toBeCloseTo(Math.min(1, p0 + 3.090232306167813 * se), 12);
    }
    expect(recallRow.funnel[0].lower998).toBe(0);
    expect(recallRow.funnel[0].upper998).toBe(1);
  });

  it('draws conviction-free curves by service with the log-rank test', () => {
    expect(s.convictionFree.map((c) => c.service)).toEqual(['North', 'South']);
    const north = s.convictionFree[0].curve;
    expect(north.time).toEqual([30, 730]);
    expect(north.nEvent).toEqual([1, 0]);
    expect(north.nCensor).toEqual([0, 3]);
    // Two tied events at day 30 (N3, S2) with 6 at risk (4 North, 2 South):
    // E_North = 2 · 4/6 = 4/3, O_North = 1; V = d(n − d)/(n − 1) · (4/6)(2/6) = 8/5 · 2/9 = 16/45;
    // χ² = (1 − 4/3)² / (16/45) = 5/16.
    expect(s.logRank!.df).toBe(1);
    expect(s.logRank!.chiSquare).toBeCloseTo(5 / 16, 12);
  });
});

describe('ties and options that change only the interval', () => {
  it('counts two recalls on one day as tied events in the curve', () => {
    const m = recallMeasure(study);
    expect(m.timeToFirstRecall.time[0]).toBe(60);
    expect(m.timeToFirstRecall.nEvent[0]).toBe(2);
    expect(m.timeToFirstRecall.nRisk[0]).toBe(6);
  });

  it('uses Clopper–Pearson when asked (k = 0 of n: lower 0, upper 1 − 0.025^(1/n))', () => {
    const m = recallMeasure(study, { interval: 'clopper-pearson', groupBy: 'service' });
    expect([m.overall.k, m.overall.n]).toEqual([3, 6]);
    const zero = compareServices(study, { interval: 'clopper-pearson' }).measures.find((x) => x.measure === 'provenReoffending')!;
    // Everyone eligible (730 days ≥ 18 months); only N3 and S2 reoffended.
    expect(zero.byService.map((g) => [g.group, g.k, g.n])).toEqual([
      ['North', 1, 4],
      ['South', 1, 2],
    ]);
    const south = m.comparison.byGroup[1];
    // 1 of 2 with Clopper–Pearson: [0.025^(1/2)… ] the symmetric interval [1 − √0.975, √0.975].
    expect(south.ci![0]).toBeCloseTo(1 - Math.sqrt(0.975), 10);
    expect(south.ci![1]).toBeCloseTo(Math.sqrt(0.975), 10);
  });

  it('passes the Kaplan–Meier interval scale through', () => {
    expect(recallMeasure(study, { kmConfType: 'log-log' }).timeToFirstRecall.confType).toBe('log-log');
  });
});
