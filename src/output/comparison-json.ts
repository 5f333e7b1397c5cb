/**
 * The document of `follow-up compare --json`, json-output.md "follow-up compare --json",
 * key for key. Not suppressed (comparison.md readings: it is the analyst's).
 */
import { valueJson } from './value-json.js';
import type { ComparisonResult } from '../measures/comparison/types.js';
import type { AttEffect, BalanceStatistics } from '../stats/matching/index.js';
import type { Curve } from '../stats/types.js';
import { TOOLKIT_VERSION } from '../version.js';
import { summaryJson } from './json.js';
import { type Json, num, nums, pair } from './json-values.js';

function effectJson(e: AttEffect): Json {
  return { service: num(e.service), pool: num(e.pool), difference: num(e.difference), se: num(e.se), ci: pair(e.ci), p: num(e.p) };
}

function statisticsJson(s: BalanceStatistics): Json {
  return { meanService: num(s.meanService), meanPool: num(s.meanPool), smd: num(s.smd), varianceRatio: num(s.varianceRatio) };
}

/** A Curve of json-output.md (weighted: nRisk, nEvent, nCensor are sums of weights). */
function curveJson(c: Curve): Json {
  return {
    time: nums(c.time),
    nRisk: nums(c.nRisk),
    nEvent: nums(c.nEvent),
    nCensor: nums(c.nCensor),
    survival: nums(c.survival),
    lower: nums(c.lower),
    upper: nums(c.upper),
    median: num(c.median),
  };
}

/**
 * The JSON object of a comparison. `value` is value for money (value.md), null when the
 * study has no `value` key.
 */
export function comparisonJson(r: ComparisonResult): { [key: string]: Json } {
  const s = r.settings;
  return {
    toolkitVersion: TOOLKIT_VERSION,
    settings: {
      method: s.method,
      distance: s.distance,
      caliper: s.caliper,
      ratio: s.ratio,
      replace: s.replace,
      outcomeWindowMonths: s.outcomeWindowMonths,
      covariates: [...s.covariates],
      exact: [...s.exact],
      includeCautions: s.includeCautions,
    },
    flow: {
      service: { ...r.flow.service, missingCovariate: { ...r.flow.service.missingCovariate } },
      pool: { ...r.flow.pool, missingCovariate: { ...r.flow.pool.missingCovariate } },
    },
    caliperWidth: num(r.caliperWidth),
    propensity: {
      terms: r.propensity.terms.map((t) => ({ term: t.term, estimate: num(t.estimate), se: num(t.se), z: num(t.z), p: num(t.p) })),
      converged: r.propensity.converged,
      iterations: r.propensity.iterations,
      warnings: [...r.propensity.warnings],
    },
    balance: r.balance.map((row) => ({ term: row.term, before: statisticsJson(row.before), after: statisticsJson(row.after) })),
    balanced: r.balanced,
    ess: { service: num(r.ess.service), pool: num(r.ess.pool) },
    effects: {
      provenReoffending: effectJson(r.effects.provenReoffending),
      frequency: effectJson(r.effects.frequency),
      recall: effectJson(r.effects.recall),
      daysToFirstReoffence: { service: summaryJson(r.effects.daysToFirstReoffence.service), pool: summaryJson(r.effects.daysToFirstReoffence.pool) },
      hazardRatio: r.effects.hazardRatio
        ? {
            estimate: num(r.effects.hazardRatio.estimate),
            ci: pair(r.effects.hazardRatio.ci),
            p: num(r.effects.hazardRatio.p),
            seLog: num(r.effects.hazardRatio.seLog),
          }
        : null,
    },
    curves: { service: curveJson(r.curves.service), pool: curveJson(r.curves.pool) },
    value: valueJson(r.value) as Json,
  };
}

function sideBins(b: { service: number[]; pool: number[] }): { [key: string]: Json } {
  return { service: [...b.service], pool: [...b.pool] };
}

/**
 * What a report page renders of a comparison: the JSON of `follow-up compare --json`
 * (whose keys stay exactly json-output.md's) with the propensity score histogram of both
 * sides beside it, which the page needs for comparison.md's "propensity score
 * distributions of both sides before and after matching" and the JSON does not carry.
 */
export function comparisonReportInput(r: ComparisonResult): { [key: string]: Json } {
  const h = r.propensityDistribution;
  return {
    ...comparisonJson(r),
    propensityDistribution: { breaks: [...h.breaks], before: sideBins(h.before), after: sideBins(h.after), afterPeople: sideBins(h.afterPeople) },
  };
}
