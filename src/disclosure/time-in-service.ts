/**
 * Time in service as published (measures.md, "Measure 4: time in service";
 * "Disclosure control").
 */
import type { TimeInServiceResult } from '../measures/types.js';
import type { Summary } from '../stats/types.js';
import { endReasonOrder, ONGOING_END } from '../words/labels.js';
import { countOfWhole, isSmallCount, suppressCells, type Count, type DisclosurePolicy } from './cells.js';

/** A summary of months as published: its number of people, and whether it rests on too few of them to print. */
export interface PublishedSummary {
  n: Count;
  /** True when the summary rests on 1 to minCell − 1 people (public profile): its statistics are withheld. */
  withheld: boolean;
}

export interface PublishedTimeInService {
  inReach: PublishedSummary;
  community: PublishedSummary;
  /** How time in the service ended: each end reason, then "ongoing" (still in the service). */
  ends: { key: string; count: Count }[];
}

/**
 * The counts of the time-in-service section as published: end reasons and
 * "still in the service" add up to everyone, the end reasons alone to the
 * people in the community summary (its n), and that n with "still in the
 * service" to everyone again: one suppression over all three relations. The
 * in-reach n is part of everyone, the rest of whom are printed nowhere.
 */
export function timeInServicePublished(result: TimeInServiceResult, policy: DisclosurePolicy): PublishedTimeInService {
  const keys = endReasonOrder(result.endReasons);
  const parts = [...keys.map((k) => result.endReasons[k]), result.ongoing];
  const ended = keys.map((_, i) => i);
  const ongoing = keys.length;
  const n = parts.length;
  const everyone = n + 1;
  const values = [...parts, result.communityMonths.n, result.communityMonths.n + result.ongoing];
  const hidden = suppressCells(
    values,
    [
      { parts: [...ended, ongoing], total: everyone },
      { parts: ended, total: n },
      { parts: [n, ongoing], total: everyone },
    ],
    policy,
    [everyone],
  );
  return {
    inReach: { n: countOfWhole(result.inReachMonths.n, values[everyone], policy), withheld: summaryWithheld(result.inReachMonths, policy) },
    community: { n: { value: values[n], hidden: hidden[n] }, withheld: summaryWithheld(result.communityMonths, policy) },
    ends: [...keys, ONGOING_END].map((key, i) => ({ key, count: { value: values[i], hidden: hidden[i] } })),
  };
}

function summaryWithheld(s: Summary, policy: DisclosurePolicy): boolean {
  return isSmallCount(s.n, policy);
}
