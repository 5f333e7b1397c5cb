/**
 * Value for money in words (value.md "Reporting"): the return for every £1 with both ends
 * of its interval, what an interval including £0 means, the horizon assumption whenever
 * N > 1, net benefit, the break-even, and prices with their year and sources. Used by the
 * text summary and the page.
 */
import type { BreakEven, BreakEvenOnly, ValueForMoney, ValueInputs } from '../measures/value/types.js';
import { decimal, formatInteger, listWords, percent } from '../words/format.js';
import { pounds, poundsPerPound, ratePercent } from '../words/money.js';

/** "within a year" (N = 1) or "over 10 years". */
function horizonWords(v: ValueInputs): string {
  return v.horizonYears === 1 ? 'within a year' : `over ${v.horizonYears} years`;
}

/** The horizon assumption, stated whenever N > 1 (value.md "Inputs"); null when N = 1. */
export function horizonAssumption(v: ValueInputs): string | null {
  if (v.horizonYears === 1) return null;
  return (
    `The ${v.horizonYears}-year figures assume that the first year's effect repeats in each of the ${v.horizonYears} years, ` +
    `discounted at ${ratePercent(v.discountRate)} a year (HM Treasury Green Book), the first year undiscounted: ` +
    `the one-year effect times ${decimal(v.horizonFactor, 2)}. The service's cost is counted once.`
  );
}

/** "Prices are pounds of 2023." or that the year was not given. */
function pricesWords(v: ValueInputs): string {
  return v.priceYear === null ? 'The price year of the costs was not given.' : `Money is in pounds at ${v.priceYear} prices.`;
}

/** The headline: "For every £1 spent on the service, the cost of reoffending avoided within a year was between £0.40 and £2.90 (central estimate £1.65)." */
export function ratioSentence(v: ValueForMoney): string {
  const r = v.benefitCostRatio;
  const lead = `For every £1 spent on the service, the cost of reoffending avoided ${horizonWords(v)}`;
  if (r.ci === null) return `${lead} was ${poundsPerPound(r.estimate)} (its interval could not be computed).`;
  return `${lead} was between ${poundsPerPound(r.ci[0])} and ${poundsPerPound(r.ci[1])} (central estimate ${poundsPerPound(r.estimate)}).`;
}

/** Every sentence of the value-for-money finding, in reading order. */
export function valueSentences(v: ValueForMoney, shown?: ShownCounts): string[] {
  const out = [ratioSentence(v)];
  const b = v.costAvoidedPerParticipant;
  if (b.ci !== null && b.ci[0] <= 0)
    out.push(
      b.ci[1] <= 0
        ? 'The whole interval is at or below £0 of benefit: on this evidence the service avoided no cost of reoffending.'
        : 'The interval includes £0 of benefit: the service may have avoided no cost at all.',
    );
  const assumption = horizonAssumption(v);
  if (assumption !== null) out.push(assumption);
  const n = v.netBenefitPerParticipant;
  const range = (ci: [number, number] | null) => (ci === null ? '' : ` (between ${pounds(ci[0])} and ${pounds(ci[1])})`);
  out.push(
    `Per participant the service cost ${pounds(v.costPerParticipant)} and avoided ${pounds(b.estimate)}${range(b.ci)} of reoffending costs: ` +
      `a net benefit of ${pounds(n.estimate)}${range(n.ci)}.`,
  );
  const h = v.per100Participants;
  out.push(
    `For 100 participants: ${pounds(h.serviceCost)} spent, ${pounds(h.costAvoided.estimate)} avoided${range(h.costAvoided.ci)}, net ${pounds(h.netBenefit.estimate)}${range(h.netBenefit.ci)}.`,
  );
  out.push(...breakEvenSentences(v, 'matched service people', shown));
  out.push(pricesWords(v));
  return out;
}

/** How a page shows the break-even's counts (disclosure/value.ts); the text summary shows them all. */
export interface ShownCounts {
  reoffences: string;
  people: string;
  /** The mean cost, the break-even and its share are withheld. */
  withheld: boolean;
}

/** The break-even in words; `whose` names the people ("matched service people", "cohort"). */
function breakEvenSentences(b: BreakEven & ValueInputs, whose: string, shown?: ShownCounts): string[] {
  const s = b.serviceReoffences;
  if (shown?.withheld)
    return [`The break-even is withheld on this page: it rests on too few people or proven reoffences to publish (${shown.reoffences} reoffences).`];
  if (b.breakEvenReoffencesPerParticipant === null || s.meanUnitCost === null)
    return [`The ${whose} had no proven reoffence in the window, so there is no mean cost of a reoffence to set a break-even by.`];
  const per = b.breakEvenReoffencesPerParticipant;
  const share = b.breakEvenShareOfReoffences;
  const shareWords =
    share === null
      ? ''
      : share > 1
        ? `, ${decimal(share, 1)} times the ${decimal(s.perParticipant, 2)} reoffences per participant the ${whose} committed`
        : `, ${percent(share)} of the ${decimal(s.perParticipant, 2)} reoffences per participant the ${whose} committed`;
  return [
    `To pay for itself the service must prevent ${decimal(per, 2)} proven reoffences per participant${shareWords}; ` +
      `the mean cost of their proven reoffences is ${pounds(s.meanUnitCost)} (${shown?.reoffences ?? formatInteger(s.reoffences)} reoffences costing ${pounds(s.cost)}).`,
  ];
}

/** The sentences of value for money without a comparison group: the break-even, and why there is no benefit. */
export function breakEvenOnlySentences(b: BreakEvenOnly, shown?: ShownCounts): string[] {
  return [
    `No benefit is estimated: ${b.noBenefitReason}.`,
    ...breakEvenSentences(b, 'cohort', shown),
    `The reoffences are those of the ${b.windowMonths}-month proven-reoffending measure (people eligible: ${shown?.people ?? formatInteger(b.serviceReoffences.people)}).`,
    pricesWords(b),
  ];
}

/** "violence against the person £14,050 (source); …": the unit costs applied, with fallbacks marked. */
export function unitCostsWords(used: ValueForMoney['unitCostsUsed']): string {
  if (used.length === 0) return 'No reoffence was priced.';
  return `Unit costs applied: ${listWords(used.map((u) => `${u.group} ${pounds(u.cost)}${u.fallback ? ' (no row for this group: the * row)' : ''}`))}.`;
}
