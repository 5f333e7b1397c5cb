/**
 * regression.md, "Competing risks — Aalen–Johansen cumulative incidence": the records
 * grouped by distinct time, which both the Aalen–Johansen fit and Gray's test walk in
 * increasing time.
 */

/** The distinct times in increasing order and, for each, the indices of its records. */
export interface TimeOrder {
  /** Distinct times, increasing. */
  times: Float64Array;
  /** Records of times[m] are order[start[m]] … order[start[m + 1] − 1] (input order kept). */
  start: Int32Array;
  order: Int32Array;
}

/**
 * Groups record indices by distinct time: a numeric sort of the times, then a counting
 * sort of the indices by the rank of their time (O(n log n), typed arrays throughout, so
 * a million records take a few tens of milliseconds). Times must already be checked finite.
 */
export function orderByTime(time: ArrayLike<number>): TimeOrder {
  const n = time.length;
  const sorted = Float64Array.from(time).sort();
  let distinct = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i];
  const times = sorted.slice(0, distinct);
  const rank = new Int32Array(n);
  const start = new Int32Array(distinct + 1);
  for (let i = 0; i < n; i++) {
    const t = time[i];
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (times[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    rank[i] = lo;
    start[lo + 1]++;
  }
  for (let m = 0; m < distinct; m++) start[m + 1] += start[m];
  const next = start.slice(0, distinct);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[next[rank[i]]++] = i;
  return { times, start, order };
}
