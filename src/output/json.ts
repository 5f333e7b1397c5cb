/**
 * The machine-readable document of json-output.md. Keys there are stable; the
 * extra keys here (comparison details, unused people, description, services)
 * are additions that spec allows.
 */
import type { Curve, Estimate, Proportion, Summary } from '../stats/types.js';
import type { GroupComparison, GroupCurves, StudyMeasures } from '../measures/types.js';
import { changeJson } from './change-json.js';
import { breakEvenOnlyJson } from './value-json.js';
import { competingRisksJson } from './competing-risks-json.js';
import { adjustedComparisonJson } from './adjusted-json.js';
import { type Json, num, nums, pair } from './json-values.js';

function proportionJson(p: Proportion): { k: number; n: number; proportion: number | null; ci: [number | null, number | null] | null } {
  return { k: p.k, n: p.n, proportion: num(p.proportion), ci: pair(p.ci) };
}

export function summaryJson(s: Summary): { [key: string]: number | null } {
  return { n: s.n, mean: num(s.mean), sd: num(s.sd), median: num(s.median), q1: num(s.q1), q3: num(s.q3), min: num(s.min), max: num(s.max) };
}

export function curveJson(c: Curve): { [key: string]: Json } {
  return {
    time: nums(c.time),
    nRisk: nums(c.nRisk),
    nEvent: nums(c.nEvent),
    nCensor: nums(c.nCensor),
    survival: nums(c.survival),
    lower: nums(c.lower),
    upper: nums(c.upper),
    median: num(c.median),
    stdErr: nums(c.stdErr),
    medianLower: num(c.medianLower),
    medianUpper: num(c.medianUpper),
    confType: c.confType,
  };
}

function groupCurvesJson(g: GroupCurves | undefined): Json {
  if (!g) return null;
  return {
    groupBy: g.groupBy,
    curves: g.curves.map((c) => ({ group: c.group, curve: curveJson(c.curve) })),
    logRank: g.logRank ? { chiSquare: num(g.logRank.chiSquare), df: g.logRank.df, p: num(g.logRank.p) } : null,
  };
}

function estimateJson(e: Estimate | null): Json {
  return e ? { estimate: num(e.estimate), ci: pair(e.ci) } : null;
}

function comparisonJson(c: GroupComparison): { [key: string]: Json } {
  return {
    groupBy: c.groupBy,
    byGroup: c.byGroup.map((g) => ({ group: g.group, ...proportionJson(g) })),
    fisherP: num(c.fisherP),
    fisherNote: c.fisherNote,
    chiSquareP: num(c.chiSquare?.p),
    chiSquare: c.chiSquare
      ? { statistic: num(c.chiSquare.statistic), df: c.chiSquare.df, p: num(c.chiSquare.p), expected: c.chiSquare.expected.map((row) => nums(row)) }
      : null,
    riskDifference: estimateJson(c.riskDifference),
    relativeRisk: estimateJson(c.relativeRisk),
  };
}

/**
 * The JSON document of json-output.md: dates as YYYY-MM-DD, proportions as
 * fractions, numbers unrounded; `recall.byGroup`, `groupBy`, `fisherP` and
 * `chiSquareP` at the recall level; `snapshot` null unless a snapshot date was set.
 */
