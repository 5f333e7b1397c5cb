import type { Curve } from './types.js';
import { zForConfidence } from './proportion.js';
import { checkSurvivalInput } from './survival-input.js';
import { survivalMedian } from './survival-median.js';

export type ConfType = Curve['confType'];

export interface KaplanMeierOptions {
  /** Scale of the pointwise interval, as R survfit's conf.type; default 'log'. */
  confType?: ConfType;
  /** Confidence level; default 0.95. */
  conf?: number;
}

/**
 * Kaplan–Meier estimate, as R `survfit(Surv(time, event) ~ 1, conf.type = …)`.
 *
 * One entry per distinct time with an event or a censoring; people censored at an
 * event time are at risk at that time. S(t) = Π (1 − d/n); Greenwood's
 * σ²(t) = Σ d/(n(n − d)) is the variance of the cumulative hazard and stdErr = S·σ.
 * Intervals (z = Φ⁻¹(1 − α/2)):
 * - log: exp(log S ± zσ), upper clipped at 1;
 * - log-log: exp(−exp(log(−log S) ∓ zσ/log S)), null where S = 1 (R gives NA there);
 * - plain: S ± zσS, clipped to [0, 1].
 * Where S = 0 both limits are null (R: NA) and stdErr is 0 (R: NaN, as σ is infinite).
 * The median and its limits follow R's print.survfit (see survivalMedian).
 */
export function kaplanMeier(time: ArrayLike<number>, event: ArrayLike<number>, options: KaplanMeierOptions = {}): Curve {
  const confType = options.confType ?? 'log';
  if (confType !== 'log' && confType !== 'log-log' && confType !== 'plain') {
    throw new RangeError(`kaplanMeier: confType must be 'log', 'log-log' or 'plain', got ${String(confType)}`);
  }
  const z = zForConfidence(options.conf ?? 0.95);
  checkSurvivalInput(time, event);

  const n = time.length;
  const allTimes = Float64Array.from(time).sort();
  let eventCount = 0;
  for (let i = 0; i < n; i++) eventCount += event[i];
  const eventTimes = new Float64Array(eventCount);
  for (let i = 0, j = 0; i < n; i++) if (event[i] === 1) eventTimes[j++] = time[i];
  eventTimes.sort();

  const curve: Curve = {
    time: [],
    nRisk: [],
    nEvent: [],
    nCensor: [],
    survival: [],
    stdErr: [],
    lower: [],
    upper: [],
    median: null,
    medianLower: null,
    medianUpper: null,
    confType,
  };
  let atRisk = n;
  let survival = 1;
  let hazardVariance = 0;
  let i = 0;
  let j = 0;
  while (i < n) {
    const t = allTimes[i];
    let leaving = 0;
    while (i < n && allTimes[i] === t) {
      i++;
      leaving++;
    }
    let deaths = 0;
    while (j < eventCount && eventTimes[j] === t) {
      j++;
      deaths++;
    }
    if (deaths > 0) {
      survival *= (atRisk - deaths) / atRisk;
      hazardVariance = atRisk > deaths ? hazardVariance + deaths / (atRisk * (atRisk - deaths)) : Infinity;
    }
    const sigma = Math.sqrt(hazardVariance);
    curve.time.push(t);
    curve.nRisk.push(atRisk);
    curve.nEvent.push(deaths);
    curve.nCensor.push(leaving - deaths);
    curve.survival.push(survival);
    curve.stdErr.push(survival === 0 ? 0 : survival * sigma);
    const [lower, upper] = pointwiseInterval(survival, sigma, z, confType);
    curve.lower.push(lower);
    curve.upper.push(upper);
    atRisk -= leaving;
  }
  curve.median = survivalMedian(curve.time, curve.survival);
  curve.medianLower = survivalMedian(curve.time, curve.lower);
  curve.medianUpper = survivalMedian(curve.time, curve.upper);
  return curve;
}

/** R survival's survfit_confint for one point, σ being the standard error of the cumulative hazard. */
function pointwiseInterval(s: number, sigma: number, z: number, confType: ConfType): [number | null, number | null] {
  if (s === 0) return [null, null];
  switch (confType) {
    case 'log':
      return [Math.exp(Math.log(s) - z * sigma), Math.min(1, Math.exp(Math.log(s) + z * sigma))];
    case 'log-log': {
      if (s === 1) return [null, null];
      const logS = Math.log(s);
      const shift = (z * sigma) / logS;
      const centre = Math.log(-logS);
      return [Math.exp(-Math.exp(centre - shift)), Math.exp(-Math.exp(centre + shift))];
    }
    case 'plain': {
      const half = z * sigma * s;
      return [Math.max(0, s - half), Math.min(1, s + half)];
    }
  }
}

/**
 * Number at risk at each chosen time (people whose time is ≥ t), as R
 * `summary(fit, times = …, extend = TRUE)$n.risk`: the at-risk count of the first
 * curve time ≥ t, 0 beyond the last time.
 */
export function atRisk(curve: Curve, times: number[]): number[] {
  return times.map((t) => {
    if (Number.isNaN(t)) throw new RangeError('atRisk: time is NaN');
    let lo = 0;
    let hi = curve.time.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (curve.time[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo < curve.time.length ? curve.nRisk[lo] : 0;
  });
}
