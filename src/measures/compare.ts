/**
 * Subgroup comparison of a binary outcome (measures.md, "Subgroup comparisons").
 */
import { chiSquareTest, fisherExact, proportion, relativeRisk, riskDifference } from '../stats/index.js';
import type { IntervalMethod, MeasureOptions } from '../study/options.js';
import { resolveOptions } from './options.js';
import type { Study } from '../study/study.js';
import { cohortRows } from './cohort.js';
import { groupColumn, groupsInCohortRows, type GroupColumn } from './groups.js';
import type { GroupComparison, GroupProportion } from './types.js';

/**
 * Above this many people an r × 2 table with r > 2 is not given to the exact
 * test: the network algorithm would spend its whole work budget and give up
 * (R's fisher.test also runs out of workspace there), and chi-square is then
 * accurate anyway. 2 × 2 tables are always exact (their cost is linear in n).
 */
const EXACT_TEST_MAX_PEOPLE = 20_000;
/**
 * The exact test's work budget for the measures' comparisons: the size of R's
 * default fisher.test workspace (200,000), so that we give up where R would,
 * after tens of milliseconds rather than a second, and report pages stay quick.
 */
const EXACT_TEST_WORK_BUDGET = 200_000;

/** Per-group k and n of a binary outcome. */
export interface GroupCounts {
  names: string[];
  k: Int32Array;
  n: Int32Array;
}

/** Counts the outcome in each group of `groups` over `rows` (people rows; outcome aligned with rows). */
export function countByGroup(groups: GroupColumn, rows: ArrayLike<number>, outcome: ArrayLike<number | boolean>): GroupCounts {
  const k = new Int32Array(groups.names.length);
  const n = new Int32Array(groups.names.length);
  for (let j = 0; j < rows.length; j++) {
    const g = groups.codeOf[rows[j]];
    n[g]++;
    if (outcome[j]) k[g]++;
  }
  return { names: groups.names, k, n };
}

/**
 * Compares a binary outcome across groups. Lists every group with at least one
 * person in the cohort (n = 0 for the measure gives a null proportion); the tests
 * use the groups with n > 0: Fisher's exact test and Pearson's chi-square (no
 * continuity correction) when there are two or more, and for exactly two the risk
 * difference (Newcombe hybrid score interval) and relative risk (log scale),
 * first listed group against the second.
 */
export function compareCounts(groupBy: string, counts: GroupCounts, listed: boolean[], interval: IntervalMethod): GroupComparison {
  const byGroup: GroupProportion[] = [];
  const tested: number[] = [];
  for (let g = 0; g < counts.names.length; g++) {
    if (!listed[g]) continue;
    byGroup.push({ group: counts.names[g], ...proportion(counts.k[g], counts.n[g], interval) });
    if (counts.n[g] > 0) tested.push(g);
  }
  const result: GroupComparison = {
    groupBy,
    byGroup,
    fisherP: null,
    fisherNote: null,
    chiSquare: null,
    riskDifference: null,
    relativeRisk: null,
  };
  if (tested.length < 2) {
    result.fisherNote = 'fewer than two groups with anyone in them: nothing to compare';
    return result;
  }
  const table = tested.map((g) => [counts.k[g], counts.n[g] - counts.k[g]]);
  let total = 0;
  for (const g of tested) total += counts.n[g];
  if (tested.length > 2 && total > EXACT_TEST_MAX_PEOPLE) {
    result.fisherNote =
      `Fisher's exact test not attempted: a ${tested.length} × 2 table of more than ` +
      `${EXACT_TEST_MAX_PEOPLE.toLocaleString('en-GB')} people; see the chi-square test.`;
  } else {
    const fisher = fisherExact(table, { workBudget: EXACT_TEST_WORK_BUDGET });
    result.fisherP = fisher.p;
    result.fisherNote = fisher.note;
  }
  const chi = chiSquareTest(table);
  result.chiSquare = chi ? { statistic: chi.statistic, df: chi.df, p: chi.p, expected: chi.expected } : null;
  if (tested.length === 2) {
    const [a, b] = tested;
    result.riskDifference = riskDifference(counts.k[a], counts.n[a], counts.k[b], counts.n[b]);
    result.relativeRisk = relativeRisk(counts.k[a], counts.n[a], counts.k[b], counts.n[b]);
  }
  return result;
}

/**
 * The subgroup comparison of any binary outcome by any column of people
 * (extras, `service`, `tier`, `sex`, …) or of the offence lookup through the
 * index offence (`category`, the default, `group`, `mode_of_trial`, `label`).
 * `rows` are people rows (e.g. from `cohortOf`), `outcome[j]` the outcome of `rows[j]`.
 * Blank values form the group "not recorded".
 */
export function compareGroups(
  study: Study,
  rows: ArrayLike<number>,
  outcome: ArrayLike<number | boolean>,
  groupBy: string,
  options: Partial<MeasureOptions> = {},
): GroupComparison {
  if (rows.length !== outcome.length) throw new Error(`compareGroups: ${rows.length} rows but ${outcome.length} outcomes.`);
  const groups = groupColumn(study, groupBy);
  return compareCounts(groupBy, countByGroup(groups, rows, outcome), groupsInCohortRows(groups, cohortRows(study)), resolveOptions(options).interval);
}
