/**
 * Greedy nearest-neighbour matching on a distance, comparison.md "Nearest-neighbour
 * matching (method `nearest`)", steps 1–5 (MatchIt's `method = "nearest"`, `estimand =
 * "ATT"`, `m.order = "largest"`, with the spec's tie rule, not MatchIt 4.5.1's code).
 *
 * One sort of the pool by (exact stratum, distance, file order; a radix sort, linear), then every request is a
 * binary search and a walk outward from the insertion point over runs of equal distance;
 * used pool people are skipped by two union–find "next unused" links (left and right), so
 * matching costs O((m + n·ratio) log m) rather than a scan of the pool per person.
 */
import { exactStrata } from './exact-strata.js';
import { sortByDistance } from './sort-distance.js';

export interface NearestMatchInput {
  /** The distance d of each eligible, complete service person, in people-file order. */
  service: ArrayLike<number>;
  /** The distance d of each eligible, complete pool person, in the pool's file order. */
  pool: ArrayLike<number>;
  /** The `exact` covariates: one column per covariate, a value per service person. */
  serviceExact?: readonly ArrayLike<string | number>[];
  /** The same columns for the pool people. */
  poolExact?: readonly ArrayLike<string | number>[];
  /** In standard deviations of d over both sides (n − 1); null for no caliper. */
  caliper: number | null;
  /** Pool people per service person, a whole number 1–5. */
  ratio: number;
  /** May a pool person be matched to more than one service person. */
  replace: boolean;
}

export interface NearestMatch {
  /** caliper × sd(d) over both sides; null without a caliper. */
  caliperWidth: number | null;
  /** Service indices in matching order: decreasing d, ties in people-file order. */
  order: Int32Array;
  /** For each service person (file order), its pool indices in round order (round j at j − 1). */
  matches: Int32Array[];
  /** For each service person, its subclass 1, 2, … in matching order; 0 when unmatched. */
  subclass: Int32Array;
  /** Without replacement, each pool person's subclass (0 when not used); null with replacement. */
  poolSubclass: Int32Array | null;
  /** Service indices (file order) with no match in round 1: "no comparison within the caliper". */
  noMatchInCaliper: Int32Array;
  /** match.data weights: 1 for a matched service person, 0 unmatched. */
  serviceWeight: Float64Array;
  /** match.data weights: Σ 1/(matches of each service person matched to it), rescaled to sum to poolUsed. */
  poolWeight: Float64Array;
  /** Number of distinct pool people used. */
  poolUsed: number;
}

/**
 * The sample standard deviation (n − 1) of both sides' distances together, the caliper's
 * unit (step 1). The mean is refined once by the mean residual, as R's `var` does.
 */
export function distanceSd(service: ArrayLike<number>, pool: ArrayLike<number>): number {
  const n = service.length + pool.length;
  if (n < 2) return NaN;
  let sum = 0;
  for (let i = 0; i < service.length; i++) sum += service[i];
  for (let i = 0; i < pool.length; i++) sum += pool[i];
  let mean = sum / n;
  let residual = 0;
  for (let i = 0; i < service.length; i++) residual += service[i] - mean;
  for (let i = 0; i < pool.length; i++) residual += pool[i] - mean;
  mean += residual / n;
  let squares = 0;
  for (let i = 0; i < service.length; i++) squares += (service[i] - mean) ** 2;
  for (let i = 0; i < pool.length; i++) squares += (pool[i] - mean) ** 2;
  return Math.sqrt(squares / (n - 1));
}

function checkDistances(values: ArrayLike<number>, side: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new RangeError(`nearestMatch: ${side} distance at index ${i} is ${values[i]}, expected a finite number`);
  }
}

/**
 * Greedy nearest-neighbour matching (comparison.md steps 1–5):
 * 1. width = caliper × sd(d) over every person of both sides (n − 1);
 * 2. service people in decreasing d, ties in people-file order;
 * 3. in round j = 1…ratio each service person with j − 1 matches takes the pool person
 *    with the smallest |d_s − d_p| that is unused (unless `replace`), equal on every exact
 *    covariate, within the width (≤) and not already its match; ties in the pool's file
 *    order; nobody allowed means no match in that round (and no later round);
 * 4. each matched service person and its matches form a subclass, numbered in matching order;
 * 5. weights: service 1; pool Σ 1/(that service person's matches), rescaled to sum to the
 *    number of distinct pool people used; everyone unmatched 0.
 */
