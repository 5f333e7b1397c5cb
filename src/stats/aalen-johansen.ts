/**
 * regression.md, "Competing risks — Aalen–Johansen cumulative incidence"; the curve shape
 * is json-output.md's IncidenceCurve.
 */
import { checkCompetingRisksInput } from './competing-risks-input.js';
import { zForConfidence } from './proportion.js';
import { orderByTime } from './time-order.js';

/** One cause of an Aalen–Johansen fit (json-output.md IncidenceCurve). */
export interface IncidenceCurve {
  /** Every distinct time at which anything happened (an event of any cause or a censoring). */
  time: number[];
  /** People still in the starting state just before the time (unweighted, as survfit's n.risk). */
  nRisk: number[];
  /** Events of this cause at the time (unweighted). */
  nEvent: number[];
  /** Censorings at the time (unweighted). */
  nCensor: number[];
  cumulativeIncidence: number[];
  /** Infinitesimal-jackknife standard error (survfit's std.err). */
  se: number[];
  /** Log interval on the cumulative incidence, p·exp(∓z·se/p), upper clipped at 1; null where p = 0. */
  lower: (number | null)[];
  upper: (number | null)[];
}

export interface AalenJohansenFit {
  /** Number of records. */
  n: number;
  /** Number of causes K (status 1 … K). */
  causes: number;
  time: number[];
  nRisk: number[];
  nCensor: number[];
  /** Probability of still being in the starting state (survfit's pstate[, 1]) and its IJ standard error. */
  survival: number[];
  survivalSe: number[];
  /** curves[k − 1] is cause k. */
  curves: IncidenceCurve[];
}

export interface AalenJohansenOptions {
  /** Case weights (finite, > 0); default all 1. Counts stay unweighted, as survfit reports them. */
  weights?: ArrayLike<number>;
  /** Number of causes K; default the largest status. A cause may have no events (a flat 0 curve). */
  causes?: number;
  /** Confidence level of the intervals; default 0.95. */
  conf?: number;
}

/**
 * Aalen–Johansen estimate of the cumulative incidence of each cause, as R
 * `survfit(Surv(time, factor(status, levels = 0:K)) ~ 1, weights = w)` (survival 3.5-3):
 * its `pstate`, `std.err`, `lower`, `upper` (conf.type "log", survfit's multi-state
 * default), `n.risk[, 1]`, `n.event[, k + 1]` and `n.censor`.
 *
 * At each distinct time t with weighted number at risk Y (time ≥ t) and weighted events
 * d_k of cause k (d = Σ d_k), the probability p₀ of no event yet and the cumulative
 * incidences F_k step as F_k(t) = F_k(t−) + p₀(t−)·d_k/Y and p₀(t) = p₀(t−)·(1 − d/Y).
 *
 * Standard errors are survfit's infinitesimal jackknife: each person i carries an
 * influence row U_i (one entry per state); at an event time every U_i becomes U_i·A
 * (A the one-step transition matrix: row 0 = (1 − d/Y, d₁/Y, …), the other rows those of
 * the identity), and each person at risk adds q·(d/Y, −d₁/Y, …) with q = p₀(t−)/Y, plus
 * q·(e_k − e₀) if they have an event of cause k. Var F_k(t) = Σ_i w_i² U_ik².
 * Everyone still at risk has the same row R, so the sum is kept as
 * M + (Σ_{at risk} w_i²)·RᵀR, where M = Σ_{left} w_i² U_iᵀU_i becomes AᵀMA at each event
 * time and gains the outer products of the rows of the people leaving: O(K²) per time,
 * where survfit's own loop over people is O(n) per time. (The causes' block of M is
 * stepped through the equivalent U_k ← U_k − h_k·Σ_l U_l, see below.)
 *
 * Rows are those survfit lists: one per distinct time of the data (time 0 only when
 * something happened on day 0). The interval is survfit_confint's log interval on p
 * itself: exp(log p ∓ z·se/p), upper clipped at 1, null (R: NA) where p = 0.
 */
