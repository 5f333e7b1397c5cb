/**
 * Why a comparison (comparison.md) cannot be made: no pool, nobody eligible on a side, a
 * covariate that is not a column, or a propensity model that cannot be fitted. The
 * command exits 1 with the message.
 */
export class ComparisonError extends Error {
  override name = 'ComparisonError';
}
