import { describe, expect, it } from 'vitest';
import { cohortOf, recallMeasure } from '../../src/measures/index.js';
import { days, makeStudy, person, recall, rerelease, wilson } from './helpers.js';

/*
 * Extraction date 2021-12-31.
 * A (violent): r 2020-01-01, e 2020-12-31. Recalls on the release day (two reasons),
 *   on the service-end day (no reason), and after e (other).
 * B (sexual): r 2020-03-01, ongoing. A recall before release and one after F (ignored).
 * C (sexual): r 2020-06-01, e 2020-09-30, F 2021-06-30. A recall the day after e.
 * D (violent): r 2020-01-15, ongoing. Three recalls with rereleases between.
 * E: excluded, recalled (outside the cohort). G: included, not released.
 */
const study = makeStudy(
  [
    person('A', { index_offence: 'V1', release_date: '2020-01-01', service_end: '2020-12-31' }),
    person('B', { index_offence: 'S1', release_date: '2020-03-01' }),
    person('C', { index_offence: 'S1', release_date: '2020-06-01', service_end: '2020-09-30', follow_up_end: '2021-06-30' }),
    person('D', { index_offence: 'V2', release_date: '2020-01-15' }),
    person('E', { included: 'false', exclusion_reason: 'moved area', release_date: '2020-01-01' }),
    person('G', { in_reach_start: '2021-06-01' }),
  ],
  [
    recall('A', '2020-01-01', 'further_charge;non_compliance'),
    rerelease('A', '2020-02-01'),
    recall('A', '2020-12-31'),
    rerelease('A', '2021-01-15'),
    recall('A', '2021-03-01', 'other'),
    recall('B', '2020-02-15', 'other'),
    recall('B', '2022-01-05', 'other'),
    recall('C', '2020-10-01', 'non_compliance'),
    recall('D', '2020-02-01', 'drugs_alcohol'),
    rerelease('D', '2020-02-20'),
    recall('D', '2020-03-01', 'failed_to_reside;failed_to_keep_in_touch'),
    rerelease('D', '2020-04-01'),
    recall('D', '2020-05-01'),
    recall('E', '2020-02-01', 'other'),
  ],
  '2021-12-31',
);

describe('cohortOf', () => {
  it('is the included people with a release date, in file order', () => {
    expect(Array.from(cohortOf(study))).toEqual([0, 1, 2, 3]);
  });
});

describe('recall in the intervention window I = [r, min(e, F)]', () => {
  const m = recallMeasure(study);

  it('counts recalls on the release day and on the service-end day, not after e or outside [r, F]', () => {
    // A (2 in I) and D (3) recalled; B's recalls are before r and after F; C's is after e.
    expect(m.overall.k).toBe(2);
    expect(m.overall.n).toBe(4);
    expect(m.overall.proportion).toBe(0.5);
    const [lo, hi] = wilson(2, 4);
    expect(m.overall.ci![0]).toBeCloseTo(lo, 12);
    expect(m.overall.ci![1]).toBeCloseTo(hi, 12);
  });

  it('gives recalls per person and the 0/1/2/3+ distribution', () => {
    expect(m.recallsInWindow).toBe(5);
    expect(m.recallsPerPerson.mean).toBe(5 / 4);
    expect(m.recallsPerPerson.distribution).toEqual({ '0': 2, '1': 0, '2': 1, '3+': 1 });
  });

  it('counts each reason given by the recalls in the window, and recalls with none', () => {
    expect(m.reasons).toEqual({
      further_charge: 1,
      non_compliance: 1,
      failed_to_keep_in_touch: 1,
      failed_to_reside: 1,
      drugs_alcohol: 1,
      other: 0,
      none: 2,
    });
  });

  it('builds time to first recall from r, censored at the end of I', () => {
    const c = m.timeToFirstRecall;
    // A: event at 0 (release day); D: event at 17; C: censored at e − r; B: censored at F − r.
    const cCensor = days('2020-06-01', '2020-09-30');
    const bCensor = days('2020-03-01', '2021-12-31');
    expect(c.time).toEqual([0, 17, cCensor, bCensor]);
    expect(c.nEvent).toEqual([1, 1, 0, 0]);
    expect(c.nCensor).toEqual([0, 0, 1, 1]);
    expect(c.nRisk).toEqual([4, 3, 2, 1]);
    expect(c.survival[0]).toBeCloseTo(3 / 4, 12);
    expect(c.survival[1]).toBeCloseTo(1 / 2, 12);
  });

  it('compares the index offence categories (violent 2/2 against sexual 0/2)', () => {
    const cmp = m.comparison;
    expect(cmp.groupBy).toBe('category');
    expect(cmp.byGroup.map((g) => [g.group, g.k, g.n])).toEqual([
      ['violent', 2, 2],
      ['sexual', 0, 2],
    ]);
    // Fisher: the observed table and its mirror image each have probability 1/6.
    expect(cmp.fisherP).toBeCloseTo(1 / 3, 10);
    // Every expected count is 1: chi-square = 4 × (1 − 0)² / 1 = 4 on 1 df.
    expect(cmp.chiSquare!.statistic).toBeCloseTo(4, 10);
    expect(cmp.chiSquare!.df).toBe(1);
    expect(cmp.chiSquare!.expected).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect(cmp.riskDifference!.estimate).toBeCloseTo(1, 12);
  });
});

