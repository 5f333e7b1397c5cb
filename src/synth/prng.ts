/**
 * A small seeded pseudo-random generator, so that every synthetic sample is a
 * pure function of its seed (Math.random cannot be seeded). mulberry32 is
 * tiny, fast and good enough for test data; it is not for cryptography.
 */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** mulberry32: a 32-bit state generator; the same seed gives the same stream on every platform. */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A generator for a named part of a scenario, derived from the scenario seed,
 * so that adding draws to one part does not shift the numbers of another.
 */
export function childRng(seed: number, label: string): Rng {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  }
  return mulberry32(h);
}
