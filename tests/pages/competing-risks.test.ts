/**
 * The page's competing-risks section (measures.md "Competing risks"): present only
 * with deaths, the gap in words, small counts withheld in the public profile.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { incidenceShown } from '../../src/disclosure/competing-risks.js';
import { computeMeasures } from '../../src/measures/compute.js';
import type { StudyMeasures } from '../../src/measures/types.js';
import { renderStudyReport } from '../../src/pages/report.js';
import { loadStudy } from '../../src/records/index.js';
import type { Study } from '../../src/study/study.js';
import { conviction, makeStudy, person } from '../measures/helpers.js';

const dir = fileURLToPath(new URL('../fixtures/r/competing-risks-study/', import.meta.url));
let study: Study;
let m: StudyMeasures;
beforeAll(async () => {
  study = await loadStudy({ people: `${dir}people.csv`, events: `${dir}events.csv`, offences: `${dir}offences.csv` }, { extractionDate: '2023-06-30' });
  m = computeMeasures(study);
});

describe('competing-risks section', () => {
  it('says how far 1 − KM and the cumulative incidence differ at 1, 2 and 5 years, with the chart and tables', async () => {
    const page = await renderStudyReport(study, m, { profile: 'analyst', minCell: 5, sections: ['competing-risks'] });
    expect(page).toContain('<section id="competing-risks"');
    expect(page).toContain('The difference (1 − Kaplan–Meier minus cumulative incidence) is 0.1 at 1 year, 0.9 at 2 years, 3.8 at 5 years percentage points.');
    expect(page).toContain('Reconviction: cumulative incidence with death competing');
    expect(page).toContain(
      'Gray&#39;s test of equal cumulative incidence across the groups: reconviction, chi-square 0.02 on 2 df, p = 0.99; death, chi-square 0.52 on 2 df, p = 0.77.',
    );
    expect(page).not.toContain('withheld');
  });

  it('withholds a value resting on fewer than minCell events in the public profile', async () => {
    const page = await renderStudyReport(study, m, { profile: 'public', minCell: 5, sections: ['competing-risks'] });
    const drugs = m.competingRisks!.reconviction.byGroup.find((g) => g.group === 'drugs')!;
    const curve = drugs.curves.reconviction;
    const eventsByYear = curve.time.reduce((sum, t, i) => sum + (t <= 365.25 ? curve.nEvent[i] : 0), 0);
    expect(eventsByYear).toBeGreaterThan(0);
    expect(eventsByYear).toBeLessThan(5);
    expect(incidenceShown(curve, 365.25, { profile: 'public', minCell: 5 })).toBe(false);
    expect(incidenceShown(curve, 365.25, { profile: 'analyst', minCell: 5 })).toBe(true);
    expect(page).toMatch(/<th scope="row">drugs<\/th><td class="num">43<\/td><td class="num">withheld<\/td>/);
  });

  it('is absent, and the JSON key null, for a study without deaths', async () => {
    const plain = makeStudy(
      [person('a', { release_date: '2020-01-01' }), person('b', { release_date: '2020-02-01' })],
      [conviction('a', '2020-03-01', '2020-04-01', 'T1')],
      '2024-01-01',
    );
    const pm = computeMeasures(plain);
    expect(pm.competingRisks).toBeUndefined();
    expect('competingRisks' in pm).toBe(false);
    const page = await renderStudyReport(plain, pm, { profile: 'analyst', minCell: 5 });
    expect(page).not.toContain('competing-risks');
  });

  it('withholds a Gray test and leaves out a curve resting on a small count of events (cohort-deaths sample)', async () => {
    const samples = fileURLToPath(new URL('../../data-samples/', import.meta.url));
    const small = await loadStudy(
      { people: `${samples}cohort-deaths/people.csv`, events: `${samples}cohort-deaths/events.csv`, offences: `${samples}offences.csv` },
      { extractionDate: '2024-03-31' },
    );
    const sm = computeMeasures(small, { groupBy: 'service' });
    const deathsInRecall = sm.competingRisks!.recall.overall.events.death;
    expect(deathsInRecall).toBeGreaterThan(0);
    expect(deathsInRecall).toBeLessThan(5);
    const page = await renderStudyReport(small, sm, { profile: 'public', minCell: 5, sections: ['competing-risks'] });
    expect(page).toContain('death, withheld (a group&#39;s number of people or of events is too small to publish)');
    expect(page).toContain('Not drawn, because its number of events is withheld: the death curve.');
    expect(page).toContain('Death: cumulative incidence (not drawn)');
    const analyst = await renderStudyReport(small, sm, { profile: 'analyst', minCell: 5, sections: ['competing-risks'] });
    expect(analyst).not.toContain('withheld');
  });
});
