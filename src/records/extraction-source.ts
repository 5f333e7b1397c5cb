/**
 * Where an inferred extraction date came from (records.md, "Study settings":
 * "the latest date anywhere in its records is used and every output says
 * so"): the rows that hold that latest date, so that a person can check it is
 * not a typo (a 2091 for 2019 would silently stretch every follow-up).
 */
import type { EventsReader } from './events-reader.js';
import type { PeopleReader } from './people-reader.js';

/** The first rows (at most `limit`, people before events) holding `day` in a date column, as "file line N, column c". */
function rowsHoldingDate(people: PeopleReader, events: EventsReader, day: number, limit = 3): { rows: string[]; count: number } {
  const rows: string[] = [];
  let count = 0;
  const c = people.columns;
  const peopleColumns = [
    ['referral_date', c.referral_date],
    ['in_reach_start', c.in_reach_start],
    ['release_date', c.release_date],
    ['service_end', c.service_end],
    ['follow_up_end', c.follow_up_end],
  ] as const;
  for (let i = 0; i < c.line.length; i++) {
    for (const [name, column] of peopleColumns) {
      if (column.data[i] !== day) continue;
      count++;
      if (rows.length < limit) rows.push(`${people.file} ${people.where(c.line.data[i])}, column ${name}`);
    }
  }
  const e = events.columns;
  for (let i = 0; i < e.count; i++) {
    for (const [name, column] of [
      ['date', e.date],
      ['conviction_date', e.conviction_date],
    ] as const) {
      if (column[i] !== day) continue;
      count++;
      if (rows.length < limit) rows.push(`${events.file} ${events.where(e.line[i])}, column ${name}`);
    }
  }
  return { rows, count };
}

/** A sentence naming those rows: "from people.csv line 7, column service_end (and 2 more rows)". */
export function extractionDateSource(people: PeopleReader, events: EventsReader, day: number): string {
  const { rows, count } = rowsHoldingDate(people, events, day);
  const more = count - rows.length;
  return `from ${rows.join('; ')}${more > 0 ? ` (and ${more} more cell${more === 1 ? '' : 's'})` : ''}`;
}
