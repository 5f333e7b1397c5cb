/**
 * The cohort flow as published (measures.md, "Cohort flow"; "Disclosure control").
 */
import type { FlowResult } from '../measures/types.js';
import { MEASURE_WORDS } from '../words/labels.js';
import { suppressCells, type Count, type DisclosurePolicy } from './cells.js';

export interface FlowCounts {
  people: Count;
  excluded: { reason: string; count: Count }[];
  included: Count;
  notYetReleased: Count;
  cohort: Count;
  unused: { measure: string; reason: string; count: Count }[];
}

/**
 * The flow's counts as published. Exclusions and included add up to people,
 * not released and cohort add up to included, so both get secondary
 * suppression; so do each measure's unusable people, with the people it used, against the cohort.
 */
export function flowCounts(flow: FlowResult, policy: DisclosurePolicy): FlowCounts {
  const reasons = Object.keys(flow.excluded);
  const values = [flow.people, flow.included, flow.notYetReleased, flow.cohort, ...reasons.map((r) => flow.excluded[r])];
  const ex = reasons.map((_, i) => 4 + i);
  // The cohort size is printed beside every measure, so the flow hides other cells before it.
  const hidden = suppressCells(
    values,
    [
      { parts: [...ex, 1], total: 0 },
      { parts: [2, 3], total: 1 },
    ],
    policy,
    [0, 3],
  );
  const c = (i: number): Count => ({ value: values[i], hidden: hidden[i] });
  // Each measure's unusable people and the people it used add up to the cohort: the used count is
  // not printed here but is the measure's denominator elsewhere, so it is a cell of the relation.
  const unusedRows = Object.entries(flow.unusedByMeasure).flatMap(([measure, list]) => list.map((u) => ({ measure, reason: u.reason, value: u.count })));
  const unusedCounts: Count[] = [];
  for (const [, list] of Object.entries(flow.unusedByMeasure)) {
    if (list.length === 0) continue;
    const counts = list.map((u) => u.count);
    const used = Math.max(0, flow.cohort - counts.reduce((a, b) => a + b, 0));
    const cells = [...counts, used, flow.cohort];
    const mask = suppressCells(cells, [{ parts: counts.map((_, i) => i).concat(counts.length), total: counts.length + 1 }], policy, [counts.length + 1]);
    counts.forEach((value, i) => unusedCounts.push({ value, hidden: mask[i] }));
  }
  return {
    people: c(0),
    included: c(1),
    notYetReleased: c(2),
    cohort: c(3),
    excluded: reasons.map((reason, i) => ({ reason, count: c(4 + i) })),
    unused: unusedRows.map((u, i) => ({ measure: MEASURE_WORDS[u.measure] ?? u.measure, reason: u.reason, count: unusedCounts[i] })),
  };
}
