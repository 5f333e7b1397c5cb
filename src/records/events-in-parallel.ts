/**
 * Reading a large events file in parts, one per thread, while the main
 * thread reads the people: the parts are cut just after a line end, read by
 * workers (events-chunk.ts), and joined in file order with lines numbered
 * across them. Only a part that ended where a record ends can be joined; a
 * quoted field running across a cut makes the caller read the file in one
 * piece instead, so the outcome is always the one-thread one.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { readCsvHeader } from './csv-reader.js';
import { startEventsChunk, type EventsChunkJob, type EventsChunkResult } from './events-chunk.js';
import { allocateEventColumns, allocateSharedEventColumns, mapEventColumns, type EventColumns, type EventsReader } from './events-reader.js';
import type { OpenFile } from './open-input.js';
import type { PeopleIndexParts } from './person-index.js';
import type { ProblemLog } from './problems.js';
import { startWorker } from './worker-code.js';

/**
 * Byte ranges of about equal size cutting a CSV file into `parts`, each cut
 * just after a line end; null when the file cannot be cut (fewer than two
 * parts, or no header in its first bytes). A file open for reading in parts
 * is cut at its size as opened, and read from its handle.
 */
export function planEventsChunks(source: string | OpenFile, parts: number): { start: number; end: number }[] | null {
  if (parts < 2 || readCsvHeader(source) === null) return null;
  const size = typeof source === 'string' ? statSync(source).size : source.version.size;
  const cuts: number[] = [];
  const fd = typeof source === 'string' ? openSync(source, 'r') : source.fd;
  try {
    const block = Buffer.allocUnsafe(1 << 16);
    for (let k = 1; k < parts; k++) {
      const from = Math.max(Math.floor((k * size) / parts), cuts.length > 0 ? cuts[cuts.length - 1] + 1 : 1);
      const n = readSync(fd, block, 0, block.length, from - 1);
      const lf = block.subarray(0, n).indexOf(0x0a);
      const cut = lf < 0 ? -1 : from + lf;
      if (cut > 0 && cut < size && (cuts.length === 0 || cut > cuts[cuts.length - 1])) cuts.push(cut);
    }
  } finally {
    if (typeof source === 'string') closeSync(fd);
  }
  if (cuts.length === 0) return null;
  const starts = [0, ...cuts];
  return starts.map((start, k) => ({ start, end: k + 1 < starts.length ? starts[k + 1] : Infinity }));
}

/** Parts being read; `finish` hands them the people (null when the people could not be read) and returns them in file order. */
export interface EventsChunksRun {
  finish(people: PeopleIndexParts | null): Promise<EventsChunkResult[]>;
  /** Stops the reading (a load that failed otherwise must not leave threads waiting for the people); resolves once no thread reads the file. */
  stop(): Promise<void>;
}

/** Reads the parts one after another in this thread: the same work as the workers do, for tests (`afterPart` runs after each part is read). */
export function runChunksHere(jobs: EventsChunkJob[], afterPart?: (part: number) => void): EventsChunksRun {
  const finishers = jobs.map((job, k) => {
    const finish = startEventsChunk(job);
    afterPart?.(k);
    return finish;
  });
  return { finish: async (people) => finishers.map((f) => f(people)), stop: async () => {} };
}

/** Starts one worker per part; each reads its part at once. */
export function runChunksInWorkers(jobs: EventsChunkJob[]): EventsChunksRun {
  const workers = jobs.map((job) => startWorker(new URL('./events-worker.ts', import.meta.url), { workerData: { job } }));
  const results = workers.map(
    (worker) =>
      new Promise<EventsChunkResult>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`an events reader thread stopped (exit code ${code}) before it was done`)));
      }),
  );
  // Until finish is called, a failing worker is reported there, not as an unhandled rejection.
  for (const r of results) r.catch(() => {});
  return {
    finish: async (people) => {
      // Shared memory: every worker reads the same people without a copy each.
      const shared = people === null ? null : shareParts(people);
      for (const w of workers) w.postMessage(shared);
      try {
        return await Promise.all(results);
      } finally {
        for (const w of workers) void w.terminate();
      }
    },
    stop: async () => {
      await Promise.allSettled(workers.map((w) => w.terminate()));
    },
  };
}

