/**
 * The follow-up cohort and each cohort member's dates (measures.md, "The cohort").
 */
import type { Study } from '../study/study.js';
import { columnsOf, type PeopleColumns } from './columns.js';
import type { Unused } from './types.js';

/** Why a measure starting at the service end leaves a cohort member out. */
export const NO_SERVICE_END = 'no service end';

/**
 * Row indices (into `study.people`) of the follow-up cohort: every person with
 * `included` true and a `release_date`, in file order.
 */
export function cohortOf(study: Study): Int32Array {
  return cohortRows(study).slice();
}

const cohortCache = new WeakMap<Study, Int32Array>();

/** cohortOf without the defensive copy, for the measures (which never write to it). */
export function cohortRows(study: Study): Int32Array {
  const hit = cohortCache.get(study);
  if (hit) return hit;
  const p = columnsOf(study).people;
  let n = 0;
  for (let i = 0; i < p.n; i++) if (inCohort(p, i)) n++;
  const rows = new Int32Array(n);
  let j = 0;
  for (let i = 0; i < p.n; i++) if (inCohort(p, i)) rows[j++] = i;
  cohortCache.set(study, rows);
  return rows;
}

export function inCohort(p: PeopleColumns, i: number): boolean {
  return p.included[i] === true && !Number.isNaN(p.releaseDate[i]);
}

/**
 * The last day of the intervention window I = [r, min(e, F)]: F for an ongoing
 * person. (The loader guarantees e ≤ F; the min keeps the definition even if not.)
 */
export function interventionEnd(p: PeopleColumns, i: number): number {
  const e = p.serviceEnd[i];
  const f = p.followUpEnd[i];
  return Number.isNaN(e) ? f : Math.min(e, f);
}

export function hasServiceEnd(p: PeopleColumns, i: number): boolean {
  return !Number.isNaN(p.serviceEnd[i]);
}

/**
 * The people a measure starting at s covers, with s: r (`release`), or e
 * (`service_end`: only people with a service_end, the others unused).
 */
export function followUpStarts(study: Study, from: 'release' | 'service_end'): { rows: Int32Array; start: Float64Array; unused: Unused[] } {
  const p = columnsOf(study).people;
  const cohort = cohortRows(study);
  const unused: Unused[] = [];
  let rows = cohort;
  if (from === 'service_end') {
    rows = cohort.filter((i) => hasServiceEnd(p, i));
    if (cohort.length > rows.length) unused.push({ reason: NO_SERVICE_END, count: cohort.length - rows.length });
  }
  const dates = from === 'service_end' ? p.serviceEnd : p.releaseDate;
  const start = new Float64Array(rows.length);
  for (let j = 0; j < rows.length; j++) start[j] = dates[rows[j]];
  return { rows, start, unused };
}
