/**
 * The matched comparison section (comparison.md, "Reporting") rendered from a
 * hand-written object of `follow-up compare --json` (json-output.md):
 * tests/fixtures/comparison/resettle-compare.json, a Resettle-sized study (45
 * in the cohort, 38 matched 1:1 from a pool of 450) whose numbers are invented
 * but consistent with each other (the curves are Kaplan–Meier estimates of
 * invented times, with Greenwood log intervals). The page must carry the
 * spec's words with real values and keep every small count of both sides off
 * a public page, tables and charts alike.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderStudyReport } from '../../src/pages/index.js';
import { comparisonInput, type ComparisonInput } from '../../src/output/comparison-input.js';
import { shownMatchedComparison, shownPoolFlow, shownServiceFlow } from '../../src/disclosure/matched.js';
import { per100Sentence } from '../../src/words/comparison.js';
import { fixtureMeasures, fixtureStudy } from './fixture-measures.js';

const FIXTURE = new URL('../fixtures/comparison/resettle-compare.json', import.meta.url);
const fixture = (): ComparisonInput => JSON.parse(readFileSync(FIXTURE, 'utf8'));
const PUBLIC = { profile: 'public' as const, minCell: 5 };
const ANALYST = { profile: 'analyst' as const, minCell: 5 };

const render = (c: ComparisonInput, policy: { profile: 'public' | 'analyst'; minCell: number } = PUBLIC) =>
  renderStudyReport(fixtureStudy(), fixtureMeasures(), { ...policy, comparison: c, sections: ['comparison'] });

/** The page's text without markup, spaces collapsed. */
const textOf = (page: string) =>
  page
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/\s+/g, ' ');

/** The table row whose header cell is `label`, as its cells' text. */
function rowOf(page: string, label: string): string[] {
  const row = [...page.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...m[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1].replace(/&lt;/g, '<')),
  );
  const found = row.find((cells) => cells[0] === label);
  if (!found) throw new Error(`no row ${label}`);
  return found;
}

