/**
 * regression.md, "Cox proportional hazards": the sorted layout every Cox computation walks.
 * Rows sorted by time ascending, events before censorings at a tied time (survival's
 * `order(time, -status)`), then by input position so the order is deterministic.
 */

/** Row indices in Cox order: time ascending, events first within a tied time, then input order. */
export function coxOrder(time: ArrayLike<number>, event: ArrayLike<number>): Uint32Array {
  const n = time.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => time[a] - time[b] || event[b] - event[a] || a - b);
  return order;
}

/** `values` taken in `order` (a sorted copy of one column). */
export function permute(values: ArrayLike<number>, order: Uint32Array): Float64Array {
  const out = new Float64Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]];
  return out;
}
