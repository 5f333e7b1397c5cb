/**
 * The cohort description as published (measures.md, "Cohort description";
 * "Disclosure control"): counts of each category by group, and the numbers of
 * people each numeric summary rests on.
 */
import type { CategoryCount, DescriptionColumn, DescriptionResult } from '../measures/types.js';
import { countOfWhole, isSmallCount, sharedSizes, suppressTable, type Count, type DisclosurePolicy } from './cells.js';

const DESCRIBED_CATEGORIES = ['sex', 'ethnicity', 'tier', 'category', 'group'] as const;
const DESCRIBED_NUMBERS = ['age_at_release', 'prior_convictions', 'custody_years_before_release', 'aces'] as const;

/** A categorical column: each value's count per group (or the cohort alone), with its count in the cohort when split. */
interface PublishedCategory {
  key: (typeof DESCRIBED_CATEGORIES)[number];
  values: { value: string; cells: Count[]; total: Count | null }[];
  /** The groups' sizes as this table publishes them (the denominators of its shares). */
  columnTotals: Count[];
  grandTotal: Count;
}

/** One column of the description (a group, or the cohort) as published. */
interface PublishedColumn {
  label: string;
  n: Count;
  /** True when the group's size is withheld, and with it everything about the group. */
  withheld: boolean;
  numeric: Record<(typeof DESCRIBED_NUMBERS)[number], { recorded: Count; summaryWithheld: boolean }>;
  /** People with four or more ACEs, and whether the number with ACEs recorded (its denominator) is withheld. */
  fourOrMoreAces: { k: Count; recordedHidden: boolean };
}

export interface PublishedDescription {
  groupBy: string | null;
  /** The groups then the cohort when the description is split; the cohort alone otherwise. */
  columns: PublishedColumn[];
  categories: PublishedCategory[];
}

/**
 * The description as published. Group sizes add up to the cohort (shared with
 * every table of the page that prints them: a group whose size is withheld is
 * withheld whole); counts of a variable add up to the group sizes, so each
 * variable is one table for secondary suppression. A category split by the
 * description's own grouping column would only repeat the group sizes and is
 * left out.
 */
export function descriptionPublished(d: DescriptionResult, policy: DisclosurePolicy): PublishedDescription {
  const split = d.groupBy != null && d.byGroup.length > 0;
  const columns: DescriptionColumn[] = split ? [...d.byGroup, d.overall] : [d.overall];
  const groups = split ? d.byGroup : [d.overall];
  const sizes = sharedSizes(
    d.byGroup.map((c) => ({ label: c.group ?? '', n: c.n })),
    policy,
  );
  const groupSize = (c: DescriptionColumn): Count => (split && c !== d.overall ? sizes.get(c.group ?? '')! : { value: c.n, hidden: isSmallCount(c.n, policy) });
  const withheldGroups = split ? d.byGroup.map((c, i) => (sizes.get(c.group ?? '')!.hidden ? i : -1)).filter((i) => i >= 0) : [];
  const categories: PublishedCategory[] = [];
  for (const key of DESCRIBED_CATEGORIES) {
    if (split && d.groupBy === key) continue;
    const values = [...new Set(columns.flatMap((c) => c.categorical[key].map((v) => v.value)))];
    if (values.length === 0) continue;
    const cells = values.map((v) => groups.map((g) => countOf(g.categorical[key], v)));
    const mask = suppressTable(cells, policy, withheldGroups);
    categories.push({
      key,
      values: values.map((value, r) => ({
        value,
        cells: groups.map((_, c) => ({ value: cells[r][c], hidden: mask.cells[r][c] })),
        total: split ? { value: countOf(d.overall.categorical[key], value), hidden: mask.rowTotals[r] } : null,
      })),
      columnTotals: groups.map((g, c) => ({ value: g.n, hidden: mask.columnTotals[c] })),
      grandTotal: { value: d.overall.n, hidden: mask.grandTotal },
    });
  }
  return {
    groupBy: split ? d.groupBy : null,
    columns: columns.map((c, i) => {
      const withheld = withheldGroups.includes(i);
      const numeric = Object.fromEntries(
        DESCRIBED_NUMBERS.map((k) => [k, { recorded: countOfWhole(c.numeric[k].n, c.n, policy), summaryWithheld: isSmallCount(c.numeric[k].n, policy) }]),
      ) as PublishedColumn['numeric'];
      const recorded = c.numeric.aces.n;
      return {
        label: c.group ?? 'Cohort',
        n: groupSize(c),
        withheld,
        numeric,
        fourOrMoreAces: { k: countOfWhole(c.fourOrMoreAces, recorded, policy), recordedHidden: countOfWhole(recorded, c.n, policy).hidden },
      };
    }),
    categories,
  };
}

function countOf(list: CategoryCount[], value: string): number {
  return list.find((c) => c.value === value)?.count ?? 0;
}
