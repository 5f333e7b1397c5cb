/**
 * regression.md, "Cox proportional hazards", proportional hazards check: R
 * `cox.zph(fit, transform = "km")` of survival 3.x, the score test of adding g(t)·x for each
 * term (and all together) to the fitted model, g the Kaplan–Meier transform of time.
 */
import { chiSquareUpperTail } from './chi-square-distribution.js';
import type { CoxFit } from './cox-fit.js';
import { coxOrder } from './cox-sorted.js';
import { solveLinearSystem } from './linear-solve.js';

export interface CoxZphTest {
  term: string;
  chiSquare: number;
  df: number;
  p: number;
}

export interface CoxZph {
  /** One row per term with a coefficient (aliased columns dropped, as cox.zph), in model order. */
  terms: CoxZphTest[];
  global: CoxZphTest;
}

/**
 * g(t) = 1 − S(t−), S the unweighted Kaplan–Meier of all rows (as cox.zph calls survfitKM
 * without the weights), centred by its mean over the events. With the fitted η held fixed,
 * the score for the 2p-vector (β, γ) of η + x·β + g(t)·x·γ is (0, U_γ),
 * U_γ = Σ_events w g(t)(x − x̄(t)), and the information is the 2p × 2p matrix of risk-set
 * sums (Breslow or Efron as the fit, survival's `zph1`). Each term's test is
 * uᵀ I⁻¹ u over β and that term's γ columns, df its number of columns; the global test uses
 * every γ, df the number of coefficients. Null when an information matrix is singular.
 */
export function coxZph(fit: CoxFit): CoxZph | null {
  const { time, event } = fit.data;
  const n = time.length;
  const keep = fit.coefficients.flatMap((c, j) => (c === null ? [] : [j]));
  const p = keep.length;
  if (p === 0) return null;
  const weights = fit.data.weights;
  const efron = fit.ties === 'efron';
  const order = coxOrder(time, event);

  // 1 − S(t−) for each row.
  const gAt = new Float64Array(n);
  let surv = 1;
  for (let k = 0; k < n; ) {
    const t = time[order[k]];
    const atRisk = n - k;
    let d = 0;
    let j = k;
    for (; j < n && time[order[j]] === t; j++) d += event[order[j]];
    for (let m = k; m < j; m++) gAt[order[m]] = 1 - surv;
    if (d > 0) surv *= (atRisk - d) / atRisk;
    k = j;
  }
  let gSum = 0;
  let nEvent = 0;
  for (let i = 0; i < n; i++) {
    if (event[i] === 1) {
      gSum += gAt[i];
      nEvent++;
    }
  }
  const gMean = gSum / nEvent;

  // Covariates re-centred by their unweighted means (zph1 does so for stability).
  const cols = keep.map((j) => {
    const src = fit.data.covariates.columns[j];
    let mean = 0;
    for (let i = 0; i < n; i++) mean += src[i];
    mean /= n;
    const c = new Float64Array(n);
    for (let k = 0; k < n; k++) c[k] = src[order[k]] - mean;
    return c;
  });
  const q = 2 * p;
  const u = new Float64Array(q);
  const imat = new Float64Array(q * q);
  const a = new Float64Array(p);
  const a2 = new Float64Array(p);
  const cmat = new Float64Array(p * p);
  const cmat2 = new Float64Array(p * p);
  let denom = 0;
  for (let ip = n - 1; ip >= 0; ) {
    const first = order[ip];
    const dtime = time[first];
    const timewt = gAt[first] - gMean;
    let ndead = 0;
    let deadwt = 0;
    let denom2 = 0;
    for (; ip >= 0 && time[order[ip]] === dtime; ip--) {
      const person = order[ip];
      const w = weights ? weights[person] : 1;
      const risk = Math.exp(fit.linearPredictors[person]) * w;
      if (event[person] === 0) {
        denom += risk;
        for (let i = 0; i < p; i++) {
          const xi = cols[i][ip];
          a[i] += risk * xi;
          for (let j = 0; j <= i; j++) cmat[i * p + j] += risk * xi * cols[j][ip];
        }
      } else {
        ndead++;
        deadwt += w;
        denom2 += risk;
        for (let i = 0; i < p; i++) {
          const xi = cols[i][ip];
          u[i] += w * xi;
          u[i + p] += timewt * w * xi;
          a2[i] += risk * xi;
          for (let j = 0; j <= i; j++) cmat2[i * p + j] += risk * xi * cols[j][ip];
        }
      }
    }
    if (ndead === 0) continue;
    const steps = efron ? ndead : 1;
    const wtave = deadwt / steps;
    for (let k = 0; k < steps; k++) {
      denom += denom2 / steps;
      for (let i = 0; i < p; i++) {
        a[i] += a2[i] / steps;
        const mean = a[i] / denom;
        u[i] -= wtave * mean;
        u[i + p] -= timewt * wtave * mean;
        for (let j = 0; j <= i; j++) {
          cmat[i * p + j] += cmat2[i * p + j] / steps;
          const temp = (wtave * (cmat[i * p + j] - mean * a[j])) / denom;
          imat[j * q + i] += temp;
          imat[j * q + i + p] += temp * timewt;
          imat[(j + p) * q + i + p] += temp * timewt * timewt;
        }
      }
    }
    a2.fill(0);
    cmat2.fill(0);
  }
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < i; j++) {
      imat[i * q + j] = imat[j * q + i];
      imat[i * q + j + p] = imat[j * q + i + p];
      imat[(i + p) * q + j + p] = imat[(j + p) * q + i + p];
    }
  }
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) imat[(i + p) * q + j] = imat[j * q + i + p];

  // Terms by their surviving columns (positions among the kept coefficients).
  const position = new Map(keep.map((j, k) => [j, k]));
  const groups = fit.data.termGroups
    .map((g) => ({ name: g.name, cols: g.columns.flatMap((c) => (position.has(c) ? [position.get(c)!] : [])) }))
    .filter((g) => g.cols.length > 0);

  const scoreTest = (gammaCols: number[], term: string): CoxZphTest | null => {
    const idx = [...Array.from({ length: p }, (_, i) => i), ...gammaCols.map((c) => c + p)];
    const matrix = idx.map((r) => idx.map((c) => imat[r * q + c]));
    const rhs = idx.map((r, k) => (k < p ? 0 : u[r]));
    const solution = solveLinearSystem(matrix, rhs);
    if (solution === null) return null;
    let chiSquare = 0;
    for (let k = 0; k < rhs.length; k++) chiSquare += solution[k] * rhs[k];
    const df = gammaCols.length;
    return { term, chiSquare, df, p: chiSquareUpperTail(chiSquare, df) };
  };
  const terms: CoxZphTest[] = [];
  for (const g of groups) {
    const t = scoreTest(g.cols, g.name);
    if (t === null) return null;
    terms.push(t);
  }
  const global = scoreTest(
    Array.from({ length: p }, (_, i) => i),
    'GLOBAL',
  );
  if (global === null) return null;
  return { terms, global };
}
