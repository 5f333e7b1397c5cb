/**
 * regression.md, "Design matrix": the pivoted Householder QR R uses to fit linear and
 * generalized linear models and to decide which columns are aliased.
 */

/** A QR factorization in LINPACK's compact form (column-major, n rows, p columns). */
export interface PivotedQR {
  n: number;
  p: number;
  /** R above the diagonal, the Householder vectors below it (column-major, n × p, pivoted order). */
  qr: Float64Array;
  qraux: Float64Array;
  /** pivot[j] = the original (0-based) column now in position j. */
  pivot: Int32Array;
  /** Number of columns kept: the first `rank` of `pivot`; the rest are aliased. */
  rank: number;
}

/**
 * Householder QR with R's limited column pivoting (LINPACK `dqrdc2`, as modified for R,
 * called by `lm.fit`/`glm.fit` through `Cdqrls`): columns are taken left to right, and a
 * column whose norm below the rows already reduced falls under tol × its original norm is
 * moved to the end and counted out of the rank. `x` is overwritten; pass a copy to keep it.
 */
export function pivotedQR(x: Float64Array, n: number, p: number, tol: number): PivotedQR {
  if (x.length !== n * p) throw new RangeError(`pivotedQR: expected ${n} × ${p} values, got ${x.length}`);
  const qraux = new Float64Array(p);
  const norm = new Float64Array(p); // running norms (work[,1])
  const original = new Float64Array(p); // original norms (work[,2])
  const pivot = new Int32Array(p);
  for (let j = 0; j < p; j++) {
    pivot[j] = j;
    const v = columnNorm(x, j * n, n);
    qraux[j] = v;
    norm[j] = v;
    original[j] = v === 0 ? 1 : v;
  }
  const steps = Math.min(n, p);
  let k = p + 1; // 1-based, as in the Fortran
  const tmp = new Float64Array(n);
  for (let l = 0; l < steps; l++) {
    // Cycle negligible columns to the end (at most until l reaches the moved ones).
    while (l + 1 < k && qraux[l] < original[l] * tol) {
      tmp.set(x.subarray(l * n, l * n + n));
      x.copyWithin(l * n, (l + 1) * n, p * n);
      x.set(tmp, (p - 1) * n);
      rotate(pivot, l, p);
      rotate(qraux, l, p);
      rotate(norm, l, p);
      rotate(original, l, p);
      k--;
    }
    if (l === n - 1) break;
    const cl = l * n;
    let nrmxl = columnNorm(x, cl + l, n - l);
    if (nrmxl === 0) continue;
    if (x[cl + l] !== 0) nrmxl = Math.abs(nrmxl) * Math.sign(x[cl + l]);
    const inv = 1 / nrmxl;
    for (let i = l; i < n; i++) x[cl + i] *= inv;
    x[cl + l] += 1;
    const head = x[cl + l];
    // Columns are updated four at a time so column l is read once per four (same sums, same order).
    for (let j0 = l + 1; j0 < p; j0 += 4) {
      const width = Math.min(4, p - j0);
      const c0 = j0 * n,
        c1 = c0 + n,
        c2 = c1 + n,
        c3 = c2 + n;
      let d0 = 0,
        d1 = 0,
        d2 = 0,
        d3 = 0;
      if (width === 4) {
        for (let i = l; i < n; i++) {
          const v = x[cl + i];
          d0 += v * x[c0 + i];
          d1 += v * x[c1 + i];
          d2 += v * x[c2 + i];
          d3 += v * x[c3 + i];
        }
        const t0 = -d0 / head,
          t1 = -d1 / head,
          t2 = -d2 / head,
          t3 = -d3 / head;
        for (let i = l; i < n; i++) {
          const v = x[cl + i];
          x[c0 + i] += t0 * v;
          x[c1 + i] += t1 * v;
          x[c2 + i] += t2 * v;
          x[c3 + i] += t3 * v;
        }
      } else {
        for (let j = j0; j < j0 + width; j++) {
          const cj = j * n;
          let dot = 0;
          for (let i = l; i < n; i++) dot += x[cl + i] * x[cj + i];
          const t = -dot / head;
          for (let i = l; i < n; i++) x[cj + i] += t * x[cl + i];
        }
      }
      for (let j = j0; j < j0 + width; j++) {
        const cj = j * n;
        if (qraux[j] === 0) continue;
        const ratio = Math.abs(x[cj + l]) / qraux[j];
        const tt = Math.max(1 - ratio * ratio, 0);
        // R's fix (Bates, 9/99): recompute the norm rather than downdate it when it has shrunk a lot.
        if (Math.abs(tt) < 1e-6) {
          qraux[j] = columnNorm(x, cj + l + 1, n - l - 1);
          norm[j] = qraux[j];
        } else {
          qraux[j] *= Math.sqrt(tt);
        }
      }
    }
    qraux[l] = x[cl + l];
    x[cl + l] = -nrmxl;
  }
  return { n, p, qr: x, qraux, pivot, rank: Math.min(k - 1, n) };
}

