/**
 * The shapes of value for money (value.md; json-output.md `value`): the JSON object is
 * exactly these, so output/value-json.ts only orders the keys.
 */
import type { AttEffect } from '../../stats/matching/index.js';

/** json-output.md EstimateCi; `ci` is null where the cost effect's standard error is undefined. */
export interface EstimateCi {
  estimate: number;
  ci: [number, number] | null;
}

/** json-output.md Scaled: a number of participants, what they cost and what they return. */
export interface Scaled {
  participants: number;
  serviceCost: number;
  costAvoided: EstimateCi;
  netBenefit: EstimateCi;
}

/** One entry of `unitCostsUsed`: an offence group priced, and the row applied to it. */
export interface UnitCostUsed {
  group: string;
  cost: number;
  source: string;
  /** True when the group has no row and `*` was applied. */
  fallback: boolean;
}

/** The basis of the break-even: the service people's own proven reoffences. */
interface ServiceReoffences {
  people: number;
  reoffences: number;
  cost: number;
  /** cost / reoffences; null when reoffences = 0. */
  meanUnitCost: number | null;
  /** reoffences / people (null only when there are no people). */
  perParticipant: number | null;
}

/** Break-even (value.md "Definitions"), with or without a comparison group. */
export interface BreakEven {
  serviceReoffences: ServiceReoffences;
  /** costPerParticipant / meanUnitCost; null when the service people had no proven reoffence. */
  breakEvenReoffencesPerParticipant: number | null;
  /** breakEvenReoffencesPerParticipant / perParticipant; may exceed 1. */
  breakEvenShareOfReoffences: number | null;
}

/** The inputs echoed in every value object (value.md "Inputs"). */
export interface ValueInputs {
  costPerParticipant: number;
  priceYear: number | null;
  horizonYears: number;
  discountRate: number;
  horizonFactor: number;
}

/** json-output.md `value` of `follow-up compare --json`. */
export interface ValueForMoney extends ValueInputs, BreakEven {
  unitCostsUsed: UnitCostUsed[];
  /** The per-person cost of proven reoffences in the outcome window, undiscounted; difference = Δ, the cost added. */
  costOfReoffending: AttEffect;
  costAvoidedPerParticipant: EstimateCi;
  benefitCostRatio: EstimateCi;
  netBenefitPerParticipant: EstimateCi;
  per100Participants: Scaled;
  matchedCohort: Scaled;
}

/**
 * Value for money without a comparison group (value.md: "without a comparison group the
 * toolkit gives only the break-even figure, never a benefit"): the break-even from the
 * cohort's own proven reoffences (measures.md Measure 3, its eligible people and window),
 * and why there is no benefit. `follow-up measures --json` key `breakEven`.
 */
export interface BreakEvenOnly extends ValueInputs, BreakEven {
  /** The proven-reoffending window W of the reoffences counted (measures.md). */
  windowMonths: number;
  unitCostsUsed: UnitCostUsed[];
  /** Always null: no benefit without a counterfactual. */
  benefit: null;
  /** Why there is no benefit, in words. */
  noBenefitReason: string;
}
