/**
 * regression.md, "Cox proportional hazards" (robust variance): the score residuals of a Cox
 * fit, R `residuals(fit, type = "score")` (survival's `coxscore2`), in one backward pass.
 */

/**
 * Score residual of row i at risk scores r = exp(η):
 * U_i = δ_i (x_i − x̄(t_i)) − Σ_{event times t ≤ t_i} r_i (x_i − x̄(t)) dΛ(t), with
 * dΛ(t) = (Σ w of the events at t) / Σ_{at risk} w·r, the Breslow increment, or with Efron
 * ties the d tied events split into d steps, the tied events down-weighted by k/d at step k.
 * Rows are in Cox order (events first within a tied time). Returns p columns, n long, in
 * that order (unweighted, as R's before `weighted = TRUE`).
 */
export function coxScoreResiduals(
  time: Float64Array,
  event: Uint8Array,
  x: Float64Array[],
  score: Float64Array,
  weight: Float64Array,
  efron: boolean,
): Float64Array[] {
  const n = time.length;
  const p = x.length;
  const resid = x.map(() => new Float64Array(n));
  const a = new Float64Array(p);
  const a2 = new Float64Array(p);
  const xhaz = new Float64Array(p);
  let denom = 0;
  let cumhaz = 0;
  for (let i = n - 1; i >= 0; ) {
    const newtime = time[i];
    let deaths = 0;
    let eDenom = 0;
    let meanwt = 0;
    a2.fill(0);
    for (; i >= 0 && time[i] === newtime; i--) {
      const risk = score[i] * weight[i];
      denom += risk;
      for (let j = 0; j < p; j++) {
        resid[j][i] = score[i] * (x[j][i] * cumhaz - xhaz[j]);
        a[j] += risk * x[j][i];
      }
      if (event[i] === 1) {
        deaths++;
        eDenom += risk;
        meanwt += weight[i];
        for (let j = 0; j < p; j++) a2[j] += risk * x[j][i];
      }
    }
    if (deaths === 0) continue;
    // The events of this time are rows i+1 … i+deaths (events sort first within a tie).
    if (deaths < 2 || !efron) {
      const hazard = meanwt / denom;
      cumhaz += hazard;
      for (let j = 0; j < p; j++) {
        const xbar = a[j] / denom;
        xhaz[j] += xbar * hazard;
        for (let k = i + 1; k <= i + deaths; k++) resid[j][k] += x[j][k] - xbar;
      }
    } else {
      meanwt /= deaths;
      for (let dd = 0; dd < deaths; dd++) {
        const downwt = dd / deaths;
        const temp = denom - downwt * eDenom;
        const hazard = meanwt / temp;
        cumhaz += hazard;
        for (let j = 0; j < p; j++) {
          const xbar = (a[j] - downwt * a2[j]) / temp;
          xhaz[j] += xbar * hazard;
          for (let k = i + 1; k <= i + deaths; k++) {
            const temp2 = x[j][k] - xbar;
            resid[j][k] += temp2 / deaths;
            resid[j][k] += temp2 * score[k] * hazard * downwt;
          }
        }
      }
    }
  }
  for (let k = n - 1; k >= 0; k--) {
    for (let j = 0; j < p; j++) resid[j][k] += score[k] * (xhaz[j] - x[j][k] * cumhaz);
  }
  return resid;
}
