import { describe, expect, it } from 'vitest';
import { cohortDescription, cohortFlow, cohortOf, compareGroups, computeMeasures } from '../../src/measures/index.js';
import { makeStudy, person } from './helpers.js';

/*
 * Four in the cohort (D1–D4), one included but not released (N1), three excluded.
 * D4 has a follow-up too short for proven reoffending; D1 and D2 have a service end.
 */
const study = makeStudy(
  [
    person('D1', {
      sex: 'male',
      ethnicity: 'White',
      tier: 'Tier 2',
      index_offence: 'V1',
      age_at_release: '30',
      prior_convictions: '10',
      custody_years_before_release: '5.5',
      aces: '4',
      release_date: '2019-01-01',
      service_end: '2019-06-30',
      cohort_year: '2019',
    }),
    person('D2', {
      sex: 'female',
      ethnicity: 'Black',
      tier: 'Tier 3',
      index_offence: 'S1',
      age_at_release: '40',
      prior_convictions: '2',
      custody_years_before_release: '10',
      aces: '2',
      release_date: '2019-02-01',
      service_end: '2019-12-31',
      cohort_year: '2019',
    }),
    person('D3', {
      sex: '',
      ethnicity: '',
      tier: '',
      index_offence: 'V2',
      age_at_release: '',
      prior_convictions: '0',
      custody_years_before_release: '1',
      aces: '7',
      release_date: '2020-03-01',
      cohort_year: '',
    }),
    person('D4', {
      sex: 'male',
      ethnicity: 'White',
      tier: 'Tier 2',
      index_offence: 'T1',
      age_at_release: '50',
      prior_convictions: '20',
      custody_years_before_release: '0',
      aces: '',
      release_date: '2021-01-01',
      cohort_year: '2021',
    }),
    person('N1', { in_reach_start: '2021-06-01', cohort_year: '2021' }),
    person('X1', { included: 'false', exclusion_reason: 'moved area', release_date: '2019-01-01', cohort_year: '2019' }),
    person('X2', { included: 'false', exclusion_reason: '  moved area ', cohort_year: '2019' }),
    person('X3', { included: 'false', exclusion_reason: 'died', sex: 'other', cohort_year: '2019' }),
  ],
  [],
  '2021-12-31',
);

describe('cohort flow', () => {
  const f = cohortFlow(study);

  it('accounts for everyone: people = excluded + included, included = not released + cohort', () => {
    expect(f.people).toBe(8);
    expect(f.excluded).toEqual({ 'moved area': 2, died: 1 });
    expect(f.included).toBe(5);
    expect(f.notYetReleased).toBe(1);
    expect(f.cohort).toBe(4);
    expect(cohortOf(study).length).toBe(4);
  });

  it('lists per measure the cohort members it could not use, and why', () => {
    // D4: r 2021-01-01 + 18 months > 2021-12-31. D3 and D4 have no service end; D1–D4 no in-reach.
    expect(f.unusedByMeasure.provenReoffending).toEqual([{ reason: 'follow-up too short', count: 1 }]);
    expect(f.unusedByMeasure.reconviction).toEqual([]);
    expect(f.unusedByMeasure.communityTime).toEqual([{ reason: 'ongoing (counted, not averaged)', count: 2 }]);
    expect(f.unusedByMeasure.inReachTime).toEqual([{ reason: 'no in-reach start', count: 4 }]);
    const after = cohortFlow(study, { reconvictionWindow: 'after_intervention', desistanceFrom: 'service_end' });
    expect(after.unusedByMeasure.reconviction).toEqual([{ reason: 'no service end', count: 2 }]);
    expect(after.unusedByMeasure.desistance).toEqual([{ reason: 'no service end', count: 2 }]);
    // From the service end: D1 (e 2019-06-30 → c 2020-12-30) and D2 (c 2021-06-30) are eligible.
    expect(after.unusedByMeasure.provenReoffending).toEqual([{ reason: 'no service end', count: 2 }]);
  });
});

describe('cohort flow in computeMeasures', () => {
  it('lists the same unused people as the measures themselves', () => {
    const m = computeMeasures(study, { desistanceFrom: 'service_end', reconvictionWindow: 'after_intervention' });
    expect(m.flow.unusedByMeasure.reconviction).toEqual(m.reconviction.unused);
    expect(m.flow.unusedByMeasure.desistance).toEqual(m.desistance.unused);
    expect(m.flow.unusedByMeasure.provenReoffending).toEqual(m.provenReoffending.unused);
    expect(m.provenReoffending.unused).toEqual([{ reason: 'no service end', count: 2 }]);
  });
});

