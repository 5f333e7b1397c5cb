/**
 * regression.md, "Cox proportional hazards": the sorted layouts the Cox computations walk.
 * Cox order is time ascending, events before censorings at a tied time (survival's
 * `order(time, -status)`), then input position, so the order is deterministic. Sorting is
 * a stable LSD radix sort on the bits of the doubles: O(n), which matters at a million rows.
 */

/**
 * Stably reorders `order` (row indices) by keys[row], ascending or descending. Keys must not
 * be NaN; −0 sorts as 0.
 */
export function radixSortIndex(keys: ArrayLike<number>, order: Uint32Array, descending = false): Uint32Array {
  const n = order.length;
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const lo = new Uint32Array(keys.length);
  const hi = new Uint32Array(keys.length);
  for (let k = 0; k < n; k++) {
    const row = order[k];
    bits[0] = keys[row] + 0;
    let l = words[0];
    let h = words[1];
    // Map the IEEE bits to unsigned integers in the order of the doubles.
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else {
      h = (h | 0x80000000) >>> 0;
    }
    if (descending) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    }
    lo[row] = l;
    hi[row] = h;
  }
  let src = order.slice();
  let dst = new Uint32Array(n);
  const count = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    count.fill(0);
    for (let k = 0; k < n; k++) count[(word[src[k]] >>> shift) & 0xffff]++;
    if (n === 0 || count[(word[src[0]] >>> shift) & 0xffff] === n) continue; // one digit: nothing moves
    let sum = 0;
    for (let b = 0; b < 65536; b++) {
      const c = count[b];
      count[b] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const row = src[k];
      dst[count[(word[row] >>> shift) & 0xffff]++] = row;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}

/** Row indices in Cox order: time ascending, events first within a tied time, then input order. */
export function coxOrder(time: ArrayLike<number>, event: ArrayLike<number>): Uint32Array {
  const n = time.length;
  const start = new Uint32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) if (event[i] === 1) start[k++] = i;
  for (let i = 0; i < n; i++) if (event[i] !== 1) start[k++] = i;
  return radixSortIndex(time, start);
}

/** `values` taken in `order` (a sorted copy of one column). */
export function permute(values: ArrayLike<number>, order: Uint32Array): Float64Array {
  const out = new Float64Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]];
  return out;
}
