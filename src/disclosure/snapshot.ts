/**
 * The caseload snapshot as published (measures.md, "Caseload snapshot";
 * "Disclosure control").
 */
import type { SnapshotResult } from '../measures/types.js';
import { suppressTable, type Count, type DisclosurePolicy } from './cells.js';

export interface SnapshotTableRow {
  service: string;
  inCustody: Count;
  inCommunity: Count;
  total: Count;
  /** Share of the service's caseload in custody; null when withheld or the service has no one. */
  custodyShare: number | null;
}

/** The snapshot as published: services by place, with row, column and grand totals, secondary suppression across all. */
export function snapshotTable(s: SnapshotResult, policy: DisclosurePolicy): { rows: SnapshotTableRow[]; total: SnapshotTableRow } {
  const mask = suppressTable(
    s.byService.map((r) => [r.inCustody, r.inCommunity]),
    policy,
  );
  const rows = s.byService.map((r, i): SnapshotTableRow => {
    const custody = { value: r.inCustody, hidden: mask.cells[i][0] };
    const community = { value: r.inCommunity, hidden: mask.cells[i][1] };
    const total = { value: r.total, hidden: mask.rowTotals[i] };
    return { service: r.service, inCustody: custody, inCommunity: community, total, custodyShare: share(custody, total) };
  });
  const custody = { value: s.inCustody, hidden: mask.columnTotals[0] ?? false };
  const community = { value: s.inCommunity, hidden: mask.columnTotals[1] ?? false };
  const total = { value: s.total, hidden: mask.grandTotal };
  return { rows, total: { service: 'All services', inCustody: custody, inCommunity: community, total, custodyShare: share(custody, total) } };
}

function share(part: Count, total: Count): number | null {
  return part.hidden || total.hidden || total.value === 0 ? null : part.value / total.value;
}
