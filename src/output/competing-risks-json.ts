/**
 * json-output.md `competingRisks`: the deaths, and for reconviction and recall
 * the CauseBlock overall and by group with Gray's test; null without deaths.
 */
import type { IncidenceCurve } from '../stats/aalen-johansen.js';
import type { CauseBlock, CompetingRisk, CompetingRisksResult, IncidenceAt } from '../measures/types.js';
import { type Json, num, nums } from './json-values.js';

function incidenceCurveJson(c: IncidenceCurve): Json {
  return {
    time: nums(c.time),
    nRisk: nums(c.nRisk),
    nEvent: nums(c.nEvent),
    nCensor: nums(c.nCensor),
    cumulativeIncidence: nums(c.cumulativeIncidence),
    se: nums(c.se),
    lower: nums(c.lower),
    upper: nums(c.upper),
  };
}

function atJson(a: IncidenceAt): Json {
  return { estimate: num(a.estimate), se: num(a.se), ci: a.ci ? [num(a.ci[0]), num(a.ci[1])] : null };
}

function causeBlockJson(cause: string, b: CauseBlock): { [key: string]: Json } {
  return {
    n: b.n,
    events: { [cause]: b.events[cause], death: b.events.death },
    censored: b.censored,
    curves: { [cause]: incidenceCurveJson(b.curves[cause]), death: incidenceCurveJson(b.curves.death) },
    atYears: b.atYears.map((a) => ({
      years: a.years,
      day: a.day,
      [cause]: atJson(a[cause] as IncidenceAt),
      death: atJson(a.death as IncidenceAt),
      oneMinusKm: num(a.oneMinusKm),
      difference: num(a.difference),
    })),
  };
}

function riskJson(cause: string, r: CompetingRisk): { [key: string]: Json } {
  return {
    overall: causeBlockJson(cause, r.overall),
    byGroup: r.byGroup.map((g) => ({ group: g.group, ...causeBlockJson(cause, g) })),
    grayTest: Object.fromEntries(Object.entries(r.grayTest).map(([k, t]) => [k, { statistic: num(t.statistic), df: t.df, p: num(t.p) }])),
  };
}

/** The `competingRisks` key: null when the study has no death events. */
export function competingRisksJson(c: CompetingRisksResult | null | undefined): Json {
  if (!c) return null;
  return {
    deaths: { ...c.deaths },
    reconviction: { from: c.reconviction.from, groupBy: c.reconviction.groupBy, ...riskJson('reconviction', c.reconviction) },
    recall: { window: c.recall.window, groupBy: c.recall.groupBy, ...riskJson('recall', c.recall) },
  };
}
