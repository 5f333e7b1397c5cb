/**
 * Typed results of the measures (measures.md). Their JSON form is the document
 * of json-output.md; the extra keys here are additions that spec allows.
 */
import type { BreakEvenOnly } from './value/types.js';
import type { IncidenceCurve } from '../stats/aalen-johansen.js';
import type { Curve, Estimate, Proportion, Summary } from '../stats/types.js';
import type { MeasureOptions } from '../study/options.js';
import type { ComparedMeasure } from '../study/vocabulary.js';
import type { ChangeResult } from './change/measure.js';

export type { ChangeResult, InstrumentChange, ChangeSummary, ChangeCategories, Category } from './change/measure.js';
import type { AdjustedComparison } from './adjusted-types.js';

/** A group's share of a binary outcome. */
export interface GroupProportion extends Proportion {
  group: string;
}

/** A binary outcome split by a column (measures.md, "Subgroup comparisons"). */
export interface GroupComparison {
  groupBy: string;
  byGroup: GroupProportion[];
  /** Fisher's exact test on the r × 2 table; null where it cannot be computed exactly. */
  fisherP: number | null;
  fisherNote: string | null;
  chiSquare: { statistic: number; df: number; p: number; expected: number[][] } | null;
  /** Only for exactly two groups: first group minus second. */
  riskDifference: Estimate | null;
  /** Only for exactly two groups: first group over second. */
  relativeRisk: Estimate | null;
}

/** People a measure could not use, and why (for the cohort flow). */
export interface Unused {
  reason: string;
  count: number;
}

export interface RecallResult {
  window: MeasureOptions['recallWindow'];
  overall: Proportion;
  comparison: GroupComparison;
  recallsPerPerson: { mean: number | null; distribution: { '0': number; '1': number; '2': number; '3+': number } };
  /** Recalls in the window giving each reason, plus `none` for recalls with no reason. */
  reasons: Record<string, number>;
  recallsInWindow: number;
  timeToFirstRecall: Curve;
  /** The same curve for each group of `comparison.groupBy`, with the log-rank test (always set by the measures). */
  timeToFirstRecallByGroup?: GroupCurves;
}

/** Kaplan–Meier curves by group with the log-rank test (R survdiff, rho = 0); null with fewer than two groups. */
export interface GroupCurves {
  groupBy: string;
  curves: { group: string; curve: Curve }[];
  logRank: { chiSquare: number; df: number; p: number } | null;
}

export interface ReconvictionResult {
  window: MeasureOptions['reconvictionWindow'];
  includeCautions: boolean;
  overall: Proportion;
  comparison: GroupComparison;
  reconvictions: number;
  perPerson: number | null;
  perReconvicted: number | null;
  seriousness: { more: number; same: number; less: number };
  indictable: { k: number; ofCohort: Proportion; ofReconvicted: Proportion };
  indictableOnly: { k: number; ofCohort: Proportion; ofReconvicted: Proportion };
  /** Each reconvicted person's index severity and most serious reconviction severity, in no identifying order. */
  severityPairs: { index: number; reconviction: number; indexCategory: string }[];
  unused: Unused[];
}

export interface DesistanceResult {
  from: MeasureOptions['desistanceFrom'];
  overall: Proportion;
  comparison: GroupComparison;
  followUpMonths: { min: number | null; median: number | null; max: number | null };
  convictionFree: Curve;
  /** The conviction-free curve for each group of `comparison.groupBy`, with the log-rank test (always set by the measures). */
  convictionFreeByGroup?: GroupCurves;
  unused: Unused[];
}

export interface ProvenReoffendingResult {
  windowMonths: number;
  waitingMonths: 6;
  eligible: number;
  tooShort: number;
  overall: Proportion;
  comparison: GroupComparison;
  reoffences: number;
  reoffencesPerPerson: number | null;
  reoffencesPerReoffender: number | null;
  /** Cohort members not covered: "follow-up too short" (and "no service end" when s = e); always set by the measures. */
  unused?: Unused[];
}

export interface TimeInServiceResult {
  inReachMonths: Summary;
  communityMonths: Summary;
  ongoing: number;
  endReasons: Record<string, number>;
  kmMedianMonths: number | null;
  inService: Curve;
}

export interface SnapshotRow {
  service: string;
  inCustody: number;
  inCommunity: number;
  total: number;
}

export interface SnapshotResult {
  date: string;
  inCustody: number;
  inCommunity: number;
  total: number;
  byService: SnapshotRow[];
}

export interface CategoryCount {
  value: string;
  count: number;
  percent: number | null;
}

/** Cohort description for one group (or the whole cohort, group = null). */
export interface DescriptionColumn {
  group: string | null;
  n: number;
  categorical: Record<'sex' | 'ethnicity' | 'tier' | 'category' | 'group', CategoryCount[]>;
  numeric: Record<'age_at_release' | 'prior_convictions' | 'custody_years_before_release' | 'aces', Summary>;
  fourOrMoreAces: number;
}

export interface DescriptionResult {
  groupBy: string | null;
  overall: DescriptionColumn;
  byGroup: DescriptionColumn[];
}

