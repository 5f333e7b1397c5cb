/**
 * json-output.md, "`change`": individual outcome change per instrument, with
 * the spec's keys exactly (no person's scores: those stay in the typed result
 * for the analyst's plot).
 */
import type { ChangeResult, ChangeSummary } from '../measures/types.js';
import type { Proportion } from '../stats/types.js';
import { type Json, num } from './json-values.js';

const proportion = (p: Proportion | null): Json =>
  p ? { k: p.k, n: p.n, proportion: num(p.proportion), ci: p.ci ? [num(p.ci[0]), num(p.ci[1])] : null } : null;

function summaryJson(s: ChangeSummary): { [key: string]: Json } {
  const c = s.categories;
  return {
    cohort: s.cohort,
    noAssessment: s.noAssessment,
    oneDayOnly: s.oneDayOnly,
    noFollowUp: s.noFollowUp,
    n: s.n,
    meanPre: num(s.meanPre),
    meanPost: num(s.meanPost),
    meanChange: num(s.meanChange),
    sdChange: num(s.sdChange),
    ci: s.ci ? [num(s.ci[0]), num(s.ci[1])] : null,
    t: num(s.t),
    p: num(s.p),
    categories: c
      ? {
          recovered: proportion(c.recovered),
          improved: proportion(c.improved),
          noReliableChange: proportion(c.noReliableChange),
          deteriorated: proportion(c.deteriorated),
          notClinicalAtStart: proportion(c.notClinicalAtStart),
        }
      : null,
  };
}

/** The `change` key: null when the study has no instruments and assessments. */
export function changeJson(change: ChangeResult | null | undefined): Json {
  if (!change) return null;
  const out: { [key: string]: Json } = {};
  for (const [name, x] of Object.entries(change)) {
    out[name] = {
      better: x.better,
      reliability: x.reliability,
      s: num(x.s),
      sSource: x.sSource,
      sDiff: num(x.sDiff),
      reliableChange: num(x.reliableChange),
      cutOff: x.cutOff ? { value: num(x.cutOff.value), rule: x.cutOff.rule } : null,
      groupBy: x.groupBy,
      overall: summaryJson(x.overall),
      byGroup: x.byGroup.map((g) => ({ group: g.group, ...summaryJson(g) })),
    };
  }
  return out;
}
