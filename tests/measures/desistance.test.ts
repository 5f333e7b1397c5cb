import { describe, expect, it } from 'vitest';
import { desistanceMeasure } from '../../src/measures/index.js';
import { days } from './helpers.js';
import { reconvictionStudy as study } from './studies.js';

/* The reconviction study (see reconviction.test.ts): P3 is never reconvicted. */

describe('desistance from release ([r, F])', () => {
  const m = desistanceMeasure(study);

  it('counts the people with no reconviction in [r, F]', () => {
    expect(m.from).toBe('release');
    expect([m.overall.k, m.overall.n]).toEqual([1, 4]);
    expect(m.overall.proportion).toBe(0.25);
    expect(m.unused).toEqual([]);
  });

  it('gives the follow-up length F − r in months (min, median, max)', () => {
    const lengths = [
      days('2020-01-01', '2021-12-31'), // P1, 730
      days('2020-02-01', '2021-06-30'), // P2, 515
      days('2020-03-01', '2021-12-31'), // P3, 670
      days('2020-05-01', '2021-12-31'), // P4, 609
    ];
    expect(lengths).toEqual([730, 515, 670, 609]);
    expect(m.followUpMonths.min).toBeCloseTo(515 / 30.4375, 12);
    expect(m.followUpMonths.median).toBeCloseTo((609 + 670) / 2 / 30.4375, 12);
    expect(m.followUpMonths.max).toBeCloseTo(730 / 30.4375, 12);
  });

  it('builds the conviction-free curve from r: first reconviction offence date, censored at F', () => {
    const c = m.convictionFree;
    const p2 = days('2020-02-01', '2021-01-10');
    const p4 = days('2020-05-01', '2021-02-01');
    // P1 offended on the release day (time 0); P3 is censored at F − r = 670.
    expect(c.time).toEqual([0, p2, p4, 670].sort((a, b) => a - b));
    expect(c.nEvent).toEqual([1, 1, 1, 0]);
    expect(c.survival[2]).toBeCloseTo(1 / 4, 12);
  });

  it('counts cautions only with includeCautions (no change here: everyone cautioned was convicted)', () => {
    const withCautions = desistanceMeasure(study, { includeCautions: true });
    expect([withCautions.overall.k, withCautions.overall.n]).toEqual([1, 4]);
  });
});

describe('desistance from the service end ([e, F])', () => {
  const m = desistanceMeasure(study, { desistanceFrom: 'service_end' });

  it('covers only people with a service end and counts an offence on the service-end day', () => {
    // P1 offended on e itself (not desisted, time 0); P3 desisted; P4 offended the day after e.
    expect([m.overall.k, m.overall.n]).toEqual([1, 3]);
    expect(m.unused).toEqual([{ reason: 'no service end', count: 1 }]);
    expect(m.convictionFree.time).toEqual([0, 1, days('2020-12-31', '2021-12-31')]);
    expect(m.convictionFree.nEvent).toEqual([1, 1, 0]);
    expect(m.followUpMonths.min).toBeCloseTo(days('2021-01-31', '2021-12-31') / 30.4375, 12);
    expect(m.followUpMonths.max).toBeCloseTo(days('2020-06-30', '2021-12-31') / 30.4375, 12);
  });
});
