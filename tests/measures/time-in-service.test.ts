import { describe, expect, it } from 'vitest';
import { timeInServiceMeasure } from '../../src/measures/index.js';
import { days, makeStudy, person } from './helpers.js';

/*
 * T1: in-reach 2019-07-01, r 2020-01-01 (184 days), e 2020-12-31 (365 days), completed.
 * T2: no in-reach, r 2020-03-01, e 2020-04-30 (60 days), recalled.
 * T3: in-reach 2019-12-01, r 2020-02-01 (62 days), ongoing; F 2021-12-31 (censored at 699).
 * X: excluded, with in-reach and service end (not in the cohort).
 */
const study = makeStudy(
  [
    person('T1', { in_reach_start: '2019-07-01', release_date: '2020-01-01', service_end: '2020-12-31', end_reason: 'completed' }),
    person('T2', { release_date: '2020-03-01', service_end: '2020-04-30', end_reason: 'recalled' }),
    person('T3', { in_reach_start: '2019-12-01', release_date: '2020-02-01' }),
    person('X', { included: 'no', exclusion_reason: 'died before release', in_reach_start: '2019-01-01', service_end: '2019-02-01', end_reason: 'died' }),
  ],
  [],
  '2021-12-31',
);

describe('time in service', () => {
  const m = timeInServiceMeasure(study);

  it('summarises in-reach r − in_reach_start over people with both, in months', () => {
    expect([days('2019-07-01', '2020-01-01'), days('2019-12-01', '2020-02-01')]).toEqual([184, 62]);
    const s = m.inReachMonths;
    expect(s.n).toBe(2);
    expect(s.mean).toBeCloseTo((184 + 62) / 2 / 30.4375, 12);
    expect(s.min).toBeCloseTo(62 / 30.4375, 12);
    expect(s.max).toBeCloseTo(184 / 30.4375, 12);
    // SD with n − 1 of two values: |a − b| / √2.
    expect(s.sd).toBeCloseTo((184 - 62) / Math.SQRT2 / 30.4375, 12);
  });

  it('summarises community e − r over people with a service end, counting the ongoing', () => {
    expect([days('2020-01-01', '2020-12-31'), days('2020-03-01', '2020-04-30')]).toEqual([365, 60]);
    expect(m.communityMonths.n).toBe(2);
    expect(m.communityMonths.median).toBeCloseTo((365 + 60) / 2 / 30.4375, 12);
    expect(m.ongoing).toBe(1);
    expect(m.endReasons).toEqual({ completed: 1, recalled: 1, disengaged: 0, transferred: 0, died: 0, other: 0 });
  });

  it('gives the Kaplan–Meier median with every end an event and ongoing censored at F', () => {
    // Events at 60 and 365, T3 censored at 699: S = 2/3, then 1/3; median 365 days.
    expect(days('2020-02-01', '2021-12-31')).toBe(699);
    expect(m.inService.time).toEqual([60, 365, 699]);
    expect(m.inService.nEvent).toEqual([1, 1, 0]);
    expect(m.kmMedianMonths).toBeCloseTo(365 / 30.4375, 12);
  });
});
