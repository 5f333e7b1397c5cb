/**
 * One part of a large events file, read and checked on its own (in a worker
 * thread) while the people are still being read. Its rows are checked by an
 * EventsReader like any others, with each person_id standing for a person of
 * its own (PersonRuns); once the people are known the runs are looked up. When
 * every one is a kept person, the part is exactly what reading it after the
 * people would have given, as nothing else a reader does depends on the
 * people; otherwise the part is read again, now with the people.
 */
import { readSync } from 'node:fs';
import type { Problem } from '../study/study.js';
import { readCsvHeader, readCsvRange, type CsvSink } from './csv-reader.js';
import { allocateEventColumns, EventsReader, mapEventColumns, type EventColumns, type PeopleIndex } from './events-reader.js';
import { PersonRows, PersonRuns, type PeopleIndexParts } from './person-index.js';
import { ProblemLog } from './problems.js';

export interface EventsChunkJob {
  path: string;
  /**
   * The handle every part reads (open-input.ts, openForParts): a file
   * descriptor belongs to the process, so a worker thread reads the one the
   * main thread opened, by position, and never opens the path again.
   */
  fd: number;
  /** The file as named in problems. */
  file: string;
  allow: string[];
  offenceCodes: string[];
  /** Bytes [start, end) of the file; end is Infinity for the last part. */
  start: number;
  end: number;
  /** The file's size in bytes as opened (the last part's end is Infinity). */
  fileBytes: number;
  /** Which part this is, from 0 in file order. */
  part: number;
  /**
   * The columns every part writes its rows into (allocateSharedEventColumns), part after
   * part in file order, so that joining them copies nothing and no part has columns of its own.
   */
  columns: EventColumns;
  /**
   * Each part's room in `columns` (its line ends, plus one), published by the part once
   * counted (−1 until then, −2 when the count failed): a part's rows start after the rooms
   * of the parts before it.
   */
  rooms: Int32Array;
}

const UNCOUNTED = -1;
const COUNT_FAILED = -2;

/**
 * Line ends in bytes [start, end) of a file: an upper bound on its records
 * (a quoted line end joins two lines into one), counted before the part is
 * read so that its rows have their place in the shared columns.
 */
function countLineEnds(fd: number, start: number, end: number): number {
  const block = Buffer.allocUnsafe(Math.max(1, Math.min(1 << 20, end - start)));
  let lines = 0;
  for (let at = start; at < end; ) {
    const n = readSync(fd, block, 0, Math.min(block.length, end - at), at);
    if (n <= 0) break;
    for (let i = block.indexOf(0x0a, 0); i >= 0 && i < n; i = block.indexOf(0x0a, i + 1)) lines++;
    at += n;
  }
  return lines;
}

/** The room of part k, once counted (a part waits only for earlier parts, so one read in this thread after them never waits). */
function roomOf(rooms: Int32Array, k: number): number {
  for (;;) {
    const room = Atomics.load(rooms, k);
    if (room === COUNT_FAILED) throw new Error('an earlier part of the events file could not be read');
    if (room !== UNCOUNTED) return room;
    Atomics.wait(rooms, k, UNCOUNTED);
  }
}

/** Where a part's rows go: its room, at `at` in the shared columns, or (at null) in columns of its own when the shared ones are too short. */
interface Placement {
  at: number | null;
  room: number;
}

function placePart(job: EventsChunkJob): Placement {
  let room: number;
  try {
    room = countLineEnds(job.fd, job.start, Math.min(job.end, job.fileBytes)) + 1;
  } catch (e) {
    Atomics.store(job.rooms, job.part, COUNT_FAILED);
    Atomics.notify(job.rooms, job.part);
    throw e;
  }
  Atomics.store(job.rooms, job.part, room);
  Atomics.notify(job.rooms, job.part);
  let at = 0;
  for (let k = 0; k < job.part; k++) at += roomOf(job.rooms, k);
  return { at: at + room <= job.columns.person.length ? at : null, room };
}

