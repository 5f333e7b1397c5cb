/**
 * log Γ(x) for x > 0.
 *
 * Below 10 a Lanczos sum (g = 7, 9 terms; relative error ~1e-15); from 10 up,
 * Stirling's series, whose remainder is below double precision there and which,
 * unlike Lanczos, keeps the large-x terms separate so that callers can cancel them
 * analytically (see `stirlingCorrection`).
 */
export function logGamma(x: number): number {
  if (!(x > 0)) {
    if (x === 0) return Infinity;
    throw new RangeError(`logGamma: argument must be positive, got ${x}`);
  }
  if (x < 0.5) {
    // Reflection keeps the Lanczos sum in its accurate range.
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  if (x >= 10) {
    return (x - 0.5) * Math.log(x) - x + LOG_SQRT_2PI + stirlingCorrection(x);
  }
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return LOG_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** log √(2π). */
export const LOG_SQRT_2PI = 0.9189385332046727417803297;

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * δ(x) = log Γ(x) − [(x − ½) log x − x + log √(2π)], the remainder of Stirling's
 * formula, for x ≥ 10 (series to x⁻¹¹: truncation error < 1e-17 there).
 */
export function stirlingCorrection(x: number): number {
  const x2 = 1 / (x * x);
  return (1 / 12 - x2 * (1 / 360 - x2 * (1 / 1260 - x2 * (1 / 1680 - x2 * (1 / 1188 - x2 * (691 / 360360)))))) / x;
}

/** log k! for k = 0 … n, as a lookup table (exact sums of logs would drift). */
export function logFactorialTable(n: number): Float64Array {
  const table = new Float64Array(n + 1);
  for (let k = 2; k <= n; k++) table[k] = logGamma(k + 1);
  return table;
}
