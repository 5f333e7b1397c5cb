/**
 * Draws from simple distributions on top of a seeded Rng. Plain functions:
 * the Rng is always the first argument, so the order of draws (and hence the
 * output) depends only on the calling code.
 */
import type { Rng } from './prng.js';

/** A whole number drawn uniformly from lo to hi, both included. */
export function intBetween(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

/** True with probability p. */
export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

/** A standard normal draw (Box–Muller; one of the pair is discarded to keep the stream simple). */
export function standardNormal(rng: Rng): number {
  const u = 1 - rng(); // in (0, 1], so the logarithm is finite
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A log-normal draw with the given median and log-scale spread. */
export function logNormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * standardNormal(rng));
}

/** A value clamped to [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** One item, chosen with probability proportional to its weight. */
export function pickWeighted<T>(rng: Rng, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = rng() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items[items.length - 1][0];
}

/** One item chosen uniformly. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

/** A shuffled copy (Fisher–Yates). */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A 0/1 vector of length n with exactly k ones in random positions. */
export function exactFlags(rng: Rng, n: number, k: number): boolean[] {
  if (k < 0 || k > n) throw new RangeError(`cannot set ${k} flags among ${n}`);
  return shuffled(
    rng,
    Array.from({ length: n }, (_, i) => i < k),
  );
}

/**
 * Nudges whole numbers one unit at a time, in a random order, until they add up
 * to `target`, keeping each within its own [min, max]. Used to make a drawn
 * sample hit a published mean exactly while keeping its natural spread.
 */
export function nudgeToSum(rng: Rng, values: number[], target: number, bounds: (index: number) => readonly [number, number]): number[] {
  const out = values.slice();
  let diff = target - out.reduce((s, v) => s + v, 0);
  const order = shuffled(
    rng,
    out.map((_, i) => i),
  );
  let stalled = 0;
  while (diff !== 0) {
    stalled = 0;
    for (const i of order) {
      if (diff === 0) break;
      const [lo, hi] = bounds(i);
      const step = Math.sign(diff);
      if (out[i] + step >= lo && out[i] + step <= hi) {
        out[i] += step;
        diff -= step;
      } else stalled++;
    }
    if (stalled === order.length) throw new RangeError(`cannot reach the sum ${target} within the bounds`);
  }
  return out;
}

/**
 * Whole-number shares of `total` proportional to `weights`, by the largest
 * remainder, so that they add up to `total` exactly.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((s, v) => s + v, 0);
  const byRemainder = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left === 0) break;
    out[i]++;
    left--;
  }
  return out;
}
