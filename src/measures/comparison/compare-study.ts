/**
 * The matched comparison of comparison.md, end to end: who is compared on both sides,
 * the propensity model, nearest-neighbour matching or weighting, weights and subclasses,
 * balance, the effects on the treated, the weighted conviction-free curves and the robust
 * hazard ratio.
 */
import { coxph } from '../../stats/cox-fit.js';
import { attEffect, attWeights, balanceTable, nearestMatch, type AttStandardError } from '../../stats/matching/index.js';
import { summarize } from '../../stats/summary.js';
import { weightedKaplanMeier } from '../../stats/weighted-kaplan-meier.js';
import { type ComparisonSettings, resolveComparisonSettings } from '../../study/comparison-settings.js';
import type { Study } from '../../study/study.js';
import { ComparisonError } from './errors.js';
import type { MatchedSample } from './matched-sample.js';
import { valueForMoney } from '../value/value-for-money.js';
import type { ValueInputsOfStudy } from '../value/service-break-even.js';
import { personOutcomes, type PersonOutcomes } from './outcomes.js';
import { propensityModel } from './propensity.js';
import { propensityDistribution } from './propensity-distribution.js';
import type { ComparisonResult, HazardRatio } from './types.js';
import { whoIsCompared } from './who-is-compared.js';

export interface CompareOptions {
  /** Count cautions as reoffences (the study's `options.includeCautions`); default false. */
  includeCautions?: boolean;
  /** The study file's `value` key with its unit costs (value.md): value for money of the matched sample; none without. */
  value?: ValueInputsOfStudy | null;
}

/** Matching and weighting weights with each person's subclass (0 for none). */
interface Weighted {
  caliperWidth: number | null;
  serviceWeight: Float64Array;
  poolWeight: Float64Array;
  serviceSubclass: Int32Array;
  poolSubclass: Int32Array | null;
  noMatchInCaliper: number;
}

/** No one left to compare after matching or weighting: say why and what to change. */
function nobodyCompared(
  settings: ComparisonSettings,
  complete: number,
  outsideCaliper: number,
  poolUsed: number,
  warnings: readonly string[],
): ComparisonError {
  const codes = [...new Set(warnings.map((w) => w.slice(0, w.indexOf(':'))))];
  const warned = codes.length > 0 ? ` (it warned: ${codes.join(', ')})` : '';
  if (settings.method === 'nearest' && outsideCaliper === complete)
    return new ComparisonError(
      `no service person has a comparison person within the caliper (${settings.caliper} standard deviations of the distance): all ${complete} complete service people are left unmatched. The propensity model separates the two sides${warned}: check the covariates, or widen the caliper (--caliper, or "caliper" in the study file's "comparison" key)`,
    );
  return new ComparisonError(
    `nobody is left to compare: ${poolUsed === 0 ? 'no pool person has a weight above 0' : 'no service person has a weight above 0'} after ${settings.method === 'nearest' ? 'matching' : 'weighting'}. The propensity model separates the two sides${warned}: check the covariates`,
  );
}

/**
 * Compares the study's service people with a matched (or weighted) group from its pool,
 * with the study file's settings overridden by `overrides` (comparison.md's defaults for
 * the rest). Throws a ComparisonError when there is no pool, nobody on a side is eligible
 * and complete, the propensity model cannot be fitted, or nobody is left to compare after
 * matching or weighting.
 */
