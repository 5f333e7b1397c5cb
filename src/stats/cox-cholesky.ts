/**
 * regression.md, "Design matrix" and "Cox proportional hazards": the generalized Cholesky
 * decomposition R's survival package uses to invert the Cox information matrix and to
 * decide aliasing (`toler.chol`). A column whose pivot falls below toler × the largest
 * diagonal is aliased: its row and column of the inverse are 0, its solution 0.
 *
 * Matrices are n × n, row-major Float64Array. The caller fills the upper triangle
 * (m[i][j], i ≤ j); the decomposition works in the lower one, as survival's does.
 */

/**
 * Decomposes a symmetric matrix in place as L D Lᵀ (survival's `cholesky2`): the lower
 * triangle holds L (unit diagonal implied), the diagonal holds D, a pivot below
 * toler × max(diagonal) (or not finite) is set to 0. Returns the rank, negated when the
 * matrix is not non-negative definite (a pivot below −8 × that bound).
 */
export function choleskyDecompose(m: Float64Array, n: number, toler: number): number {
  let eps = 0;
  for (let i = 0; i < n; i++) {
    if (m[i * n + i] > eps) eps = m[i * n + i];
    for (let j = i + 1; j < n; j++) m[j * n + i] = m[i * n + j];
  }
  eps = eps === 0 ? toler : eps * toler;
  let rank = 0;
  let nonneg = 1;
  for (let i = 0; i < n; i++) {
    const pivot = m[i * n + i];
    if (!Number.isFinite(pivot) || pivot < eps) {
      m[i * n + i] = 0;
      if (pivot < -8 * eps) nonneg = -1;
    } else {
      rank++;
      for (let j = i + 1; j < n; j++) {
        const temp = m[j * n + i] / pivot;
        m[j * n + i] = temp;
        m[j * n + j] -= temp * temp * pivot;
        for (let k = j + 1; k < n; k++) m[k * n + j] -= temp * m[k * n + i];
      }
    }
  }
  return rank * nonneg;
}

/** Solves A x = y in place from `choleskyDecompose`'s result (survival's `chsolve2`); aliased entries are 0. */
export function choleskySolve(m: Float64Array, n: number, y: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let temp = y[i];
    for (let j = 0; j < i; j++) temp -= y[j] * m[i * n + j];
    y[i] = temp;
  }
  for (let i = n - 1; i >= 0; i--) {
    if (m[i * n + i] === 0) {
      y[i] = 0;
    } else {
      let temp = y[i] / m[i * n + i];
      for (let j = i + 1; j < n; j++) temp -= y[j] * m[j * n + i];
      y[i] = temp;
    }
  }
}

/**
 * Inverts from `choleskyDecompose`'s result (survival's `chinv2`), then mirrors the upper
 * triangle so the whole matrix is the (generalized) inverse; aliased rows and columns are 0.
 */
export function choleskyInverse(m: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    if (m[i * n + i] > 0) {
      m[i * n + i] = 1 / m[i * n + i];
      for (let j = i + 1; j < n; j++) {
        m[j * n + i] = -m[j * n + i];
        for (let k = 0; k < i; k++) m[j * n + k] += m[j * n + i] * m[i * n + k];
      }
    }
  }
  for (let i = 0; i < n; i++) {
    if (m[i * n + i] === 0) {
      for (let j = 0; j < i; j++) m[j * n + i] = 0;
      for (let j = i; j < n; j++) m[i * n + j] = 0;
    } else {
      for (let j = i + 1; j < n; j++) {
        const temp = m[j * n + i] * m[j * n + j];
        m[i * n + j] = temp;
        for (let k = i; k < j; k++) m[i * n + k] += temp * m[j * n + k];
      }
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) m[i * n + j] = m[j * n + i];
}

/**
 * The quadratic form bᵀ V⁻ b through the generalized Cholesky of V, and the rank of V
 * (survival's `coxph.wtest`, used for the Wald and robust score tests). V is not modified.
 */
export function choleskyQuadraticForm(v: Float64Array, n: number, b: ArrayLike<number>, toler: number): { test: number; df: number } {
  if (n === 1) return { test: (b[0] * b[0]) / v[0], df: 1 };
  const m = v.slice();
  choleskyDecompose(m, n, toler);
  let df = 0;
  for (let i = 0; i < n; i++) if (m[i * n + i] > 0) df++;
  const solution = Float64Array.from(b);
  choleskySolve(m, n, solution);
  let test = 0;
  for (let i = 0; i < n; i++) test += b[i] * solution[i];
  return { test, df };
}
