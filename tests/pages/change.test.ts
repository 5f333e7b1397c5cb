/**
 * The individual change section (change.md, "Outputs"): category counts on
 * every profile under disclosure control, the Jacobson plot only on analyst
 * pages (the public page shows no person's score), and the same bytes twice.
 */
import { describe, expect, it } from 'vitest';
import { jacobsonChart } from '../../src/charts/jacobson.js';
import { publishChange } from '../../src/disclosure/change.js';
import { computeMeasures } from '../../src/measures/index.js';
import { openStudy } from '../../src/notebook/open-study.js';
import { renderStudyReport } from '../../src/pages/index.js';

const resettle = () => openStudy('data-samples/resettle/study.json');

describe('change section', () => {
  it('analyst pages draw the Jacobson plot; public pages only the counts', async () => {
    const s = await resettle();
    const analyst = await renderStudyReport(s.records, s.measures, { profile: 'analyst', minCell: 5, sections: ['change'] });
    const pub = await renderStudyReport(s.records, s.measures, { profile: 'public', minCell: 5, sections: ['change'] });
    expect(analyst).toContain('distress: first and last score of each person');
    expect(analyst).toContain('goals: first and last score of each person');
    expect(pub).not.toContain('first and last score of each person');
    expect(pub).toContain('never a person’s scores');
    expect(pub).toContain('Illustrative only');
    // The counts of every category are on both.
    for (const page of [analyst, pub]) expect(page).toContain('distress: people in each category');
    expect(await renderStudyReport(s.records, s.measures, { profile: 'public', minCell: 5, sections: ['change'] })).toBe(pub);
  });

  it('the chart refuses a public policy', async () => {
    const s = await resettle();
    expect(() => jacobsonChart('distress', s.measures.change!.distress, { profile: 'public', minCell: 5 })).toThrow(/analyst/);
  });

  it('withholds small categories and whatever would give them away', async () => {
    const s = await resettle();
    const goals = s.measures.change!.goals.overall;
    const shown = publishChange(goals, { profile: 'public', minCell: 5 });
    const byKey = Object.fromEntries(shown.categories.map((c) => [c.key, c]));
    expect(goals.categories!.deteriorated.k).toBe(1);
    expect(byKey.deteriorated.count.hidden).toBe(true);
    // The other categories add up to n with it: at least one more must be hidden.
    expect(shown.categories.filter((c) => c.key !== 'notClinicalAtStart' && c.count.hidden).length).toBeGreaterThanOrEqual(2);
    expect(byKey.deteriorated.share).toBeNull();
    expect(shown.cohort.hidden).toBe(false);
    const analyst = publishChange(goals, { profile: 'analyst', minCell: 5 });
    expect(analyst.categories.every((c) => !c.count.hidden)).toBe(true);
    expect(analyst.categories.find((c) => c.key === 'deteriorated')!.ci![0]).toBeGreaterThan(0);
  });

  it('by group uses the overall S_diff, so a person keeps their category', async () => {
    const s = await resettle();
    const m = computeMeasures(s.records, { groupBy: 'category' });
    const d = m.change!.distress;
    const sum = (k: 'improved' | 'noReliableChange') => d.byGroup.reduce((a, g) => a + g.categories![k].k, 0);
    expect(sum('improved')).toBe(d.overall.categories!.improved.k);
    expect(sum('noReliableChange')).toBe(d.overall.categories!.noReliableChange.k);
  });
});