/** The table in shared memory (as PeopleReader.indexParts makes it), so every worker reads it without a copy each. */
function shareParts(p: PeopleIndexParts): PeopleIndexParts {
  const shared = <T extends Int32Array | Uint8Array>(a: T): T => {
    if (a.buffer instanceof SharedArrayBuffer) return a;
    const copy = new (a.constructor as new (b: SharedArrayBuffer) => T)(new SharedArrayBuffer(a.byteLength));
    copy.set(a);
    return copy;
  };
  return { slots: shared(p.slots), pool: shared(p.pool), keyStart: shared(p.keyStart) };
}

/**
 * Bytes a kept row has at least: a person_id, a type and a date (`P,death,2020-01-31` and
 * its line end are 19 bytes); room is made for one row in every 17, more than any file
 * holds, and costs address space only until rows are written (allocateSharedEventColumns).
 */
const ROOM_BYTES_PER_ROW = 17;

/** The columns every part of a file of `fileBytes` writes its rows into, and the counters by which each part finds its place in them (EventsChunkJob). */
export function sharedPartsLayout(fileBytes: number, parts: number): { columns: EventColumns; rooms: Int32Array } {
  const rooms = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * parts)).fill(-1);
  return { columns: allocateSharedEventColumns(Math.ceil(fileBytes / ROOM_BYTES_PER_ROW) + parts), rooms };
}

/**
 * Adds the parts' rows to a reader that has read the header: rows, columns,
 * problems and rows set aside in file order, with each part's lines
 * numbered on from the previous part's. The rows are in the shared columns
 * (`shared`, sharedPartsLayout), each part's after the room of the parts
 * before it: they are moved down over the unused room (a few rows: blank
 * lines, rows set aside), not copied; a part whose rows are in columns of
 * its own makes all be copied into new ones. With `rowsChecked` false (the
 * people could not be read) the rows are only counted, as a reader would.
 */
export function joinEventChunks(reader: EventsReader, log: ProblemLog, chunks: EventsChunkResult[], rowsChecked: boolean, shared: EventColumns): void {
  for (const chunk of chunks) reader.rowsRead += chunk.rowsRead;
  if (!rowsChecked || reader.fatal) return;
  let total = 0;
  for (const chunk of chunks) total += chunk.columns.count;
  const inPlace = chunks.every((chunk) => chunk.at !== null);
  const c = inPlace ? mapEventColumns(shared, total, (a) => a.subarray(0, total) as typeof a) : { ...allocateEventColumns(total), count: total };
  let at = 0;
  let lineOffset = 0;
  for (const chunk of chunks) {
    const part = chunk.columns;
    const n = part.count;
    if (inPlace) {
      const from = chunk.at as number;
      if (from !== at) mapEventColumns(shared, n, (a) => a.copyWithin(at, from, from + n) as typeof a);
      if (lineOffset !== 0) for (let i = at; i < at + n; i++) c.line[i] += lineOffset;
    } else {
      c.person.set(part.person, at);
      c.type.set(part.type, at);
      c.date.set(part.date, at);
      c.conviction_date.set(part.conviction_date, at);
      c.offence.set(part.offence, at);
      c.recall_reasons.set(part.recall_reasons, at);
      for (let i = 0; i < n; i++) c.line[at + i] = part.line[i] + lineOffset;
    }
    chunk.extras.forEach((values, x) => {
      const all = reader.extras[x].values;
      for (const v of values) all.push(v);
    });
    const added = chunk.problems.map((p) => ({ ...p, line: p.line + lineOffset }));
    for (const p of added) log.add(p);
    for (const q of chunk.quarantined) {
      reader.quarantined.push({ table: 'events', file: reader.file, line: q.line + lineOffset, problems: q.problems.map((i) => added[i]), fields: q.fields });
    }
    at += n;
    lineOffset += chunk.lines;
  }
  reader.columns = c;
}
