/**
 * The value-for-money section (value.md "Reporting"): the words of the spec, the horizon
 * assumption only when N > 1, the interval including £0, the unit costs with their
 * sources and price year, disclosure of the counts, and the page with and without a pool.
 */
import { describe, expect, it } from 'vitest';
import { valueRatioChart } from '../../src/charts/value-ratio.js';
import type { ValueForMoney } from '../../src/measures/value/types.js';
import { horizonAssumption, ratioSentence, valueSentences } from '../../src/output/value-words.js';
import { renderStudyReport } from '../../src/pages/index.js';
import { valueSection } from '../../src/pages/sections/value.js';
import { pounds, poundsPerPound } from '../../src/words/money.js';
import { fixtureMeasures, fixtureStudy } from './fixture-measures.js';
import { fixtureValue } from '../support/value-fixture.js';
import { Html } from '../../src/pages/html.js';
import type { DisclosurePolicy } from '../../src/disclosure/cells.js';

const PUBLIC = { profile: 'public' as const, minCell: 5 };

function withRatio(v: ValueForMoney, estimate: number, lo: number, hi: number, years = 1): ValueForMoney {
  const c = v.costPerParticipant;
  return {
    ...v,
    horizonYears: years,
    horizonFactor: years === 1 ? 1 : v.horizonFactor,
    benefitCostRatio: { estimate, ci: [lo, hi] },
    costAvoidedPerParticipant: { estimate: estimate * c, ci: [lo * c, hi * c] },
  };
}

function sectionText(v: ValueForMoney, policy: DisclosurePolicy = PUBLIC): string {
  return valueSection(v, policy)
    .blocks.flatMap((b) => (b instanceof Html ? [b.markup] : b.tables.map((t) => t.markup)))
    .join('\n');
}

describe('value for money in words', () => {
  it("says the spec's sentence, both ends of the interval and the central estimate", () => {
    const v = withRatio(fixtureValue(), 1.65, 0.4, 2.9);
    expect(ratioSentence(v)).toBe(
      'For every £1 spent on the service, the cost of reoffending avoided within a year was between £0.40 and £2.90 (central estimate £1.65).',
    );
    expect(valueSentences(v)).not.toContain('The interval includes £0 of benefit: the service may have avoided no cost at all.');
    expect(horizonAssumption(v)).toBeNull();
  });

  it('says an interval including £0 means the service may have avoided no cost, and states the horizon assumption when N > 1', () => {
    const v = fixtureValue(); // 10 years at 3.5%, ratio interval −£0.79 to £3.94 (R: −0.787, 3.942)
    const s = valueSentences(v);
    expect(s[0]).toBe(
      'For every £1 spent on the service, the cost of reoffending avoided over 10 years was between \u2212\u2060£0.79 and £3.94 (central estimate £1.58).',
    );
    expect(s).toContain('The interval includes £0 of benefit: the service may have avoided no cost at all.');
    expect(horizonAssumption(v)).toBe(
      "The 10-year figures assume that the first year's effect repeats in each of the 10 years, discounted at 3.5% a year (HM Treasury Green Book), the first year undiscounted: the one-year effect times 8.61. The service's cost is counted once.",
    );
    expect(s).toContain(horizonAssumption(v));
    expect(s).toContain('Money is in pounds at 2023 prices.');
  });

  it('formats money with separators, a minus that stays with its £, and pence below £100', () => {
    expect([pounds(7500), pounds(-12345.6), pounds(41.2), pounds(0), pounds(-0.001), pounds(null)]).toEqual([
      '£7,500',
      '\u2212\u2060£12,346',
      '£41.20',
      '£0.00',
      '£0.00',
      '–',
    ]);
    expect([poundsPerPound(1.654), poundsPerPound(-0.4), poundsPerPound(12)]).toEqual(['£1.65', '\u2212\u2060£0.40', '£12.00']);
  });
});

describe('value section and chart', () => {
  it('lists the unit costs with sources, fallbacks marked, and the price year', () => {
    const text = sectionText(fixtureValue());
    expect(text).toContain('Unit costs used (pounds per proven reoffence, 2023 prices)');
    expect(text).toContain('<th scope="row">robbery</th><td class="num">£3,500</td><td>fallback source (no row for this group: the * row)</td>');
    expect(text).toContain('<th scope="row">violence against the person</th><td class="num">£14,050</td><td>source A</td>');
  });

  it('withholds a small matched cohort and a break-even resting on fewer than minCell reoffences on a public page, not on an analyst one', () => {
    const v = fixtureValue();
    const small: ValueForMoney = { ...v, matchedCohort: { ...v.matchedCohort, participants: 4 }, serviceReoffences: { ...v.serviceReoffences, reoffences: 3 } };
    const pub = sectionText(small);
    expect(pub).not.toContain('Net benefit for the matched cohort');
    expect(pub).toContain('The break-even is withheld on this page: it rests on too few people or proven reoffences to publish (&lt;5 reoffences).');
    expect(pub).not.toContain('To pay for itself');
    const analyst = sectionText(small, { profile: 'analyst', minCell: 5 });
    expect(analyst).toContain('Net benefit for the matched cohort (4 people)');
    expect(analyst).toContain('To pay for itself the service must prevent');
  });

  it('draws the interval against £1 and £0, with ticks at both and its numbers in the description', () => {
    const spec = valueRatioChart(fixtureValue('random 16 (nearest)')) as unknown as {
      description: string;
      layer: { encoding: { x: { axis: { values: number[] } } } }[];
    };
    expect(spec.description).toBe(
      'Benefit–cost ratio: central estimate £1.87 for every £1, 95% interval £1.47 to £2.26. The whole interval is above £1: the service more than paid for itself.',
    );
    const ticks = spec.layer[0].encoding.x.axis.values;
    expect(ticks).toContain(0);
    expect(ticks).toContain(1);
  });

  it("is on the page when given a comparison's value, and the break-even section otherwise", async () => {
    const page = await renderStudyReport(fixtureStudy(), fixtureMeasures(), { ...PUBLIC, value: fixtureValue(), sections: ['headlines', 'value'] });
    expect(page).toContain('<h2 id="value-heading">Value for money</h2>');
    expect(page).toContain('Return for every £1 spent');
    const plain = await renderStudyReport(fixtureStudy(), fixtureMeasures(), { ...PUBLIC, sections: ['headlines', 'value'] });
    expect(plain).not.toContain('id="value"');
  });
});
