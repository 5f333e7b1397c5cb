/** change.md, "Outputs": the paired t-test of the mean change and its 95% interval. */
import { studentTCdf, studentTQuantile } from './student-t.js';

export interface PairedT {
  n: number;
  /** Mean of the differences; null when n = 0. */
  mean: number | null;
  /** SD (n − 1) of the differences; null when n < 2. */
  sd: number | null;
  /** mean ± t(0.975, n − 1) · sd / √n; null when n < 2 or every difference is equal. */
  ci: [number, number] | null;
  t: number | null;
  /** Two-sided p, 2 · P(T > |t|) on n − 1 df; null with t. */
  p: number | null;
}

/**
 * The paired t-test of differences d = post − pre, as R
 * `t.test(post, pre, paired = TRUE)`: t = mean(d) / (sd(d)/√n) on n − 1 degrees
 * of freedom. With n < 2, or every difference equal (sd 0, where R stops with
 * "data are essentially constant"), the interval, t and p are null.
 */
export function pairedT(differences: ArrayLike<number>): PairedT {
  const n = differences.length;
  if (n === 0) return { n, mean: null, sd: null, ci: null, t: null, p: null };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += differences[i];
  const mean = sum / n;
  if (n < 2) return { n, mean, sd: null, ci: null, t: null, p: null };
  // Two passes (as R's var): the squares of deviations, with the rounding of the mean corrected.
  let ss = 0;
  let dev = 0;
  for (let i = 0; i < n; i++) {
    const d = differences[i] - mean;
    ss += d * d;
    dev += d;
  }
  const sd = Math.sqrt((ss - (dev * dev) / n) / (n - 1));
  let equal = true;
  for (let i = 1; i < n && equal; i++) equal = differences[i] === differences[0];
  if (equal || !(sd > 0)) return { n, mean, sd: equal ? 0 : sd, ci: null, t: null, p: null };
  const se = sd / Math.sqrt(n);
  const q = studentTQuantile(0.975, n - 1);
  const t = mean / se;
  return { n, mean, sd, ci: [mean - q * se, mean + q * se], t, p: 2 * studentTCdf(-Math.abs(t), n - 1) };
}
