/**
 * Measure 2 — reconviction and its seriousness relative to the index offence (measures.md).
 */
import { proportion } from '../stats/index.js';
import type { MeasureOptions } from '../study/options.js';
import { resolveOptions } from './options.js';
import type { Study } from '../study/study.js';
import { EVENT } from '../study/vocabulary.js';
import { followUpStarts, interventionEnd } from './cohort.js';
import { columnsOf } from './columns.js';
import { compareGroups } from './compare.js';
import type { ReconvictionResult, Unused } from './types.js';

/** A conviction, or a caution when cautions count (measures.md, Measure 2). */
export function countsAsReconviction(type: number, includeCautions: boolean): boolean {
  return type === EVENT.conviction || (includeCautions && type === EVENT.caution);
}

export interface ReconvictionOutcomes {
  /** People rows the measure covers. */
  rows: Int32Array;
  reconvicted: Uint8Array;
  reconvictions: Int32Array;
  /** Highest severity among the person's reconvictions in the window (NaN when none). */
  maxSeverity: Float64Array;
  indictable: Uint8Array;
  indictableOnly: Uint8Array;
  unused: Unused[];
}

/**
 * Reconvictions per person: conviction events (and cautions when
 * `includeCautions`) with offence date in the window and conviction_date ≤ F.
 * Windows: `since_release` [r, F]; `during_intervention` [r, min(e, F)];
 * `after_intervention` (e, F], only people with a service_end.
 */
export function reconvictionOutcomes(study: Study, options: Partial<MeasureOptions> = {}): ReconvictionOutcomes {
  const opts = resolveOptions(options);
  const { people: p, events: ev, personStart } = columnsOf(study);
  const lookup = study.offences;
  const after = opts.reconvictionWindow === 'after_intervention';
  const during = opts.reconvictionWindow === 'during_intervention';
  // The window opens at r, or just after e for after_intervention (people with a service_end only).
  const { rows, start, unused } = followUpStarts(study, after ? 'service_end' : 'release');
  const m = rows.length;
  const reconvicted = new Uint8Array(m);
  const reconvictions = new Int32Array(m);
  const maxSeverity = new Float64Array(m).fill(NaN);
  const indictable = new Uint8Array(m);
  const indictableOnly = new Uint8Array(m);
  const cautions = opts.includeCautions;
  for (let j = 0; j < m; j++) {
    const i = rows[j];
    const f = p.followUpEnd[i];
    const from = start[j];
    const to = during ? interventionEnd(p, i) : f;
    let count = 0;
    let maxSev = NaN;
    for (let x = personStart[i], stop = personStart[i + 1]; x < stop; x++) {
      if (!countsAsReconviction(ev.type[x], cautions)) continue;
      const d = ev.date[x];
      if (after ? d <= from : d < from) continue;
      if (d > to) break; // sorted by date
      if (!(ev.convictionDate[x] <= f)) continue;
      count++;
      const o = ev.offence[x];
      if (o >= 0) {
        const sev = lookup.severity[o];
        if (sev > maxSev || Number.isNaN(maxSev)) maxSev = sev;
        const mode = lookup.modeOfTrial[o];
        if (mode === 'indictable_only') indictableOnly[j] = indictable[j] = 1;
        else if (mode === 'either_way') indictable[j] = 1;
      }
    }
    reconvictions[j] = count;
    if (count > 0) reconvicted[j] = 1;
    maxSeverity[j] = maxSev;
  }
  return { rows, reconvicted, reconvictions, maxSeverity, indictable, indictableOnly, unused };
}

/**
 * Measure 2: people reconvicted in the window (option `reconvictionWindow`),
 * reconvictions per person and per reconvicted person; seriousness (the highest
 * severity of each reconvicted person's reconvictions in the window against
 * the index offence's: more / same / less); indictable (indictable_only or
 * either_way) and indictable-only reconvictions, each of the people the measure
 * covers and of the reconvicted.
 */
export function reconvictionMeasure(study: Study, options: Partial<MeasureOptions> = {}): ReconvictionResult {
  return reconvictionResultFrom(study, reconvictionOutcomes(study, options), options);
}

export function reconvictionResultFrom(study: Study, o: ReconvictionOutcomes, options: Partial<MeasureOptions> = {}): ReconvictionResult {
  const opts = resolveOptions(options);
  const { people: p } = columnsOf(study);
  const lookup = study.offences;
  const n = o.rows.length;
  let k = 0;
  let total = 0;
  let kInd = 0;
  let kIndOnly = 0;
  const seriousness = { more: 0, same: 0, less: 0 };
  // Many people share an (index, reconviction, category) triple: count triples, then
  // list them sorted by value (so the list carries nothing of the file order), one
  // shared object per triple.
  type Triple = { pair: ReconvictionResult['severityPairs'][number]; count: number };
  // Keyed by index offence row, then reconviction severity (numbers: no string per person).
  const triples = new Map<number, Map<number, Triple>>();
  const all: Triple[] = [];
  for (let j = 0; j < n; j++) {
    total += o.reconvictions[j];
    if (!o.reconvicted[j]) continue;
    k++;
    if (o.indictable[j]) kInd++;
    if (o.indictableOnly[j]) kIndOnly++;
    const indexRow = p.indexOffenceRow[o.rows[j]];
    const indexSeverity = indexRow >= 0 ? lookup.severity[indexRow] : NaN;
    const sev = o.maxSeverity[j];
    if (Number.isNaN(indexSeverity) || Number.isNaN(sev)) continue;
    if (sev > indexSeverity) seriousness.more++;
    else if (sev < indexSeverity) seriousness.less++;
    else seriousness.same++;
    let byIndex = triples.get(indexRow);
    if (!byIndex) triples.set(indexRow, (byIndex = new Map()));
    const hit = byIndex.get(sev);
    if (hit) hit.count++;
    else {
      const triple = { pair: Object.freeze({ index: indexSeverity, reconviction: sev, indexCategory: lookup.category[indexRow] }), count: 1 };
      byIndex.set(sev, triple);
      all.push(triple);
    }
  }
  const sorted = all.sort(
    (a, b) =>
      a.pair.index - b.pair.index ||
      a.pair.reconviction - b.pair.reconviction ||
      (a.pair.indexCategory < b.pair.indexCategory ? -1 : a.pair.indexCategory > b.pair.indexCategory ? 1 : 0),
  );
  const severityPairs: ReconvictionResult['severityPairs'] = [];
  for (const t of sorted) for (let c = 0; c < t.count; c++) severityPairs.push(t.pair);
  const iv = opts.interval;
  return {
    window: opts.reconvictionWindow,
    includeCautions: opts.includeCautions,
    overall: proportion(k, n, iv),
    comparison: compareGroups(study, o.rows, o.reconvicted, opts.groupBy, opts),
    reconvictions: total,
    perPerson: n > 0 ? total / n : null,
    perReconvicted: k > 0 ? total / k : null,
    seriousness,
    indictable: { k: kInd, ofCohort: proportion(kInd, n, iv), ofReconvicted: proportion(kInd, k, iv) },
    indictableOnly: { k: kIndOnly, ofCohort: proportion(kIndOnly, n, iv), ofReconvicted: proportion(kIndOnly, k, iv) },
    severityPairs,
    unused: o.unused,
  };
}
