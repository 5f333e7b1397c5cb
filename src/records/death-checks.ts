/**
 * The checks a `death` event brings (records.md, "Validation"): a second death
 * of one person is an error in its event row; an event whose date or
 * conviction_date is after the person's death is an error in the event row; a
 * release_date or service_end after the death is an error in the people row
 * (and the person's events are set aside with it). The death kept is the
 * person's first death row in file order.
 */
import { EVENT, EVENT_TYPES, RECALL_REASONS } from '../study/vocabulary.js';
import { formatDay } from '../time/days.js';
import type { EventsReader } from './events-reader.js';
import type { PeopleReader } from './people-reader.js';
import type { ProblemLog } from './problems.js';

interface DeathCheckResult {
  /** Raw event rows in error (a second death, an event after the death, an event of a person in error). */
  badEvents: Set<number>;
  /** People rows in error (release_date or service_end after the death). */
  badPeople: Set<number>;
}

const show = (day: number) => formatDay(day) ?? '';

/**
 * Checks the kept events of each person (rows `rowAt(k)` for k in
 * `personStart[p] … personStart[p + 1] − 1`) against the person's death, logs
 * every error, and, in quarantine mode, records each row set aside with its
 * problems. Returns the rows in error (empty sets when no one has a death).
 */
export function checkDeaths(
  people: PeopleReader,
  events: EventsReader,
  log: ProblemLog,
  personStart: Int32Array,
  rowAt: (k: number) => number,
  quarantine: boolean,
  offenceCodes: readonly string[],
): DeathCheckResult {
  const badEvents = new Set<number>();
  const badPeople = new Set<number>();
  const ec = events.columns;
  const pc = people.columns;
  const nPeople = personStart.length - 1;
  const eventProblems = new Map<number, ReturnType<ProblemLog['error']>[]>();
  const eventError = (i: number, kind: 'second_death' | 'after_death' | 'person_quarantined', column: string, value: string | null, expected: string) => {
    badEvents.add(i);
    const problem = log.error(kind, 'events', events.file, ec.line[i], column, value, expected);
    const list = eventProblems.get(i);
    if (list) list.push(problem);
    else eventProblems.set(i, [problem]);
  };
  for (let p = 0; p < nPeople; p++) {
    let death = -1;
    for (let k = personStart[p]; k < personStart[p + 1]; k++) {
      const i = rowAt(k);
      if (ec.type[i] === EVENT.death && (death < 0 || ec.line[i] < ec.line[death])) death = i;
    }
    if (death < 0) continue;
    const day = ec.date[death];
    for (let k = personStart[p]; k < personStart[p + 1]; k++) {
      const i = rowAt(k);
      if (i === death) continue;
      if (ec.type[i] === EVENT.death) {
        eventError(i, 'second_death', 'type', 'death', `one death per person (this person's death is on line ${ec.line[death]}, ${show(day)})`);
      } else if (ec.date[i] > day) {
        eventError(i, 'after_death', 'date', show(ec.date[i]), `a date on or before the person's death (${show(day)}, line ${ec.line[death]})`);
      } else if (ec.conviction_date[i] > day) {
        eventError(
          i,
          'after_death',
          'conviction_date',
          show(ec.conviction_date[i]),
          `a conviction_date on or before the person's death (${show(day)}, line ${ec.line[death]})`,
        );
      }
    }
    const personProblems: ReturnType<ProblemLog['error']>[] = [];
    for (const column of ['release_date', 'service_end'] as const) {
      const value = pc[column].data[p];
      if (!(value > day)) continue;
      badPeople.add(p);
      personProblems.push(
        log.error(
          'after_death',
          'people',
          people.file,
          pc.line.data[p],
          column,
          show(value),
          `a ${column} on or before the person's death (${show(day)}, events line ${ec.line[death]})`,
        ),
      );
    }
    if (quarantine && personProblems.length > 0) {
      people.quarantined.push({ table: 'people', file: people.file, line: pc.line.data[p], problems: personProblems, fields: peopleFields(people, p) });
    }
    if (badPeople.has(p)) {
      for (let k = personStart[p]; k < personStart[p + 1]; k++) {
        const i = rowAt(k);
        if (!badEvents.has(i))
          eventError(
            i,
            'person_quarantined',
            'person_id',
            null,
            "a person whose row in people is usable (this person's row has errors, so their events are set aside with it)",
          );
      }
    }
  }
  if (quarantine) {
    for (const [i, problems] of eventProblems)
      events.quarantined.push({ table: 'events', file: events.file, line: ec.line[i], problems, fields: eventFields(events, i, offenceCodes) });
  }
  return { badEvents, badPeople };
}

/** An event row's fields rebuilt from its kept values (person_id withheld), for the quarantine file. */
function eventFields(events: EventsReader, i: number, offenceCodes: readonly string[]): string[] {
  const c = events.columns;
  const reasons = RECALL_REASONS.filter((_, b) => (c.recall_reasons[i] & (1 << b)) !== 0).join(';');
  return ['', EVENT_TYPES[c.type[i]], show(c.date[i]), show(c.conviction_date[i]), c.offence[i] >= 0 ? offenceCodes[c.offence[i]] : '', reasons];
}

/** A people row's date fields rebuilt from its kept values, for the quarantine file. */
function peopleFields(people: PeopleReader, p: number): string[] {
  const c = people.columns;
  return ['', show(c.release_date.data[p]), show(c.service_end.data[p]), show(c.follow_up_end.data[p])];
}
