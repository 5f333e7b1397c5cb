import { describe, expect, it } from 'vitest';
import { reconvictionMeasure } from '../../src/measures/index.js';
import { wilson } from './helpers.js';
import { reconvictionStudy } from './studies.js';

describe('reconviction since release ([r, F], the default)', () => {
  const m = reconvictionMeasure(reconvictionStudy);

  it('counts offences dated in [r, F] and convicted by F', () => {
    // P1: T1 and P1 (V1 convicted after F is out); P2: T1, M1 and V1 on F; P4: S1.
    expect(m.window).toBe('since_release');
    expect([m.overall.k, m.overall.n]).toEqual([3, 4]);
    expect(m.reconvictions).toBe(6);
    expect(m.perPerson).toBe(6 / 4);
    expect(m.perReconvicted).toBe(6 / 3);
    const [lo, hi] = wilson(3, 4);
    expect(m.overall.ci![0]).toBeCloseTo(lo, 12);
    expect(m.overall.ci![1]).toBeCloseTo(hi, 12);
    expect(m.unused).toEqual([]);
  });

  it('compares the most serious reconviction with the index offence, equal severities being "same"', () => {
    // P1: max 50 = index 50; P2: max 100 < 200; P4: 200 > 5.
    expect(m.seriousness).toEqual({ more: 1, same: 1, less: 1 });
    expect(m.severityPairs).toEqual([
      { index: 5, reconviction: 200, indexCategory: 'motoring' },
      { index: 50, reconviction: 50, indexCategory: 'violent' },
      { index: 200, reconviction: 100, indexCategory: 'sexual' },
    ]);
  });

  it('counts indictable (indictable-only or either-way) and indictable-only, of the cohort and of the reconvicted', () => {
    // P1: T1 either-way; P2: V1 indictable-only; P4: S1 indictable-only.
    expect(m.indictable.k).toBe(3);
    expect([m.indictable.ofCohort.k, m.indictable.ofCohort.n]).toEqual([3, 4]);
    expect([m.indictable.ofReconvicted.k, m.indictable.ofReconvicted.n]).toEqual([3, 3]);
    expect(m.indictable.ofReconvicted.ci![1]).toBe(1);
    expect(m.indictableOnly.k).toBe(2);
    expect([m.indictableOnly.ofCohort.k, m.indictableOnly.ofCohort.n]).toEqual([2, 4]);
    expect([m.indictableOnly.ofReconvicted.k, m.indictableOnly.ofReconvicted.n]).toEqual([2, 3]);
  });

  it('groups by a lookup column through the index offence', () => {
    const byMode = reconvictionMeasure(reconvictionStudy, { groupBy: 'mode_of_trial' });
    // Index offences: P1 V2 either-way, P2 S1 indictable-only, P3 T1 either-way, P4 M1 summary.
    expect(byMode.comparison.byGroup.map((g) => [g.group, g.k, g.n])).toEqual([
      ['indictable_only', 1, 1],
      ['either_way', 1, 2],
      ['summary', 1, 1],
    ]);
    expect(byMode.comparison.riskDifference).toBeNull();
    expect(byMode.comparison.chiSquare!.df).toBe(2);
  });
});

describe('cautions', () => {
  it('count as reconvictions only with includeCautions', () => {
    const m = reconvictionMeasure(reconvictionStudy, { includeCautions: true });
    expect(m.includeCautions).toBe(true);
    expect([m.overall.k, m.overall.n]).toEqual([3, 4]);
    expect(m.reconvictions).toBe(7);
    // The caution (M1, 5) does not change P1's most serious reconviction.
    expect(m.seriousness).toEqual({ more: 1, same: 1, less: 1 });
  });
});

describe('reconviction during the intervention (I = [r, min(e, F)])', () => {
  const m = reconvictionMeasure(reconvictionStudy, { reconvictionWindow: 'during_intervention' });

  it('keeps the offence on the service-end day and drops those after it', () => {
    // P1: T1 and P1 (on e); P2 ongoing: [r, F], 3; P4's S1 is after e.
    expect([m.overall.k, m.overall.n]).toEqual([2, 4]);
    expect(m.reconvictions).toBe(5);
    expect(m.seriousness).toEqual({ more: 0, same: 1, less: 1 });
    expect(m.indictable.k).toBe(2);
    expect(m.indictableOnly.k).toBe(1);
  });
});

describe('reconviction after the intervention ((e, F], people with a service end)', () => {
  it('leaves out ongoing people and the service-end day itself', () => {
    const m = reconvictionMeasure(reconvictionStudy, { reconvictionWindow: 'after_intervention' });
    // Covered: P1, P3, P4. P1's offence on e is not after e; its V1 was convicted after F.
    expect([m.overall.k, m.overall.n]).toEqual([1, 3]);
    expect(m.unused).toEqual([{ reason: 'no service end', count: 1 }]);
    expect(m.seriousness).toEqual({ more: 1, same: 0, less: 0 });
    expect(m.indictable.ofCohort.n).toBe(3);
  });

  it('with cautions, counts the caution after e as a less serious reconviction', () => {
    const m = reconvictionMeasure(reconvictionStudy, { reconvictionWindow: 'after_intervention', includeCautions: true });
    expect([m.overall.k, m.overall.n]).toEqual([2, 3]);
    expect(m.seriousness).toEqual({ more: 1, same: 0, less: 1 });
    // M1 is summary: not indictable.
    expect(m.indictable.k).toBe(1);
  });
});
