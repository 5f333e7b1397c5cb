/** R's tolerance for "survival equals 0.5" (survival:::survmean uses sqrt(.Machine$double.eps)). */
const MEDIAN_TOLERANCE = Math.sqrt(2 ** -52);

/**
 * The median of a survival curve (or of its interval limits) as R's print.survfit
 * computes it (survival:::survmean, `minmin`): the first time at which the curve is
 * below 0.5 (null values skipped); if the curve is within tolerance of 0.5 there, the
 * midpoint of that time and the first later time at which it drops further, when it does.
 * Null when the curve never reaches 0.5.
 */
export function survivalMedian(time: ArrayLike<number>, curve: ArrayLike<number | null>): number | null {
  let first = -1;
  for (let i = 0; i < curve.length; i++) {
    const y = curve[i];
    if (y === null || !(y < 0.5 + MEDIAN_TOLERANCE)) continue;
    if (first < 0) {
      first = i;
      if (!(Math.abs(y - 0.5) < MEDIAN_TOLERANCE)) return time[i];
    } else if (y < (curve[first] as number)) {
      return (time[first] + time[i]) / 2;
    }
  }
  return first < 0 ? null : time[first];
}
