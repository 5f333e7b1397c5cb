/**
 * The value-for-money section (value.md "Reporting"): with a comparison group, the return
 * for every £1 in words with both ends of its interval, the chart of the ratio against £1,
 * the table of per-participant, per-100 and matched-cohort figures, the break-even, the
 * horizon assumption when N > 1, and the unit costs used with their sources and price
 * year; without one, the break-even only and why there is no benefit. Counts pass through
 * disclosure/value.ts.
 */
import { valueRatioChart } from '../../charts/value-ratio.js';
import { publishedBreakEven, publishedParticipants } from '../../disclosure/value.js';
import type { DisclosurePolicy } from '../../disclosure/cells.js';
import type { BreakEvenOnly, EstimateCi, UnitCostUsed, ValueForMoney } from '../../measures/value/types.js';
import { breakEvenOnlySentences, horizonAssumption, valueSentences, type ShownCounts } from '../../output/value-words.js';
import { decimal, pPhrase } from '../../words/format.js';
import { pounds, poundsPerPound, ratePercent } from '../../words/money.js';
import { fig, type Block, type Section } from '../context.js';
import { html } from '../html.js';
import { table } from '../tables.js';

function unitCostTable(used: readonly UnitCostUsed[], priceYear: number | null): Block {
  return table({
    caption: `Unit costs used (pounds per proven reoffence${priceYear === null ? '' : `, ${priceYear} prices`})`,
    head: ['Offence group', 'Cost per reoffence', 'Source'],
    numeric: [1],
    rows: used.map((u) => [u.group, pounds(u.cost), u.fallback ? `${u.source} (no row for this group: the * row)` : u.source]),
  });
}

function ciText(e: EstimateCi, format: (x: number) => string): string {
  return e.ci === null ? 'not computed' : `${format(e.ci[0])} to ${format(e.ci[1])}`;
}

/** The value section with a matched comparison (takes json-output.md's `value` object). */
export function valueSection(v: ValueForMoney, policy: DisclosurePolicy): Section {
  const counts = publishedBreakEven(v, policy);
  const cohort = publishedParticipants(v.matchedCohort.participants, policy);
  const shown: ShownCounts = { reoffences: counts.reoffencesText, people: counts.peopleText, withheld: counts.withheld };
  const [headline, ...rest] = valueSentences(v, shown);
  const e = v.costOfReoffending;
  const rows: string[][] = [
    ['Cost of proven reoffending per person: service', pounds(e.service), ''],
    ['Cost of proven reoffending per person: matched comparison', pounds(e.pool), ''],
    [
      'Cost added per participant (service − comparison, one window)',
      pounds(e.difference),
      e.ci === null ? 'not computed' : `${pounds(e.ci[0])} to ${pounds(e.ci[1])}, ${pPhrase(e.p)}`,
    ],
    [
      `Cost avoided per participant${v.horizonYears > 1 ? `, ${v.horizonYears} years` : ''}`,
      pounds(v.costAvoidedPerParticipant.estimate),
      ciText(v.costAvoidedPerParticipant, pounds),
    ],
    ['Return for every £1 spent', poundsPerPound(v.benefitCostRatio.estimate), ciText(v.benefitCostRatio, poundsPerPound)],
    ['Net benefit per participant', pounds(v.netBenefitPerParticipant.estimate), ciText(v.netBenefitPerParticipant, pounds)],
    ['Net benefit for 100 participants', pounds(v.per100Participants.netBenefit.estimate), ciText(v.per100Participants.netBenefit, pounds)],
  ];
  if (!cohort.count.hidden)
    rows.push([
      `Net benefit for the matched cohort (${cohort.text} people)`,
      pounds(v.matchedCohort.netBenefit.estimate),
      ciText(v.matchedCohort.netBenefit, pounds),
    ]);
  const settings =
    `Cost per participant ${pounds(v.costPerParticipant)}; horizon ${v.horizonYears} year${v.horizonYears === 1 ? '' : 's'}` +
    (v.horizonYears > 1 ? ` at a discount rate of ${ratePercent(v.discountRate)} (factor ${decimal(v.horizonFactor, 3)})` : '') +
    '.';
  return {
    id: 'value',
    heading: 'Value for money',
    blocks: [
      html`<p class="headline">${headline}</p>`,
      fig(valueRatioChart(v), [
        table({ caption: 'Value for money (95% intervals; money in pounds)', head: ['Figure', 'Estimate', '95% interval'], rows, numeric: [1, 2] }),
      ]),
      html`${rest.map((s) => html`<p>${s}</p>`)}`,
      html`<p>${settings} The cost avoided is the matched difference in the cost of proven reoffences, priced by offence group; it counts nothing but reoffending.</p>`,
      unitCostTable(v.unitCostsUsed, v.priceYear),
    ],
  };
}

/** The value section without a comparison group: the break-even only, and why there is no benefit. */
export function breakEvenSection(b: BreakEvenOnly, policy: DisclosurePolicy): Section {
  const counts = publishedBreakEven(b, policy);
  const shown: ShownCounts = { reoffences: counts.reoffencesText, people: counts.peopleText, withheld: counts.withheld };
  const sentences = breakEvenOnlySentences(b, shown);
  const assumption = horizonAssumption(b);
  return {
    id: 'value',
    heading: 'Value for money: break-even',
    blocks: [
      html`${sentences.map((s) => html`<p>${s}</p>`)}`,
      html`<p>${`The service costs ${pounds(b.costPerParticipant)} per participant.${assumption === null ? '' : ` The horizon of ${b.horizonYears} years in the study file applies to a benefit, which needs a comparison group; the break-even does not use it.`}`}</p>`,
      unitCostTable(b.unitCostsUsed, b.priceYear),
    ],
  };
}
