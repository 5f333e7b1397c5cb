/**
 * Disclosure control of value for money (value.md "Reporting"; comparison.md: the public
 * profile applies to every count on both sides). The counts a value section shows are the
 * service people and their proven reoffences; a mean cost of fewer than minCell
 * reoffences (with the unit costs listed) would give the small count and its offence
 * groups away, so the mean cost, the break-even and its share go with it.
 */
import type { BreakEven } from '../measures/value/types.js';
import { type Count, type DisclosurePolicy, formatCount, isSmallCount } from './cells.js';

/** The break-even's counts as a page may show them. */
interface PublishedBreakEven {
  people: Count;
  reoffences: Count;
  /** Formatted counts ("12", "<5"). */
  peopleText: string;
  reoffencesText: string;
  /** True when the mean cost, break-even and share are withheld (too few reoffences or people). */
  withheld: boolean;
}

/** The published counts of a break-even: small counts hidden, and what derives from them. */
export function publishedBreakEven(b: BreakEven, policy: DisclosurePolicy): PublishedBreakEven {
  const s = b.serviceReoffences;
  const people: Count = { value: s.people, hidden: isSmallCount(s.people, policy) };
  const reoffences: Count = { value: s.reoffences, hidden: isSmallCount(s.reoffences, policy) || people.hidden };
  return {
    people,
    reoffences,
    peopleText: formatCount(people, policy),
    reoffencesText: formatCount(reoffences, policy),
    withheld: people.hidden || reoffences.hidden,
  };
}

/** The matched cohort's size as a page may show it. */
export function publishedParticipants(participants: number, policy: DisclosurePolicy): { count: Count; text: string } {
  const count: Count = { value: participants, hidden: isSmallCount(participants, policy) };
  return { count, text: formatCount(count, policy) };
}
