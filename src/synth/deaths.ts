/**
 * Deaths for a synthetic sample (records.md `death` events): a share of the
 * cohort die, each on a day no earlier than their release, their service end and
 * a scenario's own limit, and no later than their follow-up end; the events after
 * a death are dropped, as the records cannot hold them. One person dies on the
 * day of their first offence after release (convicted that day too), so the samples
 * show that on one day the offence counts before the death (measures.md
 * "Competing risks").
 */
import type { Day } from '../time/days.js';
import type { Rng } from './prng.js';
import type { SynthEvent, SynthPerson } from './records.js';

interface DeathOptions {
  /** Share of the cohort (included and released) who die. */
  share: number;
  /** The study's extraction date, the follow-up end of everyone without their own. */
  extraction: Day;
  /** The earliest day a person may die (e.g. after a snapshot date the sample must keep). */
  earliest: (p: SynthPerson) => Day;
  /** Also let the first ongoing cohort member die on their release day (F = r: no follow-up). */
  onReleaseDay?: boolean;
  /** Draw the day of death exponentially from the earliest day with this mean (a person drawn past their follow-up end does not die); uniform over the range otherwise. */
  meanDays?: number;
}

/** Adds death events in place of the events after them; returns the events, sorted as given otherwise. */
export function addDeaths(rng: Rng, people: readonly SynthPerson[], events: SynthEvent[], options: DeathOptions): SynthEvent[] {
  const byPerson = new Map<string, SynthEvent[]>();
  for (const e of events) {
    const list = byPerson.get(e.personId);
    if (list) list.push(e);
    else byPerson.set(e.personId, [e]);
  }
  const deathOf = new Map<string, Day>();
  let plantedOffenceDay = false;
  let plantedReleaseDay = !options.onReleaseDay;
  for (const p of people) {
    if (!p.included || p.releaseDate === undefined) continue;
    if (!plantedReleaseDay && p.serviceEnd === undefined && options.earliest(p) <= p.releaseDate) {
      deathOf.set(p.personId, p.releaseDate);
      plantedReleaseDay = true;
      continue;
    }
    const lower = Math.max(p.releaseDate, p.serviceEnd ?? p.releaseDate, options.earliest(p));
    const upper = p.followUpEnd ?? options.extraction;
    if (lower > upper) continue;
    // The first person with a conviction in their range dies on its offence day, convicted the same day.
    if (!plantedOffenceDay) {
      const release = p.releaseDate;
      const first = (byPerson.get(p.personId) ?? []).filter((e) => e.type === 'conviction' && e.date >= release).sort((a, b) => a.date - b.date)[0];
      const conviction = first !== undefined && first.date >= lower && first.date <= upper ? first : undefined;
      if (conviction) {
        conviction.convictionDate = conviction.date;
        deathOf.set(p.personId, conviction.date);
        plantedOffenceDay = true;
        continue;
      }
    }
    if (rng() >= options.share) continue;
    const u = rng();
    const death = options.meanDays === undefined ? lower + Math.floor(u * (upper - lower + 1)) : lower + Math.floor(-Math.log(1 - u) * options.meanDays);
    if (death <= upper) deathOf.set(p.personId, death);
  }
  const kept = events.filter((e) => {
    const death = deathOf.get(e.personId);
    return death === undefined || (e.date <= death && (e.convictionDate === undefined || e.convictionDate <= death));
  });
  for (const p of people) {
    const death = deathOf.get(p.personId);
    if (death !== undefined) kept.push({ personId: p.personId, type: 'death', date: death });
  }
  return kept;
}