export function nearestMatch(input: NearestMatchInput): NearestMatch {
  const { service, pool, caliper, ratio, replace } = input;
  if (!Number.isInteger(ratio) || ratio < 1 || ratio > 5) throw new RangeError(`nearestMatch: ratio must be a whole number 1–5, got ${ratio}`);
  if (caliper !== null && !(caliper > 0 && Number.isFinite(caliper)))
    throw new RangeError(`nearestMatch: caliper must be a number > 0 or null, got ${caliper}`);
  checkDistances(service, 'service');
  checkDistances(pool, 'pool');
  const nS = service.length;
  const nP = pool.length;

  let caliperWidth: number | null = null;
  if (caliper !== null) {
    if (nS + nP < 2) throw new RangeError('nearestMatch: a caliper needs at least two people to measure the spread of the distance');
    caliperWidth = caliper * distanceSd(service, pool);
  }
  const width = caliperWidth ?? Infinity;

  const strata = exactStrata(input.serviceExact, input.poolExact, nS, nP);

  // Pool positions sorted by (stratum, d, file index).
  const poolStratum = strata.pool;
  const perm = sortByDistance(pool, poolStratum, strata.count);
  const sorted = new Float64Array(nP);
  for (let p = 0; p < nP; p++) sorted[p] = pool[perm[p]];

  // Each stratum's range [start, end) of positions.
  const start = new Int32Array(strata.count).fill(0);
  const end = new Int32Array(strata.count).fill(0);
  for (let p = 0; p < nP; p++) {
    const k = poolStratum[perm[p]];
    if (p === 0 || poolStratum[perm[p - 1]] !== k) start[k] = p;
    end[k] = p + 1;
  }
  // Runs of equal d within a stratum: their first position and one past their last.
  const runStart = new Int32Array(nP);
  const runEnd = new Int32Array(nP);
  for (let p = 0; p < nP; p++) {
    const same = p > 0 && sorted[p - 1] === sorted[p] && poolStratum[perm[p - 1]] === poolStratum[perm[p]];
    runStart[p] = same ? runStart[p - 1] : p;
  }
  for (let p = nP - 1; p >= 0; p--) {
    const same = p < nP - 1 && sorted[p + 1] === sorted[p] && poolStratum[perm[p + 1]] === poolStratum[perm[p]];
    runEnd[p] = same ? runEnd[p + 1] : p + 1;
  }

  // Union–find links: right[p] leads to the first unused position ≥ p (nP when none);
  // left[p + 1] leads to 1 + the last unused position ≤ p (0 when none).
  const right = new Int32Array(nP + 1);
  const left = new Int32Array(nP + 1);
  for (let p = 0; p <= nP; p++) {
    right[p] = p;
    left[p] = p;
  }
  const findRight = (p: number): number => {
    while (right[p] !== p) {
      right[p] = right[right[p]];
      p = right[p];
    }
    return p;
  };
  const findLeft = (p: number): number => {
    let q = p + 1;
    while (left[q] !== q) {
      left[q] = left[left[q]];
      q = left[q];
    }
    return q - 1;
  };
  const markUsed = (p: number): void => {
    right[p] = p + 1;
    left[p + 1] = p;
  };

  // Service order: decreasing d, ties in file order.
  const order = new Int32Array(nS);
  for (let i = 0; i < nS; i++) order[i] = i;
  order.sort((a, b) => service[b] - service[a] || a - b);

  const matched: number[][] = Array.from({ length: nS }, () => []);
  const matchedPositions: number[][] = Array.from({ length: nS }, () => []);
  const subclass = new Int32Array(nS);
  let subclasses = 0;

  // The best allowed position for distance x in stratum k, or −1. With replacement the
  // person's own earlier matches (at most ratio − 1 positions) are skipped.
  const best = (x: number, k: number, own: number[]): number => {
    if (k < 0) return -1;
    const lo0 = start[k];
    const hi0 = end[k];
    if (lo0 >= hi0) return -1;
    let lo = lo0;
    let hi = hi0;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    const insertion = lo;
    let bestDiff = Infinity;
    let bestPos = -1;
    const firstAllowedInRun = (from: number, last: number): number => {
      for (let q = findRight(from); q <= last; q = findRight(q + 1)) {
        if (own.length === 0 || !own.includes(q)) return q;
      }
      return -1;
    };
    const consider = (q: number, diff: number): void => {
      if (diff < bestDiff || (diff === bestDiff && perm[q] < perm[bestPos])) {
        bestDiff = diff;
        bestPos = q;
      }
    };
    // Rightwards: |x − d| does not decrease, so stop once it exceeds the best or the width.
    for (let p = findRight(insertion); p < hi0; ) {
      const diff = Math.abs(x - sorted[p]);
      if (diff > width || diff > bestDiff) break;
      const q = firstAllowedInRun(p, runEnd[p] - 1);
      if (q >= 0) consider(q, diff);
      p = findRight(runEnd[p]);
    }
    // Leftwards, run by run; within a run the first allowed position is the earliest in file order.
    for (let p = findLeft(insertion - 1); p >= lo0; ) {
      const diff = Math.abs(x - sorted[p]);
      if (diff > width || diff > bestDiff) break;
      const q = firstAllowedInRun(runStart[p], p);
      if (q >= 0) consider(q, diff);
      p = findLeft(runStart[p] - 1);
    }
    return bestPos;
  };

  const serviceStratum = strata.service;
  const noMatch: number[] = [];
  for (let round = 0; round < ratio; round++) {
    for (let r = 0; r < nS; r++) {
      const s = order[r];
      if (matched[s].length !== round) continue;
      const q = best(service[s], serviceStratum[s], replace ? matchedPositions[s] : []);
      if (q < 0) {
        if (round === 0) noMatch.push(s);
        continue;
      }
      if (round === 0) subclass[s] = ++subclasses;
      matched[s].push(perm[q]);
      matchedPositions[s].push(q);
      if (!replace) markUsed(q);
    }
  }

  const serviceWeight = new Float64Array(nS);
  const poolWeight = new Float64Array(nP);
  const poolSubclass = replace ? null : new Int32Array(nP);
  for (let r = 0; r < nS; r++) {
    const s = order[r];
    const k = matched[s].length;
    if (k === 0) continue;
    serviceWeight[s] = 1;
    for (const p of matched[s]) {
      poolWeight[p] += 1 / k;
      if (poolSubclass) poolSubclass[p] = subclass[s];
    }
  }
  let used = 0;
  let total = 0;
  for (let p = 0; p < nP; p++) {
    if (poolWeight[p] > 0) {
      used++;
      total += poolWeight[p];
    }
  }
  if (used > 0) {
    const factor = used / total;
    for (let p = 0; p < nP; p++) poolWeight[p] *= factor;
  }

  return {
    caliperWidth,
    order,
    matches: matched.map((m) => Int32Array.from(m)),
    subclass,
    poolSubclass,
    noMatchInCaliper: Int32Array.from(noMatch.sort((a, b) => a - b)),
    serviceWeight,
    poolWeight,
    poolUsed: used,
  };
}
