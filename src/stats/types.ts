/** Result shapes shared by the statistics and everything downstream (json-output.md). */

/** k of n with its 95% interval; proportion and ci are null when n = 0. */
export interface Proportion {
  k: number;
  n: number;
  proportion: number | null;
  ci: [number, number] | null;
}

/** A descriptive summary; every statistic is null when n = 0 (sd when n < 2). */
export interface Summary {
  n: number;
  mean: number | null;
  sd: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
}

/** An estimate with a 95% interval (null where it cannot be computed). */
export interface Estimate {
  estimate: number | null;
  ci: [number, number] | null;
}

/**
 * A Kaplan–Meier curve, one entry per distinct time with an event or a
 * censoring, as R `survfit` lists them. Times are days from the start.
 */
export interface Curve {
  time: number[];
  nRisk: number[];
  nEvent: number[];
  nCensor: number[];
  survival: number[];
  /** Greenwood standard error of survival (R's `std.err` is of the cumulative hazard; this is survival × that). */
  stdErr: number[];
  lower: (number | null)[];
  upper: (number | null)[];
  /** First time with survival < 0.5 (R's convention for flat stretches at 0.5); null if never. */
  median: number | null;
  /** The median's 95% interval as R prints it (0.95LCL, 0.95UCL); null where not reached. */
  medianLower: number | null;
  medianUpper: number | null;
  confType: 'log' | 'log-log' | 'plain';
}
