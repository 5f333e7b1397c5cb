/** regression.md, "Logistic regression — R glm(y ~ ..., family = binomial, weights = w)". */
import { designTimes, type ModelDesign } from './design-matrix.js';
import { weightedLeastSquares } from './least-squares.js';
import { logGamma } from './log-gamma.js';
import { normalCdf, Z95 } from './normal.js';
import { unscaledCovariance } from './pivoted-qr.js';

/** One coefficient (json-output.md "Term"); every field null when the term is aliased. */
export interface Term {
  term: string;
  estimate: number | null;
  se: number | null;
  z: number | null;
  p: number | null;
  ci: [number, number] | null;
}

export interface LogisticFit {
  terms: Term[];
  deviance: number;
  nullDeviance: number;
  aic: number;
  dfResidual: number;
  dfNull: number;
  rank: number;
  iterations: number;
  converged: boolean;
  fitted: Float64Array;
  linearPredictor: Float64Array;
  /** glm's warnings, as R words them. */
  warnings: string[];
}

const EPS = 2.220446049250313e-16;
const THRESH = 30;
const INVEPS = 1 / EPS;

/** R's logit_linkinv: exp(η)/(1 + exp(η)) with η clamped at ±30. */
function linkinv(eta: number): number {
  const t = eta < -THRESH ? EPS : eta > THRESH ? INVEPS : Math.exp(eta);
  return t / (1 + t);
}

/** R's logit_mu_eta. */
function muEta(eta: number): number {
  if (eta > THRESH || eta < -THRESH) return EPS;
  const e = Math.exp(eta);
  return e / ((1 + e) * (1 + e));
}

function yLogY(y: number, mu: number): number {
  return y !== 0 ? y * Math.log(y / mu) : 0;
}

/** Σ 2w(y log(y/μ) + (1 − y) log((1 − y)/(1 − μ))); μ one number for the null model. */
function deviance(y: ArrayLike<number>, mu: ArrayLike<number> | number, w: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const m = typeof mu === 'number' ? mu : mu[i];
    s += 2 * w[i] * (yLogY(y[i], m) + yLogY(1 - y[i], 1 - m));
  }
  return s;
}

/** R's round(): to the nearest integer, halves to even (IEC 60559). */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** log dbinom(k, m, p) for whole k ≤ m. */
function logDbinom(k: number, m: number, p: number): number {
  if (m === 0) return 0;
  if (m === 1) return k === 1 ? Math.log(p) : Math.log1p(-p); // the usual 0/1 outcome, weight 1
  const choose = logGamma(m + 1) - logGamma(k + 1) - logGamma(m - k + 1);
  return choose + (k > 0 ? k * Math.log(p) : 0) + (m - k > 0 ? (m - k) * Math.log1p(-p) : 0);
}

export interface LogisticOptions {
  /** Prior weights (default all 1); zero weights leave a row out of the fit and the df. */
  weights?: ArrayLike<number>;
  /** glm.control(epsilon); default 1e-8. */
  epsilon?: number;
  /** glm.control(maxit); default 25. */
  maxIterations?: number;
}

/**
 * Logistic regression by iteratively reweighted least squares, as R `glm(y ~ ...,
 * family = binomial, weights = w)` (glm.fit): start μ = (w·y + 0.5)/(w + 1); each step
 * solves the weighted least squares of the working response by pivoted QR with tolerance
 * min(1e-7, ε/1000); stop when |dev − dev_old|/(|dev| + 0.1) < ε (1e-8), at most 25 steps.
 * Standard errors are from the QR of the last step ((R'R)⁻¹, dispersion 1), z = b/SE,
 * p = 2Φ(−|z|), Wald intervals b ± z₀.₉₇₅·SE. AIC = −2 Σ log dbinom(round(w·y), round(w), μ)
 * + 2·rank. Warnings are returned, never thrown. y must be in [0, 1] (0/1 outcomes).
 */
