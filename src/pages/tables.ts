/**
 * HTML tables of the report. Builders take already-formatted cell text (from
 * the disclosure-controlled values) and escape it; numeric columns are
 * right-aligned.
 */
import { Html, html } from './html.js';

interface TableSpec {
  caption: string;
  head: string[];
  rows: string[][];
  /** Columns holding numbers (right-aligned); by default every column but the first. */
  numeric?: number[];
  /** Rows drawn as totals (bold, ruled above): indices into rows. */
  totalRows?: number[];
  className?: string;
}

/** Renders a table with a caption, a header row and row headers in the first column. */
export function table(spec: TableSpec): Html {
  const numeric = new Set(spec.numeric ?? spec.head.map((_, i) => i).slice(1));
  const totals = new Set(spec.totalRows ?? []);
  const cls = (i: number) => (numeric.has(i) ? ' class="num"' : '');
  const headCells = spec.head.map((h, i) => new Html(`<th scope="col"${cls(i)}>${html`${h}`}</th>`));
  const body = spec.rows.map((row, r) => {
    const cells = row.map((c, i) => (i === 0 ? new Html(`<th scope="row">${html`${c}`}</th>`) : new Html(`<td${cls(i)}>${html`${c}`}</td>`)));
    return new Html(`<tr${totals.has(r) ? ' class="total"' : ''}>${cells.join('')}</tr>`);
  });
  return html`<div class="table-wrap"><table${new Html(spec.className ? ` class="${spec.className}"` : '')}>
<caption>${spec.caption}</caption>
<thead><tr>${headCells}</tr></thead>
<tbody>
${body.map((b) => new Html(b.markup + '\n'))}</tbody>
</table></div>`;
}

/** A definition list of label → value pairs (for options and provenance). */
export function definitionList(pairs: [string, string | Html][]): Html {
  return html`<dl class="pairs">${pairs.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}
