/**
 * The disclosure layer's one decision per page (measures.md, "Disclosure
 * control"): which of the study's counts, shares and intervals a page may
 * print under a policy. Headlines, tables, charts and narrative read these
 * published values instead of each applying the rules again, so one number
 * is withheld (or shown) the same way everywhere on the page.
 */
import type { ServiceComparison, StudyMeasures } from '../measures/types.js';
import { suppressProportion, suppressProportions, type Count, type DisclosurePolicy, type Outside, type ShownProportion } from './cells.js';
import { flowCounts, type FlowCounts } from './flow.js';
import { cohortComparison, funnelPosition, shownServices } from './services.js';
import { snapshotTable, type SnapshotTableRow } from './snapshot.js';

export interface PublishedServices {
  measure: StudyMeasures['services']['measures'][number]['measure'];
  rows: ShownProportion[];
  pooled: ShownProportion;
  /** The published services lying outside the funnel plot's 99.8% control limits. */
  outsideLimits: string[];
}

/** The study's measures as one page may publish them. */
export interface Published {
  policy: DisclosurePolicy;
  /**
   * The cohort members each measure leaves out of its denominator (people
   * still in the service for desistance from its end; people followed up too
   * briefly for proven reoffending). The cohort less a measure's n gives their
   * number, so every table of that measure protects them: decided here once.
   */
  leftOut: { desistance: Outside | undefined; provenReoffending: Outside };
  flow: FlowCounts;
  recall: ShownProportion;
  reconviction: ShownProportion;
  indictable: { ofCohort: ShownProportion; ofReconvicted: ShownProportion };
  desistance: ShownProportion;
  provenReoffending: ShownProportion;
  /** The people proven reoffending could not follow for its whole window, as published. */
  tooShort: Count;
  /** Each compared measure's services, secondary suppression across services. */
  services: PublishedServices[];
  snapshot: { rows: SnapshotTableRow[]; total: SnapshotTableRow } | null;
}

/**
 * Decides every headline count, share and interval of the study under
 * `policy`: primary suppression of counts from 1 to minCell − 1, the
 * complement n − k, secondary suppression against published totals, and the
 * people each measure leaves out.
 */
export function publish(measures: StudyMeasures, policy: DisclosurePolicy): Published {
  const m = measures;
  const leftOut = leftOutPeople(m);
  const proven = suppressProportions([{ ...m.provenReoffending.overall, label: 'Reoffended' }], policy, undefined, leftOut.provenReoffending);
  const cohort = cohortComparison(m.services.measures);
  return {
    policy,
    leftOut,
    flow: flowCounts(m.flow, policy),
    recall: suppressProportion(m.recall.overall, 'recall', policy),
    reconviction: suppressProportion(m.reconviction.overall, 'reconviction', policy),
    indictable: {
      ofCohort: suppressProportion(m.reconviction.indictable.ofCohort, 'indictable', policy),
      ofReconvicted: suppressProportion(m.reconviction.indictable.ofReconvicted, 'indictable', policy),
    },
    desistance: suppressProportion(m.desistance.overall, 'desistance', policy, leftOut.desistance),
    provenReoffending: proven.rows[0],
    tooShort: proven.outside!,
    services: m.services.measures.map((c) => publishedServices(c, policy, cohort)),
    snapshot: m.snapshot ? snapshotTable(m.snapshot, policy) : null,
  };
}

/** The people each measure leaves out of its denominator (see Published.leftOut). */
export function leftOutPeople(m: StudyMeasures): Published['leftOut'] {
  const left = m.flow.cohort - m.desistance.overall.n;
  return { desistance: left > 0 ? { count: left } : undefined, provenReoffending: { count: m.provenReoffending.tooShort } };
}

function publishedServices(c: ServiceComparison, policy: DisclosurePolicy, cohort: ServiceComparison | undefined): PublishedServices {
  const shown = shownServices(c, policy, cohort);
  const outsideLimits = shown.rows
    .filter((r) => !r.hidden && r.proportion != null && funnelPosition(r.proportion, r.n.value, c) === 'outside 99.8%')
    .map((r) => r.label);
  return { measure: c.measure, ...shown, outsideLimits };
}
