/**
 * Measure 3 — desistance and the conviction-free curve (measures.md).
 */
import { proportion } from '../stats/index.js';
import type { MeasureOptions } from '../study/options.js';
import { resolveOptions } from './options.js';
import type { Study } from '../study/study.js';
import { followUpStarts } from './cohort.js';
import { columnsOf } from './columns.js';
import { compareGroups } from './compare.js';
import { curvesByColumn, survivalCurve } from './curves.js';
import { monthsSummary } from './summary.js';
import { countsAsReconviction } from './reconviction.js';
import type { DesistanceResult, Unused } from './types.js';

export interface DesistanceOutcomes {
  rows: Int32Array;
  start: Float64Array;
  desisted: Uint8Array;
  /** Days from s to the first reconviction's offence date, or to F (censored). */
  time: Float64Array;
  event: Uint8Array;
  unused: Unused[];
}

/**
 * Desisted = no reconviction (Measure 2's definition: conviction, or caution when
 * `includeCautions`, with conviction_date ≤ F) with an offence date in [s, F].
 */
export function desistanceOutcomes(study: Study, options: Partial<MeasureOptions> = {}): DesistanceOutcomes {
  const opts = resolveOptions(options);
  const { people: p, events: ev, personStart } = columnsOf(study);
  const { rows, start, unused } = followUpStarts(study, opts.desistanceFrom);
  const m = rows.length;
  const desisted = new Uint8Array(m);
  const time = new Float64Array(m);
  const event = new Uint8Array(m);
  for (let j = 0; j < m; j++) {
    const i = rows[j];
    const s = start[j];
    const f = p.followUpEnd[i];
    let first = NaN;
    for (let x = personStart[i], stop = personStart[i + 1]; x < stop; x++) {
      if (!countsAsReconviction(ev.type[x], opts.includeCautions)) continue;
      const d = ev.date[x];
      if (d < s) continue;
      if (d > f) break;
      if (!(ev.convictionDate[x] <= f)) continue;
      first = d; // the first in date order
      break;
    }
    if (Number.isNaN(first)) {
      desisted[j] = 1;
      time[j] = f - s;
    } else {
      event[j] = 1;
      time[j] = first - s;
    }
  }
  return { rows, start, desisted, time, event, unused };
}

/** The conviction-free curve's input (days from s, 1 = reconvicted, 0 = censored at F), e.g. for benchmarks. */
export function desistanceInputs(study: Study, options: Partial<MeasureOptions> = {}): { time: Float64Array; event: Uint8Array } {
  const o = desistanceOutcomes(study, options);
  return { time: o.time, event: o.event };
}

/**
 * Measure 3: people with no reconviction with offence date in [s, F], s = r
 * (`desistanceFrom: 'release'`) or e (`'service_end'`, people with a service_end
 * only); k counts those who desisted. Also the follow-up length F − s (min,
 * median, max, months) and the conviction-free Kaplan–Meier curve from s (event:
 * first reconviction's offence date; censored at F), also by `groupBy` group
 * with the log-rank test.
 */
export function desistanceMeasure(study: Study, options: Partial<MeasureOptions> = {}): DesistanceResult {
  return desistanceResultFrom(study, desistanceOutcomes(study, options), options);
}

export function desistanceResultFrom(study: Study, o: DesistanceOutcomes, options: Partial<MeasureOptions> = {}): DesistanceResult {
  const opts = resolveOptions(options);
  const p = columnsOf(study).people;
  const n = o.rows.length;
  let k = 0;
  const followUpDays = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    if (o.desisted[j]) k++;
    followUpDays[j] = p.followUpEnd[o.rows[j]] - o.start[j];
  }
  const followUp = monthsSummary(followUpDays);
  return {
    from: opts.desistanceFrom,
    overall: proportion(k, n, opts.interval),
    comparison: compareGroups(study, o.rows, o.desisted, opts.groupBy, opts),
    followUpMonths: { min: followUp.min, median: followUp.median, max: followUp.max },
    convictionFree: survivalCurve(o.time, o.event, opts.kmConfType),
    convictionFreeByGroup: curvesByColumn(study, opts.groupBy, o.rows, o.time, o.event, opts.kmConfType),
    unused: o.unused,
  };
}
