/**
 * Value for money on the matched comparison (value.md "Definitions"; json-output.md
 * `value`): the cost outcome's effect on the treated, computed as `effects.frequency` is
 * (comparison.md "Outcomes and effects"), the cost avoided per participant over the
 * horizon, the benefit–cost ratio and net benefit with intervals from B's, for 100
 * participants and the matched cohort, and the break-even from the matched service people.
 */
import { attEffect } from '../../stats/matching/index.js';
import type { UnitCostTable, ValueSettings } from '../../study/value-settings.js';
import type { MatchedSample } from '../comparison/matched-sample.js';
import { breakEven } from './break-even.js';
import { horizonFactor } from './horizon-factor.js';
import { priceReoffences } from './price-reoffences.js';
import type { EstimateCi, Scaled, ValueForMoney } from './types.js';

/** `participants` × each per-participant figure (json-output.md Scaled). */
function scaled(participants: number, costPerParticipant: number, avoided: EstimateCi, net: EstimateCi): Scaled {
  const times = (e: EstimateCi): EstimateCi => ({
    estimate: participants * e.estimate,
    ci: e.ci === null ? null : [participants * e.ci[0], participants * e.ci[1]],
  });
  return { participants, serviceCost: participants * costPerParticipant, costAvoided: times(avoided), netBenefit: times(net) };
}

/**
 * Value for money of one matched (or weighted) sample. With Δ the effect on the treated
 * of the per-person cost of proven reoffences (service − pool, `attEffect` with the
 * sample's weights and standard error) and H the horizon factor: B = −Δ·H with interval
 * [−hi·H, −lo·H]; ratio B / costPerParticipant and net benefit B − costPerParticipant,
 * intervals straight from B's, unclipped. `serviceMatched` is flow.service.matched (the
 * matched cohort); the break-even uses the service rows' own reoffences.
 */
export function valueForMoney(sample: MatchedSample, serviceMatched: number, settings: ValueSettings, unitCosts: UnitCostTable): ValueForMoney {
  const n = sample.treated.length;
  if (sample.weights.length !== n || sample.reoffenceGroups.length !== n)
    throw new RangeError(`valueForMoney: ${n} treated flags, ${sample.weights.length} weights and ${sample.reoffenceGroups.length} reoffence lists`);
  const priced = priceReoffences(sample.reoffenceGroups, unitCosts);
  const effect = attEffect(priced.cost, sample.treated, sample.weights, sample.standardError);

  let serviceRows = 0;
  let reoffences = 0;
  let cost = 0;
  for (let i = 0; i < n; i++) {
    if (sample.treated[i] !== 1) continue;
    serviceRows++;
    reoffences += sample.reoffenceGroups[i].length;
    cost += priced.cost[i];
  }
  if (serviceRows !== serviceMatched)
    throw new RangeError(`valueForMoney: the sample has ${serviceRows} service rows but flow.service.matched is ${serviceMatched}`);

  const { costPerParticipant, priceYear, horizonYears, discountRate } = settings;
  const factor = horizonFactor(horizonYears, discountRate);
  const ci = effect.ci;
  const avoided: EstimateCi = { estimate: -effect.difference * factor, ci: ci === null ? null : [-ci[1] * factor, -ci[0] * factor] };
  const ratio: EstimateCi = {
    estimate: avoided.estimate / costPerParticipant,
    ci: avoided.ci === null ? null : [avoided.ci[0] / costPerParticipant, avoided.ci[1] / costPerParticipant],
  };
  const net: EstimateCi = {
    estimate: avoided.estimate - costPerParticipant,
    ci: avoided.ci === null ? null : [avoided.ci[0] - costPerParticipant, avoided.ci[1] - costPerParticipant],
  };
  return {
    costPerParticipant,
    priceYear,
    horizonYears,
    discountRate,
    horizonFactor: factor,
    unitCostsUsed: priced.used,
    costOfReoffending: effect,
    costAvoidedPerParticipant: avoided,
    benefitCostRatio: ratio,
    netBenefitPerParticipant: net,
    per100Participants: scaled(100, costPerParticipant, avoided, net),
    matchedCohort: scaled(serviceMatched, costPerParticipant, avoided, net),
    ...breakEven(costPerParticipant, serviceMatched, reoffences, cost),
  };
}
