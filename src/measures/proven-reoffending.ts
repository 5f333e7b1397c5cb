/**
 * Fixed-window proven reoffending, the Ministry of Justice convention (measures.md, Measure 3).
 */
import { proportion } from '../stats/index.js';
import type { MeasureOptions } from '../study/options.js';
import { resolveOptions } from './options.js';
import type { Study } from '../study/study.js';
import { addMonths } from '../time/days.js';
import { followUpStarts } from './cohort.js';
import { columnsOf } from './columns.js';
import { compareGroups } from './compare.js';
import { countsAsReconviction } from './reconviction.js';
import type { ProvenReoffendingResult, Unused } from './types.js';

export const WAITING_MONTHS = 6;
export const FOLLOW_UP_TOO_SHORT = 'follow-up too short';

export interface ProvenOutcomes {
  /** Eligible people rows. */
  rows: Int32Array;
  reoffended: Uint8Array;
  reoffences: Int32Array;
  tooShort: number;
  unused: Unused[];
}

/**
 * addMonths with a cache: a study has far fewer distinct days than people, and
 * calendar arithmetic through Date is slow at a million calls.
 */
function monthAdder(months: number): (day: number) => number {
  const memo = new Map<number, number>();
  let base = NaN;
  let table = new Float64Array(0);
  return (day) => {
    const slot = day - base;
    if (slot >= 0 && slot < table.length) {
      const v = table[slot];
      if (!Number.isNaN(v)) return v;
      return (table[slot] = addMonths(day, months));
    }
    if (Number.isNaN(base) && Number.isInteger(day)) {
      // A window of days around the first one asked, filled lazily.
      base = day - 20_000;
      table = new Float64Array(40_000).fill(NaN);
      return (table[day - base] = addMonths(day, months));
    }
    let v = memo.get(day);
    if (v === undefined) memo.set(day, (v = addMonths(day, months)));
    return v;
  };
}

/** w = s + W months and c = w + 6 months, as functions of s and w (W already checked by resolveOptions). */
export function provenDates(windowMonths: number): { windowEnd: (s: number) => number; waitEnd: (w: number) => number } {
  return { windowEnd: monthAdder(windowMonths), waitEnd: monthAdder(WAITING_MONTHS) };
}

/** The number of people the proven-reoffending measure covers whose follow-up ends before c. */
export function provenTooShort(study: Study, options: Partial<MeasureOptions> = {}): number {
  const opts = resolveOptions(options);
  const p = columnsOf(study).people;
  const starts = followUpStarts(study, opts.desistanceFrom);
  const { windowEnd, waitEnd } = provenDates(opts.provenWindowMonths);
  let tooShort = 0;
  for (let j = 0; j < starts.rows.length; j++) {
    if (!(p.followUpEnd[starts.rows[j]] >= waitEnd(windowEnd(starts.start[j])))) tooShort++;
  }
  return tooShort;
}

/**
 * With s the desistance start, w = s + W months and c = w + 6 months (two
 * clamped calendar additions, in that order): eligible iff F ≥ c; reoffended iff
 * a reconviction (Measure 2's types) has offence date in [s, w) and conviction_date < c.
 */
export function provenOutcomes(study: Study, options: Partial<MeasureOptions> = {}): ProvenOutcomes {
  const opts = resolveOptions(options);
  const { people: p, events: ev, personStart } = columnsOf(study);
  const starts = followUpStarts(study, opts.desistanceFrom);
  const { windowEnd, waitEnd } = provenDates(opts.provenWindowMonths);
  const m = starts.rows.length;
  const eligibleRows = new Int32Array(m);
  const reoffended = new Uint8Array(m);
  const reoffences = new Int32Array(m);
  let e = 0;
  for (let j = 0; j < m; j++) {
    const i = starts.rows[j];
    const s = starts.start[j];
    const w = windowEnd(s);
    const c = waitEnd(w);
    if (!(p.followUpEnd[i] >= c)) continue;
    let count = 0;
    for (let x = personStart[i], stop = personStart[i + 1]; x < stop; x++) {
      if (!countsAsReconviction(ev.type[x], opts.includeCautions)) continue;
      const d = ev.date[x];
      if (d < s) continue;
      if (d >= w) break;
      if (ev.convictionDate[x] < c) count++;
    }
    eligibleRows[e] = i;
    reoffences[e] = count;
    reoffended[e] = count > 0 ? 1 : 0;
    e++;
  }
  const tooShort = m - e;
  const unused = [...starts.unused];
  if (tooShort > 0) unused.push({ reason: FOLLOW_UP_TOO_SHORT, count: tooShort });
  return { rows: eligibleRows.slice(0, e), reoffended: reoffended.slice(0, e), reoffences: reoffences.slice(0, e), tooShort, unused };
}

/**
 * Proven reoffending over a W-month window (option `provenWindowMonths`) and a
 * 6-month waiting period from the desistance start s: eligible n, reoffenders k,
 * the binary rate and CI, reoffences per eligible person and per reoffender.
 */
export function provenReoffendingMeasure(study: Study, options: Partial<MeasureOptions> = {}): ProvenReoffendingResult {
  return provenResultFrom(study, provenOutcomes(study, options), options);
}

export function provenResultFrom(study: Study, o: ProvenOutcomes, options: Partial<MeasureOptions> = {}): ProvenReoffendingResult {
  const opts = resolveOptions(options);
  const n = o.rows.length;
  let k = 0;
  let total = 0;
  for (let j = 0; j < n; j++) {
    total += o.reoffences[j];
    if (o.reoffended[j]) k++;
  }
  return {
    windowMonths: opts.provenWindowMonths,
    waitingMonths: WAITING_MONTHS,
    eligible: n,
    tooShort: o.tooShort,
    overall: proportion(k, n, opts.interval),
    comparison: compareGroups(study, o.rows, o.reoffended, opts.groupBy, opts),
    reoffences: total,
    reoffencesPerPerson: n > 0 ? total / n : null,
    reoffencesPerReoffender: k > 0 ? total / k : null,
    unused: o.unused,
  };
}
