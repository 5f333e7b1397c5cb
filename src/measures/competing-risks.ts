/**
 * Competing risks (measures.md "Competing risks"; json-output.md `competingRisks`):
 * the cumulative incidence of reconviction from s with death competing, and of the
 * first recall in the recall window with a death in that window competing, by the
 * Aalen–Johansen estimator, overall and by group with Gray's test, beside
 * 1 − Kaplan–Meier (deaths censored) at 1, 2 and 5 years.
 */
import type { IncidenceCurve } from '../stats/aalen-johansen.js';
import { aalenJohansen, grayTest } from '../stats/index.js';
import type { Curve } from '../stats/types.js';
import type { MeasureOptions } from '../study/options.js';
import type { Study } from '../study/study.js';
import { EVENT } from '../study/vocabulary.js';
import { cohortRows, interventionEnd } from './cohort.js';
import { columnsOf } from './columns.js';
import type { DesistanceOutcomes } from './desistance.js';
import { groupColumn, groupsInCohortRows } from './groups.js';
import { resolveOptions } from './options.js';
import type { RecallOutcomes } from './recall.js';
import type { CauseBlock, CompetingRisk, CompetingRisksResult, DesistanceResult, RecallResult } from './types.js';

/** The years at which the cumulative incidence and 1 − KM are compared (measures.md). */
const COMPARISON_YEARS = [1, 2, 5] as const;

/** Status codes of one analysis: 0 censored, 1 the cause, 2 death. */
const CAUSE = 1;
const DEATH = 2;

/** True when the study has at least one death row (of anyone, before or after F): its competing-risks inputs. */
function hasDeaths(study: Study): boolean {
  const type = columnsOf(study).events.type;
  for (let k = 0; k < type.length; k++) if (type[k] === EVENT.death) return true;
  return false;
}

/**
 * The competing-risks block, or null when the study has no death events.
 * Reconviction: the desistance analysis's time from s to the first
 * reconviction, status death where the person's follow-up ended at their death
 * without one (on one day the offence comes first). Recall: the time to first
 * recall in the recall window, status death where the death falls in the window
 * (closed at both ends; a death after e leaves the person censored at e).
 */
export function competingRisksFrom(
  study: Study,
  outcomes: { desistance: DesistanceOutcomes; recall: RecallOutcomes },
  km: { desistance: DesistanceResult; recall: RecallResult },
  options: Partial<MeasureOptions> = {},
): CompetingRisksResult | null {
  if (!hasDeaths(study)) return null;
  const opts = resolveOptions(options);
  const { people: p, events: ev } = columnsOf(study);
  const died = (i: number) => !Number.isNaN(p.deathDate[i]);

  const d = outcomes.desistance;
  const reconvictionStatus = new Uint8Array(d.rows.length);
  let beforeReconviction = 0;
  let onReconvictionDay = 0;
  for (let j = 0; j < d.rows.length; j++) {
    const i = d.rows[j];
    if (d.event[j] === 1) {
      reconvictionStatus[j] = CAUSE;
      if (died(i) && p.deathDate[i] === d.start[j] + d.time[j]) onReconvictionDay++;
    } else if (died(i) && p.deathDate[i] === p.followUpEnd[i]) {
      reconvictionStatus[j] = DEATH;
      beforeReconviction++;
    }
  }

  const r = outcomes.recall;
  const recallStatus = new Uint8Array(r.rows.length);
  let inWindow = 0;
  let onReleaseDay = 0;
  let inCohort = 0;
  for (let j = 0; j < r.rows.length; j++) {
    const i = r.rows[j];
    if (r.recalled[j] === 1) recallStatus[j] = CAUSE;
    if (!died(i)) continue;
    inCohort++;
    const release = p.releaseDate[i];
    if (p.deathDate[i] === release) onReleaseDay++;
    // I = [r, min(e, F)] with F ≤ death: the death is in I exactly when I ends on it.
    if (p.deathDate[i] === interventionEnd(p, i)) inWindow++;
    // Not recalled, the time runs to the window's end, which is the death when the death is in the window.
    if (r.recalled[j] === 0 && p.deathDate[i] === release + r.time[j]) recallStatus[j] = DEATH;
  }

  // Death rows after the person's recorded F, among the cohort (ignored by the measures).
  let afterFollowUpEnd = 0;
  const { personStart } = columnsOf(study);
  for (const i of cohortRows(study)) {
    for (let x = personStart[i]; x < personStart[i + 1]; x++) {
      if (ev.type[x] === EVENT.death && ev.date[x] > p.recordedFollowUpEnd[i]) afterFollowUpEnd++;
    }
  }

  const groups = groupColumn(study, opts.groupBy);
  const codes = (rows: Int32Array) => Int32Array.from(rows, (i) => groups.codeOf[i]);
  return competingRisksFromStatuses(
    {
      deaths: { cohort: inCohort, afterFollowUpEnd, beforeReconviction, onReconvictionDay, inInterventionWindow: inWindow, onReleaseDay },
      reconviction: { time: d.time, status: reconvictionStatus, group: codes(d.rows) },
      recall: { time: r.time, status: recallStatus, group: codes(r.rows) },
    },
    { names: groups.names, listed: groupsInCohortRows(groups, cohortRows(study)) },
    km,
    opts,
  );
}

