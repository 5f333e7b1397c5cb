/** The one place the measures call the Kaplan–Meier estimator. */
import { kaplanMeier } from '../stats/index.js';
import type { KmConfType } from '../study/options.js';
import type { Curve } from '../stats/types.js';

/** Kaplan–Meier curve of `time` (days from the start) with `event` 1 = event, 0 = censored. */
export function survivalCurve(time: Float64Array, event: Uint8Array, confType: KmConfType): Curve {
  return kaplanMeier(time, event, { confType });
}
