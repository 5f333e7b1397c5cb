/**
 * The disclosure layer's one decision per page (measures.md, "Disclosure
 * control"): which of the study's counts, shares, intervals and tests a page
 * may print under a policy. Headlines, tables, charts and narrative read these
 * published values instead of each applying the rules again, so one number
 * is withheld (or shown) the same way everywhere on the page: where two
 * tables print the same count, the second is decided knowing the first.
 */
import type { ChangeSummary, GroupComparison, ServiceComparison, StudyMeasures } from '../measures/types.js';
import type { Proportion } from '../stats/types.js';
import { isSmallCount, sharedSizes, suppressProportions, type Count, type DisclosurePolicy, type Outside, type ShownProportion } from './cells.js';
import { publishAdjusted, type PublishedAdjusted } from './adjusted-services.js';
import { publishChange, type ShownChange } from './change.js';
import { shownComparison } from './comparison.js';
import { publishCompetingRisk, type PublishedCompetingRisk } from './competing-risks.js';
import { descriptionPublished, type PublishedDescription } from './description.js';
import { flowCounts, type FlowCounts } from './flow.js';
import { recallCounts, type PublishedRecallCounts } from './recall.js';
import { seriousnessTable, type PublishedSeriousness } from './seriousness.js';
import { cohortComparison, funnelPosition, shownServices } from './services.js';
import { severityPairsPublished, type PublishedSeverityPairs } from './severity.js';
import { snapshotTable, type SnapshotTableRow } from './snapshot.js';
import { timeInServicePublished, type PublishedTimeInService } from './time-in-service.js';

export interface PublishedServices {
  measure: StudyMeasures['services']['measures'][number]['measure'];
  rows: ShownProportion[];
  pooled: ShownProportion;
  /** The published services lying outside the funnel plot's 99.8% control limits. */
  outsideLimits: string[];
}

/** A binary measure by group as published: the groups, and everyone (the measure's headline proportion). */
export interface PublishedGroups {
  rows: ShownProportion[];
  overall: ShownProportion;
}

/** An indictable share as published, of the cohort and of those reconvicted. */
interface PublishedIndictable {
  ofCohort: ShownProportion;
  ofReconvicted: ShownProportion;
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
  /** Each headline proportion is its measure's "Everyone" row by group, so the two never differ. */
  recall: ShownProportion;
  reconviction: ShownProportion;
  indictable: PublishedIndictable;
  indictableOnly: PublishedIndictable;
  desistance: ShownProportion;
  provenReoffending: ShownProportion;
  /** The people proven reoffending could not follow for its whole window, as published. */
  tooShort: Count;
  /** Each binary measure by the grouping column (group sizes shared with every table that prints them). */
  byGroup: { recall: PublishedGroups; reconviction: PublishedGroups; desistance: PublishedGroups; provenReoffending: PublishedGroups };
  /**
   * The groups of the conviction-free curves by group, each with the size the
   * page publishes for it: a curve's number at risk at the start gives that
   * size back, so a group withheld in any table is not drawn.
   */
  desistanceCurveGroups: Map<string, Count>;
  recallCounts: PublishedRecallCounts;
  seriousness: PublishedSeriousness;
  severityPairs: PublishedSeverityPairs;
  timeInService: PublishedTimeInService;
  description: PublishedDescription;
  /** Each compared measure's services, secondary suppression across services. */
  services: PublishedServices[];
  /** Each service's size as every table prints it (from the recall comparison); null without one. */
  serviceSizes: Map<string, Count> | null;
  snapshot: { rows: SnapshotTableRow[]; total: SnapshotTableRow } | null;
  /** People in the cohort who died during their follow-up (competing risks); null without that analysis. */
  deaths: Count | null;
  /** The competing-risks analyses (reconviction, first recall) as published; null without them. */
  competingRisks: { reconviction: PublishedCompetingRisk; recall: PublishedCompetingRisk } | null;
  /** Services adjusted for case mix; null without that comparison. */
  adjusted: PublishedAdjusted | null;
  /** Individual change per instrument, for everyone and by group; null without instruments. */
  change: Record<string, { overall: ShownChange; byGroup: ShownChange[] }> | null;
}

/**
 * Decides every count, share, interval and test of the study's page under
 * `policy`: primary suppression of counts from 1 to minCell − 1, the
 * complement n − k, secondary suppression against published totals, and the
 * people each measure leaves out. A count printed in two tables (the people
 * reconvicted: the reconviction rate, the seriousness table, the indictable
 * share of those reconvicted, the severity pairs) is decided once and the
 * other tables are suppressed with it withheld where it is withheld.
 */
