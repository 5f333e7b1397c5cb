/**
 * Cohort description (measures.md), optionally split by a column.
 */
import type { Study } from '../study/study.js';
import { cohortRows } from './cohort.js';
import { rawColumn } from './columns.js';
import { summarizeValues } from './summary.js';
import { groupColumn, groupsInCohortRows, type GroupColumn } from './groups.js';
import type { CategoryCount, DescriptionColumn, DescriptionResult } from './types.js';

const CATEGORICAL = [
  ['sex', 'people.sex'],
  ['ethnicity', 'people.ethnicity'],
  ['tier', 'people.tier'],
  ['category', 'offence.category'],
  ['group', 'offence.group'],
] as const;
const NUMERIC = ['age_at_release', 'prior_convictions', 'custody_years_before_release', 'aces'] as const;

/**
 * The cohort's n; counts and percentages (of n, 0–100) of sex, ethnicity, tier,
 * and the index offence's category and group ("not recorded" for blanks; every
 * value seen in the cohort is listed in every column, zeros included);
 * summaries of age_at_release, prior_convictions, custody_years_before_release
 * and aces over the recorded values; the number with four or more ACEs. With
 * `groupBy`, one column per group as well as the whole cohort.
 */
export function cohortDescription(study: Study, groupBy: string | null = null): DescriptionResult {
  const rows = cohortRows(study);
  const categorical = CATEGORICAL.map(([, column]) => groupColumn(study, column));
  const presentInCohort = categorical.map((g) => groupsInCohortRows(g, rows));
  const numeric = NUMERIC.map((name) => rawColumn<ArrayLike<number>>(study.people, name, 'people'));
  const describe = (group: string | null, members: ArrayLike<number>): DescriptionColumn => describeRows(group, members, categorical, presentInCohort, numeric);
  const overall = describe(null, rows);
  const byGroup: DescriptionColumn[] = [];
  if (groupBy !== null) {
    const split = groupColumn(study, groupBy);
    const buckets: number[][] = split.names.map(() => []);
    for (let j = 0; j < rows.length; j++) buckets[split.codeOf[rows[j]]].push(rows[j]);
    split.names.forEach((name, g) => {
      if (buckets[g].length > 0) byGroup.push(describe(name, buckets[g]));
    });
  }
  return { groupBy, overall, byGroup };
}

function describeRows(
  group: string | null,
  rows: ArrayLike<number>,
  categorical: GroupColumn[],
  present: boolean[][],
  numeric: ArrayLike<number>[],
): DescriptionColumn {
  const n = rows.length;
  const counts = (c: number): CategoryCount[] => {
    const g = categorical[c];
    const tally = new Array<number>(g.names.length).fill(0);
    for (let j = 0; j < n; j++) tally[g.codeOf[rows[j]]]++;
    const out: CategoryCount[] = [];
    g.names.forEach((value, v) => {
      if (present[c][v]) out.push({ value, count: tally[v], percent: n > 0 ? (100 * tally[v]) / n : null });
    });
    return out;
  };
  const values = (c: number): Float64Array => {
    const col = numeric[c];
    const out = new Float64Array(n);
    let m = 0;
    for (let j = 0; j < n; j++) {
      const v = col[rows[j]];
      if (typeof v === 'number' && !Number.isNaN(v)) out[m++] = v;
    }
    return out.subarray(0, m);
  };
  const aces = values(3);
  let fourOrMore = 0;
  for (let j = 0; j < aces.length; j++) if (aces[j] >= 4) fourOrMore++;
  return {
    group,
    n,
    categorical: { sex: counts(0), ethnicity: counts(1), tier: counts(2), category: counts(3), group: counts(4) },
    numeric: {
      age_at_release: summarizeValues(values(0)),
      prior_convictions: summarizeValues(values(1)),
      custody_years_before_release: summarizeValues(values(2)),
      aces: summarizeValues(aces),
    },
    fourOrMoreAces: fourOrMore,
  };
}
