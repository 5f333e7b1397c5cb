/**
 * Measure 4 — time in service (measures.md).
 */
import type { MeasureOptions } from '../study/options.js';
import { resolveOptions } from './options.js';
import type { Study } from '../study/study.js';
import { END_REASONS } from '../study/vocabulary.js';
import { daysToMonths } from '../time/days.js';
import { cohortRows } from './cohort.js';
import { columnsOf } from './columns.js';
import { survivalCurve } from './curves.js';
import { monthsSummary } from './summary.js';
import { NOT_RECORDED } from './groups.js';
import type { TimeInServiceResult } from './types.js';

/**
 * Measure 4 over the cohort: in-reach r − in_reach_start (people with both) and
 * community e − r (people with a service_end) as summaries in months (days /
 * 30.4375); ongoing people counted; service ends by end_reason; the Kaplan–Meier
 * curve of time in service from r, every service end an event whatever its
 * reason, ongoing people censored at F, and its median in months.
 */
export function timeInServiceMeasure(study: Study, options: Partial<MeasureOptions> = {}): TimeInServiceResult {
  const opts = resolveOptions(options);
  const p = columnsOf(study).people;
  const rows = cohortRows(study);
  const m = rows.length;
  const inReach = new Float64Array(m);
  const community = new Float64Array(m);
  let nInReach = 0;
  let nCommunity = 0;
  const time = new Float64Array(m);
  const event = new Uint8Array(m);
  const endReasons: Record<string, number> = {};
  for (const reason of END_REASONS) endReasons[reason] = 0;
  let ongoing = 0;
  for (let j = 0; j < m; j++) {
    const i = rows[j];
    const r = p.releaseDate[i];
    const start = p.inReachStart[i];
    if (!Number.isNaN(start)) inReach[nInReach++] = r - start;
    const e = p.serviceEnd[i];
    if (Number.isNaN(e)) {
      ongoing++;
      time[j] = p.followUpEnd[i] - r;
    } else {
      community[nCommunity++] = e - r;
      time[j] = e - r;
      event[j] = 1;
      const reason = p.endReason[i] ?? NOT_RECORDED;
      endReasons[reason] = (endReasons[reason] ?? 0) + 1;
    }
  }
  const inService = survivalCurve(time, event, opts.kmConfType);
  return {
    inReachMonths: monthsSummary(inReach.subarray(0, nInReach)),
    communityMonths: monthsSummary(community.subarray(0, nCommunity)),
    ongoing,
    endReasons,
    kmMedianMonths: inService.median === null ? null : daysToMonths(inService.median),
    inService,
  };
}
