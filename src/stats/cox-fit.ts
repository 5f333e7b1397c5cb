/**
 * regression.md, "Cox proportional hazards — R survival::coxph" (json-output.md, Term): the
 * Cox model fitted by Newton–Raphson exactly as `coxph` with `coxph.control()` defaults,
 * its model-based and robust (cluster) variances, and the likelihood-ratio, Wald and score
 * tests. The covariates arrive as a numeric matrix (the design matrix is built elsewhere).
 */
import { chiSquareUpperTail } from './chi-square-distribution.js';
import { choleskyDecompose, choleskyInverse, choleskyQuadraticForm, choleskySolve } from './cox-cholesky.js';
import { coxDerivatives, coxLogLikelihood, sparseRows } from './cox-partial-likelihood.js';
import type { CoxSortedData } from './cox-partial-likelihood.js';
import { coxScoreResiduals } from './cox-score-residuals.js';
import { coxOrder, permute } from './cox-sorted.js';
import { Z95 } from './normal.js';
import { checkSurvivalInput } from './survival-input.js';

/** An already-numeric covariate matrix: p columns of n values, with their names. */
export interface CoxCovariates {
  names: readonly string[];
  columns: readonly ArrayLike<number>[];
}

/** A model term made of one or more columns (a categorical covariate's levels), for `cox.zph`. */
export interface CoxTermGroup {
  name: string;
  /** Indices into the covariate columns. */
  columns: number[];
}

export interface CoxOptions {
  /** coxph's `ties`; default "efron". */
  ties?: 'efron' | 'breslow';
  /** Case weights, each > 0 (coxph refuses weights ≤ 0). */
  weights?: ArrayLike<number>;
  /** Cluster labels: the robust variance sums the dfbeta residuals within each cluster. */
  cluster?: ArrayLike<string | number>;
  /** coxph's default: true when a cluster is given or a weight is not an integer. */
  robust?: boolean;
  /** Column groups as terms for `coxZph`; default one term per column. */
  terms?: CoxTermGroup[];
  /** coxph.control(): eps 1e-9, iter.max 20, toler.chol = .Machine$double.eps^0.75. */
  eps?: number;
  iterMax?: number;
  tolerChol?: number;
}

/** A Cox coefficient (json-output.md Term, Cox form): every field null when aliased. */
export interface CoxTerm {
  term: string;
  estimate: number | null;
  hazardRatio: number | null;
  /** The standard error used for z, p and ci: the robust one when the fit is robust. */
  se: number | null;
  seModel: number | null;
  seRobust: number | null;
  z: number | null;
  p: number | null;
  /** exp(estimate ∓ z₀.₉₇₅·se): the hazard ratio's 95% interval. */
  ci: [number, number] | null;
}

export interface CoxTest {
  statistic: number;
  df: number;
  p: number;
}

export interface CoxFit {
  ties: 'efron' | 'breslow';
  n: number;
  nEvent: number;
  terms: CoxTerm[];
  /** Coefficients in column order, null where aliased. */
  coefficients: (number | null)[];
  /** The variance used (robust when robust), p × p row-major; aliased rows and columns 0. */
  variance: number[][];
  /** The model-based variance (inverse information); equals `variance` when not robust. */
  naiveVariance: number[][];
  robust: boolean;
  /** Log partial likelihood at β = 0 and at the estimate. */
  logLik: { null: number; final: number };
  likelihoodRatio: CoxTest;
  /** Wald test of β = 0 with the variance used (robust when robust), as coxph. */
  wald: CoxTest;
  /** Score (log-rank) test at β = 0 with the model information. */
  score: CoxTest;
  /** The robust score test (summary.coxph "Robust"), when robust. */
  robustScore: CoxTest | null;
  iterations: number;
  converged: boolean;
  warnings: string[];
  /** Linear predictors x·β − Σ β·means per row, input order, as coxph's. */
  linearPredictors: Float64Array;
  /** The column means coxph centred by (0 for columns of −1/0/1 only, which it leaves). */
  means: number[];
  /** What `coxConcordance` and `coxZph` need; input order. */
  data: CoxFitData;
}

