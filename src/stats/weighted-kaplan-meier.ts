/**
 * The weighted Kaplan–Meier curve of comparison.md "Time to reconviction over the whole
 * follow-up": R `survfit(Surv(time, event) ~ 1, weights = w)` (survival 3.5).
 */
import { zForConfidence } from './proportion.js';
import { checkSurvivalInput } from './survival-input.js';
import { survivalMedian } from './survival-median.js';
import type { Curve } from './types.js';

/**
 * One entry per distinct time with an event or a censoring (of weight > 0 or not, as
 * survfit lists them); `nRisk`, `nEvent`, `nCensor` are sums of weights. S(t) = Π (1 − d/n)
 * with weighted d and n. The standard error σ of the cumulative hazard (R's `std.err`) is
 * Greenwood's, √Σ d/(n(n − d)), when every weight is whole, and otherwise the infinitesimal
 * jackknife of log S: σ²(t) = Σ_i w_i² U_i(t)², U_i(t) = −Σ_{t_j ≤ t} (dN_i(t_j) −
 * Y_i(t_j)·d_j/n_j)/(n_j − d_j) (survfit then reports S·σ as `std.err`, with `logse`
 * FALSE). `stdErr` is S·σ either way; log intervals exp(log S ± zσ), upper clipped at 1.
 * Rows with weight 0 are left out, as the matched sample leaves them out (R's survfit would
 * still list their times, with nothing at risk).
 */
export function weightedKaplanMeier(time: ArrayLike<number>, event: ArrayLike<number>, weights: ArrayLike<number>, conf = 0.95): Curve {
  checkSurvivalInput(time, event);
  if (weights.length !== time.length) throw new RangeError(`weightedKaplanMeier: ${weights.length} weights for ${time.length} times`);
  const rows: number[] = [];
  let whole = true;
  for (let i = 0; i < time.length; i++) {
    const w = weights[i];
    if (!(w >= 0 && Number.isFinite(w))) throw new RangeError(`weightedKaplanMeier: weight at index ${i} is ${w}, expected a finite number ≥ 0`);
    if (w === 0) continue;
    if (!Number.isInteger(w)) whole = false;
    rows.push(i);
  }
  rows.sort((a, b) => time[a] - time[b] || a - b);
  const z = zForConfidence(conf);
  const n = rows.length;

  // Distinct times and their weighted counts.
  const times: number[] = [];
  const nRisk: number[] = [];
  const nEvent: number[] = [];
  const nCensor: number[] = [];
  const firstRow: number[] = [];
  for (let k = 0; k < n; ) {
    const t = time[rows[k]];
    let d = 0;
    let c = 0;
    const from = k;
    while (k < n && time[rows[k]] === t) {
      const w = weights[rows[k]];
      if (event[rows[k]] === 1) d += w;
      else c += w;
      k++;
    }
    times.push(t);
    nEvent.push(d);
    nCensor.push(c);
    firstRow.push(from);
  }
  // n at risk as survfit sums it: the weights of everyone from this time on (a reverse
  // cumulative sum, not a running subtraction, which would leave 7.699999… for 7.7).
  let tail = 0;
  for (let j = times.length - 1; j >= 0; j--) {
    tail += nEvent[j] + nCensor[j];
    nRisk[j] = tail;
  }

  const m = times.length;
  const survival = new Array<number>(m);
  const sigma = new Array<number>(m);
  let s = 1;
  let greenwood = 0;
  // Jackknife in O(n + m): with A(t) = Σ_{t_j ≤ t} d_j/(n_j(n_j − d_j)), person i's U_i(t) is
  // A(t) while still at risk (t < T_i) and C_i = A(T_i) − δ_i/(n − d at T_i) from T_i on, so
  // σ²(t) = A(t)²·Σ_{T_i > t} w_i² + Σ_{T_i ≤ t} w_i² C_i².
  let a = 0;
  let leftW2 = 0;
  for (const i of rows) leftW2 += weights[i] * weights[i];
  let doneSum = 0;
  for (let j = 0; j < m; j++) {
    const d = nEvent[j];
    const r = nRisk[j];
    const step = d > 0 && r > d ? 1 / (r - d) : 0;
    if (d > 0) {
      s *= 1 - d / r;
      greenwood = r > d ? greenwood + d / (r * (r - d)) : Infinity;
      a += (d / r) * step;
    }
    survival[j] = s;
    if (!whole) {
      const stop = j + 1 < m ? firstRow[j + 1] : n;
      for (let k = firstRow[j]; k < stop; k++) {
        const i = rows[k];
        const w2 = weights[i] * weights[i];
        const c = a - (event[i] === 1 ? step : 0);
        leftW2 -= w2;
        doneSum += w2 * c * c;
      }
      sigma[j] = Math.sqrt(a * a * Math.max(leftW2, 0) + doneSum);
    } else sigma[j] = Math.sqrt(greenwood);
  }

  const curve: Curve = {
    time: times,
    nRisk,
    nEvent,
    nCensor,
    survival,
    stdErr: survival.map((v, j) => (v === 0 ? 0 : v * sigma[j])),
    lower: survival.map((v, j) => (v === 0 ? null : Math.exp(Math.log(v) - z * sigma[j]))),
    upper: survival.map((v, j) => (v === 0 ? null : Math.min(1, Math.exp(Math.log(v) + z * sigma[j])))),
    median: null,
    medianLower: null,
    medianUpper: null,
    confType: 'log',
  };
  curve.median = survivalMedian(curve.time, curve.survival);
  curve.medianLower = survivalMedian(curve.time, curve.lower);
  curve.medianUpper = survivalMedian(curve.time, curve.upper);
  return curve;
}
