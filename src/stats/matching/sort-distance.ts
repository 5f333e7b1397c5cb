/**
 * The one sort of the pool in comparison.md "Nearest-neighbour matching" (step 3's "ties
 * keep the order of the pool's people file"): pool positions in increasing (stratum,
 * distance), equal keys in file order. An LSD radix sort on the distance's IEEE-754 bits
 * (four stable 16-bit passes, then one counting pass on the stratum): linear in the pool,
 * where a comparison sort of a million indices with a callback takes seconds.
 */

/** Indices 0 … n − 1 ordered by (stratum[i], d[i], i); −0 sorts with +0. */
export function sortByDistance(d: ArrayLike<number>, stratum: Int32Array | null, strata: number): Int32Array {
  const n = d.length;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  // Little-endian doubles: words[1] holds the sign and exponent.
  for (let i = 0; i < n; i++) {
    bits[0] = d[i] === 0 ? 0 : d[i];
    let h = words[1];
    let l = words[0];
    // Order-preserving map to unsigned: flip every bit of a negative, only the sign of a positive.
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    hi[i] = h;
    lo[i] = l;
  }
  // The keys travel with their indices, so every pass reads in sequence; 11-bit digits keep
  // the 2,048 buckets' write positions in cache; a pass whose digit is the same for all is skipped.
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Int32Array(n);
  let kh = hi;
  let kl = lo;
  let nh = new Uint32Array(n);
  let nl = new Uint32Array(n);
  // The stratum travels too, for the last pass.
  const withStrata = stratum !== null && strata > 1;
  let ks = withStrata ? Int32Array.from(stratum) : new Int32Array(0);
  let ns = new Int32Array(ks.length);
  const count = new Int32Array(2049);
  for (const [word, shift, width] of [
    [0, 0, 11],
    [0, 11, 11],
    [0, 22, 10],
    [1, 0, 11],
    [1, 11, 11],
    [1, 22, 10],
  ] as const) {
    const mask = (1 << width) - 1;
    const keys = word === 0 ? kl : kh;
    count.fill(0);
    for (let k = 0; k < n; k++) count[((keys[k] >>> shift) & mask) + 1]++;
    let same = false;
    for (let b = 1; b <= 2048 && !same; b++) if (count[b] === n) same = true;
    if (same) continue;
    for (let b = 0; b < 2048; b++) count[b + 1] += count[b];
    for (let k = 0; k < n; k++) {
      const at = count[(keys[k] >>> shift) & mask]++;
      next[at] = order[k];
      nh[at] = kh[k];
      nl[at] = kl[k];
      if (withStrata) ns[at] = ks[k];
    }
    [order, next] = [next, order];
    [kh, nh] = [nh, kh];
    [kl, nl] = [nl, kl];
    if (withStrata) [ks, ns] = [ns, ks];
  }
  if (withStrata) {
    const c = new Int32Array(strata + 1);
    for (let k = 0; k < n; k++) c[ks[k] + 1]++;
    for (let b = 0; b < strata; b++) c[b + 1] += c[b];
    for (let k = 0; k < n; k++) next[c[ks[k]]++] = order[k];
    order = next;
  }
  return order;
}
