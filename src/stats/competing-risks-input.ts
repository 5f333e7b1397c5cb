/**
 * regression.md, "Competing risks — Aalen–Johansen cumulative incidence": checks of the
 * time, status and case-weight arrays of a competing-risks fit.
 */

/**
 * Checks competing-risks input and returns the number of causes K: equal lengths; times
 * finite and ≥ 0 (days from the start); each status an integer 0 (censored) … K; weights,
 * when given, finite and > 0. K is `causes` when given (a cause may have no events), else
 * the largest status (at least 1). `label` starts every message.
 */
export function checkCompetingRisksInput(
  label: string,
  time: ArrayLike<number>,
  status: ArrayLike<number>,
  weights?: ArrayLike<number>,
  causes?: number,
): number {
  if (time.length !== status.length) {
    throw new RangeError(`${label}: ${time.length} times but ${status.length} status values`);
  }
  if (weights !== undefined && weights.length !== time.length) {
    throw new RangeError(`${label}: ${time.length} times but ${weights.length} weights`);
  }
  if (causes !== undefined && !(Number.isInteger(causes) && causes >= 1)) {
    throw new RangeError(`${label}: causes must be an integer ≥ 1, got ${causes}`);
  }
  let largest = 0;
  for (let i = 0; i < time.length; i++) {
    const t = time[i];
    if (!Number.isFinite(t) || t < 0) {
      throw new RangeError(`${label}: time at index ${i} must be a finite number ≥ 0, got ${t}`);
    }
    const s = status[i];
    if (!Number.isInteger(s) || s < 0 || (causes !== undefined && s > causes)) {
      const range = causes === undefined ? 'an integer ≥ 0' : `an integer from 0 to ${causes}`;
      throw new RangeError(`${label}: status at index ${i} must be ${range} (0 = censored), got ${s}`);
    }
    if (s > largest) largest = s;
    if (weights !== undefined) {
      const w = weights[i];
      if (!Number.isFinite(w) || !(w > 0)) {
        throw new RangeError(`${label}: weight at index ${i} must be a finite number > 0, got ${w}`);
      }
    }
  }
  return causes ?? Math.max(1, largest);
}
