/**
 * Counting sorts for the whole-day times and small whole numbers the measures
 * produce. The statistics sort their input again; V8 sorts an already sorted
 * Float64Array in about half the time of a shuffled one, and at a million people
 * the sorts are most of the work, so handing them sorted input pays. Counting
 * by value writes the output in one sequential pass (no permutation to follow).
 */

/** Larger ranges are left to the native sort. */
const MAX_RANGE = 1 << 22;

/** The smallest and largest value when every value is a whole number in a modest range; null otherwise. */
function wholeRange(values: ArrayLike<number>): { min: number; max: number } | null {
  // A range far wider than the values would cost more to count than to sort.
  const widest = Math.min(MAX_RANGE, Math.max(4096, 16 * values.length));
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v)) return null;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (values.length === 0 || max - min >= widest) return null;
  return { min, max };
}

/** `values` in ascending order (a new array) when they are whole numbers in a modest range, else `values` itself. */
export function sortedIfIntegers(values: Float64Array): Float64Array {
  const range = wholeRange(values);
  if (!range) return values;
  const count = new Int32Array(range.max - range.min + 1);
  for (let i = 0; i < values.length; i++) count[values[i] - range.min]++;
  const out = new Float64Array(values.length);
  let at = 0;
  for (let v = 0; v < count.length; v++) {
    const value = v + range.min;
    for (let c = count[v]; c > 0; c--) out[at++] = value;
  }
  return out;
}

/**
 * Survival input (time, event 1/0) in ascending time, events before censorings
 * within a day (the estimators count ties, so order within a day does not
 * matter); null when the times are not whole numbers in a modest range.
 */
export function sortedByTime(time: ArrayLike<number>, event: ArrayLike<number>): { time: Float64Array; event: Uint8Array } | null {
  const range = wholeRange(time);
  if (!range) return null;
  const size = range.max - range.min + 1;
  const all = new Int32Array(size);
  const events = new Int32Array(size);
  for (let i = 0; i < time.length; i++) {
    const v = time[i] - range.min;
    all[v]++;
    if (event[i] === 1) events[v]++;
  }
  const t = new Float64Array(time.length);
  const e = new Uint8Array(time.length);
  let at = 0;
  for (let v = 0; v < size; v++) {
    const value = v + range.min;
    const d = events[v];
    for (let c = 0; c < all[v]; c++) {
      t[at] = value;
      e[at] = c < d ? 1 : 0;
      at++;
    }
  }
  return { time: t, event: e };
}
