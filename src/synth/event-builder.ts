/**
 * Events of a synthetic person: recalls with their reasons, rereleases,
 * convictions, cautions and breaches, placed inside windows the scenario has
 * already fixed, so that the scenario's targets hold by construction.
 */
import type { Day } from '../time/days.js';
import { RECALL_REASONS, type RecallReason } from '../study/vocabulary.js';
import type { Rng } from './prng.js';
import { chance, intBetween, logNormal } from './distributions.js';
import type { SynthEvent } from './records.js';

/**
 * One to three recall reasons in the categories of the licence recall
 * statistics; `furtherCharge` forces further_charge (a new offence led to it).
 * A few recalls have no reason recorded.
 */
export function drawRecallReasons(rng: Rng, furtherCharge: boolean): RecallReason[] | undefined {
  if (!furtherCharge && chance(rng, 0.08)) return undefined;
  const reasons = new Set<RecallReason>();
  if (furtherCharge) reasons.add('further_charge');
  if (chance(rng, 0.55)) reasons.add('non_compliance');
  if (chance(rng, 0.25)) reasons.add('failed_to_keep_in_touch');
  if (chance(rng, 0.15)) reasons.add('failed_to_reside');
  if (chance(rng, 0.2)) reasons.add('drugs_alcohol');
  if (reasons.size === 0) reasons.add(chance(rng, 0.85) ? 'non_compliance' : 'other');
  return RECALL_REASONS.filter((r) => reasons.has(r));
}

/**
 * `count` recalls inside [start, end], each but possibly the last followed by a
 * rerelease, with at least `minGap` days between consecutive events. With
 * `endsWithRecall` the last recall falls on `end` itself and has no rerelease in
 * the window. Gaps are drawn from a skewed distribution so the spacing is uneven.
 * Returns the days in order: recall, rerelease, recall, …
 */
export function recallCycleDays(rng: Rng, start: Day, end: Day, count: number, endsWithRecall: boolean, minGap = 14): Day[] {
  const points = endsWithRecall ? 2 * count - 1 : 2 * count;
  // gaps: start→first recall, then between points; with a trailing slack unless the last point is `end`
  const gapCount = endsWithRecall ? points : points + 1;
  const length = end - start;
  const spare = length - minGap * gapCount;
  if (count <= 0 || spare < 0) throw new RangeError(`no room for ${count} recalls in ${length} days`);
  const weights = Array.from({ length: gapCount }, (_, i) =>
    // a stay in custody after a recall (odd gaps) is shorter than a spell in the community
    logNormal(rng, i % 2 === 1 ? 0.5 : 1.2, 0.6),
  );
  const total = weights.reduce((s, w) => s + w, 0);
  const days: Day[] = [];
  let at = start;
  for (let i = 0; i < points; i++) {
    at += minGap + Math.floor((spare * weights[i]) / total);
    days.push(at);
  }
  if (endsWithRecall) days[days.length - 1] = end;
  return days;
}

/** Recall and rerelease events on the days `recallCycleDays` gave. */
export function recallEvents(rng: Rng, personId: string, days: readonly Day[], furtherChargeOn: ReadonlySet<Day> = new Set()): SynthEvent[] {
  return days.map((date, i) =>
    i % 2 === 0 ? { personId, type: 'recall', date, recallReasons: drawRecallReasons(rng, furtherChargeOn.has(date)) } : { personId, type: 'rerelease', date },
  );
}

/**
 * A conviction (or caution) for an offence committed on `offenceDate`, with the
 * court outcome 3 weeks to about 8 months later but never after `latestOutcome`.
 */
export function outcomeEvent(rng: Rng, personId: string, type: 'conviction' | 'caution', offence: string, offenceDate: Day, latestOutcome: Day): SynthEvent {
  const lag = type === 'caution' ? intBetween(rng, 1, 40) : Math.round(Math.min(400, 21 + logNormal(rng, 70, 0.7)));
  return { personId, type, date: offenceDate, convictionDate: Math.max(offenceDate, Math.min(offenceDate + lag, latestOutcome)), offence };
}

/** A breach on a given day. */
export function breachEvent(personId: string, date: Day): SynthEvent {
  return { personId, type: 'breach', date };
}