describe('cohort description', () => {
  const d = cohortDescription(study);

  it('counts categorical columns over the cohort, blanks as "not recorded", vocabulary order for sex and category', () => {
    const c = d.overall.categorical;
    expect(d.overall.n).toBe(4);
    expect(c.sex).toEqual([
      { value: 'male', count: 2, percent: 50 },
      { value: 'female', count: 1, percent: 25 },
      { value: 'unknown', count: 1, percent: 25 },
    ]);
    expect(c.ethnicity.map((x) => [x.value, x.count])).toEqual([
      ['Black', 1],
      ['White', 2],
      ['not recorded', 1],
    ]);
    expect(c.tier.map((x) => [x.value, x.count])).toEqual([
      ['Tier 2', 2],
      ['Tier 3', 1],
      ['not recorded', 1],
    ]);
    expect(c.category.map((x) => [x.value, x.count])).toEqual([
      ['violent', 2],
      ['sexual', 1],
      ['acquisitive', 1],
    ]);
    expect(c.group.map((x) => [x.value, x.count])).toEqual([
      ['sexual offences', 1],
      ['theft', 1],
      ['violence against the person', 2],
    ]);
  });

  it('summarises the numeric columns over recorded values (R type 7 quartiles, SD with n − 1)', () => {
    const age = d.overall.numeric.age_at_release;
    expect(age).toEqual({ n: 3, mean: 40, sd: 10, median: 40, q1: 35, q3: 45, min: 30, max: 50 });
    const prior = d.overall.numeric.prior_convictions;
    // [0, 2, 10, 20]: Q1 at h = 0.75 → 1.5; Q3 at h = 2.25 → 12.5; SD² = (64 + 36 + 4 + 144) / 3.
    expect(prior.n).toBe(4);
    expect(prior.mean).toBe(8);
    expect(prior.median).toBe(6);
    expect(prior.q1).toBeCloseTo(1.5, 12);
    expect(prior.q3).toBeCloseTo(12.5, 12);
    expect(prior.sd).toBeCloseTo(Math.sqrt(248 / 3), 12);
    expect(d.overall.numeric.aces.n).toBe(3);
    expect(d.overall.fourOrMoreAces).toBe(2);
    expect(d.overall.numeric.custody_years_before_release.max).toBe(10);
  });

  it('splits by a people column, listing every cohort value in every group', () => {
    const byTier = cohortDescription(study, 'tier');
    expect(byTier.groupBy).toBe('tier');
    expect(byTier.byGroup.map((g) => [g.group, g.n])).toEqual([
      ['Tier 2', 2],
      ['Tier 3', 1],
      ['not recorded', 1],
    ]);
    expect(byTier.byGroup[0].categorical.sex).toEqual([
      { value: 'male', count: 2, percent: 100 },
      { value: 'female', count: 0, percent: 0 },
      { value: 'unknown', count: 0, percent: 0 },
    ]);
    expect(byTier.byGroup[0].numeric.age_at_release.mean).toBe(40);
  });

  it('has no groups without a grouping column', () => {
    expect(d.groupBy).toBeNull();
    expect(d.byGroup).toEqual([]);
  });
});

describe('compareGroups on any binary outcome', () => {
  const rows = cohortOf(study);
  // D1 and D3 have the outcome.
  const outcome = [1, 0, 1, 0];

  it('groups by an extra people column, blanks last as "not recorded", only groups in the cohort', () => {
    const c = compareGroups(study, rows, outcome, 'cohort_year');
    expect(c.byGroup.map((g) => [g.group, g.k, g.n])).toEqual([
      ['2019', 1, 2],
      ['2021', 0, 1],
      ['not recorded', 1, 1],
    ]);
    expect(c.chiSquare!.df).toBe(2);
    expect(c.riskDifference).toBeNull();
  });

  it('groups by a lookup column through the index offence, with the two-group estimates', () => {
    const c = compareGroups(study, rows, outcome, 'mode_of_trial');
    // V1, S1 indictable-only (D1 yes, D2 no); V2, T1 either-way (D3 yes, D4 no).
    expect(c.byGroup.map((g) => [g.group, g.k, g.n])).toEqual([
      ['indictable_only', 1, 2],
      ['either_way', 1, 2],
    ]);
    expect(c.fisherP).toBeCloseTo(1, 12);
    expect(c.riskDifference!.estimate).toBeCloseTo(0, 12);
    expect(c.relativeRisk!.estimate).toBeCloseTo(1, 12);
  });

  it('reads "group" from the lookup and "people.x" from people', () => {
    expect(compareGroups(study, rows, outcome, 'group').byGroup.map((g) => g.group)).toEqual(['sexual offences', 'theft', 'violence against the person']);
    expect(compareGroups(study, rows, outcome, 'people.sex').byGroup.map((g) => g.group)).toEqual(['male', 'female', 'unknown']);
  });

  it('refuses outcomes that do not match the rows', () => {
    expect(() => compareGroups(study, rows, [1, 0], 'tier')).toThrow(/4 rows but 2 outcomes/);
  });
});