/** Empty columns for the part's rows, where its placement says. */
function columnsAt(job: EventsChunkJob, { at, room }: Placement): EventColumns {
  if (at === null) return allocateEventColumns(room);
  return mapEventColumns(job.columns, 0, (a) => a.subarray(at, at + room) as typeof a);
}

/** A part's rows, with lines numbered from 1 at the part's start. */
export interface EventsChunkResult {
  /** The part ended where a record ends; false when a quoted field runs across the cut (the parts cannot be joined). */
  aligned: boolean;
  /** Line ends in the part. */
  lines: number;
  /** Where the rows start in the shared columns (EventsChunkJob.columns); null when they are in `columns` of their own. */
  at: number | null;
  rowsRead: number;
  /** Problems of the part's rows, in file order (the header's are left to the caller, who reads it once). */
  problems: Problem[];
  /** Rows set aside; their problems as indexes into `problems`. */
  quarantined: { line: number; fields: string[]; problems: number[] }[];
  columns: EventColumns;
  extras: (string | null)[][];
}

function readEventsChunk(job: EventsChunkJob, people: PeopleIndex, place: Placement): EventsChunkResult {
  const log = new ProblemLog();
  const reader = new EventsReader({ table: 'events', file: job.file, log, allow: new Set(job.allow) }, people, job.offenceCodes, columnsAt(job, place));
  const file = { fd: job.fd, path: job.path };
  const header = readCsvHeader(file);
  if (header !== null) reader.accept(header);
  const headerProblems = log.problems.length;
  // A part at the start of the file holds the header itself: it was fed already.
  let sawHeader = job.start > 0;
  const sink: CsvSink = sawHeader ? reader.accept : (rec) => (sawHeader ? reader.accept(rec) : (sawHeader = true));
  const info = readCsvRange(file, sink, job.start, job.end);
  const problems = log.problems.slice(headerProblems);
  const indexOf = new Map(problems.map((p, i) => [p, i]));
  const c = reader.columns;
  const n = c.count;
  // Rows that ran out of room (more than the line ends: only if the file grew while read) are in columns of their own.
  const inShared = place.at !== null && c.person.buffer === job.columns.person.buffer;
  return {
    aligned: info.aligned && header !== null,
    lines: info.lines,
    at: inShared ? place.at : null,
    rowsRead: reader.rowsRead,
    problems,
    quarantined: reader.quarantined.map((q) => ({ line: q.line, fields: q.fields, problems: q.problems.map((p) => indexOf.get(p)!) })),
    columns: mapEventColumns(c, n, (a) => a.subarray(0, n) as typeof a),
    extras: reader.extras.map((x) => x.values),
  };
}

/**
 * Reads a part before the people are known; the function returned finishes
 * it once they are (null when the people could not be read: the rows are
 * then only counted, and their persons mean nothing).
 */
export function startEventsChunk(job: EventsChunkJob): (people: PeopleIndexParts | null) => EventsChunkResult {
  const place = placePart(job);
  const runs = new PersonRuns();
  const result = readEventsChunk(job, runs, place);
  return (parts) => {
    if (parts === null || !result.aligned) return result;
    // An unknown person or one set aside is an error found while reading the row: read the part again, with the people.
    if (!runs.resolveInto(new PersonRows(parts), result.columns.person)) return readEventsChunk(job, new PersonRows(parts), place);
    return result;
  };
}

/** The buffers a result can hand over to another thread instead of copying them (none when its rows are in the shared columns). */
export function transferablesOf(result: EventsChunkResult): ArrayBuffer[] {
  const c = result.columns;
  const buffers = [c.person, c.type, c.date, c.conviction_date, c.offence, c.recall_reasons, c.line].map((a) => a.buffer);
  return buffers.filter((b): b is ArrayBuffer => !(b instanceof SharedArrayBuffer));
}
