/**
 * Breaches and cautions in their own right (issue 10; records.md `breach` and
 * `caution` events; windows as measures.md "The cohort" and Measure 2). The spec
 * names no keys for them: these follow Measure 1's shapes (see the README's JSON
 * section).
 * - Breach: person i breached if at least one `breach` event is dated in the
 *   intervention window I = [r, min(e, F)]; breaches per person (mean, and
 *   0 / 1 / 2 / 3+); time from r to the first breach in I as a Kaplan–Meier curve,
 *   censored at min(e, F) (so at a death, which ends F).
 * - Caution: person i was cautioned since release if a `caution` event has its
 *   offence date in [r, F] and its caution date (conviction_date) ≤ F, whether or
 *   not `includeCautions` counts cautions as reconvictions.
 */
import { proportion } from '../stats/index.js';
import type { MeasureOptions } from '../study/options.js';
import type { Study } from '../study/study.js';
import { EVENT } from '../study/vocabulary.js';
import { cohortRows, interventionEnd } from './cohort.js';
import { columnsOf } from './columns.js';
import { compareGroups } from './compare.js';
import { curvesByColumn, survivalCurve } from './curves.js';
import { resolveOptions } from './options.js';
import type { BreachResult, CautionResult } from './types.js';

/** The 0 / 1 / 2 / 3+ distribution of per-person counts. */
function distributionOf(counts: Int32Array): { '0': number; '1': number; '2': number; '3+': number } {
  const d = { '0': 0, '1': 0, '2': 0, '3+': 0 };
  for (const c of counts) {
    if (c === 0) d['0']++;
    else if (c === 1) d['1']++;
    else if (c === 2) d['2']++;
    else d['3+']++;
  }
  return d;
}

/** Breaches in the intervention window over the cohort, split by `groupBy`. */
export function breachMeasure(study: Study, options: Partial<MeasureOptions> = {}): BreachResult {
  const opts = resolveOptions(options);
  const { people: p, events: ev, personStart } = columnsOf(study);
  const rows = cohortRows(study);
  const m = rows.length;
  const breached = new Uint8Array(m);
  const counts = new Int32Array(m);
  const time = new Float64Array(m);
  let total = 0;
  for (let j = 0; j < m; j++) {
    const i = rows[j];
    const r = p.releaseDate[i];
    const end = interventionEnd(p, i);
    let first = NaN;
    let count = 0;
    for (let x = personStart[i], stop = personStart[i + 1]; x < stop; x++) {
      if (ev.type[x] !== EVENT.breach) continue;
      const d = ev.date[x];
      if (d < r) continue;
      if (d > end) break; // events are sorted by date
      if (count === 0) first = d;
      count++;
    }
    counts[j] = count;
    total += count;
    breached[j] = count > 0 ? 1 : 0;
    time[j] = count > 0 ? first - r : end - r;
  }
  let k = 0;
  for (const b of breached) k += b;
  return breachResultFromCounts(
    { k, n: m, total, distribution: distributionOf(counts) },
    compareGroups(study, rows, breached, opts.groupBy, opts),
    survivalCurve(time, breached, opts.kmConfType),
    curvesByColumn(study, opts.groupBy, rows, time, breached, opts.kmConfType),
    opts,
  );
}

/**
 * The breach measure from its counts: k of n people breached, `total` breaches
 * in the window, the 0 / 1 / 2 / 3+ distribution, with the comparison and the
 * curves already made (the in-memory measure and the SQL engine finish here).
 */
export function breachResultFromCounts(
  counts: { k: number; n: number; total: number; distribution: BreachResult['breachesPerPerson']['distribution'] },
  comparison: BreachResult['comparison'],
  timeToFirstBreach: BreachResult['timeToFirstBreach'],
  timeToFirstBreachByGroup: BreachResult['timeToFirstBreachByGroup'],
  opts: MeasureOptions,
): BreachResult {
  const { k, n, total } = counts;
  return {
    window: 'intervention',
    overall: proportion(k, n, opts.interval),
    comparison,
    breachesPerPerson: { mean: n > 0 ? total / n : null, distribution: counts.distribution },
    breachesInWindow: total,
    timeToFirstBreach,
    timeToFirstBreachByGroup,
  };
}

/** People cautioned since release (offence date in [r, F], caution date ≤ F), whatever `includeCautions` says. */
export function cautionMeasure(study: Study, options: Partial<MeasureOptions> = {}): CautionResult {
  const opts = resolveOptions(options);
  const { people: p, events: ev, personStart } = columnsOf(study);
  const rows = cohortRows(study);
  const m = rows.length;
  const cautioned = new Uint8Array(m);
  let total = 0;
  for (let j = 0; j < m; j++) {
    const i = rows[j];
    const r = p.releaseDate[i];
    const f = p.followUpEnd[i];
    for (let x = personStart[i], stop = personStart[i + 1]; x < stop; x++) {
      if (ev.type[x] !== EVENT.caution) continue;
      const d = ev.date[x];
      if (d < r) continue;
      if (d > f) break;
      if (!(ev.convictionDate[x] <= f)) continue;
      cautioned[j] = 1;
      total++;
    }
  }
  let k = 0;
  for (const c of cautioned) k += c;
  return cautionResultFromCounts({ k, n: m, total }, compareGroups(study, rows, cautioned, opts.groupBy, opts), opts);
}

/** The caution measure from its counts: k of n people cautioned, `total` cautions (the in-memory measure and the SQL engine finish here). */
export function cautionResultFromCounts(
  counts: { k: number; n: number; total: number },
  comparison: CautionResult['comparison'],
  opts: MeasureOptions,
): CautionResult {
  const { k, n, total } = counts;
  return {
    window: 'since_release',
    countedAsReconvictions: opts.includeCautions,
    overall: proportion(k, n, opts.interval),
    comparison,
    cautions: total,
    perPerson: n > 0 ? total / n : null,
  };
}
