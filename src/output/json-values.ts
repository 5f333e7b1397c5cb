/**
 * The values of every JSON document (json-output.md): JSON has no NaN or Infinity, so a
 * number that is not finite is written as null. One definition for every output file.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A finite number, or null. */
export function num(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

/** Each value finite or null. */
export function nums(xs: ArrayLike<number | null>): (number | null)[] {
  return Array.from(xs, (x) => num(x));
}

/** An interval `[lo, hi]`, each end finite or null; null for no interval. */
export function pair(x: readonly [number, number] | null | undefined): [number | null, number | null] | null {
  return x ? [num(x[0]), num(x[1])] : null;
}
