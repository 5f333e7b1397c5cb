import { describe, expect, it } from 'vitest';
import { provenReoffendingMeasure } from '../../src/measures/index.js';
import { conviction, caution, makeStudy, person } from './helpers.js';
import { reconvictionStudy } from './studies.js';

describe('proven reoffending on the reconviction study (W = 12, from release)', () => {
  const m = provenReoffendingMeasure(reconvictionStudy);

  it('makes eligible those followed up to c = r + 12 months + 6 months, and counts reoffences', () => {
    // P1: w 2021-01-01, c 2021-07-01 ≤ F; T1 and P1 count, V1 was convicted after c.
    // P2: c 2021-08-01 > F 2021-06-30: too short. P3: none. P4: S1 2021-02-01 < w 2021-05-01, convicted before c.
    expect(m.windowMonths).toBe(12);
    expect(m.waitingMonths).toBe(6);
    expect(m.eligible).toBe(3);
    expect(m.tooShort).toBe(1);
    expect([m.overall.k, m.overall.n]).toEqual([2, 3]);
    expect(m.reoffences).toBe(3);
    expect(m.reoffencesPerPerson).toBe(1);
    expect(m.reoffencesPerReoffender).toBe(1.5);
    expect(m.unused).toEqual([{ reason: 'follow-up too short', count: 1 }]);
  });
});

/*
 * Month-end arithmetic and the window's edges. Extraction 2021-12-31.
 * Q1: r 2019-01-31 → w 2020-01-31, c 2020-07-31; F = c exactly (eligible).
 *     An offence the day before w (convicted the day before c) counts; one on w does not.
 * Q2: r 2019-08-31 → w 2020-08-31, c 2021-02-28 (clamped); F 2021-02-27: too short.
 * Q3: r 2020-02-29 → w 2021-02-28, c 2021-08-28. An offence before w convicted on c does not count.
 * Q4: r 2019-03-31 → w 2020-03-31, c 2020-09-30. A caution counts only with includeCautions.
 */
const months = makeStudy(
  [
    person('Q1', { release_date: '2019-01-31', follow_up_end: '2020-07-31' }),
    person('Q2', { release_date: '2019-08-31', follow_up_end: '2021-02-27' }),
    person('Q3', { release_date: '2020-02-29' }),
    person('Q4', { release_date: '2019-03-31' }),
  ],
  [
    conviction('Q1', '2020-01-30', '2020-07-30', 'T1'),
    conviction('Q1', '2020-01-31', '2020-03-01', 'T1'),
    conviction('Q3', '2021-02-27', '2021-08-28', 'T1'),
    caution('Q4', '2019-04-01', '2019-04-02', 'M1'),
  ],
  '2021-12-31',
);

describe('proven reoffending: month-end arithmetic and window edges', () => {
  it('clamps month ends and keeps [s, w) and conviction_date < c strict', () => {
    const m = provenReoffendingMeasure(months);
    expect(m.eligible).toBe(3);
    expect(m.tooShort).toBe(1);
    expect([m.overall.k, m.overall.n]).toEqual([1, 3]);
    expect(m.reoffences).toBe(1);
    expect(m.reoffencesPerReoffender).toBe(1);
  });

  it('counts cautions only when includeCautions', () => {
    const m = provenReoffendingMeasure(months, { includeCautions: true });
    expect([m.overall.k, m.overall.n]).toEqual([2, 3]);
    expect(m.reoffences).toBe(2);
  });

  it('adds the window and the waiting period one after the other', () => {
    // Q2 with W = 6: w = 2019-08-31 + 6 = 2020-02-29, c = 2020-02-29 + 6 = 2020-08-29.
    // (2019-08-31 + 12 in one go would be 2020-08-31.) Only F matters for eligibility here.
    const one = makeStudy([person('R', { release_date: '2019-08-31', follow_up_end: '2020-08-29' })], [], '2021-12-31');
    expect(provenReoffendingMeasure(one, { provenWindowMonths: 6 }).eligible).toBe(1);
    const shorter = makeStudy([person('R', { release_date: '2019-08-31', follow_up_end: '2020-08-28' })], [], '2021-12-31');
    expect(provenReoffendingMeasure(shorter, { provenWindowMonths: 6 }).tooShort).toBe(1);
  });

  it('has no rate when no one is eligible', () => {
    const m = provenReoffendingMeasure(months, { provenWindowMonths: 120 });
    expect(m.eligible).toBe(0);
    expect(m.overall.proportion).toBeNull();
    expect(m.overall.ci).toBeNull();
    expect(m.reoffencesPerPerson).toBeNull();
    expect(m.reoffencesPerReoffender).toBeNull();
  });

  it('refuses a window outside 1–120 months', () => {
    expect(() => provenReoffendingMeasure(months, { provenWindowMonths: 0 })).toThrow(/provenWindowMonths/);
    expect(() => provenReoffendingMeasure(months, { provenWindowMonths: 1.5 })).toThrow(/1\.5/);
  });

  it('starts at the service end with desistanceFrom "service_end"', () => {
    const m = provenReoffendingMeasure(reconvictionStudy, { desistanceFrom: 'service_end' });
    // P1: s 2020-06-30, w 2021-06-30, c 2021-12-30 ≤ F: the offence on s counts (V1 convicted after c does not).
    // P3: s 2020-12-31, c 2022-06-30 > F: too short. P4 likewise. P2 has no service end.
    expect(m.eligible).toBe(1);
    expect(m.tooShort).toBe(2);
    expect([m.overall.k, m.overall.n]).toEqual([1, 1]);
    expect(m.reoffences).toBe(1);
    expect(m.unused).toEqual([
      { reason: 'no service end', count: 1 },
      { reason: 'follow-up too short', count: 2 },
    ]);
  });
});