export function compareStudy(study: Study, overrides: Partial<ComparisonSettings> = {}, options: CompareOptions = {}): ComparisonResult {
  const pool = study.pool;
  if (!pool) throw new ComparisonError('the study has no comparison pool: name its tables in the study file\'s "comparison" key (comparison.md)');
  const settings = resolveComparisonSettings(overrides);
  const includeCautions = options.includeCautions ?? false;
  const { covariates } = settings;
  const W = settings.outcomeWindowMonths;

  const service = whoIsCompared(study, covariates, W, 'service');
  const comparison = whoIsCompared(pool, covariates, W, 'pool');
  const nobody = (side: string, s: typeof service) =>
    new ComparisonError(
      `nobody on the ${side} side is eligible and complete: ${s.cohort} in the ${side === 'service' ? 'cohort' : 'pool'}, ${s.tooShort} with follow-up too short for a ${W}-month window and its 6-month wait, ${Object.values(s.missingCovariate).reduce((a, b) => a + b, 0)} with a covariate missing`,
    );
  if (service.rows.length === 0) throw nobody('service', service);
  if (comparison.rows.length === 0) throw nobody('pool', comparison);

  const model = propensityModel(service, comparison, covariates, settings.distance);
  const weighted = settings.method === 'nearest' ? matchNearest(settings, model, covariates) : weightByOdds(model);

  const balance = balanceTable({
    distance: model.distance,
    covariates: model.covariates.map((c) => ({ name: c.name, service: c.service, pool: c.pool })),
    weights: { service: weighted.serviceWeight, pool: weighted.poolWeight },
  });

  const os = personOutcomes(study, service, includeCautions);
  const op = personOutcomes(pool, comparison, includeCautions);
  const sample = matchedSample(os, op, weighted, settings);
  const rowsOf = (w: Float64Array) => {
    const rows: number[] = [];
    for (let i = 0; i < w.length; i++) if (w[i] > 0) rows.push(i);
    return rows;
  };
  const sRows = rowsOf(weighted.serviceWeight);
  const pRows = rowsOf(weighted.poolWeight);
  if (sRows.length === 0 || pRows.length === 0) throw nobodyCompared(settings, service.rows.length, weighted.noMatchInCaliper, pRows.length, model.warnings);
  const column = (pick: (o: PersonOutcomes) => ArrayLike<number>) => Float64Array.from([...sRows.map((i) => pick(os)[i]), ...pRows.map((i) => pick(op)[i])]);
  const effect = (pick: (o: PersonOutcomes) => ArrayLike<number>) => attEffect(column(pick), sample.treated, sample.weights, sample.standardError);

  const days = (o: PersonOutcomes, rows: number[]) => summarize(Float64Array.from(rows.map((i) => o.daysToFirst[i]).filter((d) => !Number.isNaN(d))));
  const pick = (a: ArrayLike<number>, rows: number[]) => Float64Array.from(rows, (i) => a[i]);
  const curves = {
    service: weightedKaplanMeier(pick(os.time, sRows), pick(os.event, sRows), pick(weighted.serviceWeight, sRows)),
    pool: weightedKaplanMeier(pick(op.time, pRows), pick(op.event, pRows), pick(weighted.poolWeight, pRows)),
  };

  const matchedService = sRows.length;
  return {
    settings: { ...settings, includeCautions },
    flow: {
      service: {
        cohort: service.cohort,
        tooShort: service.tooShort,
        missingCovariate: service.missingCovariate,
        complete: service.rows.length,
        noMatchInCaliper: weighted.noMatchInCaliper,
        matched: matchedService,
      },
      pool: {
        people: pool.people.totalRows(),
        pool: comparison.cohort,
        tooShort: comparison.tooShort,
        missingCovariate: comparison.missingCovariate,
        complete: comparison.rows.length,
        matched: pRows.length,
        notUsed: comparison.rows.length - pRows.length,
      },
    },
    caliperWidth: weighted.caliperWidth,
    propensity: {
      terms: model.fit.terms.map((t) => ({ term: t.term, estimate: t.estimate, se: t.se, z: t.z, p: t.p })),
      converged: model.fit.converged,
      iterations: model.fit.iterations,
      warnings: model.warnings,
    },
    balance: balance.rows,
    balanced: balance.balanced,
    failing: balance.failing,
    ess: balance.ess,
    effects: {
      provenReoffending: effect((o) => o.reoffended),
      frequency: effect((o) => o.frequency),
      recall: effect((o) => o.recall),
      daysToFirstReoffence: { service: days(os, sRows), pool: days(op, pRows) },
      hazardRatio: hazardRatio(
        column((o) => o.time),
        column((o) => o.event),
        sample,
        weighted,
        sRows,
        pRows,
        settings,
      ),
    },
    curves,
    propensityDistribution: propensityDistribution(model.distance, { service: weighted.serviceWeight, pool: weighted.poolWeight }),
    distances: { service: model.distance.service, pool: model.distance.pool, serviceWeight: weighted.serviceWeight, poolWeight: weighted.poolWeight },
    sample,
    value: options.value ? valueForMoney(sample, matchedService, options.value.settings, options.value.unitCosts) : null,
  };
}

