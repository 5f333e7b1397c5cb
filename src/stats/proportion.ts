import type { Proportion } from './types.js';
import type { IntervalMethod } from '../study/options.js';
import { inverseRegularizedBeta } from './inverse-incomplete-beta.js';
import { normalQuantile, Z95 } from './normal.js';

/** z for a two-sided interval of the given confidence level; exactly Z95 at 0.95. */
export function zForConfidence(conf: number): number {
  if (!(conf > 0 && conf < 1)) throw new RangeError(`confidence level must be in (0, 1), got ${conf}`);
  return conf === 0.95 ? Z95 : normalQuantile(1 - (1 - conf) / 2);
}

/** Checks k of n: n a non-negative integer, k an integer in [0, n]; errors start with `label: ` when given. */
export function checkCounts(k: number, n: number, label?: string): void {
  const prefix = label === undefined ? '' : `${label}: `;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${prefix}n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(k) || k < 0 || k > n) throw new RangeError(`${prefix}k must be an integer in [0, n = ${n}], got ${k}`);
}

/**
 * Wilson score interval without continuity correction, exactly as R
 * `prop.test(k, n, correct = FALSE)$conf.int`: (p + z²/2n ± z√(p(1−p)/n + z²/4n²)) / (1 + z²/n),
 * with the lower bound exactly 0 at k = 0 and the upper exactly 1 at k = n. n = 0 → null.
 */
export function wilsonInterval(k: number, n: number, conf = 0.95): [number, number] | null {
  checkCounts(k, n);
  if (n === 0) return null;
  const z = zForConfidence(conf);
  const p = k / n;
  const z22n = (z * z) / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z22n / (2 * n));
  const lower = k === 0 ? 0 : (p + z22n - spread) / (1 + 2 * z22n);
  const upper = k === n ? 1 : (p + z22n + spread) / (1 + 2 * z22n);
  return [Math.max(lower, 0), Math.min(upper, 1)];
}

/**
 * Clopper–Pearson exact interval, as R `binom.test(k, n)$conf.int`: the α/2 quantile
 * of Beta(k, n − k + 1) and the 1 − α/2 quantile of Beta(k + 1, n − k), with 0 at k = 0
 * and 1 at k = n. n = 0 → null.
 */
export function clopperPearsonInterval(k: number, n: number, conf = 0.95): [number, number] | null {
  checkCounts(k, n);
  if (n === 0) return null;
  if (!(conf > 0 && conf < 1)) throw new RangeError(`confidence level must be in (0, 1), got ${conf}`);
  const alpha = 1 - conf;
  const lower = k === 0 ? 0 : inverseRegularizedBeta(alpha / 2, k, n - k + 1);
  // Upper limit by symmetry, qbeta(1 − α/2, k + 1, n − k) = 1 − qbeta(α/2, n − k, k + 1).
  const upper = k === n ? 1 : 1 - inverseRegularizedBeta(alpha / 2, n - k, k + 1);
  return [lower, upper];
}

/** k of n with k/n and its 95% interval (Wilson by default); proportion and ci are null when n = 0. */
export function proportion(k: number, n: number, method: IntervalMethod = 'wilson'): Proportion {
  checkCounts(k, n);
  if (method !== 'wilson' && method !== 'clopper-pearson') {
    throw new RangeError(`interval method must be 'wilson' or 'clopper-pearson', got ${String(method)}`);
  }
  return {
    k,
    n,
    proportion: n === 0 ? null : k / n,
    ci: method === 'wilson' ? wilsonInterval(k, n) : clopperPearsonInterval(k, n),
  };
}
