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
import { EventsReader, mapEventColumns, type EventColumns, type PeopleIndex } from './events-reader.js';
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
  /** The file's size in bytes: the first part sizes its columns for the whole file's rows, so that the others can be joined onto it. */
  fileBytes: number;
}

/**
 * Line ends in bytes [start, end) of a file: an upper bound on its records
 * (a quoted line end joins two lines into one), counted before the part is
 * read so that its columns are sized once rather than guessed and grown.
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

/**
 * Rows to make room for: the part's own lines (plus one for a last line
 * without an end); for the first part, the whole file's too, estimated from
 * the part's own bytes per line with 2% to spare (when short, joining copies
 * the rows into new columns instead).
 */
function expectedRows(job: EventsChunkJob): number {
  const end = Math.min(job.end, job.fileBytes);
  const own = countLineEnds(job.fd, job.start, end) + 1;
  if (job.start > 0 || end >= job.fileBytes) return own;
  return Math.ceil(own * (1 + ((job.fileBytes - end) / Math.max(1, end - job.start)) * 1.02));
}

/** A part's rows, with lines numbered from 1 at the part's start. */
export interface EventsChunkResult {
  /** The part ended where a record ends; false when a quoted field runs across the cut (the parts cannot be joined). */
  aligned: boolean;
  /** Line ends in the part. */
  lines: number;
  rowsRead: number;
  /** Problems of the part's rows, in file order (the header's are left to the caller, who reads it once). */
  problems: Problem[];
  /** Rows set aside; their problems as indexes into `problems`. */
  quarantined: { line: number; fields: string[]; problems: number[] }[];
  columns: EventColumns;
  extras: (string | null)[][];
}

function readEventsChunk(job: EventsChunkJob, people: PeopleIndex): EventsChunkResult {
  const log = new ProblemLog();
  const reader = new EventsReader({ table: 'events', file: job.file, log, allow: new Set(job.allow) }, people, job.offenceCodes, expectedRows(job));
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
  return {
    aligned: info.aligned && header !== null,
    lines: info.lines,
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
  const runs = new PersonRuns();
  const result = readEventsChunk(job, runs);
  return (parts) => {
    if (parts === null || !result.aligned) return result;
    const rows = runs.resolve(new PersonRows(parts));
    // An unknown person or one set aside is an error found while reading the row: read the part again, with the people.
    for (let r = 0; r < rows.length; r++) if (rows[r] < 0) return readEventsChunk(job, new PersonRows(parts));
    const person = result.columns.person;
    for (let i = 0; i < person.length; i++) person[i] = rows[person[i]];
    return result;
  };
}

/** The buffers a result can hand over to another thread instead of copying them. */
export function transferablesOf(result: EventsChunkResult): ArrayBuffer[] {
  const c = result.columns;
  return [c.person, c.type, c.date, c.conviction_date, c.offence, c.recall_reasons, c.line].map((a) => a.buffer as ArrayBuffer);
}
