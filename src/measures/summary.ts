/**
 * Summaries of values the measures have already sorted (by a counting sort of
 * whole days or numbers). Same definitions as stats' `summarize` (n; mean; SD
 * with n − 1, null when n < 2; R type 7 median and quartiles; min; max; all null
 * when n = 0), without sorting a million values a second time.
 */
import { quantileSorted, summarize } from '../stats/index.js';
import type { Summary } from '../stats/types.js';
import { daysToMonths } from '../time/days.js';
import { sortedIfIntegers } from './sorting.js';

/** The summary of ascending values (no NaN). */
export function summarizeSorted(sorted: Float64Array): Summary {
  const n = sorted.length;
  if (n === 0) return { n: 0, mean: null, sd: null, median: null, q1: null, q3: null, min: null, max: null };
  let total = 0;
  for (let i = 0; i < n; i++) total += sorted[i];
  const mean = total / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (sorted[i] - mean) ** 2;
  return {
    n,
    mean,
    sd: n < 2 ? null : Math.sqrt(squares / (n - 1)),
    median: quantileSorted(sorted, 0.5),
    q1: quantileSorted(sorted, 0.25),
    q3: quantileSorted(sorted, 0.75),
    min: sorted[0],
    max: sorted[n - 1],
  };
}

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
