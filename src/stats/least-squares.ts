/** regression.md: the weighted least-squares step shared by lm and glm's IRLS (R `Cdqrls`). */
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
 * Minimises Σ (z_i − x_i b)² w_i over the rows `rows` (all rows when null) of the
 * column-major n × p matrix x, through the pivoted QR of √w·x (R `Cdqrls(x * sqrt(w), z *
 * sqrt(w), tol)`), never the normal equations.
 */
export function weightedLeastSquares(
  x: Float64Array,
  n: number,
  p: number,
  z: ArrayLike<number>,
  sqrtW: ArrayLike<number>,
  rows: Int32Array | null,
  tol: number,
  work?: Float64Array,
  yWork?: Float64Array,
): LeastSquares {
  const m = rows ? rows.length : n;
  // The weighted copy is factorized in place; IRLS passes one pair of buffers for every step.
  const a = work && work.length === m * p ? work : new Float64Array(m * p);
  const y = yWork && yWork.length === m ? yWork : new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const r = rows ? rows[i] : i;
    y[i] = z[r] * sqrtW[r];
  }
  for (let j = 0; j < p; j++) {
    const src = j * n;
    const dst = j * m;
    if (rows) for (let i = 0; i < m; i++) a[dst + i] = x[src + rows[i]] * sqrtW[rows[i]];
    else for (let i = 0; i < m; i++) a[dst + i] = x[src + i] * sqrtW[i];
  }
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

/** x b for column-major x (into `out`, when given). */
export function linearPredictor(x: Float64Array, n: number, p: number, b: ArrayLike<number>, out?: Float64Array): Float64Array {
  const eta = out ?? new Float64Array(n);
  eta.fill(0);
  for (let j = 0; j < p; j++) {
    const bj = b[j];
    if (bj === 0) continue;
    const c = j * n;
    for (let i = 0; i < n; i++) eta[i] += x[c + i] * bj;
  }
  return eta;
}
