/** regression.md, "Distributions": Student's t distribution function and quantile. */
import { logBeta, regularizedBeta, regularizedBetaUpper } from './incomplete-beta.js';
import { inverseRegularizedBeta } from './inverse-incomplete-beta.js';
import { normalCdf, normalQuantile } from './normal.js';

/** P(T > |t|) for |t|, from the incomplete beta on the side R's `pt` uses. */
function upperTail(t: number, df: number): number {
  const a = Math.abs(t);
  const nx = 1 + (a / df) * a;
  if (nx > 1e100) {
    // t² > 1e100·df: the leading term of the tail, in logs (t² may overflow), as R.
    return 0.5 * Math.exp(-0.5 * df * (2 * Math.log(a) - Math.log(df)) - logBeta(df / 2, 0.5) - Math.log(df / 2));
  }
  if (df > a * a) return 0.5 * regularizedBetaUpper((a * a) / (df + a * a), 0.5, df / 2);
  return 0.5 * regularizedBeta(1 / nx, df / 2, 0.5);
}

/**
 * Student's t distribution function P(T ≤ t) on df degrees of freedom (R `pt(t, df)`):
 * P(|T| > |t|) = I_{df/(df+t²)}(df/2, ½) = 1 − I_{t²/(df+t²)}(½, df/2), whichever
 * argument is the more precise (as R), so tails keep their relative precision.
 */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`studentTCdf: df must be positive, got ${df}`);
  if (Number.isNaN(t)) throw new RangeError('studentTCdf: t is NaN');
  if (df === Infinity) return normalCdf(t);
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  if (t === 0) return 0.5;
  const tail = upperTail(t, df);
  return t < 0 ? tail : 1 - tail;
}

/** log of the t density. */
function logDensity(t: number, df: number): number {
  return -0.5 * Math.log(df) - logBeta(df / 2, 0.5) - ((df + 1) / 2) * Math.log1p((t / df) * t);
}

/**
 * Student's t quantile (R `qt(p, df)`): the t with P(T ≤ t) = p. A start from the
 * inverse incomplete beta (or the normal quantile), then Newton steps on log P(T > t) so
 * the tail probability is matched to full relative precision.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`studentTQuantile: p must be in [0, 1], got ${p}`);
  if (!(df > 0)) throw new RangeError(`studentTQuantile: df must be positive, got ${df}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (df === Infinity) return normalQuantile(p);
  const tail = p < 0.5 ? p : 1 - p; // P(T > |t|)
  const x = inverseRegularizedBeta(2 * tail, df / 2, 0.5);
  let t = x > 0.5 ? -normalQuantile(tail) : Math.sqrt((df * (1 - x)) / x);
  if (!Number.isFinite(t) || t <= 0) {
    // Far tail (x underflows): invert the leading term 2Q ≈ exp(−df log t + ½ df log df − log B − log(df/2)).
    t = Math.exp((0.5 * df * Math.log(df) - logBeta(df / 2, 0.5) - Math.log(df / 2) - Math.log(2 * tail)) / df);
  }
  const target = Math.log(tail);
  // Newton on log Q as a function of log t: nearly linear in both the normal and the heavy tails.
  for (let i = 0; i < 200; i++) {
    const q = upperTail(t, df);
    const slope = Math.exp(Math.log(t) + logDensity(t, df) - Math.log(q)); // −d log Q / d log t
    const step = (Math.log(q) - target) / slope;
    const next = t * Math.exp(Math.max(-5, Math.min(5, step)));
    if (!Number.isFinite(next) || Math.abs(next - t) <= 1e-15 * t) {
      if (Number.isFinite(next)) t = next;
      break;
    }
    t = next;
  }
  return p < 0.5 ? -t : t;
}
