/**
 * The adjusted comparison of services on a page (measures.md, "Services compared, adjusted
 * for whom they take on"; "Disclosure control"): small services withheld as in the raw
 * comparison, and the national sample showing a service outside the raw funnel's 99.8%
 * limits that is inside them once adjusted, said in words.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { changedByAdjustment, publishAdjusted } from '../../src/disclosure/adjusted-services.js';
import { computeMeasures } from '../../src/measures/compute.js';
import type { StudyMeasures } from '../../src/measures/types.js';
import { renderStudyReport } from '../../src/pages/index.js';
import { loadStudy } from '../../src/records/index.js';
import type { Study } from '../../src/study/study.js';

const SAMPLES = join(import.meta.dirname, '..', '..', 'data-samples');
let study: Study;
let m: StudyMeasures;
beforeAll(async () => {
  const dir = join(SAMPLES, 'national');
  study = await loadStudy(
    { people: join(dir, 'people.csv'), events: join(dir, 'events.csv'), offences: join(SAMPLES, 'offences.csv') },
    { extractionDate: '2024-03-31' },
  );
  m = computeMeasures(study);
});

describe('the adjusted comparison as published', () => {
  it('withholds a service with a small observed count, and its O/E with it', () => {
    const p = publishAdjusted(m.adjustedComparison!, m.services, { profile: 'public', minCell: 5 });
    const proven = p.binary.find((b) => b.outcome === 'provenReoffending')!;
    const raw = m.adjustedComparison!.provenReoffending!.byService;
    const small = raw.filter((s) => s.observed >= 1 && s.observed < 5);
    expect(small.length).toBeGreaterThan(0);
    for (const s of small) {
      const r = proven.rows.find((x) => x.service === s.service)!;
      expect(r.hidden).toBe(true);
      expect([r.ratio, r.expected, r.riskAdjustedRate, r.adjustedPosition]).toEqual([null, null, null, null]);
    }
    const analyst = publishAdjusted(m.adjustedComparison!, m.services, { profile: 'analyst', minCell: 5 });
    expect(analyst.binary[0].rows.every((r) => !r.hidden)).toBe(true);
  });

  it('the national sample has a service outside the raw 99.8% limits and within the 95% limits once adjusted', () => {
    const p = publishAdjusted(m.adjustedComparison!, m.services, { profile: 'public', minCell: 5 });
    const proven = p.binary.find((b) => b.outcome === 'provenReoffending')!;
    expect(changedByAdjustment(proven)).toContainEqual({ service: 'East Midlands', raw: 'outside 99.8%', adjusted: 'within 95%' });
    const em = m.adjustedComparison!.provenReoffending!.byService.find((s) => s.service === 'East Midlands')!;
    expect(em.ratio).toBeGreaterThan(em.limits998[0]);
    expect(em.ratio).toBeLessThan(em.limits95[1]);
    // the raw funnel of the services comparison agrees: outside its 99.8% limits
    const limits = m.services.measures.find((c) => c.measure === 'provenReoffending')!;
    const raw = limits.byService.find((g) => g.group === 'East Midlands')!;
    const at = limits.funnel.find((f) => f.n === raw.n)!;
    expect(raw.proportion!).toBeGreaterThan(at.upper998);
  });

  it('says so in words on the page, with the figures and the Cox table', async () => {
    const page = await renderStudyReport(study, m, { profile: 'public', minCell: 5, sections: ['services'] });
    expect(page).toContain('Adjusted for whom each service takes on');
    expect(page).toMatch(
      /Proven reoffending: East Midlands \(raw 3\d%, O\/E 1\.\d\d\) lies outside the 99\.8% limits on raw rates \(against the overall rate of the same people\) but within the 95% limits once adjusted/,
    );
    expect(page).toContain('Raw and risk-adjusted rates by service');
    expect(page).toContain('Funnel plots of observed over expected');
    expect(page).toContain('Hazard ratios of reconviction against London Pathways, adjusted for case mix');
    expect(page).toMatch(/likelihood-ratio test of the service terms against the case mix alone gives chi-square \d+\.\d\d on 19 degrees of freedom/);
  });
});
