/**
 * Solves A x = b for a small dense system (the log-rank variance matrix) by Gaussian
 * elimination with partial pivoting; null when A is numerically singular (a pivot below
 * 1e-13 × its largest entry).
 */
export function solveLinearSystem(matrix: number[][], rhs: number[]): number[] | null {
  const n = rhs.length;
  // Rows as typed arrays and the pivot row held in a local: the same operations in the same order
  // (so the same result), about ten times faster on the 1,500 × 1,500 systems of many services.
  const a = matrix.map((row) => Float64Array.from(row));
  const b = rhs.slice();
  let scale = 0;
  for (const row of a) for (const v of row) scale = Math.max(scale, Math.abs(v));
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    if (!(Math.abs(a[pivot][col]) > scale * 1e-13)) return null;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    [b[col], b[pivot]] = [b[pivot], b[col]];
    const top = a[col];
    for (let r = col + 1; r < n; r++) {
      const row = a[r];
      const factor = row[col] / top[col];
      if (factor === 0) continue;
      for (let c = col; c < n; c++) row[c] -= factor * top[c];
      b[r] -= factor * b[col];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r];
    for (let c = r + 1; c < n; c++) s -= a[r][c] * x[c];
    x[r] = s / a[r][r];
  }
  return x;
}