describe('time to first recall by group', () => {
  it('draws one curve per index category and compares them with the log-rank test', () => {
    const g = recallMeasure(study).timeToFirstRecallByGroup!;
    expect(g.groupBy).toBe('category');
    expect(g.curves.map((c) => [c.group, c.curve.time, c.curve.nEvent])).toEqual([
      ['violent', [0, 17], [1, 1]],
      ['sexual', [days('2020-06-01', '2020-09-30'), days('2020-03-01', '2021-12-31')], [0, 0]],
    ]);
    // Events at 0 (4 at risk, 2 violent) and 17 (3 at risk, 1 violent), both violent:
    // O − E = 2 − (2/4 + 1/3) = 7/6; V = (1/2)(1/2) + (1/3)(2/3) = 17/36; χ² = 49/17.
    expect(g.logRank!.df).toBe(1);
    expect(g.logRank!.chiSquare).toBeCloseTo(49 / 17, 12);
  });
});

describe('recall with window "licence" ([r, F])', () => {
  const m = recallMeasure(study, { recallWindow: 'licence' });

  it('adds the recalls after the service end', () => {
    expect(m.window).toBe('licence');
    expect([m.overall.k, m.overall.n]).toEqual([3, 4]);
    expect(m.recallsInWindow).toBe(7);
    expect(m.recallsPerPerson.distribution).toEqual({ '0': 1, '1': 1, '2': 0, '3+': 2 });
    expect(m.reasons.other).toBe(1);
    expect(m.reasons.non_compliance).toBe(2);
    expect(m.reasons.none).toBe(2);
  });

  it('censors at F, not at e', () => {
    const c = m.timeToFirstRecall;
    // C now has an event 122 days after release; B is still censored at F − r.
    expect(c.time).toEqual([0, 17, days('2020-06-01', '2020-10-01'), days('2020-03-01', '2021-12-31')]);
    expect(c.nEvent).toEqual([1, 1, 1, 0]);
  });
});

describe('recall grouped by a people column', () => {
  it('splits by service with a single group: nothing to compare', () => {
    const m = recallMeasure(study, { groupBy: 'service' });
    expect(m.comparison.byGroup.map((g) => [g.group, g.k, g.n])).toEqual([['Resettle', 2, 4]]);
    expect(m.comparison.fisherP).toBeNull();
    expect(m.comparison.chiSquare).toBeNull();
    expect(m.comparison.riskDifference).toBeNull();
  });

  it('refuses an unknown column, naming it', () => {
    expect(() => recallMeasure(study, { groupBy: 'shoe_size' })).toThrow(/shoe_size/);
  });
});
