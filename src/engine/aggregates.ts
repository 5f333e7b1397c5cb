/**
 * The small aggregates the engine returns (issue 16): counts per day for each
 * curve, per group and per service, value counts for the summaries. Their size
 * is bounded by groups × services × days, never by people. Each is a plain
 * GROUP BY over the per-person tables (per-person.ts) or people_t.
 */
import { EVENT, RECALL_REASONS } from '../study/vocabulary.js';
import type { Dialect } from './dialect.js';
import { lit } from './runner.js';

/** The aggregates by name. `snapshotDay` adds the caseload snapshot. */
export function aggregatesSql(d: Dialect, snapshotDay: number | null, extractionDay = 0): Record<string, string> {
  const warned = (when: string, name: string) =>
    `COALESCE(SUM(CASE WHEN ${when} THEN 1 ELSE 0 END), 0) AS ${name}, MIN(CASE WHEN ${when} THEN p.line END) AS ${name}_first`;
  const reasonHits = RECALL_REASONS.map((r) => d.contains('reasons', lit(`;${r};`)));
  const q: Record<string, string> = {
    counts: `SELECT (SELECT COUNT(*) FROM people_raw) AS people, (SELECT COUNT(*) FROM events_raw) AS events, (SELECT COUNT(*) FROM events_t) AS distinct_events`,
    // The row warnings of records.md that the measures' data quality counts (assemble.ts), on the distinct events;
    // those that need each event's person are counted in one join (a CTE, which every engine here reads).
    warnings: `WITH event_warnings AS (SELECT
  ${warned('x.d > p.f', 'after_f')},
  ${warned(`x.d <= p.f AND (x.d > ${extractionDay} OR x.cd > ${extractionDay})`, 'after_x')},
  ${warned('x.d < p.r', 'before_r')}
  FROM events_t x JOIN people_t p ON p.pid = x.pid)
SELECT 'follow_up_end_after_extraction' AS kind, COUNT(*) AS cnt, 1 AS stage, MIN(line) AS first FROM people_t WHERE f > ${extractionDay}
UNION ALL SELECT 'recall_reasons_on_non_recall', COUNT(*), 2, MIN(_line) FROM events_raw
  WHERE LOWER(type) <> 'recall' AND recall_reasons IS NOT NULL AND REPLACE(recall_reasons, ';', '') <> ''
UNION ALL SELECT 'duplicate_event', (SELECT COUNT(*) FROM events_raw) - (SELECT COUNT(*) FROM events_t), 3, 0
UNION ALL SELECT 'event_after_follow_up_end', after_f, 4, after_f_first FROM event_warnings
UNION ALL SELECT 'event_after_extraction', after_x, 4, after_x_first FROM event_warnings
UNION ALL SELECT 'event_before_release', before_r, 4, before_r_first FROM event_warnings
UNION ALL SELECT 'recall_without_rerelease', COUNT(*), 4, MIN(p.line) FROM events_t x JOIN people_t p ON p.pid = x.pid
  LEFT JOIN (SELECT pid, MAX(d) AS last FROM events_t WHERE type = 1 GROUP BY pid) z ON z.pid = x.pid
  WHERE p.end_reason = 'completed' AND x.type = 0 AND (z.last IS NULL OR z.last < x.d)`,
    cohortGroups: 'SELECT DISTINCT gkey FROM cohort',
    cohortServices: 'SELECT DISTINCT service FROM cohort',
    peopleServices: 'SELECT DISTINCT service FROM people_t',
    flow: `SELECT included, COALESCE(exclusion_reason, '') AS reason, MIN(line) AS first, COUNT(*) AS cnt,
  SUM(CASE WHEN r IS NOT NULL THEN 1 ELSE 0 END) AS released FROM people_t GROUP BY included, COALESCE(exclusion_reason, '')`,
    cohortGaps: `SELECT SUM(CASE WHEN e IS NULL THEN 1 ELSE 0 END) AS no_end, SUM(CASE WHEN irs IS NULL THEN 1 ELSE 0 END) AS no_in_reach, COUNT(*) AS n FROM cohort`,
    recallGroups: 'SELECT gkey, service, LEAST(n, 3) AS rc, COUNT(*) AS cnt, SUM(n) AS total FROM m_recall GROUP BY gkey, service, LEAST(n, 3)',
    recallCurve: 'SELECT gkey, ev, t, COUNT(*) AS cnt FROM m_recall GROUP BY gkey, ev, t',
    recallReasons: `SELECT ${reasonHits.map((h, i) => `SUM(${h}) AS r${i}`).join(', ')},
  SUM(CASE WHEN ${reasonHits.join(' + ')} = 0 THEN 1 ELSE 0 END) AS none FROM m_recall_events`,
    reconvictionGroups: `SELECT gkey, service, (CASE WHEN n > 0 THEN 1 ELSE 0 END) AS k, ind, indonly, COUNT(*) AS cnt, SUM(n) AS total
FROM m_reconviction GROUP BY gkey, service, (CASE WHEN n > 0 THEN 1 ELSE 0 END), ind, indonly`,
    reconvictionPairs: `SELECT isrank, icat, maxrank, COUNT(*) AS cnt FROM m_reconviction
WHERE n > 0 AND isrank IS NOT NULL AND maxrank IS NOT NULL GROUP BY isrank, icat, maxrank`,
    desistanceGroups: 'SELECT gkey, service, desisted, COUNT(*) AS cnt FROM m_desistance GROUP BY gkey, service, desisted',
    desistanceCurve: 'SELECT gkey, service, ev, t, COUNT(*) AS cnt FROM m_desistance GROUP BY gkey, service, ev, t',
    desistanceFollowUp: 'SELECT fu, COUNT(*) AS cnt FROM m_desistance GROUP BY fu',
    provenGroups: `SELECT gkey, service, eligible, (CASE WHEN n > 0 THEN 1 ELSE 0 END) AS k, COUNT(*) AS cnt, SUM(n) AS total
FROM m_proven GROUP BY gkey, service, eligible, (CASE WHEN n > 0 THEN 1 ELSE 0 END)`,
    breachGroups: 'SELECT gkey, service, LEAST(nb, 3) AS bc, COUNT(*) AS cnt, SUM(nb) AS total FROM m_breach_caution GROUP BY gkey, service, LEAST(nb, 3)',
    breachCurve: 'SELECT gkey, ev, t, COUNT(*) AS cnt FROM m_breach_caution GROUP BY gkey, ev, t',
    cautionGroups: `SELECT gkey, service, (CASE WHEN nc > 0 THEN 1 ELSE 0 END) AS k, COUNT(*) AS cnt, SUM(nc) AS total
FROM m_breach_caution GROUP BY gkey, service, (CASE WHEN nc > 0 THEN 1 ELSE 0 END)`,
    inReach: 'SELECT r - irs AS v, COUNT(*) AS cnt FROM cohort WHERE irs IS NOT NULL GROUP BY r - irs',
    community: 'SELECT e - r AS v, COUNT(*) AS cnt FROM cohort WHERE e IS NOT NULL GROUP BY e - r',
    endReasons: 'SELECT end_reason, COUNT(*) AS cnt FROM cohort WHERE e IS NOT NULL GROUP BY end_reason',
    inServiceCurve: `SELECT t, ev, COUNT(*) AS cnt FROM (SELECT (CASE WHEN e IS NULL THEN f - r ELSE e - r END) AS t,
  (CASE WHEN e IS NULL THEN 0 ELSE 1 END) AS ev FROM cohort) x GROUP BY t, ev`,
    describeCategories: ['sex', 'ethnicity', 'tier', 'icat', 'igrp']
      .map((c) => `SELECT ${lit(c)} AS col, gkey, ${c} AS v, COUNT(*) AS cnt FROM cohort GROUP BY gkey, ${c}`)
      .join('\nUNION ALL '),
    describeNumbers: ['age', 'prior', 'custody', 'aces']
      .map((c) => `SELECT ${lit(c)} AS col, gkey, ${c} AS v, COUNT(*) AS cnt FROM cohort WHERE ${c} IS NOT NULL GROUP BY gkey, ${c}`)
      .join('\nUNION ALL '),
  };
  if (snapshotDay !== null) {
    const D = String(snapshotDay);
    // snapshot.ts placeAt: custody when the latest recall in [r, D] has no rerelease on or after its day by D;
    // out of service after a death before D.
    q.snapshot = `SELECT service, place, COUNT(*) AS cnt FROM (SELECT p.service,
  (CASE WHEN NOT ((p.irs IS NOT NULL AND p.irs <= ${D}) OR (p.r IS NOT NULL AND p.r <= ${D})) OR (p.e IS NOT NULL AND p.e < ${D}) OR x.dead = 1 THEN 'out'
        WHEN p.r IS NULL OR ${D} < p.r THEN 'custody'
        WHEN x.last_recall IS NOT NULL AND (x.last_rerelease IS NULL OR x.last_rerelease < x.last_recall) THEN 'custody'
        ELSE 'community' END) AS place
  FROM people_t p LEFT JOIN (SELECT y.pid,
      MAX(CASE WHEN y.type = 0 AND y.d >= q.r AND y.d <= ${D} THEN y.d END) AS last_recall,
      MAX(CASE WHEN y.type = 1 AND y.d <= ${D} THEN y.d END) AS last_rerelease,
      MAX(CASE WHEN y.type = ${EVENT.death} AND y.d < ${D} THEN 1 ELSE 0 END) AS dead
    FROM events_t y JOIN people_t q ON q.pid = y.pid GROUP BY y.pid) x ON x.pid = p.pid) s
GROUP BY service, place`;
  }
  return q;
}
