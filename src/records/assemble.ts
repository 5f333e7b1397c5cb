/**
 * From checked people and event rows to the `Study`: the extraction date (given
 * or inferred), each person's follow_up_end, events sorted per person with
 * exact duplicates merged, the warnings that need a person's dates, and the
 * arquero tables over typed columns.
 */
import * as aq from 'arquero';
import type { DataQuality, InputFile, OffenceLookup, Problem, RowCounts, Study } from '../study/study.js';
import { EVENT } from '../study/vocabulary.js';
import { formatDay } from '../time/days.js';
import type { EventsReader } from './events-reader.js';
import type { AssessmentsReader } from './assessments-reader.js';
import { COMPLETED, type PeopleReader } from './people-reader.js';
import { checkDeaths } from './death-checks.js';
import { dropPeople } from './drop-people.js';
import { type ProblemLog, StudyError, type WarningKind } from './problems.js';
import { eventsInOrder } from './sorting.js';

interface AssembleInput {
  people: PeopleReader;
  events: EventsReader;
  /** The assessments table's reader, when the study has one. */
  assessments?: AssessmentsReader | null;
  offences: OffenceLookup;
  log: ProblemLog;
  /** Given extraction date (day number), or null to infer it. */
  extractionDate: number | null;
  snapshotDate: number | null;
  title: string | null;
  allowColumns: string[];
  inputs: InputFile[];
  quarantine: boolean;
  quarantineFile: string | null;
  /** The study's own lookup rows, when some were set aside (DataQuality.offences). */
  lookupRows?: RowCounts | null;
}

/** Row counts and problems as they stand. */
function qualityOf(input: Pick<AssembleInput, 'people' | 'events' | 'assessments' | 'log' | 'quarantineFile' | 'lookupRows'>): DataQuality {
  // A table that cannot be used at all (a required column missing, or the people's were) uses none of its rows: read = used + quarantined still.
  const unusable = (r: PeopleReader | EventsReader | AssessmentsReader) => r.fatal || (r !== input.people && input.people.fatal);
  const counts = (r: PeopleReader | EventsReader | AssessmentsReader) => {
    const quarantined = unusable(r) ? r.rowsRead : r.quarantined.length;
    return { read: r.rowsRead, used: r.rowsRead - quarantined, quarantined };
  };
  return {
    ...(input.lookupRows ? { offences: input.lookupRows } : {}),
    people: counts(input.people),
    events: counts(input.events),
    ...(input.assessments ? { assessments: counts(input.assessments) } : {}),
    warnings: input.log.warningCounts(),
    problems: input.log.sorted(),
    quarantineFile: input.quarantineFile,
  };
}

/**
 * The latest date anywhere in the usable records: every date column of the
 * kept people and the kept events (rows set aside do not count). −Infinity when none.
 */
export function latestDate(people: PeopleReader, events: EventsReader): number {
  let latest = -Infinity;
  const c = people.columns;
  for (const column of [c.referral_date, c.in_reach_start, c.release_date, c.service_end, c.follow_up_end]) {
    for (let i = 0; i < column.length; i++) if (column.data[i] > latest) latest = column.data[i];
  }
  const e = events.columns;
  for (let i = 0; i < e.count; i++) {
    if (e.date[i] > latest) latest = e.date[i];
    if (e.conviction_date[i] > latest) latest = e.conviction_date[i];
  }
  return latest;
}

// One gather per array type, so that each loop sees one kind of array. With
// no order the column is used as it is when it has the right length.
function gatherFloat64(a: Float64Array, order: Int32Array | null, n: number): Float64Array {
  if (order === null) return a.length === n ? a : a.slice(0, n);
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) out[k] = a[order[k]];
  return out;
}

function gatherInt32(a: Int32Array, order: Int32Array | null, n: number): Int32Array {
  if (order === null) return a.length === n ? a : a.slice(0, n);
  const out = new Int32Array(n);
  for (let k = 0; k < n; k++) out[k] = a[order[k]];
  return out;
}

function gatherUint8(a: Uint8Array, order: Int32Array | null, n: number): Uint8Array {
  if (order === null) return a.length === n ? a : a.slice(0, n);
  const out = new Uint8Array(n);
  for (let k = 0; k < n; k++) out[k] = a[order[k]];
  return out;
}

/** Runs up to this long are sorted, and searched for duplicates, by a linear scan. */
const SHORT_RUN = 16;

const sameNumber = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));

/** The events kept, in event order: `keep[k]` is the k-th kept row (null while they are rows 0, 1, 2, …), each person's from `personStart`. */
interface KeptEvents {
  keep: Int32Array | null;
  kept: number;
  personStart: Int32Array;
}

