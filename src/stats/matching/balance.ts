/**
 * The balance table, comparison.md "Balance" and its readings (R MatchIt's `summary()`
 * with `s.d.denom = "treated"`): weighted means of each side before and after matching or
 * weighting, standardised mean differences, variance ratios, effective sample sizes and
 * the verdict (every |SMD| < 0.1, the distance too).
 */
import { balanceTerms } from './balance-terms.js';
import type { BalanceCovariate, BalanceTerm } from './balance-terms.js';

/** One side of a row: before (weights 1) or after (the matched or weighted sample). */
export interface BalanceStatistics {
  meanService: number | null;
  meanPool: number | null;
  smd: number | null;
  /** Numeric terms only; null for 0/1 terms and where a variance is undefined or 0 in the pool. */
  varianceRatio: number | null;
}

export interface BalanceRow {
  term: string;
  before: BalanceStatistics;
  after: BalanceStatistics;
}

export interface Balance {
  /** `distance` first, then the covariates' terms in order. */
  rows: BalanceRow[];
  /** Every row's |SMD| after is below 0.1 (a null SMD fails). */
  balanced: boolean;
  /** The terms that fail, in table order. */
  failing: string[];
  /** Effective sample sizes after matching or weighting, (Σw)² / Σw². */
  ess: { service: number; pool: number };
}

export interface BalanceInput {
  /** The distance (the `distance` setting's: logit or probability) of each person. */
  distance: { service: ArrayLike<number>; pool: ArrayLike<number> };
  /** The covariates, each person's value on each side (eligible, complete people). */
  covariates: readonly BalanceCovariate[];
  /** The weights after matching or weighting (0 for people left out). */
  weights: { service: ArrayLike<number>; pool: ArrayLike<number> };
}

/** The SMD threshold of MatchIt and cobalt. */
export const BALANCE_THRESHOLD = 0.1;

/** Σ w x / Σ w; null when Σ w = 0. */
export function weightedMean(x: ArrayLike<number>, w: ArrayLike<number> | null): number | null {
  let sw = 0;
  let swx = 0;
  for (let i = 0; i < x.length; i++) {
    const wi = w ? w[i] : 1;
    sw += wi;
    swx += wi * x[i];
  }
  return sw > 0 ? swx / sw : null;
}

/**
 * The weighted variance Σ w (x − x̄_w)² · Σw / ((Σw)² − Σw²) (with weights 1 the sample
 * variance, n − 1); null when it is undefined (fewer than two people with weight).
 */
export function weightedVariance(x: ArrayLike<number>, w: ArrayLike<number> | null): number | null {
  const mean = weightedMean(x, w);
  if (mean === null) return null;
  let sw = 0;
  let sw2 = 0;
  let squares = 0;
  for (let i = 0; i < x.length; i++) {
    const wi = w ? w[i] : 1;
    sw += wi;
    sw2 += wi * wi;
    squares += wi * (x[i] - mean) ** 2;
  }
  const denominator = sw * sw - sw2;
  if (!(denominator > 0)) return null;
  // A constant has variance 0 exactly (a mean rounded by one unit would leave ~1e-32).
  let first = NaN;
  let constant = true;
  for (let i = 0; i < x.length && constant; i++) {
    if ((w ? w[i] : 1) === 0) continue;
    if (Number.isNaN(first)) first = x[i];
    else if (x[i] !== first) constant = false;
  }
  return constant ? 0 : (squares * sw) / denominator;
}

/** (Σw)² / Σw². */
export function effectiveSampleSize(w: ArrayLike<number>): number {
  let sw = 0;
  let sw2 = 0;
  for (let i = 0; i < w.length; i++) {
    sw += w[i];
    sw2 += w[i] * w[i];
  }
  return sw2 > 0 ? (sw * sw) / sw2 : 0;
}

function checkWeights(w: ArrayLike<number>, n: number, side: string): void {
  if (w.length !== n) throw new RangeError(`balanceTable: ${w.length} ${side} weights for ${n} people`);
  for (let i = 0; i < w.length; i++) {
    if (!(w[i] >= 0 && Number.isFinite(w[i]))) throw new RangeError(`balanceTable: ${side} weight at index ${i} is ${w[i]}, expected a finite number ≥ 0`);
  }
}

/**
 * The statistics of one term with weights: SMD = (mean_service − mean_pool) / s with the
 * given s (null when s is 0 or undefined); variance ratio var_service / var_pool of the
 * weighted variances for numeric terms.
 */
function statistics(term: BalanceTerm, s: number | null, ws: ArrayLike<number> | null, wp: ArrayLike<number> | null): BalanceStatistics {
  const meanService = weightedMean(term.service, ws);
  const meanPool = weightedMean(term.pool, wp);
  const smd = s !== null && s > 0 && meanService !== null && meanPool !== null ? (meanService - meanPool) / s : null;
  let varianceRatio: number | null = null;
  if (!term.binary) {
    const vs = weightedVariance(term.service, ws);
    const vp = weightedVariance(term.pool, wp);
    if (vs !== null && vp !== null && vp > 0) varianceRatio = vs / vp;
  }
  return { meanService, meanPool, smd, varianceRatio };
}

/**
 * The balance table. s is taken among the service people before matching (weights 1):
 * the standard deviation (n − 1) for a numeric term, √(p(1 − p)) for a 0/1 term with p
 * its share; the same s before and after. A term with s = 0 has a null SMD and fails.
 */
export function balanceTable(input: BalanceInput): Balance {
  const { distance, covariates, weights } = input;
  const nS = distance.service.length;
  const nP = distance.pool.length;
  const terms: BalanceTerm[] = [
    { term: 'distance', binary: false, service: Float64Array.from(distance.service), pool: Float64Array.from(distance.pool) },
    ...balanceTerms(covariates),
  ];
  for (const t of terms) {
    if (t.service.length !== nS || t.pool.length !== nP) {
      throw new RangeError(`balanceTable: ${t.term} has ${t.service.length} service and ${t.pool.length} pool values for ${nS} and ${nP} people`);
    }
  }
  checkWeights(weights.service, nS, 'service');
  checkWeights(weights.pool, nP, 'pool');

  const rows: BalanceRow[] = terms.map((t) => {
    let s: number | null;
    if (t.binary) {
      const p = weightedMean(t.service, null);
      s = p === null ? null : Math.sqrt(p * (1 - p));
    } else {
      const v = weightedVariance(t.service, null);
      s = v === null ? null : Math.sqrt(v);
    }
    return { term: t.term, before: statistics(t, s, null, null), after: statistics(t, s, weights.service, weights.pool) };
  });
  const failing = rows.filter((r) => r.after.smd === null || !(Math.abs(r.after.smd) < BALANCE_THRESHOLD)).map((r) => r.term);
  return {
    rows,
    balanced: failing.length === 0,
    failing,
    ess: { service: effectiveSampleSize(weights.service), pool: effectiveSampleSize(weights.pool) },
  };
}