function specsOf(page: string): { title: unknown; description: string; data?: { values?: unknown[] }; layer?: { data?: { values?: unknown[] } }[] }[] {
  return [...page.matchAll(/<script type="application\/json" class="vega-lite-spec" data-figure="[^"]+">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
}
const titleOf = (s: { title: unknown }) => (typeof s.title === 'string' ? s.title : (s.title as { text: string }).text);

describe('the fixture', () => {
  it('has the keys of json-output.md, "follow-up compare --json"', () => {
    const c = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    expect(Object.keys(c).sort()).toEqual(
      ['balance', 'balanced', 'caliperWidth', 'curves', 'effects', 'ess', 'flow', 'propensity', 'settings', 'toolkitVersion', 'value'].sort(),
    );
    expect(Object.keys(c.flow.service).sort()).toEqual(['cohort', 'complete', 'matched', 'missingCovariate', 'noMatchInCaliper', 'tooShort']);
    expect(Object.keys(c.flow.pool).sort()).toEqual(['complete', 'matched', 'missingCovariate', 'notUsed', 'people', 'pool', 'tooShort']);
    expect(Object.keys(c.effects).sort()).toEqual(['daysToFirstReoffence', 'frequency', 'hazardRatio', 'provenReoffending', 'recall']);
    for (const k of ['provenReoffending', 'frequency', 'recall'])
      expect(Object.keys(c.effects[k]).sort()).toEqual(['ci', 'difference', 'p', 'pool', 'se', 'service']);
    expect(Object.keys(c.curves.service).sort()).toEqual(['lower', 'median', 'nCensor', 'nEvent', 'nRisk', 'survival', 'time', 'upper']);
    // the flow adds up on both sides
    const s = c.flow.service;
    expect(s.tooShort + s.complete).toBe(s.cohort);
    expect(s.noMatchInCaliper + s.matched).toBe(s.complete);
    const p = c.flow.pool;
    expect(p.tooShort + p.missingCovariate.prior_convictions + p.complete).toBe(p.pool);
    expect(p.matched + p.notUsed).toBe(p.complete);
  });
});

describe('the words', () => {
  it('say both ends of the interval in the Justice Data Lab manner', () => {
    const outcome = { verb: 'reoffended within a year' };
    expect(per100Sentence([-0.21, -0.03], outcome)).toBe(
      'For every 100 people who received the service, between 3 and 21 fewer reoffended within a year than in a matched comparison group.',
    );
    expect(per100Sentence([-0.09, 0.04], outcome)).toBe(
      'For every 100 people who received the service, between 9 fewer and 4 more reoffended within a year than in a matched comparison group; the difference could be zero.',
    );
    expect(per100Sentence([0.025, 0.4486], { verb: 'were recalled within a year' })).toBe(
      'For every 100 people who received the service, between 3 and 45 more were recalled within a year than in a matched comparison group.',
    );
    // an end below one person per 100 keeps a decimal, so it does not read as "0 fewer"
    expect(per100Sentence([-0.12, -0.004], outcome)).toContain('between 0.4 and 12 fewer');
    expect(per100Sentence([-0.5535, 0.1325], { verb: 'within a year', events: 'proven reoffences' })).toBe(
      'For every 100 people who received the service there were between 55 fewer and 13 more proven reoffences within a year than in a matched comparison group; the difference could be zero.',
    );
  });
});

describe('disclosure of both sides', () => {
  it('hides the small counts of the flow and what would give them away', () => {
    const c = fixture();
    const s = shownServiceFlow(c.flow.service, PUBLIC);
    // 4 too short and 3 without a comparison are small; complete (41) would give them back from 45 and 38
    expect([s.cohort, s.tooShort, s.complete, s.noMatchInCaliper, s.matched].map((x) => [x.value, x.hidden])).toEqual([
      [45, false],
      [4, true],
      [41, true],
      [3, true],
      [38, false],
    ]);
    const p = shownPoolFlow(c.flow.pool, PUBLIC);
    expect([p.people, p.outside, p.pool, p.tooShort, p.complete, p.matched, p.notUsed].map((x) => x.hidden)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(p.outside.value).toBe(9);
    expect(Object.values(shownServiceFlow(c.flow.service, ANALYST)).some((x) => 'hidden' in x && x.hidden)).toBe(false);
  });

  it('keeps the cohort the rest of the page prints: when only it could give a small count away, the matched people and every effect are withheld', () => {
    const c = fixture();
    c.flow.service = { cohort: 65, tooShort: 0, missingCovariate: { age_at_release: 0 }, complete: 65, noMatchInCaliper: 4, matched: 61 };
    const s = shownServiceFlow(c.flow.service, PUBLIC);
    expect([s.cohort, s.tooShort, s.complete, s.noMatchInCaliper, s.matched].map((x) => x.hidden)).toEqual([false, false, true, true, true]);
    const shown = shownMatchedComparison(c, PUBLIC);
    expect([shown.effects.provenReoffending.hidden, shown.effects.frequency.hidden, shown.effects.recall.hidden]).toEqual([true, true, true]);
    expect(shown.ess.service).toBeNull();
  });

  it('withholds an effect when either side has a small count with or without the outcome, and the days behind it', () => {
    const c = fixture();
    c.effects.provenReoffending = { ...c.effects.provenReoffending, service: 3 / 38, difference: 3 / 38 - 14 / 38 };
    c.effects.recall = { ...c.effects.recall, pool: 36 / 38 };
    const shown = shownMatchedComparison(c, PUBLIC);
    expect(shown.effects.provenReoffending).toEqual({ service: null, pool: null, difference: null, ci: null, p: null, hidden: true });
    expect(shown.effects.recall.hidden).toBe(true); // 2 of the 38 matched comparison people not recalled
    expect(shown.effects.frequency.hidden).toBe(false);
    expect(shown.effects.frequency.difference).toBeCloseTo(-0.210526, 6);
    expect(shown.daysToFirstReoffence).toEqual({ service: null, pool: null });
    expect(shownMatchedComparison(c, ANALYST).effects.provenReoffending.service).toBeCloseTo(3 / 38, 12);
  });

  it('withholds a balance row of a level whose people are few on either side, and cuts each curve below minCell at risk', () => {
    const c = fixture();
    const sexual = c.balance.find((r) => r.term === 'category=sexual')!;
    sexual.after.meanPool = 2 / 38;
    const shown = shownMatchedComparison(c, PUBLIC);
    expect(shown.balance.filter((r) => r.hidden).map((r) => r.term)).toEqual(['category=sexual']);
    const curve = shown.curves.service;
    expect(curve.cut).toBe(true);
    expect(Math.min(...curve.nRisk)).toBeGreaterThanOrEqual(5);
    expect(curve.time.length).toBe(c.curves.service.nRisk.findIndex((r) => r < 5));
    expect(shownMatchedComparison(c, ANALYST).curves.service.time.length).toBe(c.curves.service.time.length);
  });
});

describe('the comparison section', () => {
  it('leads with the effect in the spec words, says it is indicative only below 60 matched, and gives the verdict and caveat', async () => {
    const text = textOf(await render(fixture()));
    expect(text).toContain(
      'For every 100 people who received the service, between 28 fewer and 12 more reoffended within a year than in a matched comparison group; the difference could be zero.',
    );
    expect(text).toContain(
      'For every 100 people who received the service, between 3 and 45 more were recalled within a year than in a matched comparison group.',
    );
    expect(text).toContain('there were between 55 fewer and 13 more proven reoffences within a year');
    expect(text).toContain("Fewer than 60 people who received the service were matched, the Justice Data Lab's minimum: the result is indicative only.");
    expect(text).toContain(
      'Balance does not hold: after matching the standardised mean difference is 0.1 or more for years in custody before release (0.14). The estimates below may be biased.',
    );
    expect(text).toContain('only within 0.20 standard deviations of the score (0.221 on its scale)');
    expect(text).toContain(
      "This comparison does not show that the service caused these differences. The comparison group is like the service's people only in age at release, previous convictions, years in custody before release, index offence category and year of release;",
    );
    expect(text).toContain('0.81 (95% CI 0.48 to 1.37, p = 0.43)');
  });

  it('prints the effects, balance and model with their values', async () => {
    const page = await render(fixture());
    expect(rowOf(page, 'Proven reoffending within a year')).toEqual([
      'Proven reoffending within a year',
      '28.9%',
      '36.8%',
      '-7.9 points',
      '-27.6 to 11.8 points',
      '0.43',
    ]);
    expect(rowOf(page, 'Recalled within a year')).toEqual(['Recalled within a year', '57.9%', '34.2%', '23.7 points', '2.5 to 44.9 points', '0.028']);
    expect(rowOf(page, 'Proven reoffences per 100 people')).toEqual(['Proven reoffences per 100 people', '44.7', '65.8', '-21.1', '-55.4 to 13.2', '0.23']);
    expect(rowOf(page, 'years in custody before release').slice(0, 8)).toEqual([
      'years in custody before release',
      '11.08',
      '8.05',
      '0.71',
      '10.71',
      '10.12',
      '0.14',
      '1.20',
    ]);
    expect(rowOf(page, 'index offence category: sexual')).toEqual(['index offence category: sexual', '26.8%', '30.4%', '-0.08', '26.3%', '23.7%', '0.06', '–']);
    expect(rowOf(page, 'previous convictions')[0]).toBe('previous convictions');
    expect(rowOf(page, 'Received the service')).toEqual(['Received the service', '11', '131', '71 to 212']);
    const specs = specsOf(page);
    expect(specs.map(titleOf)).toEqual([
      'Who was compared',
      'Balance of the covariates',
      'Propensity score of both sides',
      'Differences from the matched comparison group',
      'Conviction-free after release, both sides',
    ]);
    expect(specs[1].description).toContain('years in custody before release 0.71 before, 0.14 after');
    expect(specs[3].description).toContain('Proven reoffending within a year -7.9 (95% CI -27.6 to 11.8)');
  });

  it('keeps small counts off a public page and shows them to the analyst', async () => {
    const page = await render(fixture());
    expect(rowOf(page, 'No comparison within the caliper')).toEqual(['No comparison within the caliper', '<5']);
    expect(rowOf(page, 'Eligible, covariates complete')).toEqual(['Eligible, covariates complete', '[c]']);
    const flow = specsOf(page)[0];
    const stages = flow.data!.values as { label: string; value: number | null; text: string }[];
    expect(stages.filter((s) => s.value == null).map((s) => s.label)).toEqual([
      'Follow-up too short',
      'Eligible, covariates complete',
      'No comparison within the caliper',
    ]);
    expect(flow.description).not.toMatch(/caliper 3\b/);
    const analyst = await render(fixture(), ANALYST);
    expect(rowOf(analyst, 'No comparison within the caliper')).toEqual(['No comparison within the caliper', '3']);
    expect(rowOf(analyst, 'Eligible, covariates complete')).toEqual(['Eligible, covariates complete', '41']);
  });

  it('withholds a small-count effect in the words, the table and the forest alike', async () => {
    const c = fixture();
    c.effects.provenReoffending = { ...c.effects.provenReoffending, service: 4 / 38, difference: 4 / 38 - 14 / 38, ci: [-0.45, -0.07] };
    c.effects.daysToFirstReoffence.service = { ...c.effects.daysToFirstReoffence.service, n: 4 };
    const page = await render(c);
    const text = textOf(page);
    expect(text).toContain('The difference in proven reoffending from the matched comparison group is withheld: it would reveal a small count.');
    expect(text).not.toContain('between 7 and 45 fewer');
    expect(rowOf(page, 'Proven reoffending within a year')).toEqual([
      'Proven reoffending within a year',
      'withheld',
      'withheld',
      'withheld',
      'withheld',
      'withheld',
    ]);
    expect(rowOf(page, 'Received the service')).toEqual(['Received the service', 'withheld', 'withheld', 'withheld']);
    const forest = specsOf(page)[3];
    const drawn = forest.layer!.flatMap((l) => (l.data?.values ?? []) as { label?: string; d?: number }[]);
    expect(drawn.filter((v) => v.label === 'Proven reoffending within a year' && v.d != null)).toEqual([]);
    expect(forest.description).toContain('Proven reoffending within a year withheld');
  });

  it('draws the curves only while at least minCell are at risk on a public page', async () => {
    const month = (page: string) => {
      const curves = specsOf(page)[4].data!.values as { side: string; month: number }[];
      return Math.max(...curves.filter((p) => p.side === 'Received the service').map((p) => p.month));
    };
    const c = fixture();
    const lastShown = c.curves.service.time[c.curves.service.nRisk.findIndex((r) => r < 5) - 1];
    expect(month(await render(c))).toBeCloseTo(lastShown / 30.4375, 3);
    expect(month(await render(c, ANALYST))).toBeCloseTo(c.curves.service.time[c.curves.service.time.length - 1] / 30.4375, 3);
  });

  it('is left out when the report is given no comparison, and gives the same bytes twice', async () => {
    const without = await renderStudyReport(fixtureStudy(), fixtureMeasures(), { ...PUBLIC, sections: ['comparison'] });
    expect(without).not.toContain('Compared with a matched comparison group');
    expect(await render(fixture())).toBe(await render(fixture()));
  });
});

describe('the JSON as the pipeline gives it', () => {
  type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

  it('takes a plain JSON object (as comparisonJson returns it or a file read back) and names a missing or mistyped key', async () => {
    const plain: { [key: string]: Json } = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    const page = await renderStudyReport(fixtureStudy(), fixtureMeasures(), { ...PUBLIC, comparison: plain, sections: ['comparison'] });
    expect(page).toBe(await render(fixture()));
    const broken = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    delete broken.flow.service.noMatchInCaliper;
    expect(() => comparisonInput(broken)).toThrow('comparison JSON: "flow.service.noMatchInCaliper" should be of type number, found undefined');
    broken.flow.service.noMatchInCaliper = '3';
    await expect(renderStudyReport(fixtureStudy(), fixtureMeasures(), { ...PUBLIC, comparison: broken, sections: ['comparison'] })).rejects.toThrow(
      '"flow.service.noMatchInCaliper" should be of type number, found string',
    );
  });

  it('says what could not be computed: an effect without a standard error, no hazard ratio', async () => {
    const c = fixture();
    c.effects.recall = { ...c.effects.recall, se: null, ci: [null, null], p: null };
    c.effects.hazardRatio = null;
    const page = await render(c);
    const text = textOf(page);
    expect(text).toContain('The difference in recall has no interval: its standard error could not be computed.');
    expect(rowOf(page, 'Recalled within a year')).toEqual(['Recalled within a year', '57.9%', '34.2%', '23.7 points', 'not computed', 'not computed']);
    expect(text).toContain('The hazard ratio could not be estimated (a Cox model needs reconvictions on both sides).');
    const forest = specsOf(page)[3];
    expect(
      forest.layer!.flatMap((l) => (l.data?.values ?? []) as { label?: string; d?: number }[]).filter((v) => v.label === 'Recalled within a year'),
    ).toEqual([]);
  });
});

describe('the JSON the compare pipeline wrote for the IOM sample', () => {
  // tests/fixtures/comparison/iom-compare.json: comparisonJson(compareStudy(…)) of branch compare-core
  // (commit ad9e775, before the merge) on data-samples/iom/study.json with its comparison settings
  const iom = (): unknown => JSON.parse(readFileSync(new URL('../fixtures/comparison/iom-compare.json', import.meta.url), 'utf8'));

  it('fits the section: 60 matched 1:2, the effect in words, the failing term, nothing indicative-only', async () => {
    const c = comparisonInput(iom());
    expect(c.flow.service.matched).toBe(60);
    expect(c.settings.ratio).toBe(2);
    const page = await renderStudyReport(fixtureStudy(), fixtureMeasures(), { ...PUBLIC, comparison: c, sections: ['comparison'] });
    const text = textOf(page);
    expect(text).toContain(
      'For every 100 people who received the service, between 21 fewer and 10 more reoffended within a year than in a matched comparison group; the difference could be zero.',
    );
    expect(text).not.toContain('indicative only');
    expect(text).toContain('the standardised mean difference is 0.1 or more for year of release (0.12)');
    expect(text).toContain('was matched with the two people, from a comparison pool');
    // every covariate is listed with 0 missing: no stage is drawn for them
    expect(text).not.toContain('No age at release recorded');
    expect(rowOf(page, 'No previous convictions recorded')).toEqual(['No previous convictions recorded', '17']);
    expect(rowOf(page, 'No comparison within the caliper')).toEqual(['No comparison within the caliper', '5']);
  });
});