export interface FlowResult {
  people: number;
  excluded: Record<string, number>;
  included: number;
  notYetReleased: number;
  cohort: number;
  /** Per measure, the cohort members it could not use and why. */
  unusedByMeasure: Record<string, Unused[]>;
}

/** Per service figures for the forest and funnel plots. */
export interface ServiceComparison {
  measure: ComparedMeasure;
  byService: GroupProportion[];
  pooled: Proportion;
  /** Control limits for n from 1 to the largest service, at 95% and 99.8%. */
  funnel: { n: number; lower95: number; upper95: number; lower998: number; upper998: number }[];
  fisherP: number | null;
  /** Why fisherP is null, when it is. */
  fisherNote?: string | null;
  /** Pearson's chi-square across the services (always set by the measures). */
  chiSquare?: { statistic: number; df: number; p: number } | null;
}

export interface ServicesResult {
  services: string[];
  measures: ServiceComparison[];
  /** Conviction-free curves by service with the log-rank test. */
  convictionFree: { service: string; curve: Curve }[];
  logRank: { chiSquare: number; df: number; p: number } | null;
}

/** Every measure of a study; what `follow-up measures` and the reports use. */
export interface StudyMeasures {
  toolkitVersion: string;
  title: string | null;
  extractionDate: string;
  extractionDateInferred: boolean;
  options: MeasureOptions;
  dataQuality: {
    /** The study's own offence lookup rows, when some were set aside. */
    offences?: { read: number; used: number; quarantined: number };
    people: { read: number; used: number; quarantined: number };
    events: { read: number; used: number; quarantined: number };
    /** The assessments table's rows, when the study has one. */
    assessments?: { read: number; used: number; quarantined: number };
    warnings: Record<string, number>;
  };
  flow: FlowResult;
  description: DescriptionResult;
  recall: RecallResult;
  reconviction: ReconvictionResult;
  desistance: DesistanceResult;
  provenReoffending: ProvenReoffendingResult;
  timeInService: TimeInServiceResult;
  services: ServicesResult;
  snapshot: SnapshotResult | null;
  /** Services compared, adjusted for case mix (measures.md); null with fewer than two services. */
  adjustedComparison?: AdjustedComparison | null;
  /** Individual outcome change per instrument (change.md); null without instruments and assessments. */
  change?: ChangeResult | null;
  /** Value for money without a comparison group (value.md): the break-even only; null without `value`. */
  breakEven?: BreakEvenOnly | null;
  /** Breaches in the intervention window (issue 10; keys in the README's JSON section). */
  breaches?: BreachResult;
  /** People cautioned since release, in their own right. */
  cautions?: CautionResult;
  /** Competing risks (measures.md "Competing risks"); null when the study has no death events. */
  competingRisks?: CompetingRisksResult | null;
}

/** A cumulative incidence at a year: the last curve row at or before the day (json-output.md `competingRisks`). */
export interface IncidenceAt {
  estimate: number;
  se: number;
  ci: [number, number] | null;
}

/** One Aalen–Johansen fit of a cause and death (json-output.md CauseBlock); keys `<cause>` and `death`. */
export interface CauseBlock {
  n: number;
  events: Record<string, number>;
  censored: number;
  curves: Record<string, IncidenceCurve>;
  atYears: ({ years: number; day: number; oneMinusKm: number; difference: number } & Record<string, IncidenceAt | number>)[];
}

export interface CompetingRisk {
  overall: CauseBlock;
  byGroup: ({ group: string } & CauseBlock)[];
  /** Gray's test per cause; a cause with no event has no entry. */
  grayTest: Record<string, { statistic: number; df: number; p: number }>;
}

export interface CompetingRisksResult {
  deaths: {
    cohort: number;
    afterFollowUpEnd: number;
    beforeReconviction: number;
    onReconvictionDay: number;
    inInterventionWindow: number;
    onReleaseDay: number;
  };
  reconviction: { from: MeasureOptions['desistanceFrom']; groupBy: string } & CompetingRisk;
  recall: { window: MeasureOptions['recallWindow']; groupBy: string } & CompetingRisk;
}

/** Breaches: at least one `breach` dated in I = [r, min(e, F)], per person, time to the first. */
export interface BreachResult {
  window: 'intervention';
  overall: Proportion;
  comparison: GroupComparison;
  breachesPerPerson: { mean: number | null; distribution: { '0': number; '1': number; '2': number; '3+': number } };
  breachesInWindow: number;
  /** Kaplan–Meier from r to the first breach in I, censored at min(e, F). */
  timeToFirstBreach: Curve;
  timeToFirstBreachByGroup: GroupCurves;
}

/** Cautions since release (offence date in [r, F], caution date ≤ F), whatever includeCautions says. */
export interface CautionResult {
  window: 'since_release';
  /** Whether includeCautions also counts them as reconvictions. */
  countedAsReconvictions: boolean;
  overall: Proportion;
  comparison: GroupComparison;
  cautions: number;
  perPerson: number | null;
}
