/** regression.md, "Weighted linear model with robust standard errors — R lm + sandwich". */
import { designTimes, type DesignMatrix } from './design-matrix.js';
import { weightedLeastSquares, type LeastSquares } from './least-squares.js';
import { qrResiduals, unscaledCovariance } from './pivoted-qr.js';

export interface LinearModelFit {
  terms: string[];
  /** Coefficients in term order; null for an aliased term (R's NA). */
  coefficients: (number | null)[];
  aliased: boolean[];
  rank: number;
  /** Rows with non-zero weight. */
  nUsed: number;
  dfResidual: number;
  /** Residuals y − x b for every row (zero-weight rows included, as R). */
  residuals: Float64Array;
  fitted: Float64Array;
  weights: Float64Array;
  /** Rows with non-zero weight, in order. */
  used: Int32Array;
  /** Column-major design of the used rows and kept columns (for the sandwich). */
  keptColumns: number[];
  /** (X'WX)⁻¹ over the kept columns, row-major, in term order. */
  covUnscaled: Float64Array;
  /** Residual standard error σ̂ = √(Σ w r² / df). */
  sigma: number;
  design: DesignMatrix;
  ls: LeastSquares;
}

/**
 * Weighted least squares as R `lm(y ~ ..., weights = w)` (lm.wfit): rows with weight 0
 * are left out of the fit (and of the df), the QR of √w·X with tolerance 1e-7 decides the
 * aliased columns, whose coefficients are null.
 */
export function weightedLinearModel(design: DesignMatrix, y: ArrayLike<number>, weights?: ArrayLike<number>): LinearModelFit {
  const { n, terms } = design;
  if (y.length !== n) throw new RangeError(`weightedLinearModel: y has ${y.length} values, the design ${n} rows`);
  const w = new Float64Array(n);
  const sw = new Float64Array(n);
  const used: number[] = [];
  for (let i = 0; i < n; i++) {
    const wi = weights ? weights[i] : 1;
    if (!(wi >= 0) || !Number.isFinite(wi)) throw new RangeError(`weightedLinearModel: weight ${i + 1} is ${wi}, not a finite number ≥ 0`);
    if (!Number.isFinite(y[i])) throw new RangeError(`weightedLinearModel: y ${i + 1} is ${y[i]}, not a finite number`);
    w[i] = wi;
    sw[i] = Math.sqrt(wi);
    if (wi > 0) used.push(i);
  }
  const rows = used.length === n ? null : Int32Array.from(used);
  const ls = weightedLeastSquares(design, y, sw, rows, 1e-7);
  const fitted = designTimes(design, ls.coefficients, new Float64Array(n));
  const residuals = new Float64Array(n);
  let rss = 0;
  // As lm.wfit: residuals of the used rows from the QR (Q times the tail of Q'y) over √w,
  // fitted = y − residual; zero-weight rows get y − x b.
  const rsd = qrResiduals(ls.qr, ls.qty);
  for (let i = 0; i < n; i++) residuals[i] = y[i] - fitted[i];
  used.forEach((r, i) => {
    residuals[r] = rsd[i] / sw[r];
    fitted[r] = y[r] - residuals[r];
    rss += w[r] * residuals[r] * residuals[r];
  });
  const k = ls.qr.rank;
  // Reorder (R'R)⁻¹ from pivoted to term order over the kept columns.
  const pivCov = unscaledCovariance(ls.qr);
  const keptColumns = terms.map((_, j) => j).filter((j) => !ls.aliased[j]);
  const position = new Map<number, number>();
  for (let j = 0; j < k; j++) position.set(ls.qr.pivot[j], j);
  const covUnscaled = new Float64Array(k * k);
  keptColumns.forEach((a, i) =>
    keptColumns.forEach((b, j) => {
      covUnscaled[i * k + j] = pivCov[(position.get(a) as number) * k + (position.get(b) as number)];
    }),
  );
  const dfResidual = used.length - k;
  return {
    terms: terms.slice(),
    coefficients: terms.map((_, j) => (ls.aliased[j] ? null : ls.coefficients[j])),
    aliased: ls.aliased,
    rank: k,
    nUsed: used.length,
    dfResidual,
    residuals,
    fitted,
    weights: w,
    used: Int32Array.from(used),
    keptColumns,
    covUnscaled,
    sigma: Math.sqrt(rss / dfResidual),
    design,
    ls,
  };
}
