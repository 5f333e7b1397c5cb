/**
 * regression.md, "Cox proportional hazards": Harrell's concordance of a Cox fit with its
 * infinitesimal-jackknife standard error, R `concordance(fit)` (survival's concordancefit
 * with `reverse = TRUE`, `timewt = "n"`). O(n log n): two Fenwick trees over the ranks of
 * the linear predictor, one holding everyone seen (longer times) and one the events.
 */
import type { CoxFit } from './cox-fit.js';
import { radixSortIndex } from './cox-sorted.js';

export interface CoxConcordance {
  /** Harrell's C: the share of comparable pairs in which the higher risk fails first, ties on the predictor counting ½. */
  concordance: number;
  /** √var, var = Σ dfbeta²/4 from each row's influence on Somers' d (R `sqrt(concordance(fit)$var)`). */
  se: number;
  /** Weighted pair counts as R's `count`: concordant, discordant, tied on x, tied on y, tied on both. */
  count: { concordant: number; discordant: number; tiedX: number; tiedY: number; tiedXY: number };
}

/** Fenwick tree of weights over ranks 1…m. */
class Fenwick {
  readonly tree: Float64Array;
  readonly node: Float64Array;
  total = 0;
  constructor(readonly m: number) {
    this.tree = new Float64Array(m + 1);
    this.node = new Float64Array(m + 1);
  }
  add(rank: number, w: number): void {
    this.node[rank] += w;
    this.total += w;
    for (let r = rank; r <= this.m; r += r & -r) this.tree[r] += w;
  }
  /** Sum of weights at ranks < rank. */
  below(rank: number): number {
    let s = 0;
    for (let r = rank - 1; r > 0; r -= r & -r) s += this.tree[r];
    return s;
  }
}

/**
 * For rank r: [greater, smaller, equal] weight sums (concordance3's `walkup`).
 * greater = total − below − equal.
 */
function walkup(t: Fenwick, rank: number, out: Float64Array): void {
  const smaller = t.below(rank);
  const equal = t.node[rank];
  out[0] = t.total - smaller - equal;
  out[1] = smaller;
  out[2] = equal;
}

/**
 * Concordance of a Cox fit's linear predictor η with the observed times, R `concordance(fit)`.
 * A pair (i, j) is comparable when i has an event at t_i and j's time is longer, or equal
 * and censored; it is concordant when η_i > η_j, tied on x when η_i = η_j; pairs weigh
 * w_i·w_j. C = (concordant + tied.x / 2) / (concordant + discordant + tied.x). With
 * clusters (the fit's, as `concordance(fit)` takes them, or given) each row's influence is
 * summed within its cluster first.
 */
export function coxConcordance(fit: CoxFit, cluster: ArrayLike<string | number> | null = fit.data.cluster): CoxConcordance {
  const { time, event } = fit.data;
  const x = fit.linearPredictors;
  const n = time.length;
  const wt = fit.data.weights ?? new Float64Array(n).fill(1);
  // Ranks of the distinct predictor values.
  const identity = new Uint32Array(n);
  for (let i = 0; i < n; i++) identity[i] = i;
  const byX = radixSortIndex(x, identity);
  const rank = new Uint32Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) {
    if (k === 0 || x[byX[k]] !== x[byX[k - 1]]) m++;
    rank[byX[k]] = m;
  }
  // Descending time, censored before events at a tie, then by predictor (R's sort.stop).
  const start = new Uint32Array(n);
  let filled = 0;
  for (let k = 0; k < n; k++) if (event[byX[k]] !== 1) start[filled++] = byX[k];
  for (let k = 0; k < n; k++) if (event[byX[k]] === 1) start[filled++] = byX[k];
  const order = radixSortIndex(time, start, true);

  const all = new Fenwick(m);
  const deaths = new Fenwick(m);
  const imat = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const count = new Float64Array(5);
  const wsum = new Float64Array(3);
  let nEvents = 0;
  for (let i = 0; i < n; i++) nEvents += event[i];
  if (nEvents === 0) {
    return { concordance: NaN, se: NaN, count: { concordant: 0, discordant: 0, tiedX: 0, tiedY: 0, tiedXY: 0 } };
  }
  for (let i = 0; i < n; ) {
    const ii = order[i];
    if (event[ii] === 0) {
      walkup(deaths, rank[ii], wsum);
      imat[0][ii] -= wsum[1];
      imat[1][ii] -= wsum[0];
      imat[2][ii] -= wsum[2];
      all.add(rank[ii], wt[ii]);
      i++;
      continue;
    }
    let j = i;
    let dwt = 0;
    let dwt2 = 0;
    let xsave = rank[ii];
    for (; j < n && time[order[j]] === time[ii]; j++) {
      const jj = order[j];
      count[3] += wt[jj] * dwt;
      dwt += wt[jj];
      if (rank[jj] !== xsave) {
        dwt2 = 0;
        xsave = rank[jj];
      }
      count[4] += wt[jj] * dwt2;
      dwt2 += wt[jj];
      walkup(all, rank[jj], wsum);
      for (let k = 0; k < 3; k++) {
        count[k] += wt[jj] * wsum[k];
        imat[k][jj] += wsum[k];
      }
      deaths.add(rank[jj], wt[jj]);
    }
    for (let k = i; k < j; k++) {
      const jj = order[k];
      walkup(deaths, rank[jj], wsum);
      imat[0][jj] -= wsum[1];
      imat[1][jj] -= wsum[0];
      imat[2][jj] -= wsum[2];
      all.add(rank[jj], wt[jj]);
    }
    i = j;
  }
  for (let i = 0; i < n; i++) {
    walkup(deaths, rank[i], wsum);
    imat[0][i] += wsum[1];
    imat[1][i] += wsum[0];
    imat[2][i] += wsum[2];
  }
  count[3] -= count[4];

  const npair = count[0] + count[1] + count[2];
  const somer = (count[0] - count[1]) / npair;
  const dfbeta = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    dfbeta[i] = wt[i] * ((imat[0][i] - imat[1][i]) / npair - (somer / npair) * (imat[0][i] + imat[1][i] + imat[2][i]));
  }
  let varSomer = 0;
  if (cluster === null) {
    for (let i = 0; i < n; i++) varSomer += dfbeta[i] * dfbeta[i];
  } else {
    const sums = new Map<string | number, number>();
    for (let i = 0; i < n; i++) sums.set(cluster[i], (sums.get(cluster[i]) ?? 0) + dfbeta[i]);
    for (const v of sums.values()) varSomer += v * v;
  }
  // reverse = TRUE: a higher Cox risk predicts a shorter time.
  return {
    concordance: 1 - (somer + 1) / 2,
    se: Math.sqrt(varSomer / 4),
    count: { concordant: count[1], discordant: count[0], tiedX: count[2], tiedY: count[3], tiedXY: count[4] },
  };
}
