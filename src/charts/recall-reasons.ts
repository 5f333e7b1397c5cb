/**
 * Recall reasons: recalls in the window giving each reason of the official
 * licence recall statistics, plus those with no reason recorded. A recall may
 * give several reasons, so the bars add up to more than the recalls.
 */
import { isSmallCount, suppressEach, type DisclosurePolicy } from '../disclosure/cells.js';
import { RECALL_REASON_WORDS, recallReasonOrder, wordOf } from '../words/labels.js';
import { countBarsChart } from './count-bars.js';
import type { ChartSpec } from './theme.js';

/** Reasons in vocabulary order, then any other key, then "none" (words/labels.ts). */
export function recallReasonRows(
  reasons: Record<string, number>,
  policy: DisclosurePolicy,
): { key: string; label: string; count: { value: number; hidden: boolean } }[] {
  const keys = recallReasonOrder(reasons);
  const counts = suppressEach(
    keys.map((k) => reasons[k]),
    policy,
  );
  return keys.map((key, i) => ({ key, label: wordOf(RECALL_REASON_WORDS, key), count: counts[i] }));
}

/** Builds the recall-reasons bar chart. */
export function recallReasonsChart(reasons: Record<string, number>, recallsInWindow: number, policy: DisclosurePolicy): ChartSpec {
  const rows = recallReasonRows(reasons, policy);
  return countBarsChart({
    title: 'Reasons given for recall',
    subtitle: 'A recall may give several reasons, so the bars add up to more than the recalls',
    categoryTitle: 'Reason',
    countTitle: 'Recalls giving this reason',
    bars: rows.map((r) => ({ label: r.label, count: r.count })),
    policy,
    note: `A recall may give several reasons; there were ${isSmallCount(recallsInWindow, policy) ? `fewer than ${policy.minCell}` : recallsInWindow} recalls in the window.`,
  });
}