function matchNearest(settings: ComparisonSettings, model: ReturnType<typeof propensityModel>, covariates: readonly string[]): Weighted {
  const exactIndex = settings.exact.map((name) => covariates.indexOf(name));
  const m = nearestMatch({
    service: model.distance.service,
    pool: model.distance.pool,
    serviceExact: exactIndex.map((k) => model.covariates[k].service),
    poolExact: exactIndex.map((k) => model.covariates[k].pool),
    caliper: settings.caliper,
    ratio: settings.ratio,
    replace: settings.replace,
  });
  return {
    caliperWidth: m.caliperWidth,
    serviceWeight: m.serviceWeight,
    poolWeight: m.poolWeight,
    serviceSubclass: m.subclass,
    poolSubclass: m.poolSubclass,
    noMatchInCaliper: m.noMatchInCaliper.length,
  };
}

function weightByOdds(model: ReturnType<typeof propensityModel>): Weighted {
  const bad = model.probability.pool.findIndex((p) => !(p < 1));
  if (bad >= 0) {
    throw new ComparisonError(
      'the weights cannot be formed: a pool person has a fitted probability of 1, so p/(1 − p) is infinite (see the propensity warnings)',
    );
  }
  const w = attWeights(model.probability.service, model.probability.pool);
  return {
    caliperWidth: null,
    serviceWeight: w.service,
    poolWeight: w.pool,
    serviceSubclass: new Int32Array(w.service.length),
    poolSubclass: null,
    noMatchInCaliper: 0,
  };
}

/** The rows with weight > 0, service first, with the standard error the method prescribes. */
function matchedSample(os: PersonOutcomes, op: PersonOutcomes, weighted: Weighted, settings: ComparisonSettings): MatchedSample {
  const treated: number[] = [];
  const weights: number[] = [];
  const groups: string[][] = [];
  const cluster: number[] = [];
  weighted.serviceWeight.forEach((w, i) => {
    if (w > 0) {
      treated.push(1);
      weights.push(w);
      groups.push(os.groups[i]);
      cluster.push(weighted.serviceSubclass[i]);
    }
  });
  weighted.poolWeight.forEach((w, i) => {
    if (w > 0) {
      treated.push(0);
      weights.push(w);
      groups.push(op.groups[i]);
      cluster.push(weighted.poolSubclass ? weighted.poolSubclass[i] : 0);
    }
  });
  const standardError: AttStandardError =
    settings.method === 'weighting' ? { type: 'HC0' } : settings.replace ? { type: 'HC3' } : { type: 'cluster', cluster: Int32Array.from(cluster) };
  return { treated: Uint8Array.from(treated), weights: Float64Array.from(weights), standardError, reoffenceGroups: groups };
}

/**
 * `coxph(Surv(time, event) ~ treated, weights = w, cluster = subclass, ties = "efron")`;
 * `robust = TRUE` without a cluster for weighting and for matching with replacement.
 * Null when nobody in the sample was reconvicted (no hazard ratio can be estimated).
 */
function hazardRatio(
  time: Float64Array,
  event: Float64Array,
  sample: MatchedSample,
  weighted: Weighted,
  sRows: number[],
  pRows: number[],
  settings: ComparisonSettings,
): HazardRatio | null {
  if (!event.some((e) => e === 1)) return null;
  const cluster =
    settings.method === 'nearest' && !settings.replace
      ? Int32Array.from([...sRows.map((i) => weighted.serviceSubclass[i]), ...pRows.map((i) => weighted.poolSubclass![i])])
      : undefined;
  const fit = coxph(
    time,
    event,
    { names: ['treated'], columns: [Float64Array.from(sample.treated)] },
    {
      ties: 'efron',
      weights: sample.weights,
      ...(cluster ? { cluster } : {}),
      robust: true,
    },
  );
  const t = fit.terms[0];
  if (t.estimate === null || t.se === null || t.p === null || t.ci === null || t.hazardRatio === null) return null;
  return { estimate: t.hazardRatio, ci: t.ci, p: t.p, seLog: t.se };
}
