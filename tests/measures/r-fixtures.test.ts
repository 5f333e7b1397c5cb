/**
 * The measures on the three samples against an independent recomputation in R
 * (fixtures/measures.R, run by hand: CI has no R; the JSON it wrote is committed).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  caseloadSnapshot,
  desistanceMeasure,
  provenReoffendingMeasure,
  recallMeasure,
  reconvictionMeasure,
  timeInServiceMeasure,
} from '../../src/measures/index.js';
import { loadStudy } from '../../src/records/index.js';
import type { Study } from '../../src/study/study.js';

const SAMPLES = join(import.meta.dirname, '..', '..', 'data-samples');
const SAMPLE_DATES: Record<string, [string, string | undefined]> = {
  resettle: ['2019-12-31', undefined],
  national: ['2024-03-31', '2024-01-30'],
  'south-wales': ['2024-09-30', undefined],
  'cohort-deaths': ['2024-03-31', undefined],
};

/** R's log-rank test by category, or null where R had a single category. */
type RLogRank = { chiSquare: number; df: number } | null;

/** What fixtures/measures.R writes for one sample (the keys it names; months and days as R computed them). */
interface Fixture {
  recallIntervention: RRecall;
  recallLicence: RRecall;
  [reconviction: `reconviction_${string}`]: {
    n: number;
    k: number;
    reconvictions: number;
    more: number;
    same: number;
    less: number;
    indictable: number;
    indictableOnly: number;
  };
  [desistance: `desistance_${string}`]: {
    n: number;
    k: number;
    fuMin: number;
    fuMedian: number;
    fuMax: number;
    kmMedian: number | null;
    logRankByCategory: RLogRank;
  };
  [proven: `proven_${string}`]: { eligible: number; tooShort: number; k: number; reoffences: number };
  timeInService: {
    inReachN: number;
    inReachMean: number;
    inReachMedian: number;
    inReachSd: number;
    communityN: number;
    communityMean: number;
    communityQ1: number;
    communityQ3: number;
    ongoing: number;
    kmMedianMonths: number | null;
  };
  snapshot: { inCustody: number; inCommunity: number; byService: { service: string; inCustody: number; inCommunity: number }[] };
}

interface RRecall {
  k: number;
  n: number;
  recalls: number;
  dist: Record<string, number>;
  none: number;
  non_compliance: number;
  kmMedian: number | null;
  byCategory: Record<string, [number, number]>;
  logRankByCategory: RLogRank;
}

