/**
 * The horizon factor of value.md "Inputs" (json-output.md `value.horizonFactor`): a horizon
 * of N years assumes the first year's effect repeats each year, discounted at the rate.
 */

/** Σ_{t=0}^{N−1} (1 + rate)^−t: the first year undiscounted; exactly 1 when N = 1. */
export function horizonFactor(years: number, rate: number): number {
  if (!(Number.isInteger(years) && years >= 1)) throw new RangeError(`horizonFactor: ${years} years, expected a whole number ≥ 1`);
  if (!(rate >= 0 && rate < 1)) throw new RangeError(`horizonFactor: rate ${rate}, expected 0 ≤ rate < 1`);
  let factor = 0;
  for (let t = 0; t < years; t++) factor += (1 + rate) ** -t;
  return factor;
}
