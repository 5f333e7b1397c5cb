import { logGamma, LOG_SQRT_2PI, stirlingCorrection } from './log-gamma.js';

/**
 * Regularized incomplete beta I_x(a, b) = B(x; a, b)/B(a, b), by its continued
 * fraction (modified Lentz), evaluated on whichever side of the mean keeps the
 * result accurate (I_x(a, b) = 1 − I_{1−x}(b, a)).
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  checkArguments(x, a, b);
  if (x === 0) return 0;
  if (x === 1) return 1;
  if (x < (a + 1) / (a + b + 2)) return lowerTail(x, a, b);
  return 1 - lowerTail(1 - x, b, a);
}

/** 1 − I_x(a, b), computed without cancellation; see regularizedBeta. */
export function regularizedBetaUpper(x: number, a: number, b: number): number {
  checkArguments(x, a, b);
  if (x === 0) return 1;
  if (x === 1) return 0;
  if (x < (a + 1) / (a + b + 2)) return 1 - lowerTail(x, a, b);
  return lowerTail(1 - x, b, a);
}

function checkArguments(x: number, a: number, b: number): void {
  if (!(a > 0 && b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) {
    throw new RangeError(`incomplete beta: shapes must be positive and finite, got a = ${a}, b = ${b}`);
  }
  if (!(x >= 0 && x <= 1)) throw new RangeError(`incomplete beta: x must be in [0, 1], got ${x}`);
}

/** log B(a, b), with Stirling's large terms cancelled analytically when an argument is large. */
export function logBeta(a: number, b: number): number {
  const small = Math.min(a, b);
  const large = Math.max(a, b);
  if (small >= 10) {
    const sum = a + b;
    return (
      (a - 0.5) * Math.log(a / sum) +
      (b - 0.5) * Math.log(b / sum) -
      0.5 * Math.log(sum) +
      LOG_SQRT_2PI +
      stirlingCorrection(a) +
      stirlingCorrection(b) -
      stirlingCorrection(sum)
    );
  }
  if (large >= 10) {
    // log Γ(L) − log Γ(s + L) = −(L − ½) log1p(s/L) − s log(s + L) + s + δ(L) − δ(s + L)
    return (
      logGamma(small) -
      (large - 0.5) * Math.log1p(small / large) -
      small * Math.log(small + large) +
      small +
      stirlingCorrection(large) -
      stirlingCorrection(small + large)
    );
  }
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** log(x^a (1 − x)^b / B(a, b)), the factor in front of the continued fraction. */
export function logBetaPrefactor(x: number, a: number, b: number): number {
  if (a >= 10 && b >= 10) {
    // Centre on the mean x0 = a/(a+b) so the terms of order a log a cancel exactly.
    const sum = a + b;
    const x0 = a / sum;
    const y0 = b / sum;
    return (
      a * Math.log1p((x - x0) / x0) +
      b * Math.log1p((x0 - x) / y0) +
      0.5 * Math.log((a * b) / sum) -
      LOG_SQRT_2PI -
      stirlingCorrection(a) -
      stirlingCorrection(b) +
      stirlingCorrection(sum)
    );
  }
  return a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b);
}

const EPSILON = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 1_000_000;

/** I_x(a, b) for x below the mean, where the continued fraction converges fast. */
function lowerTail(x: number, a: number, b: number): number {
  return (Math.exp(logBetaPrefactor(x, a, b)) * continuedFraction(x, a, b)) / a;
}

function continuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}