type EventWarning = (kind: WarningKind, line: number, column: string | null, value: string | null, expected: string) => void;

/**
 * Builds the study, or throws a StudyError when there are errors that cannot
 * be set aside. The steps: stop on a table that cannot be used; the
 * extraction date and each person's follow_up_end; events in order with exact
 * duplicates merged; rows in error by a death set aside; the warnings that
 * need a person's dates; then the people and event tables.
 */
export function assembleStudy(input: AssembleInput): Study {
  const { people, events, log } = input;
  // Errors that leave nothing to assemble stop here; row errors are thrown after
  // the warnings below are found, so that a failed load still reports them.
  if (people.fatal || events.fatal || input.assessments?.fatal) throwIfErrors(input);
  const nPeople = people.columns.entry.length;
  requireSomePeople(input, nPeople);
  const { extractionDate, inferred } = extractionDateOf(input);
  const followUpEnd = followUpEnds(people, extractionDate);

  const warnings: Problem[] = [];
  const warn: EventWarning = (kind, line, column, value, expected) =>
    warnings.push({ severity: 'warning', kind, table: 'events', file: events.file, line, column, value, expected });
  const rows = mergeDuplicateEvents(events, nPeople, warn);
  const deaths = checkDeaths(people, events, log, rows.personStart, rowAtOf(rows), input.quarantine, input.offences.code);
  if (deaths.badEvents.size > 0) setAside(rows, deaths.badEvents, nPeople);
  datedWarnings(people, events, rows, followUpEnd, inferred ? null : extractionDate, warn);
  for (const w of warnings) log.add(w);
  throwIfErrors(input);

  const eventColumns = eventTableColumns(events, rows);
  const peopleColumns = peopleTableColumns(people, input.offences, followUpEnd);
  let starts: Int32Array = rows.personStart;
  if (deaths.badPeople.size > 0) starts = dropPeople(peopleColumns, eventColumns, rows.personStart, deaths.badPeople);

  return {
    title: input.title,
    extractionDate,
    extractionDateInferred: inferred,
    snapshotDate: input.snapshotDate,
    people: aq.table(peopleColumns),
    events: aq.table(eventColumns),
    offences: input.offences,
    personStart: starts,
    quality: qualityOf(input),
    inputs: input.inputs,
    allowColumns: input.allowColumns,
  };
}

/** Throws the errors found so far unless they can all be set aside (quarantine, and every table usable). */
function throwIfErrors(input: AssembleInput): void {
  const { people, events, log } = input;
  if (log.errors > 0 && (!input.quarantine || people.fatal || events.fatal || input.assessments?.fatal)) throw new StudyError(log.sorted(), qualityOf(input));
}

/** Every person was set aside: there is no study to go on with. */
function requireSomePeople(input: AssembleInput, nPeople: number): void {
  const { people, log } = input;
  if (nPeople > 0 || people.rowsRead === 0) return;
  if (!input.quarantine) throwIfErrors(input);
  log.error('empty_file', 'people', people.file, 0, null, null, 'at least one usable person row (every row has errors and was set aside)');
  throw new StudyError(log.sorted(), qualityOf(input));
}

/** The given extraction date, or the latest date in the usable records; an error when there is neither. */
function extractionDateOf(input: AssembleInput): { extractionDate: number; inferred: boolean } {
  if (input.extractionDate !== null) return { extractionDate: input.extractionDate, inferred: false };
  const { people, log } = input;
  const latest = latestDate(people, input.events);
  if (latest === -Infinity) {
    // With row errors already found the missing dates are their consequence: report those alone.
    if (log.errors > 0 && !input.quarantine) throw new StudyError(log.sorted(), qualityOf(input));
    log.error('missing_value', 'people', people.file, 0, null, null, 'an extraction date: none was given and the records hold no dates to infer it from');
    throw new StudyError(log.sorted(), qualityOf(input));
  }
  return { extractionDate: latest, inferred: true };
}

/** Each person's follow_up_end: as given, else the extraction date. */
function followUpEnds(people: PeopleReader, extractionDate: number): Float64Array {
  const followUpEnd = people.columns.follow_up_end.toArray();
  for (let p = 0; p < followUpEnd.length; p++) if (Number.isNaN(followUpEnd[p])) followUpEnd[p] = extractionDate;
  return followUpEnd;
}

/** The k-th kept row's index in the event columns. */
function rowAtOf(rows: KeptEvents): (k: number) => number {
  const keep = rows.keep;
  return (k) => (keep === null ? k : keep[k]);
}

