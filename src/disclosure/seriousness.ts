/**
 * Seriousness of reconviction as published (measures.md, "Measure 2:
 * reconviction", seriousness; "Disclosure control"): people reconvicted by
 * whether their most serious reconviction was less, as or more serious than
 * the index offence, by index offence category and for everyone reconvicted.
 */
import type { ReconvictionResult } from '../measures/types.js';
import { groupOrder } from '../measures/groups.js';
import type { Seriousness } from '../words/labels.js';
import type { Count, DisclosurePolicy } from './cells.js';
import { publishTable } from './table.js';

type SeriousnessLevel = Seriousness;

export interface SeriousnessRow {
  label: string;
  cells: Record<SeriousnessLevel, Count>;
  total: Count;
}

export interface PublishedSeriousness {
  /** One row per index offence category, then "All reconvicted". */
  rows: SeriousnessRow[];
  /** What a reader of the table can work out about each cell of the "All reconvicted" row: [least, most]. */
  allBounds: Record<SeriousnessLevel, [number, number]>;
}

/**
 * The seriousness table as published: one row per index offence category
 * (from the severity pairs) and a last row for everyone reconvicted, with
 * secondary suppression across rows and columns. When the pairs do not add up
 * to the overall counts, only the overall row is given. `reconvicted` is the
 * number reconvicted as the page publishes it elsewhere: withheld there, the
 * table's grand total is withheld too.
 */
export function seriousnessTable(result: ReconvictionResult, policy: DisclosurePolicy, reconvicted?: Count): PublishedSeriousness {
  const byCategory = new Map<string, [number, number, number]>();
  for (const p of result.severityPairs) {
    const row = byCategory.get(p.indexCategory) ?? [0, 0, 0];
    row[p.reconviction < p.index ? 0 : p.reconviction === p.index ? 1 : 2]++;
    byCategory.set(p.indexCategory, row);
  }
  // The order of every other table by category (violent, sexual, …): the grouping's own.
  const found = [...byCategory.keys()];
  const labels = groupOrder(
    'category',
    found,
    found.map(() => NaN),
  ).map((k) => found[k]);
  const cells = labels.map((l) => byCategory.get(l)!);
  const s = result.seriousness;
  const all = [s.less, s.same, s.more];
  const agrees = cells.reduce((a, r) => [a[0] + r[0], a[1] + r[1], a[2] + r[2]], [0, 0, 0]).join() === all.join();
  const byRow = agrees && labels.length >= 2;
  const t = publishTable(byRow ? cells : [all], policy, { grandTotal: reconvicted });
  const allRow = byRow ? row('All reconvicted', t.columnTotals, t.grandTotal) : row('All reconvicted', t.cells[0], t.rowTotals[0]);
  const b = t.columnTotalBounds;
  return {
    rows: byRow ? [...labels.map((l, i) => row(l, t.cells[i], t.rowTotals[i])), allRow] : [allRow],
    allBounds: { less: b[0], same: b[1], more: b[2] },
  };
}

function row(label: string, c: Count[], total: Count): SeriousnessRow {
  return { label, cells: { less: c[0], same: c[1], more: c[2] }, total };
}
