import { chiSquareUpperTail } from './chi-square-distribution.js';
import { checkContingencyTable } from './contingency-table.js';

export interface ChiSquareResult {
  statistic: number;
  df: number;
  p: number;
  expected: number[][];
}

/**
 * Pearson's chi-square test of independence without continuity correction, as R
 * `chisq.test(table, correct = FALSE)`: E = row total × column total / N,
 * X² = Σ (O − E)²/E on (r − 1)(c − 1) df, p = P(χ² ≥ X²).
 * Null when the table has fewer than two rows or columns, or any row or column total
 * is 0: R then divides by a zero expected count and reports NaN.
 */
export function chiSquareTest(table: number[][]): ChiSquareResult | null {
  checkContingencyTable(table);
  const rows = table.length;
  const cols = rows > 0 ? table[0].length : 0;
  if (rows < 2 || cols < 2) return null;
  const rowTotals = table.map((row) => row.reduce((s, v) => s + v, 0));
  const colTotals = table[0].map((_, c) => table.reduce((s, row) => s + row[c], 0));
  const total = rowTotals.reduce((s, v) => s + v, 0);
  if (rowTotals.some((v) => v === 0) || colTotals.some((v) => v === 0)) return null;
  const expected = rowTotals.map((r) => colTotals.map((c) => (r * c) / total));
  let statistic = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const d = table[i][j] - expected[i][j];
      statistic += (d * d) / expected[i][j];
    }
  }
  const df = (rows - 1) * (cols - 1);
  return { statistic, df, p: chiSquareUpperTail(statistic, df), expected };
}
