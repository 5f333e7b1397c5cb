import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseloadSnapshot, computeMeasures } from '../../src/measures/index.js';
import { toJsonDocument } from '../../src/output/index.js';
import type { StudyMeasures } from '../../src/measures/index.js';
import { loadStudy } from '../../src/records/index.js';
import type { Study } from '../../src/study/study.js';

const SAMPLES = join(import.meta.dirname, '..', '..', 'data-samples');

function load(name: string, extractionDate: string, snapshotDate?: string): Promise<Study> {
  const dir = join(SAMPLES, name);
  return loadStudy(
    { people: join(dir, 'people.csv'), events: join(dir, 'events.csv'), offences: join(SAMPLES, 'offences.csv') },
    snapshotDate ? { extractionDate, snapshotDate } : { extractionDate },
  );
}

describe('Resettle sample: the figures of Ryan et al. (2022)', () => {
  let m: StudyMeasures;
  beforeAll(async () => {
    m = computeMeasures(await load('resettle', '2019-12-31'));
  });

  it('follows 45 of 69 people', () => {
    expect(m.flow.people).toBe(69);
    expect(m.flow.cohort).toBe(45);
    expect(Object.values(m.flow.excluded).reduce((a, b) => a + b, 0)).toBe(24);
  });

  it('has 27 of 45 recalled during the intervention (60%), more after a violent index offence', () => {
    expect([m.recall.overall.k, m.recall.overall.n]).toEqual([27, 45]);
    expect(m.recall.overall.proportion).toBeCloseTo(0.6, 12);
    // Wilson 95% for 27/45, as R prop.test(27, 45, correct = FALSE): 0.4548–0.7296.
    expect(m.recall.overall.ci![0]).toBeCloseTo(0.4548, 3);
    expect(m.recall.overall.ci![1]).toBeCloseTo(0.7296, 3);
    const byCategory = Object.fromEntries(m.recall.comparison.byGroup.map((g) => [g.group, [g.k, g.n]]));
    expect(byCategory).toEqual({ violent: [22, 33], sexual: [5, 12] });
  });

  it('has 29 of 45 with no further conviction (64.4%) and 16 reconvicted', () => {
    expect([m.desistance.overall.k, m.desistance.overall.n]).toEqual([29, 45]);
    expect(m.desistance.overall.proportion).toBeCloseTo(0.6444, 4);
    expect(m.reconviction.overall.k).toBe(16);
  });

  it('has 7 of 45 (about 16%) with an indictable reconviction, reading 16% as of the cohort', () => {
    expect(m.reconviction.indictable.k).toBe(7);
    expect([m.reconviction.indictable.ofCohort.k, m.reconviction.indictable.ofCohort.n]).toEqual([7, 45]);
    expect(Math.round(100 * m.reconviction.indictable.ofCohort.proportion!)).toBe(16);
    expect([m.reconviction.indictable.ofReconvicted.k, m.reconviction.indictable.ofReconvicted.n]).toEqual([7, 16]);
    expect(m.reconviction.seriousness).toEqual({ more: 1, same: 1, less: 14 });
  });

  it('has the backgrounds and times in service the sample was built to', () => {
    expect(m.description.overall.numeric.prior_convictions.mean).toBeCloseTo(17, 1);
    expect(m.description.overall.numeric.custody_years_before_release.mean).toBeCloseTo(11, 1);
    expect(m.description.overall.fourOrMoreAces).toBe(45);
    expect(m.timeInService.communityMonths.n).toBe(43);
    expect(m.timeInService.communityMonths.mean).toBeCloseTo(18.96, 2);
    expect(m.timeInService.inReachMonths.min! * 30.4375).toBeGreaterThanOrEqual(183);
  });
});

describe('national sample: the MoJ snapshot of 30 January 2024', () => {
  let study: Study;
  beforeAll(async () => {
    study = await load('national', '2024-03-31', '2024-01-30');
  });

  it('has 358 in custody and 662 in the community, 1,020 in all', () => {
    const s = caseloadSnapshot(study, '2024-01-30');
    expect([s.inCustody, s.inCommunity, s.total]).toEqual([358, 662, 1020]);
    expect(s.byService).toHaveLength(20);
    expect(s.byService.reduce((a, r) => a + r.total, 0)).toBe(1020);
  });

  it('puts the snapshot in the JSON document', () => {
    const doc = toJsonDocument(computeMeasures(study)) as { snapshot: { total: number; date: string } };
    expect(doc.snapshot.date).toBe('2024-01-30');
    expect(doc.snapshot.total).toBe(1020);
  });
});
