/**
 * The adjusted comparison of services as a page publishes it (measures.md, "Services
 * compared, adjusted for whom they take on"; "Disclosure control"): each service's O of n
 * under the same primary and secondary suppression as the raw comparison (the people a model
 * left out protected against the services' cohorts), its O/E and risk-adjusted rate withheld
 * with its O, the models' flows suppressed with their totals, and where each service sits
 * against the funnel's limits before and after adjustment.
 */
import type { AdjustedComparison, BinaryAdjusted, ModelFlow, TimeToReconvictionAdjusted } from '../measures/adjusted-types.js';
import type { ServiceComparison, ServicesResult } from '../measures/types.js';
import { funnelLimits } from '../stats/funnel.js';
import { isSmallCount, suppressWithTotal, type Count, type DisclosurePolicy, type ShownProportion } from './cells.js';
import { cohortComparison, shownServices } from './services.js';

type FunnelPosition = 'within 95%' | 'between 95% and 99.8%' | 'outside 99.8%';

interface PublishedAdjustedService {
  service: string;
  /** O of n and the raw rate as published (hidden with small counts). */
  raw: ShownProportion;
  hidden: boolean;
  /** Null when hidden. */
  expected: number | null;
  ratio: number | null;
  riskAdjustedRate: number | null;
  limits95: [number, number] | null;
  limits998: [number, number] | null;
  rateLimits95: [number, number] | null;
  /** The raw rate against the binomial funnel around the overall rate of the model's people; null when hidden. */
  rawPosition: FunnelPosition | null;
  /** O/E against its own limits; null when hidden. */
  adjustedPosition: FunnelPosition | null;
}

export interface PublishedFlow {
  cohort: number;
  tooShort: Count | null;
  missing: { covariate: string; count: Count }[];
  used: Count;
}

export interface PublishedBinaryAdjusted {
  outcome: 'provenReoffending' | 'recall';
  flow: PublishedFlow;
  overall: ShownProportion;
  rows: PublishedAdjustedService[];
  warnings: string[];
}

interface PublishedCoxService {
  service: string;
  n: Count;
  nEvent: Count;
  reference: boolean;
  /** Null when aliased or withheld (a service with a small count of people, reconvicted or not). */
  hazardRatio: number | null;
  ci: [number, number] | null;
  p: number | null;
  hidden: boolean;
}

export interface PublishedAdjusted {
  caseMix: string[];
  windowMonths: number;
  binary: PublishedBinaryAdjusted[];
  cox: { flow: PublishedFlow; reference: string; rows: PublishedCoxService[]; lrTest: TimeToReconvictionAdjusted['lrTest'] } | null;
}

/** Position of a value against a (lower, upper) pair at 95% and 99.8%. */
function position(v: number, l95: [number, number], l998: [number, number]): FunnelPosition {
  if (v < l998[0] || v > l998[1]) return 'outside 99.8%';
  if (v < l95[0] || v > l95[1]) return 'between 95% and 99.8%';
  return 'within 95%';
}

/** A model's flow with its parts suppressed against the cohort it adds up to. */
function publishFlow(f: ModelFlow, policy: DisclosurePolicy): PublishedFlow {
  const names = Object.keys(f.missingCovariate);
  const parts = [...(f.tooShort === undefined ? [] : [f.tooShort]), ...names.map((c) => f.missingCovariate[c]), f.used];
  const s = suppressWithTotal(parts, policy).parts;
  const off = f.tooShort === undefined ? 0 : 1;
  return {
    cohort: f.cohort,
    tooShort: f.tooShort === undefined ? null : s[0],
    missing: names.map((covariate, i) => ({ covariate, count: s[off + i] })),
    used: s[s.length - 1],
  };
}

/** Rows k of n as a ServiceComparison, so the raw comparison's suppression applies unchanged. */
function asComparison(
  measure: ServiceComparison['measure'],
  rows: { service: string; k: number; n: number; ci: [number, number] | null }[],
  overall: { k: number; n: number },
): ServiceComparison {
  return {
    measure,
    byService: rows.map((r) => ({ group: r.service, k: r.k, n: r.n, proportion: r.n > 0 ? r.k / r.n : null, ci: r.ci })),
    pooled: { k: overall.k, n: overall.n, proportion: overall.n > 0 ? overall.k / overall.n : null, ci: null },
    funnel: [],
    fisherP: null,
  };
}

