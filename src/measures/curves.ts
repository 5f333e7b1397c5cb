/** The one place the measures call the Kaplan–Meier estimator and the log-rank test. */
import { kaplanMeier, logRank } from '../stats/index.js';
import type { KmConfType } from '../study/options.js';
import type { Curve } from '../stats/types.js';
import type { Study } from '../study/study.js';
import { cohortRows } from './cohort.js';
import { groupColumn, groupsInCohortRows, type GroupColumn } from './groups.js';
import { sortedByTime } from './sorting.js';
import type { GroupCurves } from './types.js';

/**
 * Kaplan–Meier curve of `time` (days from the start) with `event` 1 = event, 0 =
 * censored; handed to the estimator in time order where possible (see sorting.ts for why).
 */
export function survivalCurve(time: Float64Array, event: Uint8Array, confType: KmConfType): Curve {
  const sorted = sortedByTime(time, event) ?? { time, event };
  return kaplanMeier(sorted.time, sorted.event, { confType });
}

/**
 * One Kaplan–Meier curve per listed group with anyone in `rows` (time[j],
 * event[j] belong to rows[j]), in the groups' display order, and the log-rank
 * test across them.
 */
export function curvesByGroup(
  groups: GroupColumn,
  listed: boolean[],
  rows: ArrayLike<number>,
  time: Float64Array,
  event: Uint8Array,
  confType: KmConfType,
): GroupCurves {
  const groupBy = groups.groupBy;
  const g = groups.names.length;
  const size = new Int32Array(g);
  for (let j = 0; j < rows.length; j++) size[groups.codeOf[rows[j]]]++;
  const offset = new Int32Array(g + 1);
  for (let k = 0; k < g; k++) offset[k + 1] = offset[k] + size[k];
  // Counting partition by group (one sequential pass), then each group's stretch
  // in time order, so the curves and the log-rank test get sorted input.
  const t = new Float64Array(rows.length);
  const e = new Uint8Array(rows.length);
  const fill = offset.slice(0, g);
  for (let j = 0; j < rows.length; j++) {
    const at = fill[groups.codeOf[rows[j]]]++;
    t[at] = time[j];
    e[at] = event[j];
  }
  const curves: GroupCurves['curves'] = [];
  for (let k = 0; k < g; k++) {
    if (size[k] === 0) continue;
    const stretchTime = t.subarray(offset[k], offset[k + 1]);
    const stretchEvent = e.subarray(offset[k], offset[k + 1]);
    const sorted = sortedByTime(stretchTime, stretchEvent);
    if (sorted) {
      stretchTime.set(sorted.time);
      stretchEvent.set(sorted.event);
    }
    if (listed[k]) curves.push({ group: groups.names[k], curve: kaplanMeier(stretchTime, stretchEvent, { confType }) });
  }
  // Labels last, group by group: sequential writes.
  const label: string[] = new Array<string>(rows.length);
  for (let k = 0; k < g; k++) for (let at = offset[k]; at < offset[k + 1]; at++) label[at] = groups.names[k];
  let test: GroupCurves['logRank'] = null;
  if (curves.length >= 2) {
    const lr = logRank(t, e, label);
    test = lr ? { chiSquare: lr.chiSquare, df: lr.df, p: lr.p } : null;
  }
  return { groupBy, curves, logRank: test };
}

/** curvesByGroup for a grouping column by name; groups are those with anyone in the cohort. */
export function curvesByColumn(
  study: Study,
  groupBy: string,
  rows: ArrayLike<number>,
  time: Float64Array,
  event: Uint8Array,
  confType: KmConfType,
): GroupCurves {
  const groups = groupColumn(study, groupBy);
  return curvesByGroup(groups, groupsInCohortRows(groups, cohortRows(study)), rows, time, event, confType);
}