export function logisticRegression(design: ModelDesign, y: ArrayLike<number>, options: LogisticOptions = {}): LogisticFit {
  const { n, terms } = design;
  const p = terms.length;
  if (y.length !== n) throw new RangeError(`logisticRegression: y has ${y.length} values, the design ${n} rows`);
  // Without weights every weight is 1, held in a byte (at 10M people, 70 MB less).
  const w = options.weights ? new Float64Array(n) : new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const wi = options.weights ? options.weights[i] : 1;
    if (!(wi >= 0) || !Number.isFinite(wi)) throw new RangeError(`logisticRegression: weight ${i + 1} is ${wi}, not a finite number ≥ 0`);
    if (!(y[i] >= 0 && y[i] <= 1)) throw new RangeError(`logisticRegression: y ${i + 1} is ${y[i]}, not in [0, 1]`);
    w[i] = wi;
  }
  // binomial()$initialize sets y to 0 where the weight is 0; without weights y is taken as it is (at 10M people, 80 MB less).
  const yy = options.weights ? Float64Array.from(y, (v, i) => (w[i] === 0 ? 0 : v)) : y;
  const epsilon = options.epsilon ?? 1e-8;
  const maxit = options.maxIterations ?? 25;
  const tol = Math.min(1e-7, epsilon / 1000);
  const warnings: string[] = [];
  let nonInteger = false;
  for (let i = 0; i < n; i++) {
    const m = w[i] * yy[i];
    if (Math.abs(m - roundHalfEven(m)) > 1e-3) nonInteger = true;
  }
  if (nonInteger) warnings.push('non-integer #successes in a binomial glm!');
  let nOk = 0;
  for (let i = 0; i < n; i++) if (w[i] > 0) nOk++;
  const rows = nOk === n ? null : new Int32Array(nOk);
  if (rows) for (let i = 0, k = 0; i < n; i++) if (w[i] > 0) rows[k++] = i;

  // η and μ are updated in place: at 10M people each step would otherwise leave two vectors of 80 MB behind.
  const eta = new Float64Array(n);
  const mu = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const m0 = (w[i] * yy[i] + 0.5) / (w[i] + 1);
    eta[i] = Math.log(m0 / (1 - m0));
    mu[i] = linkinv(eta[i]);
  }
  let devold = deviance(yy, mu, w);
  let dev = devold;
  let converged = false;
  let iterations = 0;
  let fit = null as ReturnType<typeof weightedLeastSquares> | null;
  const sw = new Float64Array(n);
  const work = new Float64Array(nOk * p);
  const yWork = new Float64Array(nOk);
  // With every row fitted, the working response is made in the buffer the step weights it in, element by element in place (one vector of n less).
  const z = rows === null ? yWork : new Float64Array(n);
  for (let iter = 1; iter <= maxit; iter++) {
    iterations = iter;
    for (let i = 0; i < n; i++) {
      const d = muEta(eta[i]);
      z[i] = eta[i] + (yy[i] - mu[i]) / d;
      sw[i] = Math.sqrt((w[i] * d * d) / (mu[i] * (1 - mu[i])));
    }
    fit = weightedLeastSquares(design, z, sw, rows, tol, work, yWork);
    designTimes(design, fit.coefficients, eta);
    for (let i = 0; i < n; i++) mu[i] = linkinv(eta[i]);
    dev = deviance(yy, mu, w);
    if (Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < epsilon) {
      converged = true;
      break;
    }
    devold = dev;
  }
  if (!fit) throw new RangeError('logisticRegression: maxIterations must be at least 1');
  if (!converged) warnings.push('glm.fit: algorithm did not converge');
  const eps10 = 10 * EPS;
  if (mu.some((m) => m > 1 - eps10 || m < eps10)) warnings.push('glm.fit: fitted probabilities numerically 0 or 1 occurred');

  const cov = unscaledCovariance(fit.qr);
  const k = fit.qr.rank;
  const result: Term[] = terms.map((term) => ({ term, estimate: null, se: null, z: null, p: null, ci: null }));
  for (let j = 0; j < k; j++) {
    const col = fit.qr.pivot[j];
    const b = fit.coefficients[col];
    const se = Math.sqrt(cov[j * k + j]);
    const zz = b / se;
    result[col] = { term: terms[col], estimate: b, se, z: zz, p: 2 * normalCdf(-Math.abs(zz)), ci: [b - Z95 * se, b + Z95 * se] };
  }
  let sw1 = 0;
  let swy = 0;
  for (let i = 0; i < n; i++) {
    sw1 += w[i];
    swy += w[i] * yy[i];
  }
  const hasIntercept = terms[0] === '(Intercept)';
  const wtdmu = hasIntercept ? swy / sw1 : 0.5;
  const nullDeviance = deviance(yy, wtdmu, w);
  let aic = 0;
  for (let i = 0; i < n; i++) {
    if (w[i] > 0) aic += logDbinom(roundHalfEven(w[i] * yy[i]), roundHalfEven(w[i]), mu[i]);
  }
  return {
    terms: result,
    deviance: dev,
    nullDeviance,
    aic: -2 * aic + 2 * k,
    dfResidual: nOk - k,
    dfNull: nOk - (hasIntercept ? 1 : 0),
    rank: k,
    iterations,
    converged,
    fitted: mu,
    linearPredictor: eta,
    warnings,
  };
}
