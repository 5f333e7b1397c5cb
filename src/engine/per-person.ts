/**
 * The measures' per-person work as SQL (measures.md, Measures 1–3 and the
 * proven-reoffending window): one table per measure with each cohort member's
 * window, first event, counts and flags, read from people_t and events_t
 * (stage.ts). Each mirrors the loop of the in-memory measure named beside it.
 */
import type { MeasureOptions } from '../study/options.js';
import { EVENT } from '../study/vocabulary.js';
import type { Dialect } from './dialect.js';

/** I = [r, min(e, F)], F for an ongoing person (cohort.ts interventionEnd). */
const INTERVENTION_END = '(CASE WHEN e IS NULL THEN f ELSE LEAST(e, f) END)';

/** Measure 2's events: convictions, and cautions when they count (reconviction.ts countsAsReconviction). */
export function reconvictionTypes(opts: MeasureOptions, x = 'x'): string {
  return opts.includeCautions ? `${x}.type IN (${EVENT.conviction}, ${EVENT.caution})` : `${x}.type = ${EVENT.conviction}`;
}

/** The desistance start s: r, or e for people with a service_end (cohort.ts followUpStarts). */
function startOf(from: 'release' | 'service_end'): { s: string; where: string } {
  return from === 'service_end' ? { s: 'e', where: 'e IS NOT NULL' } : { s: 'r', where: '1 = 1' };
}

/** The statements that build cohort, m_recall, m_reconviction, m_desistance and m_proven. */
export function perPersonSql(d: Dialect, opts: MeasureOptions): string[] {
  const recallEnd = opts.recallWindow === 'licence' ? 'f' : INTERVENTION_END;
  const after = opts.reconvictionWindow === 'after_intervention';
  const reconFrom = after ? 'e' : 'r';
  const reconTo = opts.reconvictionWindow === 'during_intervention' ? INTERVENTION_END : 'f';
  const reconOpen = after ? 'x.d > c.wfrom' : 'x.d >= c.wfrom';
  const start = startOf(opts.desistanceFrom);
  const types = reconvictionTypes(opts);
  return [
    'CREATE TABLE cohort AS SELECT * FROM people_t WHERE included = 1 AND r IS NOT NULL',
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
  ];
}
