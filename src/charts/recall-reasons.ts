/**
 * Recall reasons: recalls in the window giving each reason of the official
 * licence recall statistics, plus those with no reason recorded. A recall may
 * give several reasons, so the bars add up to more than the recalls.
 */
import type { Count, DisclosurePolicy } from '../disclosure/cells.js';
import type { PublishedRecallCounts } from '../disclosure/recall.js';
import { RECALL_REASON_WORDS, wordOf } from '../words/labels.js';
import { countBarsChart } from './count-bars.js';
import type { ChartSpec } from './theme.js';

/** Builds the recall-reasons bar chart. */
export function recallReasonsChart(reasons: PublishedRecallCounts['reasons'], recallsInWindow: Count, policy: DisclosurePolicy): ChartSpec {
  return countBarsChart({
    title: 'Reasons given for recall',
    subtitle: 'A recall may give several reasons, so the bars add up to more than the recalls',
    categoryTitle: 'Reason',
    countTitle: 'Recalls giving this reason',
    bars: reasons.map((r) => ({ label: wordOf(RECALL_REASON_WORDS, r.key), count: r.count })),
    policy,
    note: `A recall may give several reasons; there were ${recallsInWindow.hidden ? `fewer than ${policy.minCell}` : recallsInWindow.value} recalls in the window.`,
  });
}
