/**
 * Counting sorts for the whole-day times and small whole numbers the measures
 * produce. The statistics sort their input again; V8 sorts an already sorted
 * Float64Array in about half the time of a shuffled one, and at a million people
 * the sorts are most of the work, so handing them sorted input pays.
 */

/** Larger ranges are left to the native sort. */
const MAX_RANGE = 1 << 22;

/**
 * A permutation that sorts `values` ascending, stable, when every value is a
 * whole number in a range of at most 4 million (days, counts); null otherwise.
 */
export function integerSortOrder(values: ArrayLike<number>): Int32Array | null {
  const n = values.length;
  if (n === 0) return new Int32Array(0);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isInteger(v)) return null;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (max - min >= MAX_RANGE) return null;
  const start = new Int32Array(max - min + 2);
  for (let i = 0; i < n; i++) start[values[i] - min + 1]++;
  for (let k = 1; k < start.length; k++) start[k] += start[k - 1];
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[start[values[i] - min]++] = i;
  return order;
}

/** `values` in ascending order (a new array) when they are whole numbers in a modest range, else `values` itself. */
export function sortedIfIntegers(values: Float64Array): Float64Array {
  const order = integerSortOrder(values);
  if (!order || values.length === 0) return values;
  const out = new Float64Array(values.length);
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]];
  return out;
}
