/**
 * The measures' per-person work as SQL (measures.md, Measures 1–3, the
 * proven-reoffending window and "Competing risks"; breaches and cautions of
 * issue 10): one table per measure with each cohort member's window, first
 * event, counts and flags, read from people_t and events_t (stage.ts), with
 * follow-up ended at a death. Each mirrors the loop of the in-memory measure named beside it.
 */
import type { MeasureOptions } from '../study/options.js';
import { EVENT } from '../study/vocabulary.js';
import type { Dialect } from './dialect.js';

/** I = [r, min(e, F)], F for an ongoing person (cohort.ts interventionEnd). */
export const INTERVENTION_END = '(CASE WHEN e IS NULL THEN f ELSE LEAST(e, f) END)';

/** Measure 2's events: convictions, and cautions when they count (reconviction.ts countsAsReconviction). */
export function reconvictionTypes(opts: MeasureOptions, x = 'x'): string {
  return opts.includeCautions ? `${x}.type IN (${EVENT.conviction}, ${EVENT.caution})` : `${x}.type = ${EVENT.conviction}`;
}

/** The desistance start s: r, or e for people with a service_end (cohort.ts followUpStarts). */
function startOf(from: 'release' | 'service_end'): { s: string; where: string } {
  return from === 'service_end' ? { s: 'e', where: 'e IS NOT NULL' } : { s: 'r', where: '1 = 1' };
}

/** people_t's columns (stage.ts peopleSql) but f, which the cohort takes from the death. */
const PEOPLE_T_BUT_F = [
  'line',
  'pid',
  'service',
  'included',
  'exclusion_reason',
  'end_reason',
  'r',
  'e',
  'irs',
  'sex',
  'ethnicity',
  'tier',
  'age',
  'prior',
  'custody',
  'aces',
  'icat',
  'igrp',
  'isrank',
  'gkey',
];

/**
 * The cohort with F = min(F, death) (columns.ts endFollowUpAtDeath; measures.md
 * "Competing risks"): `dd` is the person's death on or before the recorded F
 * (NULL otherwise: a later death is ignored, as any event after F), `rf` the
 * recorded F. The checks (death-checks.ts) leave at most one death a person.
 */
function cohortSql(): string[] {
  return [
    `CREATE TABLE m_deaths AS SELECT x.pid, MIN(x.d) AS dd FROM events_t x JOIN people_t p ON p.pid = x.pid
WHERE x.type = ${EVENT.death} AND x.d <= p.f GROUP BY x.pid`,
    `CREATE TABLE cohort AS SELECT ${PEOPLE_T_BUT_F.map((c) => `p.${c}`).join(', ')},
  (CASE WHEN z.dd IS NOT NULL AND z.dd < p.f THEN z.dd ELSE p.f END) AS f, p.f AS rf, z.dd AS dd
FROM people_t p LEFT JOIN m_deaths z ON z.pid = p.pid WHERE p.included = 1 AND p.r IS NOT NULL`,
  ];
}

