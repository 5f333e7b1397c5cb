/**
 * regression.md, "Cox proportional hazards": the log partial likelihood of a Cox model, its
 * score vector and information matrix at one β, in one backward pass over the sorted rows
 * (risk-set sums accumulated as the time falls: O(n·p²), never O(n²)). The same arithmetic
 * as survival's `coxfit6` inner step, Breslow or Efron ties, with case weights.
 */

/** Rows in Cox order (see cox-sorted.ts) with covariates already centred and scaled. */
export interface CoxSortedData {
  n: number;
  p: number;
  time: Float64Array;
  event: Uint8Array;
  weight: Float64Array;
  /** p columns, each n long, in sorted order. */
  x: Float64Array[];
}

/** Work space reused across iterations: score u (p), information (p × p, upper triangle filled). */
export interface CoxDerivatives {
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
  const { n, p, time, event, weight, x } = data;
  const { u, imat } = out;
  u.fill(0);
  imat.fill(0);
  const a = new Float64Array(p);
  const a2 = new Float64Array(p);
  const cmat = new Float64Array(p * p);
  const cmat2 = new Float64Array(p * p);
  const xi = new Float64Array(p);
  let denom = 0;
  let loglik = 0;
  for (let person = n - 1; person >= 0; ) {
    const dtime = time[person];
    let ndead = 0;
    let deadwt = 0;
    let denom2 = 0;
    while (person >= 0 && time[person] === dtime) {
      let zbeta = 0;
      for (let i = 0; i < p; i++) {
        xi[i] = x[i][person];
        zbeta += beta[i] * xi[i];
      }
      const w = weight[person];
      const risk = Math.exp(zbeta) * w;
      if (event[person] === 0) {
        denom += risk;
        for (let i = 0; i < p; i++) {
          const rx = risk * xi[i];
          a[i] += rx;
          const row = i * p;
          for (let j = 0; j <= i; j++) cmat[row + j] += rx * xi[j];
        }
      } else {
        ndead++;
        deadwt += w;
        denom2 += risk;
        loglik += w * zbeta;
        for (let i = 0; i < p; i++) {
          const rx = risk * xi[i];
          u[i] += w * xi[i];
          a2[i] += rx;
          const row = i * p;
          for (let j = 0; j <= i; j++) cmat2[row + j] += rx * xi[j];
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
      const wtave = deadwt / ndead;
      for (let k = 0; k < ndead; k++) {
        denom += denom2 / ndead;
        loglik -= wtave * Math.log(denom);
        for (let i = 0; i < p; i++) {
          a[i] += a2[i] / ndead;
          const mean = a[i] / denom;
          u[i] -= wtave * mean;
          const row = i * p;
          for (let j = 0; j <= i; j++) {
            cmat[row + j] += cmat2[row + j] / ndead;
            imat[j * p + i] += (wtave * (cmat[row + j] - mean * a[j])) / denom;
          }
        }
      }
    }
    a2.fill(0);
    cmat2.fill(0);
  }
  return loglik;
}
