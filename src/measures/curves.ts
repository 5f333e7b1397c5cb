/** The one place the measures call the Kaplan–Meier estimator and the log-rank test. */
import { kaplanMeier, logRank } from '../stats/index.js';
import type { KmConfType } from '../study/options.js';
import type { Curve } from '../stats/types.js';
import type { Study } from '../study/study.js';
import { cohortRows } from './cohort.js';
import { groupColumn, groupsInCohortRows, type GroupColumn } from './groups.js';
import { integerSortOrder } from './sorting.js';
import type { GroupCurves } from './types.js';

/** Kaplan–Meier curve of `time` (days from the start) with `event` 1 = event, 0 = censored. */
export function survivalCurve(time: Float64Array, event: Uint8Array, confType: KmConfType): Curve {
  const order = integerSortOrder(time);
  if (!order) return kaplanMeier(time, event, { confType });
  const t = new Float64Array(time.length);
  const e = new Uint8Array(time.length);
  for (let i = 0; i < order.length; i++) {
    t[i] = time[order[i]];
    e[i] = event[order[i]];
  }
  return presortedCurve(t, e, confType);
}

/** The estimator on input already in time order (see sorting.ts for why that matters). */
function presortedCurve(time: Float64Array, event: Uint8Array, confType: KmConfType): Curve {
  return kaplanMeier(time, event, { confType });
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
  // Counting partition by group, visiting people in time order when the times allow
  // it, so that each group's stretch (and the whole, for the log-rank test) is sorted.
  const order = integerSortOrder(time);
  const codeOfPerson = new Int32Array(rows.length);
  for (let j = 0; j < rows.length; j++) codeOfPerson[j] = groups.codeOf[rows[j]];
  const t = new Float64Array(rows.length);
  const e = new Uint8Array(rows.length);
  const fill = offset.slice(0, g);
  for (let x = 0; x < rows.length; x++) {
    const j = order ? order[x] : x;
    const at = fill[codeOfPerson[j]]++;
    t[at] = time[j];
    e[at] = event[j];
  }
  // Labels last, group by group: sequential writes.
  const label: string[] = new Array<string>(rows.length);
  for (let k = 0; k < g; k++) for (let at = offset[k]; at < offset[k + 1]; at++) label[at] = groups.names[k];
  const curves: GroupCurves['curves'] = [];
  for (let k = 0; k < g; k++) {
    if (!listed[k] || size[k] === 0) continue;
    const stretch = [offset[k], offset[k + 1]] as const;
    const curve = order ? presortedCurve(t.subarray(...stretch), e.subarray(...stretch), confType) : survivalCurve(t.subarray(...stretch), e.subarray(...stretch), confType);
    curves.push({ group: groups.names[k], curve });
  }
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
  return { ...curvesByGroup(groups, groupsInCohortRows(groups, cohortRows(study)), rows, time, event, confType), groupBy };
}
