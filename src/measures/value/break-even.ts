/**
 * Break-even (value.md "Definitions", "Break-even" and its readings): the reoffences per
 * participant the service must prevent to pay for itself, from the service people's own
 * proven reoffences, with no horizon factor; and the same as a share of their reoffences.
 */
import type { BreakEven } from './types.js';

/**
 * With `people` service people, `reoffences` proven reoffences among them costing `cost`
 * in all: meanUnitCost = cost / reoffences, break-even = costPerParticipant / meanUnitCost
 * reoffences per participant, its share = break-even / (reoffences / people), which can
 * exceed 1. Null where there is no reoffence to price (or no people).
 */
export function breakEven(costPerParticipant: number, people: number, reoffences: number, cost: number): BreakEven {
  const meanUnitCost = reoffences > 0 ? cost / reoffences : null;
  const perParticipant = people > 0 ? reoffences / people : null;
  const perPerson = meanUnitCost === null ? null : costPerParticipant / meanUnitCost;
  return {
    serviceReoffences: { people, reoffences, cost, meanUnitCost, perParticipant },
    breakEvenReoffencesPerParticipant: perPerson,
    breakEvenShareOfReoffences: perPerson === null || perParticipant === null ? null : perPerson / perParticipant,
  };
}