/** One analysis's people: time, status (0 censored, 1 the cause, 2 death) and group code of each. */
export interface CompetingRiskStatuses {
  time: ArrayLike<number>;
  status: Uint8Array;
  group: Int32Array;
}

/**
 * The competing-risks block from each analysis's statuses and the deaths'
 * counts: the Aalen–Johansen fits overall and for each listed group with anyone
 * in the analysis (in the groups' order), Gray's test of each cause with at
 * least one event when two groups or more have a block, and the values at 1, 2
 * and 5 years beside 1 − KM of the measure's own curves (`km`). The in-memory
 * measure and the SQL engine (src/engine/competing-risks.ts) both finish here.
 */
export function competingRisksFromStatuses(
  input: { deaths: CompetingRisksResult['deaths']; reconviction: CompetingRiskStatuses; recall: CompetingRiskStatuses },
  groups: { names: readonly string[]; listed: readonly boolean[] },
  km: { desistance: DesistanceResult; recall: RecallResult },
  opts: MeasureOptions,
): CompetingRisksResult {
  const analysis = (cause: string, { time, status, group }: CompetingRiskStatuses, curve: Curve, byGroup: { group: string; curve: Curve }[]): CompetingRisk => {
    const label = Array.from(group, (g) => groups.names[g]);
    const blocks: CompetingRisk['byGroup'] = [];
    for (let g = 0; g < groups.names.length; g++) {
      if (!groups.listed[g]) continue;
      const name = groups.names[g];
      const members: number[] = [];
      for (let j = 0; j < group.length; j++) if (group[j] === g) members.push(j);
      if (members.length === 0) continue;
      const km = byGroup.find((c) => c.group === name)?.curve ?? null;
      blocks.push({
        group: name,
        ...causeBlock(
          cause,
          members.map((j) => time[j]),
          members.map((j) => status[j]),
          km,
        ),
      });
    }
    const grayTestResult: CompetingRisk['grayTest'] = {};
    if (blocks.length >= 2) {
      for (const [name, code] of [
        [cause, CAUSE],
        ['death', DEATH],
      ] as const) {
        if (!status.some((s) => s === code)) continue;
        const test = grayTest(time, status, label, code);
        if (test !== null) grayTestResult[name] = { statistic: test.statistic, df: test.df, p: test.p };
      }
    }
    return { overall: causeBlock(cause, time, status, curve), byGroup: blocks, grayTest: grayTestResult };
  };

  return {
    deaths: input.deaths,
    reconviction: {
      from: opts.desistanceFrom,
      groupBy: opts.groupBy,
      ...analysis('reconviction', input.reconviction, km.desistance.convictionFree, km.desistance.convictionFreeByGroup?.curves ?? []),
    },
    recall: {
      window: opts.recallWindow,
      groupBy: opts.groupBy,
      ...analysis('recall', input.recall, km.recall.timeToFirstRecall, km.recall.timeToFirstRecallByGroup?.curves ?? []),
    },
  };
}

/** One Aalen–Johansen fit (cause 1 and death) with its counts and the values at 1, 2 and 5 years beside 1 − KM. */
function causeBlock(cause: string, time: ArrayLike<number>, status: ArrayLike<number>, km: Curve | null): CauseBlock {
  const fit = aalenJohansen(time, status, { causes: 2 });
  const events = { [cause]: 0, death: 0 } as Record<string, number>;
  let censored = 0;
  for (let j = 0; j < status.length; j++) {
    if (status[j] === CAUSE) events[cause]++;
    else if (status[j] === DEATH) events.death++;
    else censored++;
  }
  const causeCurve = fit.curves[0];
  const deathCurve = fit.curves[1];
  const atYears = COMPARISON_YEARS.map((years) => {
    const day = 365.25 * years;
    const c = valueAt(causeCurve, day);
    const oneMinusKm = km === null ? 0 : 1 - survivalAt(km, day);
    return { years, day, [cause]: c, death: valueAt(deathCurve, day), oneMinusKm, difference: oneMinusKm - c.estimate };
  }) as CauseBlock['atYears'];
  return { n: status.length, events, censored, curves: { [cause]: causeCurve, death: deathCurve }, atYears };
}

/** The last row at or before `day` (0, se 0, no interval, before the first). */
function valueAt(curve: IncidenceCurve, day: number): { estimate: number; se: number; ci: [number, number] | null } {
  let at = -1;
  for (let m = 0; m < curve.time.length && curve.time[m] <= day; m++) at = m;
  if (at < 0) return { estimate: 0, se: 0, ci: null };
  const lo = curve.lower[at];
  const hi = curve.upper[at];
  return { estimate: curve.cumulativeIncidence[at], se: curve.se[at], ci: lo === null || hi === null ? null : [lo, hi] };
}

function survivalAt(curve: Curve, day: number): number {
  let s = 1;
  for (let m = 0; m < curve.time.length && curve.time[m] <= day; m++) s = curve.survival[m];
  return s;
}
