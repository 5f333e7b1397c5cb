/** Checks survival input arrays: equal lengths, times finite and ≥ 0, events 0 or 1. */
export function checkSurvivalInput(time: ArrayLike<number>, event: ArrayLike<number>): void {
  if (time.length !== event.length) {
    throw new RangeError(`survival data: ${time.length} times but ${event.length} event indicators`);
  }
  for (let i = 0; i < time.length; i++) {
    const t = time[i];
    if (!Number.isFinite(t) || t < 0) {
      throw new RangeError(`survival data: time at index ${i} must be a finite number ≥ 0, got ${t}`);
    }
    const e = event[i];
    if (e !== 0 && e !== 1) {
      throw new RangeError(`survival data: event at index ${i} must be 0 (censored) or 1 (event), got ${e}`);
    }
  }
}
