/**
 * Recall's counts as published (measures.md, "Measure 1: recall";
 * "Disclosure control"): recalls per person, the number of recalls and the
 * reasons given.
 */
import type { RecallResult } from '../measures/types.js';
import { recallReasonOrder } from '../words/labels.js';
import { isSmallCount, suppressEach, suppressWithTotal, type Count, type DisclosurePolicy } from './cells.js';

export const RECALLS_PER_PERSON = ['0', '1', '2', '3+'] as const;

export interface PublishedRecallCounts {
  /** People by their number of recalls in the window, and everyone (their sum). */
  perPerson: { parts: Count[]; total: Count };
  recallsInWindow: Count;
  /** The mean recalls per person is withheld with the number of recalls it gives back (mean × cohort). */
  meanWithheld: boolean;
  /** Recalls giving each reason, in recallReasonOrder (words/labels.ts). */
  reasons: { key: string; count: Count }[];
}

/**
 * Recall's counts as published. People by number of recalls add up to
 * everyone (secondary suppression); a recall may give several reasons, so
 * the reasons add up to nothing published and only primary suppression
 * applies to them.
 */
export function recallCounts(r: RecallResult, policy: DisclosurePolicy): PublishedRecallCounts {
  const recalls = { value: r.recallsInWindow, hidden: isSmallCount(r.recallsInWindow, policy) };
  const keys = recallReasonOrder(r.reasons);
  const reasons = suppressEach(
    keys.map((k) => r.reasons[k]),
    policy,
  );
  return {
    perPerson: suppressWithTotal(
      RECALLS_PER_PERSON.map((k) => r.recallsPerPerson.distribution[k]),
      policy,
    ),
    recallsInWindow: recalls,
    meanWithheld: recalls.hidden,
    reasons: keys.map((key, i) => ({ key, count: reasons[i] })),
  };
}
