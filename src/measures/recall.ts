/**
 * Measure 1 — recall at least once (measures.md).
 */
import { proportion } from '../stats/index.js';
import type { MeasureOptions } from '../study/options.js';
import { resolveOptions } from './options.js';
import type { Study } from '../study/study.js';
import { EVENT, RECALL_REASONS } from '../study/vocabulary.js';
import { cohortRows, interventionEnd } from './cohort.js';
import { columnsOf } from './columns.js';
import { compareGroups } from './compare.js';
import { curvesByColumn, survivalCurve } from './curves.js';
import type { RecallResult } from './types.js';

/** Per cohort member: recalls in the window, and the time to the first recall. */
export interface RecallOutcomes {
  rows: Int32Array;
  /** 1 = recalled in the window; also the curve's event (0 = censored at the window's end). */
  recalled: Uint8Array;
  recalls: Int32Array;
  /** Days from r to the first recall in the window, or to the window's end. */
  time: Float64Array;
  /** Recalls in the window giving each reason (RECALL_REASONS order). */
  reasonCounts: number[];
  noReason: number;
  recallsInWindow: number;
}

/**
 * The recall window per person: I = [r, min(e, F)] (`intervention`) or
 * [r, F] (`licence`), closed at both ends.
 */
export function recallOutcomes(study: Study, options: Partial<MeasureOptions> = {}): RecallOutcomes {
  const opts = resolveOptions(options);
  const { people: p, events: ev, personStart } = columnsOf(study);
  const rows = cohortRows(study);
  const m = rows.length;
  const recalled = new Uint8Array(m);
  const recalls = new Int32Array(m);
  const time = new Float64Array(m);
  const reasonCounts = new Array<number>(RECALL_REASONS.length).fill(0);
  let noReason = 0;
  let recallsInWindow = 0;
  const licence = opts.recallWindow === 'licence';
  for (let j = 0; j < m; j++) {
    const i = rows[j];
    const r = p.releaseDate[i];
    const end = licence ? p.followUpEnd[i] : interventionEnd(p, i);
    let first = NaN;
    let count = 0;
    for (let x = personStart[i], stop = personStart[i + 1]; x < stop; x++) {
      if (ev.type[x] !== EVENT.recall) continue;
      const d = ev.date[x];
      if (d < r) continue;
      if (d > end) break; // events are sorted by date
      if (count === 0) first = d;
      count++;
      const mask = ev.recallReasons[x];
      if (mask === 0) noReason++;
      else for (let b = 0; b < reasonCounts.length; b++) if (mask & (1 << b)) reasonCounts[b]++;
    }
    recalls[j] = count;
    recallsInWindow += count;
    if (count > 0) {
      recalled[j] = 1;
      time[j] = first - r;
    } else {
      time[j] = end - r;
    }
  }
  return { rows, recalled, recalls, time, reasonCounts, noReason, recallsInWindow };
}

/**
 * Measure 1: the cohort members with at least one recall dated in the window
 * (I by default, [r, F] with `recallWindow: 'licence'`); recalls per person (mean
 * and 0/1/2/3+), recalls in the window by reason (a recall may give several) and
 * `none`, and the Kaplan–Meier curve of time from r to the first recall, censored
 * at the window's end, also by group with the log-rank test; split by `groupBy`.
 */
export function recallMeasure(study: Study, options: Partial<MeasureOptions> = {}): RecallResult {
  return recallResultFrom(study, recallOutcomes(study, options), options);
}

export function recallResultFrom(study: Study, o: RecallOutcomes, options: Partial<MeasureOptions> = {}): RecallResult {
  const opts = resolveOptions(options);
  const n = o.rows.length;
  let k = 0;
  const distribution = { '0': 0, '1': 0, '2': 0, '3+': 0 };
  for (let j = 0; j < n; j++) {
    const c = o.recalls[j];
    if (c > 0) k++;
    if (c === 0) distribution['0']++;
    else if (c === 1) distribution['1']++;
    else if (c === 2) distribution['2']++;
    else distribution['3+']++;
  }
  const reasons: Record<string, number> = {};
  RECALL_REASONS.forEach((reason, b) => (reasons[reason] = o.reasonCounts[b]));
  reasons.none = o.noReason;
  return {
    window: opts.recallWindow,
    overall: proportion(k, n, opts.interval),
    comparison: compareGroups(study, o.rows, o.recalled, opts.groupBy, opts),
    recallsPerPerson: { mean: n > 0 ? o.recallsInWindow / n : null, distribution },
    reasons,
    recallsInWindow: o.recallsInWindow,
    timeToFirstRecall: survivalCurve(o.time, o.recalled, opts.kmConfType),
    timeToFirstRecallByGroup: curvesByColumn(study, opts.groupBy, o.rows, o.time, o.recalled, opts.kmConfType),
  };
}
