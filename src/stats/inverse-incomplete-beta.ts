import { logBeta, logBetaPrefactor, regularizedBeta } from './incomplete-beta.js';
import { normalQuantile } from './normal.js';

/**
 * The x in [0, 1] with I_x(a, b) = p (R `qbeta(p, a, b)`), to full double precision:
 * Newton's method on I_x − p kept inside a shrinking bracket, with bisection (geometric
 * for roots near 0) whenever a Newton step would leave it.
 */
export function inverseRegularizedBeta(p: number, a: number, b: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`inverse incomplete beta: p must be in [0, 1], got ${p}`);
  if (!(a > 0 && b > 0)) throw new RangeError(`inverse incomplete beta: shapes must be positive, got a = ${a}, b = ${b}`);
  if (p === 0) return 0;
  if (p === 1) return 1;
  // Solve in the tail where p is small, so the target keeps its relative precision.
  if (p > 0.5) return 1 - solveLowerTail(1 - p, b, a);
  return solveLowerTail(p, a, b);
}

function solveLowerTail(p: number, a: number, b: number): number {
  let lo = 0;
  let hi = 1;
  // Start from the better of two approximations; both also narrow the bracket.
  let x = NaN;
  let bestError = Infinity;
  for (const guess of initialGuesses(p, a, b)) {
    if (!(guess > 0 && guess < 1)) continue;
    const f = regularizedBeta(guess, a, b) - p;
    if (f === 0) return guess;
    if (f < 0) lo = Math.max(lo, guess);
    else hi = Math.min(hi, guess);
    if (Math.abs(f) < bestError) {
      bestError = Math.abs(f);
      x = guess;
    }
  }
  if (Number.isNaN(x)) x = 0.5;
  for (let iteration = 0; iteration < 1000; iteration++) {
    const f = regularizedBeta(x, a, b) - p;
    if (f === 0) return x;
    if (f < 0) lo = Math.max(lo, x);
    else hi = Math.min(hi, x);
    const logDensity = logBetaPrefactor(x, a, b) - Math.log(x) - Math.log1p(-x);
    let next = x - f / Math.exp(logDensity);
    if (!(next > lo && next < hi)) {
      // Bisect; geometrically while the bracket spans orders of magnitude near 0.
      next = lo === 0 ? hi / 16 : hi / lo > 16 ? Math.sqrt(lo * hi) : (lo + hi) / 2;
      if (next === 0) return 0;
    }
    if (Math.abs(next - x) <= 1e-16 * Math.max(x, next) || next <= lo || next >= hi) return next;
    x = next;
  }
  return x;
}

/** Starting points: the small-x expansion I_x ≈ x^a/(a B(a, b)) and a normal approximation. */
function initialGuesses(p: number, a: number, b: number): number[] {
  const small = Math.exp((Math.log(p) + Math.log(a) + logBeta(a, b)) / a);
  const mean = a / (a + b);
  const sd = Math.sqrt((a * b) / ((a + b) * (a + b) * (a + b + 1)));
  return [small, mean + normalQuantile(p) * sd];
}