for (const [name, [extractionDate, snapshotDate]] of Object.entries(SAMPLE_DATES)) {
  describe(`${name} sample against R`, () => {
    let study: Study;
    const R: Fixture = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', `${name}.json`), 'utf8'));
    beforeAll(async () => {
      const dir = join(SAMPLES, name);
      study = await loadStudy(
        { people: join(dir, 'people.csv'), events: join(dir, 'events.csv'), offences: join(SAMPLES, 'offences.csv') },
        snapshotDate ? { extractionDate, snapshotDate } : { extractionDate },
      );
    });

    it('recall in both windows', () => {
      for (const [window, key] of [
        ['intervention', 'recallIntervention'],
        ['licence', 'recallLicence'],
      ] as const) {
        const m = recallMeasure(study, { recallWindow: window });
        const r = R[key];
        expect([m.overall.k, m.overall.n, m.recallsInWindow]).toEqual([r.k, r.n, r.recalls]);
        expect(m.recallsPerPerson.distribution).toEqual(r.dist);
        expect(m.reasons.none).toBe(r.none);
        expect(m.reasons.non_compliance).toBe(r.non_compliance);
        expect(m.timeToFirstRecall.median).toBe(r.kmMedian);
        const byCategory = Object.fromEntries(m.comparison.byGroup.map((g) => [g.group, [g.k, g.n]]));
        expect(byCategory).toEqual(r.byCategory);
        const lr = m.timeToFirstRecallByGroup!.logRank;
        if (r.logRankByCategory === null) expect(lr).toBeNull();
        else {
          expect(lr!.chiSquare).toBeCloseTo(r.logRankByCategory.chiSquare, 8);
          expect(lr!.df).toBe(r.logRankByCategory.df);
        }
      }
    });

    it('reconviction in each window, with and without cautions', () => {
      for (const window of ['since_release', 'during_intervention', 'after_intervention'] as const) {
        for (const includeCautions of [false, true]) {
          const m = reconvictionMeasure(study, { reconvictionWindow: window, includeCautions });
          const r = R[`reconviction_${window}${includeCautions ? '_cautions' : ''}`];
          expect([m.overall.n, m.overall.k, m.reconvictions]).toEqual([r.n, r.k, r.reconvictions]);
          expect(m.seriousness).toEqual({ more: r.more, same: r.same, less: r.less });
          expect([m.indictable.k, m.indictableOnly.k]).toEqual([r.indictable, r.indictableOnly]);
        }
      }
    });

    it('desistance and proven reoffending from release and from the service end', () => {
      for (const from of ['release', 'service_end'] as const) {
        for (const includeCautions of [false, true]) {
          const suffix = `${from}${includeCautions ? '_cautions' : ''}`;
          const d = desistanceMeasure(study, { desistanceFrom: from, includeCautions });
          const rd = R[`desistance_${suffix}`];
          expect([d.overall.n, d.overall.k]).toEqual([rd.n, rd.k]);
          if (rd.n > 0) {
            expect(d.followUpMonths.min).toBeCloseTo(rd.fuMin, 10);
            expect(d.followUpMonths.median).toBeCloseTo(rd.fuMedian, 10);
            expect(d.followUpMonths.max).toBeCloseTo(rd.fuMax, 10);
          }
          expect(d.convictionFree.median).toBe(rd.kmMedian);
          const lr = d.convictionFreeByGroup!.logRank;
          if (rd.logRankByCategory === null) expect(lr).toBeNull();
          else expect(lr!.chiSquare).toBeCloseTo(rd.logRankByCategory.chiSquare, 8);
          const p = provenReoffendingMeasure(study, { desistanceFrom: from, includeCautions });
          const rp = R[`proven_${suffix}`];
          expect([p.eligible, p.tooShort, p.overall.k, p.reoffences]).toEqual([rp.eligible, rp.tooShort, rp.k, rp.reoffences]);
        }
      }
      const six = provenReoffendingMeasure(study, { provenWindowMonths: 6 });
      const r6 = R.proven_release_W6;
      expect([six.eligible, six.tooShort, six.overall.k, six.reoffences]).toEqual([r6.eligible, r6.tooShort, r6.k, r6.reoffences]);
    });

    it('time in service', () => {
      const t = timeInServiceMeasure(study);
      const r = R.timeInService;
      expect(t.inReachMonths.n).toBe(r.inReachN);
      if (r.inReachN > 0) {
        expect(t.inReachMonths.mean).toBeCloseTo(r.inReachMean, 10);
        expect(t.inReachMonths.median).toBeCloseTo(r.inReachMedian, 10);
      }
      if (r.inReachN > 1) expect(t.inReachMonths.sd).toBeCloseTo(r.inReachSd, 10);
      expect(t.communityMonths.n).toBe(r.communityN);
      if (r.communityN > 0) {
        expect(t.communityMonths.mean).toBeCloseTo(r.communityMean, 10);
        expect(t.communityMonths.q1).toBeCloseTo(r.communityQ1, 10);
        expect(t.communityMonths.q3).toBeCloseTo(r.communityQ3, 10);
      }
      expect(t.ongoing).toBe(r.ongoing);
      if (r.kmMedianMonths === null) expect(t.kmMedianMonths).toBeNull();
      else expect(t.kmMedianMonths).toBeCloseTo(r.kmMedianMonths, 10);
    });

    if (snapshotDate) {
      it('caseload snapshot', () => {
        const s = caseloadSnapshot(study, snapshotDate);
        expect([s.inCustody, s.inCommunity]).toEqual([R.snapshot.inCustody, R.snapshot.inCommunity]);
        expect(s.byService.map((x) => [x.service, x.inCustody, x.inCommunity]).sort()).toEqual(
          R.snapshot.byService.map((x) => [x.service, x.inCustody, x.inCommunity]).sort(),
        );
      });
    }
  });
}
