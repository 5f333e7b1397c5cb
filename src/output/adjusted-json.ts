/**
 * json-output.md `adjustedComparison`: the adjusted comparison of services (measures.md,
 * "Services compared, adjusted for whom they take on"), keys exactly as the spec's.
 */
import type { AdjustedComparison, BinaryAdjusted, ModelFlow } from '../measures/adjusted-types.js';
import type { Term } from '../stats/logistic-regression.js';
import type { Proportion } from '../stats/types.js';
import { type Json, num, pair } from './json-values.js';

const prop = (p: Proportion): Json => ({ k: p.k, n: p.n, proportion: num(p.proportion), ci: pair(p.ci) });

function flowJson(f: ModelFlow): Json {
  const out: { [key: string]: Json } = { cohort: f.cohort };
  if (f.tooShort !== undefined) out.tooShort = f.tooShort;
  out.missingCovariate = { ...f.missingCovariate };
  out.used = f.used;
  return out;
}

function termJson(t: Term & { hazardRatio?: number | null }): Json {
  const out: { [key: string]: Json } = { term: t.term, estimate: num(t.estimate) };
  if (t.hazardRatio !== undefined) out.hazardRatio = num(t.hazardRatio);
  return { ...out, se: num(t.se), z: num(t.z), p: num(t.p), ci: pair(t.ci) };
}

function binaryJson(b: BinaryAdjusted | null): Json {
  if (!b) return null;
  return {
    flow: flowJson(b.flow),
    overall: prop(b.overall),
    expected: num(b.expected),
    model: {
      terms: b.model.terms.map(termJson),
      deviance: num(b.model.deviance),
      nullDeviance: num(b.model.nullDeviance),
      aic: num(b.model.aic),
      iterations: b.model.iterations,
      converged: b.model.converged,
      warnings: [...b.model.warnings],
    },
    byService: b.byService.map((s) => ({
      service: s.service,
      n: s.n,
      observed: s.observed,
      expected: num(s.expected),
      ratio: num(s.ratio),
      riskAdjustedRate: num(s.riskAdjustedRate),
      raw: prop(s.raw),
      limits95: pair(s.limits95),
      limits998: pair(s.limits998),
      rateLimits95: pair(s.rateLimits95),
      rateLimits998: pair(s.rateLimits998),
    })),
  };
}

/** The `adjustedComparison` value: null when the study has fewer than two services. */
export function adjustedComparisonJson(a: AdjustedComparison | null | undefined): Json {
  if (!a) return null;
  const c = a.timeToReconviction;
  return {
    caseMix: [...a.caseMix],
    windowMonths: a.windowMonths,
    provenReoffending: binaryJson(a.provenReoffending),
    recall: binaryJson(a.recall),
    timeToReconviction: c
      ? {
          flow: flowJson(c.flow),
          nEvent: c.nEvent,
          reference: c.reference,
          byService: c.byService.map((s) => ({
            service: s.service,
            n: s.n,
            nEvent: s.nEvent,
            reference: s.reference,
            estimate: num(s.estimate),
            hazardRatio: num(s.hazardRatio),
            se: num(s.se),
            z: num(s.z),
            p: num(s.p),
            ci: pair(s.ci),
          })),
          lrTest: { statistic: num(c.lrTest.statistic), df: c.lrTest.df, p: num(c.lrTest.p) },
          caseMix: c.caseMix.map(termJson),
          logLik: { null: num(c.logLik.null), caseMixOnly: num(c.logLik.caseMixOnly), full: num(c.logLik.full) },
        }
      : null,
  };
}
