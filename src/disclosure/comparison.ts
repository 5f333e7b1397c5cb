/**
 * A comparison of groups as published (measures.md, "Comparing groups";
 * "Disclosure control"): group sizes shared with every table of the page, the
 * left-out people protected group by group.
 */
import type { GroupComparison } from '../measures/types.js';
import type { Proportion } from '../stats/types.js';
import { sharedSizes, suppressProportions, type Count, type DisclosurePolicy, type Outside, type ShownProportion } from './cells.js';

/** The groups and overall proportion of a comparison, as published. */
export function shownComparison(
  c: GroupComparison,
  overall: Proportion,
  policy: DisclosurePolicy,
  outside?: Outside,
  /** The comparison whose n are the groups' sizes (recall's); defaults to this one. */
  reference: GroupComparison = c,
): { rows: ShownProportion[]; overall: ShownProportion; outside: Count | null } {
  const sizes = sharedSizes(
    reference.byGroup.map((g) => ({ label: g.group, n: g.n })),
    policy,
  );
  const refN = new Map(reference.byGroup.map((g) => [g.group, g.n]));
  // a measure counting the same people as the groups shares their published sizes
  const rowSizes = c.byGroup.map((g) => (refN.get(g.group) === g.n ? (sizes.get(g.group) ?? null) : null));
  // a measure that leaves people out (proven reoffending): each group's size less its n gives the group's
  // left-out people, so they are protected group by group as well as in all (as shownServices does for services)
  const outsideRows =
    outside && reference !== c && c.byGroup.every((g) => refN.has(g.group)) ? { ...outside, rows: c.byGroup.map((g) => refN.get(g.group)! - g.n) } : outside;
  const shown = suppressProportions(
    c.byGroup.map((g) => ({ ...g, label: g.group })),
    policy,
    { ...overall, label: 'Everyone' },
    outsideRows,
    rowSizes,
  );
  return { rows: shown.rows, overall: shown.overall!, outside: shown.outside };
}
