/** regression.md: the weighted least-squares step shared by lm and glm's IRLS (R `Cdqrls`). */
import { weightedRows, type ModelDesign } from './design-matrix.js';
import { applyQt, pivotedQR, solveTriangular, type PivotedQR } from './pivoted-qr.js';

export interface LeastSquares {
  qr: PivotedQR;
  /** Coefficients in the original column order; aliased columns get 0 (as Cdqrls; lm then reports NA). */
  coefficients: Float64Array;
  aliased: boolean[];
  /** Q'(√w z) over the fitted rows. */
  qty: Float64Array;
}

/**
 * Minimises Σ (z_i − x_i b)² w_i over the rows `rows` (all rows when null) of the model
 * matrix, through the pivoted QR of √w·x (R `Cdqrls(x * sqrt(w), z * sqrt(w), tol)`), never
 * the normal equations. With every row fitted (`rows` null), z may be `yWork` itself: each
 * element is weighted in place.
 */
export function weightedLeastSquares(
  design: ModelDesign,
  z: ArrayLike<number>,
  sqrtW: ArrayLike<number>,
  rows: Int32Array | null,
  tol: number,
  work?: Float64Array,
  yWork?: Float64Array,
): LeastSquares {
  const n = design.n;
  const p = design.terms.length;
  const m = rows ? rows.length : n;
  // The weighted copy is factorized in place; IRLS passes one pair of buffers for every step.
  const a = work && work.length === m * p ? work : new Float64Array(m * p);
  const y = yWork && yWork.length === m ? yWork : new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const r = rows ? rows[i] : i;
    y[i] = z[r] * sqrtW[r];
  }
  weightedRows(design, sqrtW, rows, a);
  const qr = pivotedQR(a, m, p, tol);
  const qty = applyQt(qr, y);
  const b = solveTriangular(qr, qty);
  const coefficients = new Float64Array(p);
  const aliased = new Array<boolean>(p).fill(true);
  for (let j = 0; j < qr.rank; j++) {
    coefficients[qr.pivot[j]] = b[j];
    aliased[qr.pivot[j]] = false;
  }
  return { qr, coefficients, aliased, qty };
}
