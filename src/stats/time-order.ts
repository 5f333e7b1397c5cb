/**
 * regression.md, "Competing risks — Aalen–Johansen cumulative incidence": the records
 * grouped by distinct time, which both the Aalen–Johansen fit and Gray's test walk in
 * increasing time.
 */

/** The distinct times in increasing order and, for each, the indices of its records. */
interface TimeOrder {
  /** Distinct times, increasing. */
  times: Float64Array;
  /** Records of times[m] are order[start[m]] … order[start[m + 1] − 1] (input order kept). */
  start: Int32Array;
  order: Int32Array;
}

/**
 * Groups record indices by distinct time: the rank of each record's time, then a counting
 * sort of the indices by rank (input order kept within a time). Whole-number times (days)
 * in a range no wider than a few times n are ranked by direct indexing, O(n + range);
 * other times through a numeric sort and binary search, O(n log n). Typed arrays
 * throughout. Times must already be checked finite.
 */
export function orderByTime(time: ArrayLike<number>): TimeOrder {
  const n = time.length;
  let lowest = Infinity;
  let highest = -Infinity;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const t = time[i];
    if (t < lowest) lowest = t;
    if (t > highest) highest = t;
    if (whole && !Number.isInteger(t)) whole = false;
  }
  const rank = new Int32Array(n);
  let times: Float64Array;
  if (n > 0 && whole && highest - lowest <= Math.max(4 * n, 65_536)) {
    const width = highest - lowest + 1;
    const slot = new Int32Array(width).fill(-1);
    for (let i = 0; i < n; i++) slot[time[i] - lowest] = 0;
    let distinct = 0;
    for (let v = 0; v < width; v++) if (slot[v] === 0) slot[v] = distinct++;
    times = new Float64Array(distinct);
    for (let v = 0; v < width; v++) if (slot[v] >= 0) times[slot[v]] = v + lowest;
    for (let i = 0; i < n; i++) rank[i] = slot[time[i] - lowest];
  } else {
    const sorted = Float64Array.from(time).sort();
    let distinct = 0;
    for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i];
    times = sorted.slice(0, distinct);
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
    }
  }
  const distinct = times.length;
  const start = new Int32Array(distinct + 1);
  for (let i = 0; i < n; i++) start[rank[i] + 1]++;
  for (let m = 0; m < distinct; m++) start[m + 1] += start[m];
  const next = start.slice(0, distinct);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[next[rank[i]]++] = i;
  return { times, start, order };
}