export function publish(measures: StudyMeasures, policy: DisclosurePolicy): Published {
  const m = measures;
  const leftOut = leftOutPeople(m);
  const flow = flowCounts(m.flow, policy);
  const ref = m.recall.comparison;
  const groups = (c: GroupComparison, overall: Proportion, outside?: Outside) => shownComparison(c, overall, policy, outside, ref);
  const recall = groups(ref, m.recall.overall);
  const reconviction = groups(m.reconviction.comparison, m.reconviction.overall);
  const desistance = groups(m.desistance.comparison, m.desistance.overall, leftOut.desistance);
  const proven = groups(m.provenReoffending.comparison, m.provenReoffending.overall, leftOut.provenReoffending);
  const reconvicted = reconviction.overall.k;
  const share = (x: StudyMeasures['reconviction']['indictable']): PublishedIndictable => ({
    ofCohort: ofPublishedWhole(x.ofCohort, 'indictable', flow.cohort, policy),
    ofReconvicted: ofPublishedWhole(x.ofReconvicted, 'indictable', reconvicted, policy),
  });
  const seriousness = seriousnessTable(m.reconviction, policy, reconvicted);
  const allReconvicted = seriousness.rows[seriousness.rows.length - 1];
  const seriousnessWithheld = Object.values(allReconvicted.cells).some((c) => c.hidden);
  const cohort = cohortComparison(m.services.measures);
  return {
    policy,
    leftOut,
    flow,
    recall: { ...recall.overall, label: 'recall' },
    reconviction: { ...reconviction.overall, label: 'reconviction' },
    indictable: share(m.reconviction.indictable),
    indictableOnly: share(m.reconviction.indictableOnly),
    desistance: { ...desistance.overall, label: 'desistance' },
    provenReoffending: { ...proven.overall, label: 'Reoffended' },
    tooShort: proven.outside!,
    byGroup: { recall, reconviction, desistance, provenReoffending: proven },
    desistanceCurveGroups: curveGroups(m, desistance, policy),
    recallCounts: recallCounts(m.recall, policy),
    seriousness,
    severityPairs: severityPairsPublished(m.reconviction, policy, reconvicted, seriousnessWithheld),
    timeInService: timeInServicePublished(m.timeInService, policy),
    description: descriptionPublished(m.description, policy),
    services: m.services.measures.map((c) => publishedServices(c, policy, cohort)),
    serviceSizes: cohort
      ? sharedSizes(
          cohort.byService.map((b) => ({ label: b.group, n: b.n })),
          policy,
        )
      : null,
    snapshot: m.snapshot ? snapshotTable(m.snapshot, policy) : null,
    competingRisks: m.competingRisks
      ? {
          reconviction: publishCompetingRisk(m.competingRisks.reconviction, 'reconviction', policy),
          recall: publishCompetingRisk(m.competingRisks.recall, 'recall', policy),
        }
      : null,
    adjusted: m.adjustedComparison ? publishAdjusted(m.adjustedComparison, m.services, policy) : null,
    change: m.change
      ? Object.fromEntries(
          Object.entries(m.change).map(([name, x]) => [
            name,
            { overall: publishChange(x.overall, policy), byGroup: x.byGroup.map((g) => changeOfGroup(g, recall.rows, policy)) },
          ]),
        )
      : null,
    deaths: m.competingRisks ? { value: m.competingRisks.deaths.cohort, hidden: isSmallCount(m.competingRisks.deaths.cohort, policy) } : null,
  };
}

/** The people each measure leaves out of its denominator (see Published.leftOut). */
function leftOutPeople(m: StudyMeasures): Published['leftOut'] {
  const left = m.flow.cohort - m.desistance.overall.n;
  return { desistance: left > 0 ? { count: left } : undefined, provenReoffending: { count: m.provenReoffending.tooShort } };
}

/** A proportion whose n is a count published elsewhere on the page (the cohort, the people reconvicted): withheld there, withheld here. */
function ofPublishedWhole(p: Proportion, label: string, whole: Count, policy: DisclosurePolicy): ShownProportion {
  const size = whole.value === p.n ? whole : null;
  return suppressProportions([{ ...p, label }], policy, undefined, undefined, [size]).rows[0];
}

/**
 * The conviction-free curves' groups with their published sizes: the sizes
 * shared by the groups' curves (their numbers at risk at the start), and
 * withheld too where the desistance table by group withholds the group's n.
 */
function curveGroups(m: StudyMeasures, desistance: PublishedGroups, policy: DisclosurePolicy): Map<string, Count> {
  const curves = m.desistance.convictionFreeByGroup?.curves ?? [];
  const sizes = sharedSizes(
    curves.map((c) => ({ label: c.group, n: c.curve.nRisk[0] ?? 0 })),
    policy,
  );
  const tableN = new Map(desistance.rows.map((r) => [r.label, r.n]));
  return new Map(
    curves.map((c) => {
      const size = sizes.get(c.group)!;
      return [c.group, { value: size.value, hidden: size.hidden || tableN.get(c.group)?.hidden === true }];
    }),
  );
}

/**
 * A group's change counts as published: its cohort is the group's size, so a
 * group whose size the page withholds (to protect a small count elsewhere) is
 * withheld whole here, every count with it (its parts would add up to it).
 */
function changeOfGroup(g: ChangeSummary & { group: string }, groups: ShownProportion[], policy: DisclosurePolicy): ShownChange {
  const shown = publishChange(g, policy);
  const size = groups.find((r) => r.label === g.group)?.n;
  if (!size?.hidden || size.value !== g.cohort) return shown;
  const hide = (c: Count): Count => ({ value: c.value, hidden: true });
  return {
    cohort: hide(shown.cohort),
    noAssessment: hide(shown.noAssessment),
    oneDayOnly: hide(shown.oneDayOnly),
    n: hide(shown.n),
    categories: shown.categories.map((c) => ({ ...c, count: hide(c.count), share: null, ci: null })),
  };
}

function publishedServices(c: ServiceComparison, policy: DisclosurePolicy, cohort: ServiceComparison | undefined): PublishedServices {
  const shown = shownServices(c, policy, cohort);
  const outsideLimits = shown.rows
    .filter((r) => !r.hidden && r.proportion != null && funnelPosition(r.proportion, r.n.value, c) === 'outside 99.8%')
    .map((r) => r.label);
  return { measure: c.measure, ...shown, outsideLimits };
}