export function aalenJohansen(time: ArrayLike<number>, status: ArrayLike<number>, options: AalenJohansenOptions = {}): AalenJohansenFit {
  const { weights } = options;
  const K = checkCompetingRisksInput('aalenJohansen', time, status, weights, options.causes);
  const z = zForConfidence(options.conf ?? 0.95);
  const n = time.length;
  const { times, start, order } = orderByTime(time);
  const D = times.length;
  const S = K + 1;

  // Per distinct time: unweighted counts, weighted events, and the Σw² of those leaving.
  const leaving = new Int32Array(D);
  const censored = new Int32Array(D);
  const events = new Int32Array(D * K);
  const weightLeaving = new Float64Array(D);
  const weightEvents = new Float64Array(D * K);
  const squareEvents = new Float64Array(D * K);
  const squareCensored = new Float64Array(D);
  for (let m = 0; m < D; m++) {
    for (let r = start[m]; r < start[m + 1]; r++) {
      const i = order[r];
      const w = weights === undefined ? 1 : weights[i];
      const s = status[i];
      leaving[m]++;
      weightLeaving[m] += w;
      if (s === 0) {
        censored[m]++;
        squareCensored[m] += w * w;
      } else {
        const at = m * K + s - 1;
        events[at]++;
        weightEvents[at] += w;
        squareEvents[at] += w * w;
      }
    }
  }
  // Suffix sums: the risk set at times[m] is everyone whose time is ≥ times[m].
  const atRiskCount = new Int32Array(D);
  const atRiskWeight = new Float64Array(D);
  const squareAfter = new Float64Array(D); // Σw² of those with time > times[m]
  let count = 0;
  let weight = 0;
  let square = 0;
  for (let m = D - 1; m >= 0; m--) {
    squareAfter[m] = square;
    count += leaving[m];
    weight += weightLeaving[m];
    atRiskCount[m] = count;
    atRiskWeight[m] = weight;
    square += squareCensored[m];
    for (let k = 0; k < K; k++) square += squareEvents[m * K + k];
  }

  const p = new Float64Array(S);
  p[0] = 1;
  // R[0] is the starting state's entry of the common row; R[1…K] and B (K × K) are the
  // causes' part. Each row sums to 0 (the states' probabilities sum to 1), so
  // U₀ = −Σ_k U_k and the causes' rows step as U_k ← U_k − h_k·Σ_l U_l (U·T with
  // T = I − 1hᵀ): with one cause that is U₁·(1 − h), so its variance reaches exactly 0
  // where everyone has had the event, instead of the rounding left by AᵀMA.
  const R = new Float64Array(S);
  let M00 = 0;
  const B = new Float64Array(K * K);
  const hazard = new Float64Array(K);
  const rowSum = new Float64Array(K);
  const colSum = new Float64Array(K);
  const e2 = new Float64Array(K);
  const probability = new Float64Array(D * S);
  const variance = new Float64Array(D * S);

  for (let m = 0; m < D; m++) {
    const Y = atRiskWeight[m];
    let d = 0;
    for (let k = 0; k < K; k++) d += weightEvents[m * K + k];
    let leaversSquare = squareCensored[m];
    if (d > 0) {
      const h = d / Y;
      const stay = 1 - h;
      for (let k = 0; k < K; k++) hazard[k] = weightEvents[m * K + k] / Y;
      const q = p[0] / Y;
      // B ← TᵀBT: (BT)_kl = B_kl − h_l Σ_n B_kn, then (Tᵀ·BT)_kl = (BT)_kl − h_k Σ_n (BT)_nl.
      for (let k = 0; k < K; k++) {
        let sum = 0;
        for (let l = 0; l < K; l++) sum += B[k * K + l];
        rowSum[k] = sum;
      }
      for (let k = 0; k < K; k++) for (let l = 0; l < K; l++) B[k * K + l] -= hazard[l] * rowSum[k];
      colSum.fill(0);
      for (let k = 0; k < K; k++) for (let l = 0; l < K; l++) colSum[l] += B[k * K + l];
      for (let k = 0; k < K; k++) {
        const hk = hazard[k];
        if (hk !== 0) for (let l = 0; l < K; l++) B[k * K + l] -= hk * colSum[l];
      }
      M00 *= stay * stay;
      // The common row of everyone at risk: R·A plus the risk-set term q·(h, −h₁, …, −h_K).
      let sumR = 0;
      for (let k = 1; k < S; k++) sumR += R[k];
      R[0] = R[0] * stay + q * h;
      for (let k = 1; k < S; k++) R[k] = R[k] - hazard[k - 1] * sumR - q * hazard[k - 1];
      // Those with an event of cause k leave with R + q(e_k − e₀); the censored with R.
      let E2 = 0;
      for (let k = 0; k < K; k++) {
        e2[k] = squareEvents[m * K + k];
        E2 += e2[k];
      }
      // Squares are kept as squares, (R₀ − q)² rather than R₀² − 2qR₀ + q², so that a
      // variance that is exactly 0 (everyone left has had an event) comes out as 0.
      const censoredSquare = leaversSquare;
      leaversSquare += E2;
      M00 += censoredSquare * R[0] * R[0] + E2 * (R[0] - q) * (R[0] - q);
      for (let k = 0; k < K; k++) {
        const rk = R[k + 1];
        for (let l = 0; l < K; l++) {
          if (l !== k) B[k * K + l] += leaversSquare * rk * R[l + 1] + q * (rk * e2[l] + e2[k] * R[l + 1]);
        }
        B[k * K + k] += (leaversSquare - e2[k]) * rk * rk + e2[k] * (rk + q) * (rk + q);
      }
      const p0 = p[0];
      p[0] = p0 * stay;
      for (let k = 1; k < S; k++) p[k] = p0 * hazard[k - 1] + p[k];
    } else if (leaversSquare > 0) {
      M00 += leaversSquare * R[0] * R[0];
      for (let k = 0; k < K; k++) for (let l = 0; l < K; l++) B[k * K + l] += leaversSquare * R[k + 1] * R[l + 1];
    }
    const remaining = squareAfter[m];
    probability[m * S] = p[0];
    variance[m * S] = M00 + remaining * R[0] * R[0];
    for (let k = 1; k < S; k++) {
      probability[m * S + k] = p[k];
      variance[m * S + k] = B[(k - 1) * K + k - 1] + remaining * R[k] * R[k];
    }
  }

  const timeList = Array.from(times);
  const nRisk = Array.from(atRiskCount);
  const nCensor = Array.from(censored);
  const se = (m: number, j: number) => Math.sqrt(Math.max(0, variance[m * S + j]));
  const curves: IncidenceCurve[] = [];
  for (let k = 1; k <= K; k++) {
    const curve: IncidenceCurve = {
      time: timeList.slice(),
      nRisk: nRisk.slice(),
      nEvent: new Array<number>(D),
      nCensor: nCensor.slice(),
      cumulativeIncidence: new Array<number>(D),
      se: new Array<number>(D),
      lower: new Array<number | null>(D),
      upper: new Array<number | null>(D),
    };
    for (let m = 0; m < D; m++) {
      const pk = probability[m * S + k];
      const sk = se(m, k);
      curve.nEvent[m] = events[m * K + k - 1];
      curve.cumulativeIncidence[m] = pk;
      curve.se[m] = sk;
      if (pk === 0) {
        curve.lower[m] = null;
        curve.upper[m] = null;
      } else {
        const spread = (z * sk) / pk;
        curve.lower[m] = Math.exp(Math.log(pk) - spread);
        curve.upper[m] = Math.min(1, Math.exp(Math.log(pk) + spread));
      }
    }
    curves.push(curve);
  }
  const survival = new Array<number>(D);
  const survivalSe = new Array<number>(D);
  for (let m = 0; m < D; m++) {
    survival[m] = probability[m * S];
    survivalSe[m] = se(m, 0);
  }
  return { n, causes: K, time: timeList, nRisk, nCensor, survival, survivalSe, curves };
}