/** The statements that build cohort, m_recall, m_reconviction, m_desistance, m_proven and m_breach_caution. */
export function perPersonSql(d: Dialect, opts: MeasureOptions): string[] {
  const recallEnd = opts.recallWindow === 'licence' ? 'f' : INTERVENTION_END;
  const after = opts.reconvictionWindow === 'after_intervention';
  const reconFrom = after ? 'e' : 'r';
  const reconTo = opts.reconvictionWindow === 'during_intervention' ? INTERVENTION_END : 'f';
  const reconOpen = after ? 'x.d > c.wfrom' : 'x.d >= c.wfrom';
  const start = startOf(opts.desistanceFrom);
  const types = reconvictionTypes(opts);
  return [
    ...cohortSql(),
    // recall.ts recallOutcomes
    `CREATE TABLE m_recall AS SELECT c.pid, c.gkey, c.service, COUNT(x.pid) AS n,
  (CASE WHEN COUNT(x.pid) > 0 THEN MIN(x.d) - c.r ELSE c.wend - c.r END) AS t,
  (CASE WHEN COUNT(x.pid) > 0 THEN 1 ELSE 0 END) AS ev
FROM (SELECT pid, gkey, service, r, ${recallEnd} AS wend FROM cohort) c
LEFT JOIN events_t x ON x.pid = c.pid AND x.type = ${EVENT.recall} AND x.d >= c.r AND x.d <= c.wend
GROUP BY c.pid, c.gkey, c.service, c.r, c.wend`,
    `CREATE TABLE m_recall_events AS SELECT x.reasons FROM (SELECT pid, r, ${recallEnd} AS wend FROM cohort) c
JOIN events_t x ON x.pid = c.pid AND x.type = ${EVENT.recall} AND x.d >= c.r AND x.d <= c.wend`,
    // reconviction.ts reconvictionOutcomes
    `CREATE TABLE m_reconviction AS SELECT c.pid, c.gkey, c.service, c.isrank, c.icat, COUNT(x.pid) AS n,
  MAX(o.srank) AS maxrank,
  MAX(CASE WHEN o.mode IN ('indictable_only', 'either_way') THEN 1 ELSE 0 END) AS ind,
  MAX(CASE WHEN o.mode = 'indictable_only' THEN 1 ELSE 0 END) AS indonly
FROM (SELECT pid, gkey, service, isrank, icat, f, ${reconFrom} AS wfrom, ${reconTo} AS wto FROM cohort${after ? ' WHERE e IS NOT NULL' : ''}) c
LEFT JOIN events_t x ON x.pid = c.pid AND ${types} AND ${reconOpen} AND x.d <= c.wto AND x.cd IS NOT NULL AND x.cd <= c.f
LEFT JOIN offences_t o ON o.code = x.off
GROUP BY c.pid, c.gkey, c.service, c.isrank, c.icat`,
    // desistance.ts desistanceOutcomes
    `CREATE TABLE m_desistance AS SELECT c.pid, c.gkey, c.service, c.f - c.s AS fu,
  (CASE WHEN MIN(x.d) IS NULL THEN 1 ELSE 0 END) AS desisted,
  (CASE WHEN MIN(x.d) IS NULL THEN c.f - c.s ELSE MIN(x.d) - c.s END) AS t,
  (CASE WHEN MIN(x.d) IS NULL THEN 0 ELSE 1 END) AS ev
FROM (SELECT pid, gkey, service, f, ${start.s} AS s FROM cohort WHERE ${start.where}) c
LEFT JOIN events_t x ON x.pid = c.pid AND ${types} AND x.d >= c.s AND x.d <= c.f AND x.cd IS NOT NULL AND x.cd <= c.f
GROUP BY c.pid, c.gkey, c.service, c.f, c.s`,
    // proven-reoffending.ts provenOutcomes: w = s + W months, c = w + 6 months
    `CREATE TABLE m_proven_dates AS SELECT pid, gkey, service, f, s, w, ${d.addMonths('w', 6)} AS cend
FROM (SELECT pid, gkey, service, f, s, ${d.addMonths('s', opts.provenWindowMonths)} AS w
  FROM (SELECT pid, gkey, service, f, ${start.s} AS s FROM cohort WHERE ${start.where}) a) b`,
    `CREATE TABLE m_proven AS SELECT c.pid, c.gkey, c.service, (CASE WHEN c.f >= c.cend THEN 1 ELSE 0 END) AS eligible,
  (CASE WHEN c.f >= c.cend THEN COUNT(x.pid) ELSE 0 END) AS n
FROM m_proven_dates c
LEFT JOIN events_t x ON x.pid = c.pid AND ${types} AND x.d >= c.s AND x.d < c.w AND x.cd IS NOT NULL AND x.cd < c.cend
GROUP BY c.pid, c.gkey, c.service, c.f, c.cend`,
    // breaches.ts breachMeasure (breaches dated in I = [r, min(e, F)]) and cautionMeasure (offence date
    // in [r, F], caution date ≤ F, whatever includeCautions says): one pass over both types, as I ends by F.
    `CREATE TABLE m_breach_caution AS SELECT c.pid, c.gkey, c.service,
  SUM(CASE WHEN x.type = ${EVENT.breach} AND x.d <= c.wend THEN 1 ELSE 0 END) AS nb,
  COALESCE(MIN(CASE WHEN x.type = ${EVENT.breach} AND x.d <= c.wend THEN x.d END), c.wend) - c.r AS t,
  MAX(CASE WHEN x.type = ${EVENT.breach} AND x.d <= c.wend THEN 1 ELSE 0 END) AS ev,
  SUM(CASE WHEN x.type = ${EVENT.caution} AND x.cd IS NOT NULL AND x.cd <= c.f THEN 1 ELSE 0 END) AS nc
FROM (SELECT pid, gkey, service, r, f, ${INTERVENTION_END} AS wend FROM cohort) c
LEFT JOIN events_t x ON x.pid = c.pid AND x.type IN (${EVENT.breach}, ${EVENT.caution}) AND x.d >= c.r AND x.d <= c.f
GROUP BY c.pid, c.gkey, c.service, c.r, c.f, c.wend`,
  ];
}

/**
 * competing-risks.ts competingRisksFrom's statuses, for a study with deaths:
 * 0 censored, 1 the cause, 2 death. Reconviction: the desistance analysis's
 * time, death where follow-up ended at the death without a reconviction.
 * Recall: death where, not recalled, the window's end is the death.
 */
export function competingRisksSql(opts: MeasureOptions): string[] {
  const s = startOf(opts.desistanceFrom).s;
  return [
    `CREATE TABLE m_cr_reconviction AS SELECT m.gkey, m.t, (CASE WHEN m.ev = 1 THEN 1 WHEN c.dd IS NOT NULL AND c.dd = c.f THEN 2 ELSE 0 END) AS st,
  (CASE WHEN m.ev = 1 AND c.dd IS NOT NULL AND c.dd = c.${s} + m.t THEN 1 ELSE 0 END) AS same_day
FROM m_desistance m JOIN cohort c ON c.pid = m.pid`,
    `CREATE TABLE m_cr_recall AS SELECT m.gkey, m.t, (CASE WHEN m.ev = 1 THEN 1 WHEN c.dd IS NOT NULL AND c.dd = c.r + m.t THEN 2 ELSE 0 END) AS st
FROM m_recall m JOIN cohort c ON c.pid = m.pid`,
  ];
}
