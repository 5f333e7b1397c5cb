import { regularizedGammaQ } from './incomplete-gamma.js';

/** Upper tail of the chi-square distribution, P(X ≥ x) for df degrees of freedom (R `pchisq(x, df, lower.tail = FALSE)`). */
export function chiSquareUpperTail(x: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`chi-square: degrees of freedom must be positive, got ${df}`);
  if (x <= 0) return 1;
  return regularizedGammaQ(df / 2, x / 2);
}
