/**
 * comparison.md "Who is compared": each side's follow-up cohort (included, released), its
 * dates r, F, w = r + W months and c = w + 6 months, eligibility F ≥ c, and completeness
 * (every covariate recorded), counted by the first missing covariate.
 */
import type { Study } from '../../study/study.js';
import { addMonths } from '../../time/days.js';
import { cohortRows } from '../cohort.js';
import { columnsOf } from '../columns.js';
import { WAITING_MONTHS } from '../proven-reoffending.js';
import { type CovariateValue, covariateValues } from './covariates.js';

/** One side as far as completeness: the rows kept and the counts of those left out. */
export interface Side {
  /** Cohort size (service) or pool cohort size (pool): included people with a release_date. */
  cohort: number;
  tooShort: number;
  /** Every covariate in `covariates` order, with the people whose first missing covariate it is. */
  missingCovariate: Record<string, number>;
  /** People rows of the eligible, complete people, in file order. */
  rows: Int32Array;
  /** Their r, w and c (day numbers). */
  release: Float64Array;
  windowEnd: Float64Array;
  waitEnd: Float64Array;
  followUpEnd: Float64Array;
  /** Each covariate's values for `rows`, in `covariates` order. */
  values: CovariateValue[][];
}

/**
 * The eligible, complete people of one side. A person both too short and missing a
 * covariate is counted as too short only.
 */
export function whoIsCompared(study: Study, covariates: readonly string[], windowMonths: number, side: string): Side {
  const cohort = cohortRows(study);
  const p = columnsOf(study).people;
  const all = covariates.map((name) => covariateValues(study, name, cohort, side));
  const missingCovariate: Record<string, number> = Object.fromEntries(covariates.map((c) => [c, 0]));
  const keep: number[] = [];
  const dates: [number, number, number, number][] = [];
  let tooShort = 0;
  for (let j = 0; j < cohort.length; j++) {
    const i = cohort[j];
    const r = p.releaseDate[i];
    const f = p.followUpEnd[i];
    const w = addMonths(r, windowMonths);
    const c = addMonths(w, WAITING_MONTHS);
    if (!(f >= c)) {
      tooShort++;
      continue;
    }
    const missing = all.findIndex((values) => values[j] === null);
    if (missing >= 0) {
      missingCovariate[covariates[missing]]++;
      continue;
    }
    keep.push(j);
    dates.push([r, w, c, f]);
  }
  return {
    cohort: cohort.length,
    tooShort,
    missingCovariate,
    rows: Int32Array.from(keep, (j) => cohort[j]),
    release: Float64Array.from(dates, (d) => d[0]),
    windowEnd: Float64Array.from(dates, (d) => d[1]),
    waitEnd: Float64Array.from(dates, (d) => d[2]),
    followUpEnd: Float64Array.from(dates, (d) => d[3]),
    values: all.map((values) => keep.map((j) => values[j])),
  };
}