function publishBinary(
  outcome: PublishedBinaryAdjusted['outcome'],
  b: BinaryAdjusted,
  policy: DisclosurePolicy,
  cohort: ServiceComparison | undefined,
): PublishedBinaryAdjusted {
  const c = asComparison(
    outcome === 'recall' ? 'recall' : 'provenReoffending',
    b.byService.map((s) => ({ service: s.service, k: s.observed, n: s.n, ci: s.raw.ci })),
    b.overall,
  );
  // The model's n are not the cohort's: the cohort comparison protects the people left out.
  const shown = shownServices(c, policy, cohort && cohort !== c ? cohort : undefined);
  const p0 = b.overall.proportion ?? 0;
  const rows = b.byService.map((s, i): PublishedAdjustedService => {
    const raw = shown.rows[i];
    const hidden = raw.hidden;
    const rawLimits = (level: number) => funnelLimits(p0, s.n, level);
    return {
      service: s.service,
      raw,
      hidden,
      expected: hidden ? null : s.expected,
      ratio: hidden ? null : s.ratio,
      riskAdjustedRate: hidden ? null : s.riskAdjustedRate,
      limits95: hidden ? null : s.limits95,
      limits998: hidden ? null : s.limits998,
      rateLimits95: hidden ? null : s.rateLimits95,
      rawPosition: hidden || s.raw.proportion === null ? null : position(s.raw.proportion, rawLimits(0.95), rawLimits(0.998)),
      adjustedPosition: hidden ? null : position(s.ratio, s.limits95, s.limits998),
    };
  });
  return {
    outcome,
    flow: publishFlow(b.flow, policy),
    overall: { ...shown.pooled, ci: shown.pooled.hidden ? null : b.overall.ci },
    rows,
    warnings: b.model.warnings,
  };
}

/** Decides what a page may print of the adjusted comparison; `services` gives the services' cohorts. */
export function publishAdjusted(a: AdjustedComparison, services: ServicesResult, policy: DisclosurePolicy): PublishedAdjusted {
  const cohort = cohortComparison(services.measures);
  const binary: PublishedBinaryAdjusted[] = [];
  if (a.provenReoffending) binary.push(publishBinary('provenReoffending', a.provenReoffending, policy, cohort));
  if (a.recall) binary.push(publishBinary('recall', a.recall, policy, cohort));
  const t = a.timeToReconviction;
  let cox: PublishedAdjusted['cox'] = null;
  if (t) {
    const c = asComparison(
      'desistance',
      t.byService.map((s) => ({ service: s.service, k: s.nEvent, n: s.n, ci: null })),
      { k: t.nEvent, n: t.flow.used },
    );
    const shown = shownServices(c, policy, cohort);
    cox = {
      flow: publishFlow(t.flow, policy),
      reference: t.reference,
      lrTest: t.lrTest,
      rows: t.byService.map((s, i) => {
        // A hazard ratio gives no count back: it is withheld only where the service's own counts are small.
        const hidden = !s.reference && (isSmallCount(s.n, policy) || isSmallCount(s.nEvent, policy) || isSmallCount(s.n - s.nEvent, policy));
        return {
          service: s.service,
          n: shown.rows[i].n,
          nEvent: shown.rows[i].k,
          reference: s.reference,
          hazardRatio: hidden ? null : s.hazardRatio,
          ci: hidden ? null : s.ci,
          p: hidden ? null : s.p,
          hidden,
        };
      }),
    };
  }
  return { caseMix: a.caseMix, windowMonths: a.windowMonths, binary, cox };
}

/** The services whose place against the 99.8% limits changes once adjusted for case mix. */
export function changedByAdjustment(b: PublishedBinaryAdjusted): { service: string; raw: FunnelPosition; adjusted: FunnelPosition }[] {
  return b.rows
    .filter((r) => r.rawPosition && r.adjustedPosition && (r.rawPosition === 'outside 99.8%') !== (r.adjustedPosition === 'outside 99.8%'))
    .map((r) => ({ service: r.service, raw: r.rawPosition!, adjusted: r.adjustedPosition! }));
}
