/**
 * The options every measure and report reads (study-file.md). One typed object,
 * filled from code, from a study file's `options`/`report` keys, or from flags.
 * Each option with a closed set of values has one `as const` list here: its
 * type, the study file's and the flags' check, the error listing the choices
 * and the `--help` line all come from it.
 */

/** study-file.md `recallWindow`: `intervention` (release to service end or follow-up end) or `licence` (release to follow-up end). */
export const RECALL_WINDOWS = ['intervention', 'licence'] as const;
type RecallWindow = (typeof RECALL_WINDOWS)[number];
/** study-file.md `reconvictionWindow`. */
export const RECONVICTION_WINDOWS = ['since_release', 'during_intervention', 'after_intervention'] as const;
type ReconvictionWindow = (typeof RECONVICTION_WINDOWS)[number];
/** study-file.md `desistanceFrom`. */
export const DESISTANCE_STARTS = ['release', 'service_end'] as const;
type DesistanceFrom = (typeof DESISTANCE_STARTS)[number];
/** study-file.md `interval`: the 95% interval of a proportion. */
export const INTERVAL_METHODS = ['wilson', 'clopper-pearson'] as const;
export type IntervalMethod = (typeof INTERVAL_METHODS)[number];
/** study-file.md `kmConfType`: the scale of the Kaplan–Meier intervals (R survfit's conf.type). */
export const KM_CONF_TYPES = ['log', 'log-log', 'plain'] as const;
export type KmConfType = (typeof KM_CONF_TYPES)[number];
/** study-file.md `report.profile`. */
export const REPORT_PROFILES = ['public', 'analyst'] as const;
export type ReportProfile = (typeof REPORT_PROFILES)[number];

/** study-file.md `dateFormat`: how dates are written in the tables (records/date-formats.ts reads them). */
export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'D/M/YYYY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
/** study-file.md `delimiter`: a comma, a semicolon or a tab (found from the header when not given). */
export const DELIMITERS = [',', ';', 'tab'] as const;
export type Delimiter = (typeof DELIMITERS)[number];
/** study-file.md `engine`: where the measures are computed. */
export const ENGINES = ['memory', 'duckdb'] as const;
export type EngineName = (typeof ENGINES)[number];

/** The closed choices of the measure options, by option. */
export const MEASURE_OPTION_CHOICES = {
  recallWindow: RECALL_WINDOWS,
  reconvictionWindow: RECONVICTION_WINDOWS,
  desistanceFrom: DESISTANCE_STARTS,
  interval: INTERVAL_METHODS,
  kmConfType: KM_CONF_TYPES,
} as const satisfies { [K in keyof MeasureOptions]?: readonly MeasureOptions[K][] };

/** A list of choices as `--help` writes it: `wilson|clopper-pearson`. */
export function choicesHelp(choices: readonly string[]): string {
  return choices.join('|');
}

/** A list of choices as an error message writes it: `"wilson", "clopper-pearson"`. */
export function choicesWords(choices: readonly string[]): string {
  return choices.map((v) => `"${v}"`).join(', ');
}

/** True when `value` is one of `choices` (a type guard for values read from a file or a flag). */
export function isChoice<T extends string>(choices: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (choices as readonly string[]).includes(value);
}

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
