/**
 * regression.md, "Cox proportional hazards": the log partial likelihood of a Cox model, its
 * score vector and information matrix at one β, in one backward pass over the sorted rows
 * (risk-set sums accumulated as the time falls: O(n·p²), never O(n²)). The same arithmetic
 * as survival's `coxfit6` inner step, Breslow or Efron ties, with case weights.
 */
import { codeArray } from './code-array.js';

/**
 * Rows in Cox order (see cox-sorted.ts) with covariates already centred and scaled, each row
 * as its non-zero entries only: the 0/1 columns of a categorical covariate, left uncentred
 * as coxph leaves them, are mostly 0, and a term with a zero adds exactly nothing to any of
 * the sums, so skipping it changes no bit of the result while the p² work of a row falls to
 * (its non-zeros)².
 */
export interface CoxSortedData {
  n: number;
  p: number;
  time: Float64Array;
  event: Uint8Array;
  weight: Float64Array;
  /** Row k's entries are at rowStart[k] … rowStart[k + 1] − 1 of `column` and `value`, by ascending column. */
  rowStart: Int32Array;
  /** In the narrowest type that holds p − 1: a byte an entry for a model of up to 256 terms (at 10M people, 190 MB less a model). */
  column: Uint8Array | Uint16Array | Int32Array;
  value: Float64Array;
}

/** The non-zero entries of columns 0 … p − 1 (`columnOf(j)`, called twice for each, the same both times), row by row (CoxSortedData's layout). */
export function sparseRows(columnOf: (j: number) => Float64Array, p: number, n: number): Pick<CoxSortedData, 'rowStart' | 'column' | 'value'> {
  const rowStart = new Int32Array(n + 1);
  for (let j = 0; j < p; j++) {
    const col = columnOf(j);
    for (let i = 0; i < n; i++) if (col[i] !== 0) rowStart[i + 1]++;
  }
  for (let i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
  const nonZero = rowStart[n];
  const column = codeArray(nonZero, p);
  const value = new Float64Array(nonZero);
  const next = rowStart.slice(0, n);
  for (let j = 0; j < p; j++) {
    const col = columnOf(j);
    for (let i = 0; i < n; i++) {
      if (col[i] === 0) continue;
      const at = next[i]++;
      column[at] = j;
      value[at] = col[i];
    }
  }
  return { rowStart, column, value };
}

/** Work space reused across iterations: score u (p), information (p × p, upper triangle filled). */
interface CoxDerivatives {
  u: Float64Array;
  imat: Float64Array;
}

export function coxDerivatives(p: number): CoxDerivatives {
  return { u: new Float64Array(p), imat: new Float64Array(p * p) };
}

/**
 * log PL(β) = Σ_events w_i (x_iβ − log D_i), D the risk-set sum of w·exp(xβ); with Efron ties
 * the d tied events at a time use D − (k/d)·(their own sum), k = 0…d−1, each weighted by the
 * mean weight of the tied events. Fills out.u = ∂ log PL/∂β and out.imat = −∂² log PL/∂β²
 * (upper triangle, imat[j·p + i] for j ≤ i). Returns log PL.
 */
export function coxLogLikelihood(data: CoxSortedData, beta: Float64Array, efron: boolean, out: CoxDerivatives): number {
  const { n, p, time, event, weight, rowStart, column, value } = data;
  const { u, imat } = out;
  u.fill(0);
  imat.fill(0);
  const a = new Float64Array(p);
  const a2 = new Float64Array(p);
  const cmat = new Float64Array(p * p);
  const cmat2 = new Float64Array(p * p);
  // A zero entry skipped must add what the full product would: with a β that is not finite
  // (an overflowing step, which the fit then pulls back) 0·β is NaN, so every row's is.
  let start = 0;
  for (let i = 0; i < p; i++) if (!Number.isFinite(beta[i])) start = Number.NaN;
  let denom = 0;
  let loglik = 0;
  for (let person = n - 1; person >= 0; ) {
    const dtime = time[person];
    let ndead = 0;
    let deadwt = 0;
    let denom2 = 0;
    while (person >= 0 && time[person] === dtime) {
      const from = rowStart[person],
        to = rowStart[person + 1];
      let zbeta = start;
      for (let k = from; k < to; k++) zbeta += beta[column[k]] * value[k];
      const w = weight[person];
      const risk = Math.exp(zbeta) * w;
      if (event[person] === 0) {
        denom += risk;
        for (let k = from; k < to; k++) {
          const i = column[k];
          const rx = risk * value[k];
          a[i] += rx;
          const row = i * p;
          for (let l = from; l <= k; l++) cmat[row + column[l]] += rx * value[l];
        }
      } else {
        ndead++;
        deadwt += w;
        denom2 += risk;
        loglik += w * zbeta;
        for (let k = from; k < to; k++) {
          const i = column[k];
          const xv = value[k];
          const rx = risk * xv;
          u[i] += w * xv;
          a2[i] += rx;
          const row = i * p;
          for (let l = from; l <= k; l++) cmat2[row + column[l]] += rx * value[l];
        }
      }
      person--;
    }
    if (ndead === 0) continue;
    if (!efron || ndead === 1) {
      denom += denom2;
      loglik -= deadwt * Math.log(denom);
      for (let i = 0; i < p; i++) {
        a[i] += a2[i];
        const mean = a[i] / denom;
        u[i] -= deadwt * mean;
        const row = i * p;
        for (let j = 0; j <= i; j++) {
          cmat[row + j] += cmat2[row + j];
          imat[j * p + i] += (deadwt * (cmat[row + j] - mean * a[j])) / denom;
        }
      }
    } else {
      // Efron's d steps k = 1…d use D + (k/d)·D₂, A + (k/d)·A₂, C + (k/d)·C₂. Their sums over k
      // need only the scalar sums T_m = Σ f^m/den and S_m = Σ f^m/den² (f = k/d), so a tie
      // of d events costs O(d + p²), not O(d·p²) as stepping through them would.
      const wtave = deadwt / ndead;
      let t0 = 0;
      let t1 = 0;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      for (let k = 1; k <= ndead; k++) {
        const f = k / ndead;
        const den = denom + f * denom2;
        loglik -= wtave * Math.log(den);
        const inv = 1 / den;
        const inv2 = inv * inv;
        t0 += inv;
        t1 += f * inv;
        s0 += inv2;
        s1 += f * inv2;
        s2 += f * f * inv2;
      }
      for (let i = 0; i < p; i++) {
        u[i] -= wtave * (a[i] * t0 + a2[i] * t1);
        const row = i * p;
        for (let j = 0; j <= i; j++) {
          const outer = a[i] * a[j] * s0 + (a[i] * a2[j] + a2[i] * a[j]) * s1 + a2[i] * a2[j] * s2;
          imat[j * p + i] += wtave * (cmat[row + j] * t0 + cmat2[row + j] * t1 - outer);
        }
      }
      denom += denom2;
      for (let i = 0; i < p; i++) {
        a[i] += a2[i];
        const row = i * p;
        for (let j = 0; j <= i; j++) cmat[row + j] += cmat2[row + j];
      }
    }
    a2.fill(0);
    cmat2.fill(0);
  }
  return loglik;
}
