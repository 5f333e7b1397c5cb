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
  /** Row-major n × p: row k (sorted order) is x[k·p … k·p + p − 1]. */
  x: Float64Array;
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
  const { n, p, time, event, weight, x } = data;
  const { u, imat } = out;
  u.fill(0);
  imat.fill(0);
  const a = new Float64Array(p);
  const a2 = new Float64Array(p);
  const cmat = new Float64Array(p * p);
  const cmat2 = new Float64Array(p * p);
  let denom = 0;
  let loglik = 0;
  for (let person = n - 1; person >= 0; ) {
    const dtime = time[person];
    let ndead = 0;
    let deadwt = 0;
    let denom2 = 0;
    while (person >= 0 && time[person] === dtime) {
      const base = person * p;
      let zbeta = 0;
      for (let i = 0; i < p; i++) zbeta += beta[i] * x[base + i];
      const w = weight[person];
      const risk = Math.exp(zbeta) * w;
      if (event[person] === 0) {
        denom += risk;
        for (let i = 0; i < p; i++) {
          const rx = risk * x[base + i];
          a[i] += rx;
          const row = i * p;
          for (let j = 0; j <= i; j++) cmat[row + j] += rx * x[base + j];
        }
      } else {
        ndead++;
        deadwt += w;
        denom2 += risk;
        loglik += w * zbeta;
        for (let i = 0; i < p; i++) {
          const xv = x[base + i];
          const rx = risk * xv;
          u[i] += w * xv;
          a2[i] += rx;
          const row = i * p;
          for (let j = 0; j <= i; j++) cmat2[row + j] += rx * x[base + j];
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