/**
 * Sorts the events into event order (sorting.ts; the reader's columns are
 * replaced, so the rows in file order free their memory) and merges rows
 * identical in every column, with a warning for each row merged.
 */
function mergeDuplicateEvents(events: EventsReader, nPeople: number, warn: EventWarning): KeptEvents {
  const inOrder = eventsInOrder(nPeople, events.columns, events.extras);
  const ec = inOrder.columns;
  const rawStart = inOrder.personStart;
  events.columns = ec;
  events.extras.forEach((x, k) => (x.values = inOrder.extras[k]));
  const extras = events.extras;
  const identical = (a: number, b: number) =>
    ec.person[a] === ec.person[b] &&
    ec.type[a] === ec.type[b] &&
    sameNumber(ec.date[a], ec.date[b]) &&
    sameNumber(ec.conviction_date[a], ec.conviction_date[b]) &&
    ec.offence[a] === ec.offence[b] &&
    ec.recall_reasons[a] === ec.recall_reasons[b] &&
    extras.every((x) => x.values[a] === x.values[b]);
  // Rows kept, in order. Null while they are rows 0, 1, 2, … (no duplicate yet).
  let keep: Int32Array | null = null;
  let kept = 0;
  const personStart = new Int32Array(nPeople + 1);
  // Rows of the current run of equal (person, date, type) by their other columns, once the run is long.
  let sameStart = 0;
  let seen: Map<string, number> | null = null;
  const rowAt = (j: number) => (keep === null ? j : keep[j]);
  const keyOf = (r: number) => `${ec.conviction_date[r]}|${ec.offence[r]}|${ec.recall_reasons[r]}|${extras.map((x) => JSON.stringify(x.values[r])).join('|')}`;
  for (let p = 0; p < nPeople; p++) {
    personStart[p] = kept;
    const runStart = kept;
    for (let k = rawStart[p]; k < rawStart[p + 1]; k++) {
      const i = k;
      if (kept === runStart || ec.date[rowAt(kept - 1)] !== ec.date[i] || ec.type[rowAt(kept - 1)] !== ec.type[i]) {
        sameStart = kept;
        seen = null;
      }
      // Identical rows share date and type, so they sit in one run of equal (date, type).
      let duplicateOf = -1;
      if (kept - sameStart <= SHORT_RUN) {
        for (let j = kept - 1; j >= sameStart && duplicateOf < 0; j--) if (identical(rowAt(j), i)) duplicateOf = rowAt(j);
      } else {
        // 100,000 events of one person on one day: a scan per row would be quadratic.
        if (seen === null) {
          seen = new Map();
          for (let j = sameStart; j < kept; j++) if (!seen.has(keyOf(rowAt(j)))) seen.set(keyOf(rowAt(j)), rowAt(j));
        }
        duplicateOf = seen.get(keyOf(i)) ?? -1;
      }
      if (duplicateOf >= 0) {
        warn('duplicate_event', ec.line[i], null, null, `one row per event (identical in every column to line ${ec.line[duplicateOf]}; counted once)`);
        if (keep === null) {
          keep = new Int32Array(ec.count);
          for (let j = 0; j < kept; j++) keep[j] = j;
        }
        continue;
      }
      if (keep !== null) keep[kept] = i;
      seen?.set(keyOf(i), i);
      kept++;
    }
  }
  personStart[nPeople] = kept;
  return { keep, kept, personStart };
}

/** Rows in error by a death are set aside (or the load stops after the warnings): the rest keep their order. */
function setAside(rows: KeptEvents, bad: ReadonlySet<number>, nPeople: number): void {
  const rowAt = rowAtOf(rows);
  const { personStart } = rows;
  const out = new Int32Array(rows.kept);
  let n = 0;
  for (let p = 0; p < nPeople; p++) {
    const from = personStart[p];
    personStart[p] = n;
    for (let k = from; k < personStart[p + 1]; k++) if (!bad.has(rowAt(k))) out[n++] = rowAt(k);
  }
  personStart[nPeople] = n;
  rows.keep = out;
  rows.kept = n;
}

/**
 * The warnings that need the person's dates: an event after follow_up_end,
 * after the given extraction date (`extractionDate`, null when inferred),
 * before release, and a recall with no rerelease after it for a person whose
 * service was completed.
 */