export function toJsonDocument(m: StudyMeasures): { [key: string]: Json } {
  const recallComparison = comparisonJson(m.recall.comparison);
  const r = m.reconviction;
  const d = m.desistance;
  const pr = m.provenReoffending;
  const t = m.timeInService;
  return {
    toolkitVersion: m.toolkitVersion,
    title: m.title,
    extractionDate: m.extractionDate,
    extractionDateInferred: m.extractionDateInferred,
    options: { ...m.options, snapshotDate: m.snapshot ? m.snapshot.date : null },
    dataQuality: {
      people: { ...m.dataQuality.people },
      events: { ...m.dataQuality.events },
      ...(m.dataQuality.assessments ? { assessments: { ...m.dataQuality.assessments } } : {}),
      warnings: { ...m.dataQuality.warnings },
    },
    flow: {
      people: m.flow.people,
      excluded: { ...m.flow.excluded },
      included: m.flow.included,
      notYetReleased: m.flow.notYetReleased,
      cohort: m.flow.cohort,
      unusedByMeasure: Object.fromEntries(Object.entries(m.flow.unusedByMeasure).map(([k, v]) => [k, v.map((u) => ({ reason: u.reason, count: u.count }))])),
    },
    recall: {
      window: m.recall.window,
      overall: proportionJson(m.recall.overall),
      byGroup: recallComparison.byGroup,
      groupBy: recallComparison.groupBy,
      fisherP: recallComparison.fisherP,
      chiSquareP: recallComparison.chiSquareP,
      fisherNote: recallComparison.fisherNote,
      chiSquare: recallComparison.chiSquare,
      riskDifference: recallComparison.riskDifference,
      relativeRisk: recallComparison.relativeRisk,
      recallsPerPerson: {
        mean: num(m.recall.recallsPerPerson.mean),
        distribution: { ...m.recall.recallsPerPerson.distribution },
      },
      reasons: { ...m.recall.reasons },
      recallsInWindow: m.recall.recallsInWindow,
      timeToFirstRecall: curveJson(m.recall.timeToFirstRecall),
      timeToFirstRecallByGroup: groupCurvesJson(m.recall.timeToFirstRecallByGroup),
    },
    reconviction: {
      window: r.window,
      includeCautions: r.includeCautions,
      overall: proportionJson(r.overall),
      reconvictions: r.reconvictions,
      perPerson: num(r.perPerson),
      perReconvicted: num(r.perReconvicted),
      seriousness: { ...r.seriousness },
      indictable: { k: r.indictable.k, ofCohort: proportionJson(r.indictable.ofCohort), ofReconvicted: proportionJson(r.indictable.ofReconvicted) },
      indictableOnly: {
        k: r.indictableOnly.k,
        ofCohort: proportionJson(r.indictableOnly.ofCohort),
        ofReconvicted: proportionJson(r.indictableOnly.ofReconvicted),
      },
      comparison: comparisonJson(r.comparison),
      unused: r.unused.map((u) => ({ ...u })),
    },
    desistance: {
      from: d.from,
      overall: proportionJson(d.overall),
      followUpMonths: { min: num(d.followUpMonths.min), median: num(d.followUpMonths.median), max: num(d.followUpMonths.max) },
      convictionFree: curveJson(d.convictionFree),
      convictionFreeByGroup: groupCurvesJson(d.convictionFreeByGroup),
      comparison: comparisonJson(d.comparison),
      unused: d.unused.map((u) => ({ ...u })),
    },
    provenReoffending: {
      windowMonths: pr.windowMonths,
      waitingMonths: pr.waitingMonths,
      eligible: pr.eligible,
      tooShort: pr.tooShort,
      overall: proportionJson(pr.overall),
      reoffences: pr.reoffences,
      reoffencesPerPerson: num(pr.reoffencesPerPerson),
      reoffencesPerReoffender: num(pr.reoffencesPerReoffender),
      comparison: comparisonJson(pr.comparison),
      unused: (pr.unused ?? []).map((u) => ({ ...u })),
    },
    timeInService: {
      inReachMonths: summaryJson(t.inReachMonths),
      communityMonths: summaryJson(t.communityMonths),
      ongoing: t.ongoing,
      endReasons: { ...t.endReasons },
      kmMedianMonths: num(t.kmMedianMonths),
      inService: curveJson(t.inService),
    },
    snapshot: m.snapshot
      ? {
          date: m.snapshot.date,
          inCustody: m.snapshot.inCustody,
          inCommunity: m.snapshot.inCommunity,
          total: m.snapshot.total,
          byService: m.snapshot.byService.map((s) => ({ service: s.service, inCustody: s.inCustody, inCommunity: s.inCommunity, total: s.total })),
        }
      : null,
    description: descriptionJson(m),
    services: servicesJson(m),
    adjustedComparison: adjustedComparisonJson(m.adjustedComparison),
    change: changeJson(m.change),
    breakEven: breakEvenOnlyJson(m.breakEven ?? null) as Json,
    competingRisks: competingRisksJson(m.competingRisks),
    breaches: breachesJson(m),
    cautions: cautionsJson(m),
  };
}

