/**
 * The options every measure and report reads (study-file.md). One typed object,
 * filled from code, from a study file's `options`/`report` keys, or from flags.
 */

export type RecallWindow = 'intervention' | 'licence';
export type ReconvictionWindow = 'since_release' | 'during_intervention' | 'after_intervention';
export type DesistanceFrom = 'release' | 'service_end';
export type IntervalMethod = 'wilson' | 'clopper-pearson';
export type KmConfType = 'log' | 'log-log' | 'plain';
export type ReportProfile = 'public' | 'analyst';

export interface MeasureOptions {
  /** `intervention`: I = [r, min(e, F)]; `licence`: [r, F]. */
  recallWindow: RecallWindow;
  reconvictionWindow: ReconvictionWindow;
  /** Count cautions as reconvictions (and so in desistance and proven reoffending). */
  includeCautions: boolean;
  desistanceFrom: DesistanceFrom;
  /** Proven-reoffending window W in whole months, 1–120. */
  provenWindowMonths: number;
  interval: IntervalMethod;
  kmConfType: KmConfType;
  /** A column of people or of the offence lookup; `category` is the index offence's. */
  groupBy: string;
  /** Covariates of the adjusted comparison of services (measures.md); default comparison.md's covariates. */
  caseMix?: string[];
}

export interface ReportOptions {
  profile: ReportProfile;
  /** Counts from 1 to minCell − 1 are suppressed in public reports. */
  minCell: number;
}

export const DEFAULT_MEASURE_OPTIONS: Readonly<MeasureOptions> = Object.freeze({
  recallWindow: 'intervention',
  reconvictionWindow: 'since_release',
  includeCautions: false,
  desistanceFrom: 'release',
  provenWindowMonths: 12,
  interval: 'wilson',
  kmConfType: 'log',
  groupBy: 'category',
});

export const DEFAULT_REPORT_OPTIONS: Readonly<ReportOptions> = Object.freeze({
  profile: 'public',
  minCell: 5,
});
