import type { Summary } from './types.js';

/** The values present (not NaN, the missing value), sorted ascending, as a typed array (numeric sort, no string comparison). */
function sortedPresent(values: ArrayLike<number>): Float64Array {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) count++;
  const sorted = new Float64Array(count);
  let j = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) sorted[j++] = values[i];
  return sorted.sort();
}

/**
 * R's default sample quantile (type 7) of already sorted values: with the 1-based
 * index h = 1 + (n − 1)p, lo = ⌊h⌋, f = h − lo, the value (1 − f)·x[lo] + f·x[lo + 1],
 * computed in R's order of operations.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
  const n = sorted.length;
  if (n === 0) return NaN;
  // R's arithmetic exactly, 1-based: index = 1 + (n − 1)p (rounding can differ from (n − 1)p).
  const index = 1 + (n - 1) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const below = sorted[lo - 1];
  const above = sorted[hi - 1];
  if (!(index > lo) || above === below) return below;
  const fraction = index - lo;
  return (1 - fraction) * below + fraction * above;
}

/**
 * Sample quantile of type 7 (R `quantile(x, p)`, the default), NaN values skipped.
 * NaN when there are no values (R: NA).
 */
export function quantile(values: ArrayLike<number>, p: number): number {
  return quantileSorted(sortedPresent(values), p);
}

/**
 * n, mean, SD (n − 1 denominator; null when n < 2), median, Q1, Q3 (type 7), min and
 * max of the values, NaN values skipped and not counted. All null when n = 0.
 */
export function summarize(values: ArrayLike<number>): Summary {
  return summarizeSorted(sortedPresent(values));
}

/**
 * `summarize` of values already sorted ascending (no NaN), for callers that sorted
 * them by counting, without sorting a million values a second time: mean = Σx / n
 * (a plain sum, the one the measures' counting-sort path always used, so committed
 * pages keep their bytes; tests hold it to simple-statistics' compensated mean), SD =
 * √(Σ(x − mean)² / (n − 1)) (two passes, as R's `sd`), computed on the typed array
 * in place of a copy.
 */
export function summarizeSorted(sorted: ArrayLike<number>): Summary {
  const n = sorted.length;
  if (n === 0) {
    return { n: 0, mean: null, sd: null, median: null, q1: null, q3: null, min: null, max: null };
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += sorted[i];
  const mean = total / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = sorted[i] - mean;
    squares += d * d;
  }
  return {
    n,
    mean,
    sd: n < 2 ? null : Math.sqrt(squares / (n - 1)),
    median: quantileSorted(sorted, 0.5),
    q1: quantileSorted(sorted, 0.25),
    q3: quantileSorted(sorted, 0.75),
    min: sorted[0],
    max: sorted[n - 1],
  };
}