export interface CoxFitData {
  time: ArrayLike<number>;
  event: ArrayLike<number>;
  weights: Float64Array | null;
  /** The clusters the robust variance used, if any. */
  cluster: ArrayLike<string | number> | null;
  covariates: CoxCovariates;
  termGroups: CoxTermGroup[];
}

const DOUBLE_EPS = 2.220446049250313e-16;

function checkInput(time: ArrayLike<number>, event: ArrayLike<number>, x: CoxCovariates, options: CoxOptions): void {
  checkSurvivalInput(time, event);
  const n = time.length;
  if (x.names.length !== x.columns.length) {
    throw new RangeError(`coxph: ${x.columns.length} covariate columns but ${x.names.length} names`);
  }
  if (x.columns.length === 0) throw new RangeError('coxph: no covariates (a null model has no coefficients)');
  x.columns.forEach((col, j) => {
    if (col.length !== n) throw new RangeError(`coxph: covariate ${x.names[j]} has ${col.length} values for ${n} rows`);
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(col[i])) throw new RangeError(`coxph: covariate ${x.names[j]} at row ${i} must be a finite number, got ${col[i]}`);
    }
  });
  if (options.weights !== undefined) {
    const w = options.weights;
    if (w.length !== n) throw new RangeError(`coxph: ${w.length} weights for ${n} rows`);
    for (let i = 0; i < n; i++) {
      if (!(Number.isFinite(w[i]) && w[i] > 0)) throw new RangeError(`coxph: weight at row ${i} must be a finite number > 0, got ${w[i]}`);
    }
  }
  if (options.cluster !== undefined && options.cluster.length !== n) {
    throw new RangeError(`coxph: ${options.cluster.length} cluster labels for ${n} rows`);
  }
  if (n === 0) throw new RangeError('coxph: no rows');
}

const toMatrix = (m: Float64Array, p: number): number[][] => Array.from({ length: p }, (_, i) => Array.from(m.subarray(i * p, i * p + p)));

const test = (statistic: number, df: number): CoxTest => ({
  statistic,
  df,
  p: df > 0 ? chiSquareUpperTail(statistic, df) : 1,
});

/**
 * R `coxph(Surv(time, event) ~ x₁ + … + x_p, ties, weights, cluster, robust)`.
 *
 * The log partial likelihood (cox-partial-likelihood.ts) is maximized by Newton–Raphson
 * from β = 0 as survival's coxfit6: covariates centred by their weighted means and scaled
 * by the weighted mean absolute deviation (columns of only −1, 0, 1 are left as they are:
 * coxph's `nocenter`); the information factored by survival's generalized Cholesky, a pivot
 * below toler.chol × the largest diagonal marking the column aliased (coefficient NA);
 * stopping when |1 − ℓ_old/ℓ_new| ≤ eps; a step that lowers ℓ or overflows is pulled back
 * toward the last good β by (β_new + h·β)/(h + 1), h = 1, 2, … (coxph's step-halving).
 * Warnings as coxph: "Ran out of iterations and did not converge", "one or more
 * coefficients may be infinite", "Loglik converged before variable …; coefficient may be
 * infinite." They are returned, never thrown.
 *
 * Robust variance: D'D with D = w·(score residuals)·V, rows summed within clusters (each row
 * its own cluster without one), R `residuals(fit, "dfbeta", collapse = cluster, weighted = TRUE)`.
 */