/** `breaches` (keys in the README's JSON section): Measure 1's shapes for breach events in I. */
function breachesJson(m: StudyMeasures): Json {
  const b = m.breaches;
  if (!b) return null;
  const c = comparisonJson(b.comparison);
  return {
    window: b.window,
    overall: proportionJson(b.overall),
    byGroup: c.byGroup,
    groupBy: c.groupBy,
    fisherP: c.fisherP,
    chiSquareP: c.chiSquareP,
    breachesPerPerson: { mean: num(b.breachesPerPerson.mean), distribution: { ...b.breachesPerPerson.distribution } },
    breachesInWindow: b.breachesInWindow,
    timeToFirstBreach: curveJson(b.timeToFirstBreach),
    timeToFirstBreachByGroup: groupCurvesJson(b.timeToFirstBreachByGroup),
    comparison: c,
  };
}

/** `cautions`: people cautioned since release, whatever includeCautions says. */
function cautionsJson(m: StudyMeasures): Json {
  const x = m.cautions;
  if (!x) return null;
  const c = comparisonJson(x.comparison);
  return {
    window: x.window,
    countedAsReconvictions: x.countedAsReconvictions,
    overall: proportionJson(x.overall),
    byGroup: c.byGroup,
    groupBy: c.groupBy,
    fisherP: c.fisherP,
    chiSquareP: c.chiSquareP,
    cautions: x.cautions,
    perPerson: num(x.perPerson),
  };
}

function descriptionJson(m: StudyMeasures): Json {
  const column = (c: StudyMeasures['description']['overall']): Json => ({
    group: c.group,
    n: c.n,
    categorical: Object.fromEntries(
      Object.entries(c.categorical).map(([k, rows]) => [
        k,
        // A fraction here, as every proportion in the document (the typed result holds a percentage).
        rows.map((x) => ({ value: x.value, count: x.count, proportion: c.n > 0 ? x.count / c.n : null })),
      ]),
    ),
    numeric: Object.fromEntries(Object.entries(c.numeric).map(([k, s]) => [k, summaryJson(s)])),
    fourOrMoreAces: c.fourOrMoreAces,
  });
  return { groupBy: m.description.groupBy, overall: column(m.description.overall), byGroup: m.description.byGroup.map(column) };
}

function servicesJson(m: StudyMeasures): Json {
  const s = m.services;
  return {
    services: [...s.services],
    measures: s.measures.map((x) => ({
      measure: x.measure,
      byService: x.byService.map((g) => ({ group: g.group, ...proportionJson(g) })),
      pooled: proportionJson(x.pooled),
      fisherP: num(x.fisherP),
      fisherNote: x.fisherNote ?? null,
      chiSquare: x.chiSquare ? { statistic: num(x.chiSquare.statistic), df: x.chiSquare.df, p: num(x.chiSquare.p) } : null,
      funnel: x.funnel.map((f) => ({ n: f.n, lower95: num(f.lower95), upper95: num(f.upper95), lower998: num(f.lower998), upper998: num(f.upper998) })),
    })),
    convictionFree: s.convictionFree.map((c) => ({ service: c.service, curve: curveJson(c.curve) })),
    logRank: s.logRank ? { chiSquare: num(s.logRank.chiSquare), df: s.logRank.df, p: num(s.logRank.p) } : null,
  };
}
