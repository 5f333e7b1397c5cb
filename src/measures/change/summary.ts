/**
 * change.md, "Outputs": one ChangeSummary (json-output.md, `change`) of a set of
 * cohort members: who was analysed, the paired-t mean change and the
 * Jacobson–Truax categories with Wilson intervals.
 */
import { pairedT } from '../../stats/paired-t.js';
import { proportion } from '../../stats/proportion.js';
import { isReliable, onClinicalSide, type CutOff } from '../../stats/reliable-change.js';
import type { Proportion } from '../../stats/types.js';

export interface ChangeCategories {
  /** Null without a cut-off. */
  recovered: Proportion | null;
  improved: Proportion;
  noReliableChange: Proportion;
  deteriorated: Proportion;
  /** Pre on the functional side (overlaps the categories, never recovered); null without a cut-off. */
  notClinicalAtStart: Proportion | null;
}

export interface ChangeSummary {
  cohort: number;
  noAssessment: number;
  oneDayOnly: number;
  noFollowUp: number;
  n: number;
  meanPre: number | null;
  meanPost: number | null;
  meanChange: number | null;
  sdChange: number | null;
  ci: [number, number] | null;
  t: number | null;
  p: number | null;
  /** Null when S_diff cannot be found (no `sd` and fewer than two pre scores, or the pre scores all equal). */
  categories: ChangeCategories | null;
}

/** Each analysed person's category, by the definitions of change.md. */
export type Category = 'recovered' | 'improved' | 'noReliableChange' | 'deteriorated';

/**
 * The category of one person: reliable when |Δ / S_diff| > z; improvement is
 * Δ < 0 when lower is better, Δ > 0 when higher; recovered when also pre is on
 * the clinical side of the cut-off and post on the functional side.
 */
export function categoryOf(pre: number, post: number, sdiff: number, better: 'lower' | 'higher', cutOff: CutOff | null): Category {
  const change = post - pre;
  if (!isReliable(change, sdiff)) return 'noReliableChange';
  const improved = better === 'lower' ? change < 0 : change > 0;
  if (!improved) return 'deteriorated';
  if (cutOff && onClinicalSide(pre, cutOff.value, better) && !onClinicalSide(post, cutOff.value, better)) return 'recovered';
  return 'improved';
}

const mean = (x: ArrayLike<number>) => {
  if (x.length === 0) return null;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
};

/**
 * The summary of the analysed people `pre`/`post` among `cohort` members, of
 * whom `noAssessment` had none and `oneDayOnly` had them on one day only.
 * `sdiff` null leaves the categories null.
 */
export function changeSummary(
  counts: { cohort: number; noAssessment: number; oneDayOnly: number },
  pre: Float64Array,
  post: Float64Array,
  sdiff: number | null,
  better: 'lower' | 'higher',
  cutOff: CutOff | null,
): ChangeSummary {
  const n = pre.length;
  const change = new Float64Array(n);
  for (let i = 0; i < n; i++) change[i] = post[i] - pre[i];
  const t = pairedT(change);
  let categories: ChangeCategories | null = null;
  if (sdiff !== null) {
    const k = { recovered: 0, improved: 0, noReliableChange: 0, deteriorated: 0 };
    let notClinical = 0;
    for (let i = 0; i < n; i++) {
      k[categoryOf(pre[i], post[i], sdiff, better, cutOff)]++;
      if (cutOff && !onClinicalSide(pre[i], cutOff.value, better)) notClinical++;
    }
    categories = {
      recovered: cutOff ? proportion(k.recovered, n, 'wilson') : null,
      improved: proportion(k.improved, n, 'wilson'),
      noReliableChange: proportion(k.noReliableChange, n, 'wilson'),
      deteriorated: proportion(k.deteriorated, n, 'wilson'),
      notClinicalAtStart: cutOff ? proportion(notClinical, n, 'wilson') : null,
    };
  }
  return {
    cohort: counts.cohort,
    noAssessment: counts.noAssessment,
    oneDayOnly: counts.oneDayOnly,
    noFollowUp: counts.noAssessment + counts.oneDayOnly,
    n,
    meanPre: mean(pre),
    meanPost: mean(post),
    meanChange: t.mean,
    sdChange: t.sd,
    ci: t.ci,
    t: t.t,
    p: t.p,
    categories,
  };
}