function columnNorm(x: Float64Array, start: number, length: number): number {
  let s = 0;
  for (let i = start; i < start + length; i++) s += x[i] * x[i];
  return Math.sqrt(s);
}

/** Moves entry `from` to the end of a[from..end), shifting the rest left. */
function rotate(a: Float64Array | Int32Array, from: number, end: number): void {
  const v = a[from];
  a.copyWithin(from, from + 1, end);
  a[end - 1] = v;
}

/** Q'y (LINPACK `dqrsl`, job qty), applying the first rank reflections; y is overwritten. */
export function applyQt(qr: PivotedQR, y: Float64Array): Float64Array {
  const { n, rank } = qr;
  const x = qr.qr;
  const steps = Math.min(rank, n - 1);
  for (let j = 0; j < steps; j++) {
    if (qr.qraux[j] === 0) continue;
    const cj = j * n;
    const diag = x[cj + j];
    x[cj + j] = qr.qraux[j];
    let dot = 0;
    for (let i = j; i < n; i++) dot += x[cj + i] * y[i];
    const t = -dot / x[cj + j];
    for (let i = j; i < n; i++) y[i] += t * x[cj + i];
    x[cj + j] = diag;
  }
  return y;
}

/**
 * Least-squares coefficients from Q'y: back-substitution in the leading rank × rank
 * triangle, column by column as LINPACK `dqrsl` (so rounding follows R's). Returned in
 * pivoted order (length rank).
 */
export function solveTriangular(qr: PivotedQR, qty: Float64Array): Float64Array {
  const { n, rank } = qr;
  const x = qr.qr;
  const b = qty.slice(0, rank);
  for (let j = rank - 1; j >= 0; j--) {
    b[j] /= x[j * n + j];
    const t = -b[j];
    for (let i = 0; i < j; i++) b[i] += t * x[j * n + i];
  }
  return b;
}

/**
 * Residuals Q (0, (Q'y)_{rank+1..n}) (LINPACK `dqrsl`, job rsd), which R's lm reports:
 * more accurate than y − Xb when X is ill-conditioned.
 */
export function qrResiduals(qr: PivotedQR, qty: Float64Array): Float64Array {
  const r = new Float64Array(qr.n);
  for (let i = qr.rank; i < qr.n; i++) r[i] = qty[i];
  return applyQ(qr, r);
}

/** Q v (LINPACK `dqrsl`, job qy, over the first rank reflections); v is overwritten. */
export function applyQ(qr: PivotedQR, r: Float64Array): Float64Array {
  const { n, rank } = qr;
  const x = qr.qr;
  for (let j = Math.min(rank, n - 1) - 1; j >= 0; j--) {
    if (qr.qraux[j] === 0) continue;
    const cj = j * n;
    const diag = x[cj + j];
    x[cj + j] = qr.qraux[j];
    let dot = 0;
    for (let i = j; i < n; i++) dot += x[cj + i] * r[i];
    const t = -dot / x[cj + j];
    for (let i = j; i < n; i++) r[i] += t * x[cj + i];
    x[cj + j] = diag;
  }
  return r;
}

/**
 * (R'R)⁻¹ for the leading rank columns (R `chol2inv(qr$qr[1:rank, 1:rank])`), row-major
 * rank × rank in pivoted order: R⁻¹ by LAPACK's column order (dtrti2), then R⁻¹R⁻ᵀ (dlauu2).
 */
export function unscaledCovariance(qr: PivotedQR): Float64Array {
  const { n, rank: k } = qr;
  const x = qr.qr;
  const inv = new Float64Array(k * k); // upper triangular R⁻¹, row-major
  for (let j = 0; j < k; j++) {
    const ajj = 1 / x[j * n + j];
    inv[j * k + j] = ajj;
    // column j above the diagonal: R⁻¹[0:j,0:j] · R[0:j, j], then × −1/R[j,j]
    const col = new Float64Array(j);
    for (let i = 0; i < j; i++) col[i] = x[j * n + i];
    for (let jj = 0; jj < j; jj++) {
      const temp = col[jj];
      if (temp !== 0) {
        for (let i = 0; i < jj; i++) col[i] += temp * inv[i * k + jj];
        col[jj] *= inv[jj * k + jj];
      }
    }
    for (let i = 0; i < j; i++) inv[i * k + j] = col[i] * -ajj;
  }
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      let s = 0;
      for (let m = j; m < k; m++) s += inv[i * k + m] * inv[j * k + m];
      out[i * k + j] = s;
      out[j * k + i] = s;
    }
  }
  return out;
}
