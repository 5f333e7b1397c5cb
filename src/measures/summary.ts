/**
 * Summaries of the measures' values (measures.md, "Cohort description", "Time
 * in service"): whole numbers sorted by counting, then stats' one summary
 * (`summarizeSorted`: n; mean; SD with n − 1, null when n < 2; R type 7 median
 * and quartiles; min; max; all null when n = 0).
 */
import { summarize, summarizeSorted } from '../stats/index.js';
import type { Summary } from '../stats/types.js';
import { daysToMonths } from '../time/days.js';
import { sortedIfIntegers } from './sorting.js';

/** Summary of values (no NaN): sorted here by counting when they are whole numbers, else by stats' summarize. */
export function summarizeValues(values: Float64Array): Summary {
  const sorted = sortedIfIntegers(values);
  return sorted === values ? summarize(values) : summarizeSorted(sorted);
}

/** The summary of durations in whole days, in months (days / 30.4375, which keeps the order). */
export function monthsSummary(days: Float64Array): Summary {
  const sorted = sortedIfIntegers(days);
  const months = new Float64Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) months[i] = daysToMonths(sorted[i]);
  return sorted !== days ? summarizeSorted(months) : summarize(months);
}
