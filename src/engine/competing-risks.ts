/**
 * Competing risks on the SQL engine (measures.md "Competing risks";
 * json-output.md `competingRisks`; issue 16): the statuses of each person
 * (per-person.ts competingRisksSql) come back as counts per (group, status,
 * day) and the deaths' six counts, and are finished by the in-memory measure's
 * own competingRisksFromStatuses.
 */
import { competingRisksFromStatuses, type CompetingRiskStatuses } from '../measures/competing-risks.js';
import type { CompetingRisksResult, DesistanceResult, RecallResult } from '../measures/types.js';
import type { MeasureOptions } from '../study/options.js';
import { EVENT } from '../study/vocabulary.js';
import type { Labels } from './labels.js';
import { INTERVENTION_END } from './per-person.js';
import { num, type SqlRow } from './runner.js';

/** The aggregates of a study with deaths: the two analyses' counts and the deaths' counts. */
export function competingRisksAggregatesSql(): Record<string, string> {
  return {
    crReconviction: 'SELECT gkey, st, t, COUNT(*) AS cnt FROM m_cr_reconviction GROUP BY gkey, st, t',
    crRecall: 'SELECT gkey, st, t, COUNT(*) AS cnt FROM m_cr_recall GROUP BY gkey, st, t',
    crDeaths: `SELECT
  (SELECT COUNT(dd) FROM cohort) AS cohort,
  (SELECT COUNT(*) FROM events_t x JOIN cohort c ON c.pid = x.pid WHERE x.type = ${EVENT.death} AND x.d > c.rf) AS after_follow_up_end,
  (SELECT COUNT(*) FROM m_cr_reconviction WHERE st = 2) AS before_reconviction,
  (SELECT COALESCE(SUM(same_day), 0) FROM m_cr_reconviction) AS on_reconviction_day,
  (SELECT COUNT(*) FROM cohort WHERE dd IS NOT NULL AND dd = ${INTERVENTION_END}) AS in_window,
  (SELECT COUNT(*) FROM cohort WHERE dd IS NOT NULL AND dd = r) AS on_release_day`,
  };
}

/** One analysis's statuses, expanded from counts per (group, status, day). */
function statusesOf(rows: SqlRow[], groups: Labels): CompetingRiskStatuses {
  let m = 0;
  for (const row of rows) m += num(row.cnt);
  const time = new Float64Array(m);
  const status = new Uint8Array(m);
  const group = new Int32Array(m);
  let at = 0;
  for (const row of rows) {
    const t = num(row.t);
    const s = num(row.st);
    const g = groups.codeOf(row.gkey);
    for (let c = num(row.cnt); c > 0; c--, at++) {
      time[at] = t;
      status[at] = s;
      group[at] = g;
    }
  }
  return { time, status, group };
}

/** The competing-risks block from the aggregates, beside the measures' own Kaplan–Meier curves (`km`). */
export function finishCompetingRisks(
  res: Record<string, SqlRow[]>,
  groups: Labels,
  listed: boolean[],
  km: { desistance: DesistanceResult; recall: RecallResult },
  opts: MeasureOptions,
): CompetingRisksResult {
  const d = res.crDeaths[0];
  return competingRisksFromStatuses(
    {
      deaths: {
        cohort: num(d.cohort),
        afterFollowUpEnd: num(d.after_follow_up_end),
        beforeReconviction: num(d.before_reconviction),
        onReconvictionDay: num(d.on_reconviction_day),
        inInterventionWindow: num(d.in_window),
        onReleaseDay: num(d.on_release_day),
      },
      reconviction: statusesOf(res.crReconviction, groups),
      recall: statusesOf(res.crRecall, groups),
    },
    { names: groups.names, listed },
    km,
    opts,
  );
}
