/**
 * A table of counts with its row, column and grand totals as one list of cells
 * linked by additive relations (measures.md, "Disclosure control"), so that a
 * table can be suppressed together with what other tables of the page decide
 * about its totals, and a reader's bounds on any cell can be worked out.
 */
import { suppressCells, tableCells, type Count, type DisclosurePolicy } from './cells.js';
import { readerBounds } from './bounds.js';

/** A table's masks, and what a reader of the published table can work out about each cell. */
interface PublishedTable {
  cells: Count[][];
  rowTotals: Count[];
  columnTotals: Count[];
  grandTotal: Count;
  /** The bounds [least, most] a reader gets on a column total from the published cells. */
  columnTotalBounds: [number, number][];
}

/**
 * Primary and secondary suppression of a table whose row, column and grand
 * totals are printed, as suppressTable does (the same tableCells, so the same
 * answer), and also: `grandTotal`, the grand total as
 * another table of the page publishes it (withheld there, it is withheld here
 * and the rest of the table is protected with it), and bounds on the column
 * totals for sentences that describe a withheld one.
 */
export function publishTable(
  cells: readonly (readonly number[])[],
  policy: DisclosurePolicy,
  opts: { hiddenColumns?: readonly number[]; grandTotal?: Count } = {},
): PublishedTable {
  const rows = cells.length;
  const cols = rows > 0 ? cells[0].length : 0;
  const { values, relations, at, rowTotal0, colTotal0, grand } = tableCells(cells);

  const isPublic = policy.profile === 'public';
  const forced = isPublic ? (opts.hiddenColumns ?? []).flatMap((c) => [...range(rows).map((r) => at(r, c)), colTotal0 + c]) : [];
  // The grand total another table withholds is printed there with its mark.
  const printed = isPublic && opts.grandTotal?.hidden ? [grand] : [];
  const hidden = suppressCells(values, relations, policy, [grand], forced, printed);
  const count = (i: number): Count => ({ value: values[i], hidden: hidden[i] });
  const bounds = readerBounds(values, relations, hidden, policy, forced);
  return {
    cells: range(rows).map((r) => range(cols).map((c) => count(at(r, c)))),
    rowTotals: range(rows).map((r) => count(rowTotal0 + r)),
    columnTotals: range(cols).map((c) => count(colTotal0 + c)),
    grandTotal: count(grand),
    columnTotalBounds: range(cols).map((c) => bounds[colTotal0 + c]),
  };
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