export function coxph(time: ArrayLike<number>, event: ArrayLike<number>, x: CoxCovariates, options: CoxOptions = {}): CoxFit {
  checkInput(time, event, x, options);
  const ties = options.ties ?? 'efron';
  const efron = ties === 'efron';
  const eps = options.eps ?? 1e-9;
  const iterMax = options.iterMax ?? 20;
  const tolerChol = options.tolerChol ?? DOUBLE_EPS ** 0.75;
  const tolerInf = Math.sqrt(eps);
  const n = time.length;
  const p = x.columns.length;
  const warnings: string[] = [];

  const hasWeights = options.weights !== undefined;
  const inputWeights = hasWeights ? Float64Array.from(options.weights!) : null;
  const robust = options.robust ?? (options.cluster !== undefined || inputWeights?.some((w) => w !== Math.floor(w)) === true);
  let cluster = options.cluster;
  if (cluster !== undefined && !robust) {
    warnings.push('cluster specified with robust=FALSE, cluster ignored');
    cluster = undefined;
  }

  const order = coxOrder(time, event);
  const sortedTime = permute(time, order);
  const sortedEvent = Uint8Array.from(order, (i) => event[i]);
  const weight = inputWeights ? permute(inputWeights, order) : new Float64Array(n).fill(1);

  // Centre and scale as coxfit6 does (the iterations and the aliasing test depend on it).
  let sumW = 0;
  for (let i = 0; i < n; i++) sumW += weight[i];
  const means = new Array<number>(p).fill(0);
  const scale = new Float64Array(p).fill(1);
  // Column j in Cox order, centred and scaled; made twice (to count each row's non-zeros, then
  // to place them) so that only one dense column is held at a time, not p of them.
  const centred = (j: number): Float64Array => {
    const col = permute(x.columns[j], order);
    let zeroOne = true;
    for (let i = 0; i < n && zeroOne; i++) if (col[i] !== 0 && col[i] !== 1 && col[i] !== -1) zeroOne = false;
    if (!zeroOne) {
      let m = 0;
      for (let i = 0; i < n; i++) m += weight[i] * col[i];
      m /= sumW;
      means[j] = m;
      let absDev = 0;
      for (let i = 0; i < n; i++) {
        col[i] -= m;
        absDev += weight[i] * Math.abs(col[i]);
      }
      const s = absDev > 0 ? sumW / absDev : 1;
      scale[j] = s;
      for (let i = 0; i < n; i++) col[i] *= s;
    }
    return col;
  };
  const data: CoxSortedData = { n, p, time: sortedTime, event: sortedEvent, weight, ...sparseRows(centred, p, n) };

  // Newton–Raphson as coxfit6.
  const beta = new Float64Array(p);
  const newbeta = new Float64Array(p);
  const d = coxDerivatives(p);
  const loglik0 = coxLogLikelihood(data, beta, efron, d);
  let loglikBest = loglik0;
  const step = d.u.slice();
  let flag = choleskyDecompose(d.imat, p, tolerChol);
  choleskySolve(d.imat, p, step);
  let scoreTest = 0;
  for (let i = 0; i < p; i++) scoreTest += d.u[i] * step[i];

  let iterations = 0;
  let converged = false;
  let halving = 0;
  let finalLoglik = loglik0;
  const u = new Float64Array(p);
  const imat = new Float64Array(p * p);
  if (iterMax === 0 || !Number.isFinite(loglik0)) {
    choleskyInverse(d.imat, p);
    u.set(d.u);
    imat.set(d.imat);
    converged = true;
  } else {
    for (let i = 0; i < p; i++) newbeta[i] = beta[i] + step[i];
    for (iterations = 1; iterations <= iterMax; iterations++) {
      const newlk = coxLogLikelihood(data, newbeta, efron, d);
      flag = choleskyDecompose(d.imat, p, tolerChol);
      let finite = Number.isFinite(newlk);
      for (let i = 0; i < p && finite; i++) if (!Number.isFinite(d.u[i])) finite = false;
      for (let i = 0; i < p * p && finite; i++) if (!Number.isFinite(d.imat[i])) finite = false;
      if (finite && Math.abs(1 - loglikBest / newlk) <= eps) {
        finalLoglik = newlk;
        choleskyInverse(d.imat, p);
        beta.set(newbeta);
        u.set(d.u);
        imat.set(d.imat);
        if (halving) flag = -2;
        converged = true;
        break;
      }
      if (!finite || newlk < loglikBest) {
        halving++;
        for (let i = 0; i < p; i++) newbeta[i] = (newbeta[i] + halving * beta[i]) / (halving + 1);
      } else {
        halving = 0;
        loglikBest = newlk;
        const s = d.u.slice();
        choleskySolve(d.imat, p, s);
        for (let i = 0; i < p; i++) {
          beta[i] = newbeta[i];
          newbeta[i] = newbeta[i] + s[i];
        }
      }
    }
    if (!converged) {
      // With more than one iteration allowed, coxfit6 recomputes the last good β and inverts
      // that information without factoring it first, which leaves the reciprocal diagonal: the
      // variance R reports in this case. With one, it inverts the last factored information.
      iterations = iterMax + 1; // coxfit6's loop counter as it leaves the loop, which R reports
      if (iterMax > 1) {
        finalLoglik = coxLogLikelihood(data, beta, efron, d);
        u.set(d.u);
        imat.fill(0);
        for (let i = 0; i < p; i++) if (d.imat[i * p + i] > 0) imat[i * p + i] = 1 / d.imat[i * p + i];
      } else {
        finalLoglik = loglikBest;
        choleskyInverse(d.imat, p);
        u.set(d.u);
        imat.set(d.imat);
      }
      flag = 1000;
    }
  }

  // Back to the original scale (coxfit6 divides u by the scale too; kept for its warning test).
  const coef = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    coef[i] = beta[i] * scale[i];
    u[i] /= scale[i];
    for (let j = 0; j < p; j++) imat[i * p + j] *= scale[i] * scale[j];
  }
  const aliased = new Array<boolean>(p).fill(false);
  if (flag < p) for (let i = 0; i < p; i++) aliased[i] = imat[i * p + i] === 0;

  const lp = new Float64Array(n);
  let shift = 0;
  for (let j = 0; j < p; j++) shift += coef[j] * means[j];
  for (let j = 0; j < p; j++) {
    const col = x.columns[j];
    const c = coef[j];
    for (let i = 0; i < n; i++) lp[i] += col[i] * c;
  }
  for (let i = 0; i < n; i++) lp[i] -= shift;

  if (iterMax > 1) {
    const infs = new Float64Array(p);
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let i = 0; i < p; i++) s += u[i] * imat[i * p + j];
      infs[j] = Math.abs(s);
    }
    if (flag === 1000) {
      warnings.push('Ran out of iterations and did not converge');
      let maxLp = -Infinity;
      for (let i = 0; i < n; i++) if (lp[i] > maxLp) maxLp = lp[i];
      if (maxLp > 500 || infs.some((v) => !Number.isFinite(v))) warnings.push('one or more coefficients may be infinite');
    } else {
      const which: number[] = [];
      for (let j = 0; j < p; j++) {
        if (!Number.isFinite(u[j]) || (infs[j] > eps && infs[j] > tolerInf * Math.abs(coef[j]))) which.push(j + 1);
      }
      if (which.length > 0) warnings.push(`Loglik converged before variable  ${which.join(',')} ; coefficient may be infinite. `);
    }
  }

  const naive = imat.slice();
  let variance: Float64Array = naive;
  let robustScore: CoxTest | null = null;
  const nUsed = aliased.filter((a) => !a).length;
  if (robust && nUsed > 0) {
    const clusterIndex = clusterCodes(cluster, order, n);
    const xSorted = x.columns.map((col) => permute(col, order));
    const score = new Float64Array(n);
    for (let i = 0; i < n; i++) score[i] = Math.exp(lp[order[i]]);
    const resid = coxScoreResiduals(sortedTime, sortedEvent, xSorted, score, weight, efron);
    const dfbeta = collapse(resid, weight, clusterIndex, naive, p);
    variance = crossProduct(dfbeta, p);
    const resid0 = coxScoreResiduals(sortedTime, sortedEvent, xSorted, new Float64Array(n).fill(1), weight, efron);
    const score0 = collapse(resid0, weight, clusterIndex, null, p);
    const u0 = new Float64Array(p);
    for (let j = 0; j < p; j++) for (const v of score0[j]) u0[j] += v;
    robustScore = test(choleskyQuadraticForm(crossProduct(score0, p), p, u0, tolerChol).test, nUsed);
  }

  const terms: CoxTerm[] = x.names.map((name, j) => {
    if (aliased[j]) return { term: name, estimate: null, hazardRatio: null, se: null, seModel: null, seRobust: null, z: null, p: null, ci: null };
    const estimate = coef[j];
    const seModel = Math.sqrt(naive[j * p + j]);
    const se = Math.sqrt(variance[j * p + j]);
    const z = estimate / se;
    return {
      term: name,
      estimate,
      hazardRatio: Math.exp(estimate),
      se,
      seModel,
      seRobust: robust ? se : null,
      z,
      p: chiSquareUpperTail(z * z, 1),
      ci: [Math.exp(estimate - Z95 * se), Math.exp(estimate + Z95 * se)],
    };
  });

  const used = aliased.flatMap((a, j) => (a ? [] : [j]));
  const vUsed = new Float64Array(nUsed * nUsed);
  used.forEach((a, r) => used.forEach((b, c) => (vUsed[r * nUsed + c] = variance[a * p + b])));
  const wald =
    nUsed > 0
      ? choleskyQuadraticForm(
          vUsed,
          nUsed,
          used.map((j) => coef[j]),
          tolerChol,
        ).test
      : 0;
  let nEvent = 0;
  for (let i = 0; i < n; i++) nEvent += event[i];

  return {
    ties,
    n,
    nEvent,
    terms,
    coefficients: Array.from(coef, (c, j) => (aliased[j] ? null : c)),
    variance: toMatrix(variance, p),
    naiveVariance: toMatrix(naive, p),
    robust,
    logLik: { null: loglik0, final: finalLoglik },
    likelihoodRatio: test(2 * (finalLoglik - loglik0), nUsed),
    wald: test(wald, nUsed),
    score: test(scoreTest, nUsed),
    robustScore,
    iterations,
    converged,
    warnings,
    linearPredictors: lp,
    means,
    data: {
      time,
      event,
      weights: inputWeights,
      cluster: cluster ?? null,
      covariates: x,
      termGroups: options.terms ?? x.names.map((name, j) => ({ name, columns: [j] })),
    },
  };
}

