/**
 * Formats synthetic records as CSV lines in the records.md layout (RFC 4180
 * quoting, `\n` line ends, blank cells for values not recorded).
 */
import { PEOPLE_COLUMNS } from '../study/vocabulary.js';
import { formatDay, type Day } from '../time/days.js';
import type { SynthEvent, SynthPerson } from './records.js';

export const EVENT_COLUMNS = ['person_id', 'type', 'date', 'conviction_date', 'offence', 'recall_reasons'] as const;

/** One CSV cell: quoted only when it holds a comma, a quote or a line break. */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Formatted days, remembered: a large cohort writes the same few thousand dates millions of times. */
const dayText = new Map<Day, string>();
const day = (d: Day | undefined) => {
  if (d === undefined) return '';
  let text = dayText.get(d);
  if (text === undefined) {
    text = formatDay(d) ?? '';
    dayText.set(d, text);
  }
  return text;
};
const num = (n: number | undefined) => (n === undefined ? '' : String(n));
const txt = (s: string | undefined) => csvCell(s ?? '');

export function peopleHeader(): string {
  return PEOPLE_COLUMNS.join(',') + '\n';
}

export function eventsHeader(): string {
  return EVENT_COLUMNS.join(',') + '\n';
}

/** A person's row, ending in a newline. */
export function personLine(p: SynthPerson): string {
  return (
    [
      txt(p.personId),
      txt(p.service),
      txt(p.tier),
      txt(p.sex),
      txt(p.ethnicity),
      num(p.ageAtRelease),
      txt(p.indexOffence),
      num(p.priorConvictions),
      p.custodyYearsBeforeRelease === undefined ? '' : p.custodyYearsBeforeRelease.toFixed(1),
      num(p.aces),
      day(p.referralDate),
      day(p.inReachStart),
      day(p.releaseDate),
      day(p.serviceEnd),
      txt(p.endReason),
      p.included ? 'true' : 'false',
      txt(p.exclusionReason),
      day(p.followUpEnd),
    ].join(',') + '\n'
  );
}

/** An event's row, ending in a newline. */
export function eventLine(e: SynthEvent): string {
  return [txt(e.personId), e.type, day(e.date), day(e.convictionDate), txt(e.offence), txt(e.recallReasons?.join(';'))].join(',') + '\n';
}
