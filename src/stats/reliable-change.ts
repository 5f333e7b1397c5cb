/**
 * change.md, "Definitions": the Jacobson–Truax standard error of the
 * difference, the reliable change index and the clinical cut-off.
 */
import { Z95 } from './normal.js';

/** The criterion of reliable change: |RCI| above the two-sided 95% normal quantile. */
export const RELIABLE_Z = Z95;

/** S_diff = √2 · s · √(1 − r): the standard error of the difference of two scores of reliability r. */
export function sDiff(s: number, reliability: number): number {
  return Math.SQRT2 * s * Math.sqrt(1 - reliability);
}

/** RCI = Δ / S_diff, reliable when |RCI| > 1.959963984540054. */
export function isReliable(change: number, sdiff: number): boolean {
  return Math.abs(change / sdiff) > RELIABLE_Z;
}

export interface CutOff {
  value: number;
  rule: 'c' | 'a' | 'b';
}

/**
 * The clinical cut-off (Jacobson & Truax 1991): with both norms
 * c = (s_f · m_c + s_c · m_f) / (s_f + s_c); with the clinical norm only
 * a = m_c − 2 s_c when lower is better, m_c + 2 s_c when higher (toward the
 * functional side); with the functional norm only b = m_f + 2 s_f when lower
 * is better, m_f − 2 s_f when higher (toward the clinical side); null otherwise.
 */
export function clinicalCutOff(
  better: 'lower' | 'higher',
  clinical: { mean: number; sd: number } | null,
  functional: { mean: number; sd: number } | null,
): CutOff | null {
  const toward = better === 'lower' ? -1 : 1;
  if (clinical && functional) {
    return { value: (functional.sd * clinical.mean + clinical.sd * functional.mean) / (functional.sd + clinical.sd), rule: 'c' };
  }
  if (clinical) return { value: clinical.mean + toward * 2 * clinical.sd, rule: 'a' };
  if (functional) return { value: functional.mean - toward * 2 * functional.sd, rule: 'b' };
  return null;
}

/**
 * Whether a score is on the clinical side of the cut-off: at or above it when
 * lower is better, at or below it when higher is (a score exactly on the cut-off
 * is on the clinical side).
 */
export function onClinicalSide(score: number, cutOff: number, better: 'lower' | 'higher'): boolean {
  return better === 'lower' ? score >= cutOff : score <= cutOff;
}