/** Cluster number of each sorted row: one per row without clusters. */
function clusterCodes(cluster: ArrayLike<string | number> | undefined, order: Uint32Array, n: number): { code: Uint32Array; count: number } {
  const code = new Uint32Array(n);
  if (cluster === undefined) {
    for (let i = 0; i < n; i++) code[i] = i;
    return { code, count: n };
  }
  const seen = new Map<string | number, number>();
  for (let i = 0; i < n; i++) {
    const label = cluster[order[i]];
    let c = seen.get(label);
    if (c === undefined) {
      c = seen.size;
      seen.set(label, c);
    }
    code[i] = c;
  }
  return { code, count: seen.size };
}

/** Σ within clusters of w_i·r_i (·V when given): p columns, one entry per cluster. */
function collapse(
  resid: Float64Array[],
  weight: Float64Array,
  clusters: { code: Uint32Array; count: number },
  v: Float64Array | null,
  p: number,
): Float64Array[] {
  const out = Array.from({ length: p }, () => new Float64Array(clusters.count));
  const n = weight.length;
  const row = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const c = clusters.code[i];
    for (let j = 0; j < p; j++) {
      let s = 0;
      if (v === null) s = resid[j][i];
      else for (let k = 0; k < p; k++) s += resid[k][i] * v[k * p + j];
      row[j] = s * weight[i];
    }
    for (let j = 0; j < p; j++) out[j][c] += row[j];
  }
  return out;
}

/** DᵀD for D given as p columns. */
function crossProduct(columns: Float64Array[], p: number): Float64Array {
  const m = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    for (let b = a; b < p; b++) {
      const ca = columns[a];
      const cb = columns[b];
      let s = 0;
      for (let i = 0; i < ca.length; i++) s += ca[i] * cb[i];
      m[a * p + b] = s;
      m[b * p + a] = s;
    }
  }
  return m;
}