function datedWarnings(
  people: PeopleReader,
  events: EventsReader,
  rows: KeptEvents,
  followUpEnd: Float64Array,
  extractionDate: number | null,
  warn: EventWarning,
): void {
  const pc = people.columns;
  const ec = events.columns;
  const { keep, personStart } = rows;
  const nPeople = personStart.length - 1;
  for (let p = 0; p < nPeople; p++) {
    const release = pc.release_date.data[p];
    const end = followUpEnd[p];
    const completed = pc.end_reason.data[p] === COMPLETED;
    // A recall is followed by a rerelease when the person's last rerelease comes after it: one pass, not one per recall.
    let lastRerelease = -1;
    if (completed) for (let k = personStart[p]; k < personStart[p + 1]; k++) if (ec.type[keep === null ? k : keep[k]] === EVENT.rerelease) lastRerelease = k;
    for (let k = personStart[p]; k < personStart[p + 1]; k++) {
      const i = keep === null ? k : keep[k];
      const date = ec.date[i];
      if (date > end) {
        warn(
          'event_after_follow_up_end',
          ec.line[i],
          'date',
          formatDay(date),
          `an event on or before the person's follow_up_end (${formatDay(end)}); kept, ignored by the measures`,
        );
      }
      // A date after the given extraction date cannot have been recorded yet (follow_up_end may run later).
      const late =
        extractionDate !== null && !(date > end) ? (date > extractionDate ? 'date' : ec.conviction_date[i] > extractionDate ? 'conviction_date' : null) : null;
      if (late !== null) {
        warn(
          'event_after_extraction',
          ec.line[i],
          late,
          formatDay(late === 'date' ? date : ec.conviction_date[i]),
          `a ${late} on or before the extraction date (${formatDay(extractionDate!)}); kept: check the date, or the extraction date`,
        );
      }
      if (date < release) {
        warn(
          'event_before_release',
          ec.line[i],
          'date',
          formatDay(date),
          `an event on or after the person's release_date (${formatDay(release)}); kept, ignored by the follow-up measures`,
        );
      }
      if (completed && ec.type[i] === EVENT.recall) {
        if (lastRerelease < k) {
          warn('recall_without_rerelease', ec.line[i], 'type', 'recall', "a rerelease after this recall, since the person's end_reason is completed");
        }
      }
    }
  }
}

/** The event table's columns of the kept rows; files usually come sorted and without duplicates, and then the columns are used whole. */
function eventTableColumns(events: EventsReader, rows: KeptEvents): Record<string, unknown> {
  const ec = events.columns;
  const { kept } = rows;
  let order = rows.keep;
  if (order !== null) {
    let inOrder = kept === ec.count;
    for (let k = 0; inOrder && k < kept; k++) inOrder = order[k] === k;
    if (inOrder) order = null;
  }
  const eventColumns: Record<string, unknown> = {
    person: gatherInt32(ec.person, order, kept),
    type: gatherUint8(ec.type, order, kept),
    date: gatherFloat64(ec.date, order, kept),
    conviction_date: gatherFloat64(ec.conviction_date, order, kept),
    offence: gatherInt32(ec.offence, order, kept),
    recall_reasons: gatherUint8(ec.recall_reasons, order, kept),
  };
  for (const x of events.extras) {
    if (x.name in eventColumns) continue;
    const values: (string | null)[] = new Array(kept);
    for (let k = 0; k < kept; k++) values[k] = x.values[order === null ? k : order[k]];
    eventColumns[x.name] = values;
  }
  return eventColumns;
}

/** The people table's columns: codes decoded to their labels, follow_up_end filled in, extra columns kept. */
function peopleTableColumns(people: PeopleReader, offences: OffenceLookup, followUpEnd: Float64Array): Record<string, unknown> {
  const pc = people.columns;
  const decoded = people.decoded(offences.code);
  const peopleColumns: Record<string, unknown> = {
    person_id: people.personIds(),
    service: decoded.service,
    tier: decoded.tier,
    sex: decoded.sex,
    ethnicity: decoded.ethnicity,
    age_at_release: pc.age_at_release.toArray(),
    index_offence: decoded.index_offence,
    index_offence_row: pc.index_offence_row.toArray(),
    prior_convictions: pc.prior_convictions.toArray(),
    custody_years_before_release: pc.custody_years_before_release.toArray(),
    aces: pc.aces.toArray(),
    referral_date: pc.referral_date.toArray(),
    in_reach_start: pc.in_reach_start.toArray(),
    release_date: pc.release_date.toArray(),
    service_end: pc.service_end.toArray(),
    end_reason: decoded.end_reason,
    included: decoded.included,
    exclusion_reason: decoded.exclusion_reason,
    follow_up_end: followUpEnd,
  };
  for (const x of people.extras) if (!(x.name in peopleColumns)) peopleColumns[x.name] = x.values;
  return peopleColumns;
}
