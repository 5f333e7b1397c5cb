/**
 * The `value` object of `follow-up compare --json` (json-output.md, after value.md), and
 * the `breakEven` object of `follow-up measures --json` (value for money without a
 * comparison group: break-even only, with the reason there is no benefit). Keys in the
 * spec's order; money in pounds of priceYear, unrounded.
 */
import type { AttEffect } from '../stats/matching/index.js';
import type { BreakEven, BreakEvenOnly, EstimateCi, Scaled, UnitCostUsed, ValueForMoney, ValueInputs } from '../measures/value/types.js';
import { num } from './json-values.js';

function ci(c: readonly [number, number] | null): [number, number] | null {
  return c === null ? null : [c[0], c[1]];
}

function estimateJson(e: EstimateCi): EstimateCi {
  return { estimate: e.estimate, ci: ci(e.ci) };
}

function effectJson(e: AttEffect): AttEffect {
  return { service: e.service, pool: e.pool, difference: e.difference, se: num(e.se), ci: ci(e.ci), p: num(e.p) };
}

function scaledJson(s: Scaled): Scaled {
  return { participants: s.participants, serviceCost: s.serviceCost, costAvoided: estimateJson(s.costAvoided), netBenefit: estimateJson(s.netBenefit) };
}

function usedJson(u: readonly UnitCostUsed[]): UnitCostUsed[] {
  return u.map((x) => ({ group: x.group, cost: x.cost, source: x.source, fallback: x.fallback }));
}

function inputsJson(v: ValueInputs): ValueInputs {
  return {
    costPerParticipant: v.costPerParticipant,
    priceYear: v.priceYear,
    horizonYears: v.horizonYears,
    discountRate: v.discountRate,
    horizonFactor: v.horizonFactor,
  };
}

function breakEvenJson(b: BreakEven): BreakEven {
  const s = b.serviceReoffences;
  return {
    serviceReoffences: { people: s.people, reoffences: s.reoffences, cost: s.cost, meanUnitCost: num(s.meanUnitCost), perParticipant: num(s.perParticipant) },
    breakEvenReoffencesPerParticipant: num(b.breakEvenReoffencesPerParticipant),
    breakEvenShareOfReoffences: num(b.breakEvenShareOfReoffences),
  };
}

/** json-output.md `value` (null when the study has no `value` key). */
export function valueJson(v: ValueForMoney): ValueForMoney;
export function valueJson(v: ValueForMoney | null): ValueForMoney | null;
export function valueJson(v: ValueForMoney | null): ValueForMoney | null {
  if (v === null) return null;
  return {
    ...inputsJson(v),
    unitCostsUsed: usedJson(v.unitCostsUsed),
    costOfReoffending: effectJson(v.costOfReoffending),
    costAvoidedPerParticipant: estimateJson(v.costAvoidedPerParticipant),
    benefitCostRatio: estimateJson(v.benefitCostRatio),
    netBenefitPerParticipant: estimateJson(v.netBenefitPerParticipant),
    per100Participants: scaledJson(v.per100Participants),
    matchedCohort: scaledJson(v.matchedCohort),
    ...breakEvenJson(v),
  };
}

/** `breakEven` of `follow-up measures --json`: value for money without a comparison group. */
export function breakEvenOnlyJson(b: BreakEvenOnly | null): BreakEvenOnly | null {
  if (b === null) return null;
  return {
    ...inputsJson(b),
    windowMonths: b.windowMonths,
    unitCostsUsed: usedJson(b.unitCostsUsed),
    ...breakEvenJson(b),
    benefit: null,
    noBenefitReason: b.noBenefitReason,
  };
}
