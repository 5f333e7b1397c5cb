/**
 * comparison.md "Outcomes and effects": each compared person's proven reoffending,
 * frequency, recall and days to the first proven reoffence in the outcome window, and
 * the conviction-free time over the whole follow-up.
 */
import type { Study } from '../../study/study.js';
import { EVENT } from '../../study/vocabulary.js';
import { columnsOf } from '../columns.js';
import { countsAsReconviction } from '../reconviction.js';
import type { Side } from './who-is-compared.js';

export interface PersonOutcomes {
  /** 1 when a proven reoffence: a reconviction with offence date in [r, w) and conviction date < c. */
  reoffended: Uint8Array;
  /** The number of proven reoffences (each event row one). */
  frequency: Float64Array;
  /** 1 when a recall is dated in [r, w). */
  recall: Uint8Array;
  /** Days from r to the offence date of the first proven reoffence; NaN when none. */
  daysToFirst: Float64Array;
  /** The offence group of each proven reoffence, in date order. */
  groups: string[][];
  /** Conviction-free time from r: days to the first reconviction's offence date (convicted by F), or to F. */
  time: Float64Array;
  /** 1 = reconvicted, 0 = censored at F. */
  event: Uint8Array;
}

/** The outcomes of a side's eligible, complete people (in `side.rows` order). */
export function personOutcomes(study: Study, side: Side, includeCautions: boolean): PersonOutcomes {
  const { events: ev, personStart } = columnsOf(study);
  const n = side.rows.length;
  const out: PersonOutcomes = {
    reoffended: new Uint8Array(n),
    frequency: new Float64Array(n),
    recall: new Uint8Array(n),
    daysToFirst: new Float64Array(n).fill(Number.NaN),
    groups: new Array(n),
    time: new Float64Array(n),
    event: new Uint8Array(n),
  };
  const group = study.offences.group;
  for (let j = 0; j < n; j++) {
    const i = side.rows[j];
    const r = side.release[j];
    const w = side.windowEnd[j];
    const c = side.waitEnd[j];
    const f = side.followUpEnd[j];
    const groups: string[] = [];
    let first = Number.NaN;
    let firstConviction = Number.NaN;
    for (let x = personStart[i], stop = personStart[i + 1]; x < stop; x++) {
      const d = ev.date[x];
      if (d < r) continue;
      const type = ev.type[x];
      if (type === EVENT.recall && d < w) out.recall[j] = 1;
      if (!countsAsReconviction(type, includeCautions)) continue;
      if (d < w && ev.convictionDate[x] < c) {
        groups.push(ev.offence[x] >= 0 ? group[ev.offence[x]] : '');
        if (Number.isNaN(first)) first = d;
      }
      // Measure 3's first reconviction: offence date in [r, F], convicted by F.
      if (Number.isNaN(firstConviction) && d <= f && ev.convictionDate[x] <= f) firstConviction = d;
    }
    out.groups[j] = groups;
    out.frequency[j] = groups.length;
    out.reoffended[j] = groups.length > 0 ? 1 : 0;
    out.daysToFirst[j] = first - r;
    if (Number.isNaN(firstConviction)) out.time[j] = f - r;
    else {
      out.time[j] = firstConviction - r;
      out.event[j] = 1;
    }
  }
  return out;
}
