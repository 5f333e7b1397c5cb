/**
 * Weights for the effect on the treated, comparison.md "Weighting (method `weighting`)":
 * every eligible, complete person is kept, with no subclasses and no caliper.
 */

/**
 * ATT weights: 1 for each service person, p / (1 − p) for each pool person, p the fitted
 * propensity score. Pool weights are used as they stand (not rescaled).
 */
export function attWeights(service: ArrayLike<number>, pool: ArrayLike<number>): { service: Float64Array; pool: Float64Array } {
  const weights = new Float64Array(pool.length);
  for (let i = 0; i < pool.length; i++) {
    const p = pool[i];
    if (!(p >= 0 && p < 1)) throw new RangeError(`attWeights: pool probability at index ${i} is ${p}, expected a number in [0, 1)`);
    weights[i] = p / (1 - p);
  }
  for (let i = 0; i < service.length; i++) {
    const p = service[i];
    if (!(p >= 0 && p <= 1)) throw new RangeError(`attWeights: service probability at index ${i} is ${p}, expected a number in [0, 1]`);
  }
  return { service: new Float64Array(service.length).fill(1), pool: weights };
}
