/**
 * Secondary suppression against an attacker who tries every value a withheld
 * cell could take: for small random tables (seeded), enumerate every filling
 * of the withheld cells consistent with what the page shows (shown cells and
 * totals exact, "<5" in 1..4, "[c]" at least 5) and check that no withheld cell
 * has only one possible value.
 */
import { describe, expect, it } from 'vitest';
import { suppressTable } from '../../src/disclosure/cells.js';

const POLICY = { profile: 'public' as const, minCell: 5 };

function randomTables(count: number, seed: number): number[][][] {
  let x = seed;
  const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, () => {
    const rows = 2 + Math.floor(rnd() * 2);
    const cols = 2 + Math.floor(rnd() * 2);
    return Array.from({ length: rows }, () =>
      Array.from({ length: cols }, () => {
        const r = rnd();
        return r < 0.15 ? 0 : r < 0.5 ? 1 + Math.floor(rnd() * 4) : 5 + Math.floor(rnd() * 8);
      }),
    );
  });
}

/**
 * For each withheld cell, the set of values it can take given what is shown.
 * "[c]" cells may be anything from 5 to the grand total; the search fills the
 * table row by row, and a row with a shown total fixes its last withheld cell.
 */
function possibleValues(cells: number[][], mask: ReturnType<typeof suppressTable>): Map<string, Set<number>> {
  const small = (v: number) => v >= 1 && v < 5;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const cap = sum(cells.flat()) * (mask.grandTotal ? 2 : 1);
  const range = (v: number): [number, number] => (small(v) ? [1, 4] : [5, cap]);
  const fits = (shownTotal: boolean, truth: number, total: number) => (shownTotal ? total === truth : small(truth) ? total >= 1 && total <= 4 : total >= 5);
  const hidden: [number, number][] = [];
  cells.forEach((row, r) => row.forEach((_, c) => mask.cells[r][c] && hidden.push([r, c])));
  const seen = new Map(hidden.map(([r, c]) => [`${r},${c}`, new Set<number>()]));
  const grid = cells.map((row) => row.slice());
  const lastInRow = new Map<number, number>();
  hidden.forEach(([r], i) => lastInRow.set(r, i));
  const fill = (i: number): void => {
    if (i === hidden.length) {
      for (let r = 0; r < grid.length; r++) if (!fits(!mask.rowTotals[r], sum(cells[r]), sum(grid[r]))) return;
      for (let c = 0; c < grid[0].length; c++) if (!fits(!mask.columnTotals[c], sum(cells.map((row) => row[c])), sum(grid.map((row) => row[c])))) return;
      if (!fits(!mask.grandTotal, sum(cells.flat()), sum(grid.flat()))) return;
      for (const [r, c] of hidden) seen.get(`${r},${c}`)!.add(grid[r][c]);
      return;
    }
    const [r, c] = hidden[i];
    const [lo, hi] = range(cells[r][c]);
    if (lastInRow.get(r) === i && !mask.rowTotals[r]) {
      // the row total is shown: this cell is whatever makes the row add up
      grid[r][c] = 0;
      const v = sum(cells[r]) - sum(grid[r]);
      if (v >= lo && v <= hi) {
        grid[r][c] = v;
        fill(i + 1);
      }
    } else {
      for (let v = lo; v <= hi; v++) {
        grid[r][c] = v;
        fill(i + 1);
      }
    }
    grid[r][c] = cells[r][c];
  };
  fill(0);
  return seen;
}

describe('secondary suppression against an exhaustive attacker', () => {
  it('leaves every withheld cell of 60 random tables with at least two possible values', () => {
    let checked = 0;
    for (const cells of randomTables(60, 20240130)) {
      const mask = suppressTable(cells, POLICY);
      if (mask.cells.flat().filter(Boolean).length > 4) continue; // keep the enumeration small
      for (const [cell, values] of possibleValues(cells, mask)) {
        checked++;
        expect(values.size, `cell ${cell} of ${JSON.stringify(cells)}`).toBeGreaterThan(1);
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('catches what a cell-by-cell check misses: a "<5" total capping two withheld parts', () => {
    // column 0: 1 + 0 + 3 = 4, a "<5" total; the 3 is pinned by its row (3 + 4 = 7, both "<5")
    // and then the 1 by the column, unless more is withheld
    const cells = [
      [1, 10, 9],
      [0, 12, 7],
      [3, 9, 4],
    ];
    const mask = suppressTable(cells, POLICY);
    for (const values of possibleValues(cells, mask).values()) expect(values.size).toBeGreaterThan(1);
  });
});
