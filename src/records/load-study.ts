/**
 * Loading a study: the offence lookup, then people, then events (which need
 * the people), checked against records.md and assembled into a `Study`. A
 * large CSV events file is read in parts by worker threads, and hashed by
 * another, while the people are read (events-in-parallel.ts): the same study,
 * in about half the time.
 */
import { NO_PROGRESS, type Progress } from './progress.js';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { InputFile, OffenceLookup, Problem, RowCounts, Study } from '../study/study.js';
import { closeSync, readFileSync, readSync } from 'node:fs';
import { extendOffenceLookup, foldOffenceErrors, lookupName } from './offence-codes.js';
import { formatDay, parseISODate } from '../time/days.js';
import { assembleStudy, latestDate } from './assemble.js';
import { EventsReader, type EventColumns } from './events-reader.js';
import { AssessmentsReader } from './assessments-reader.js';
import type { Instrument } from '../study/instruments.js';
import type { EventsChunkJob } from './events-chunk.js';
import { joinEventChunks, planEventsChunks, runChunksHere, runChunksInWorkers, sharedPartsLayout, type EventsChunksRun } from './events-in-parallel.js';
import { readCsvHeader } from './csv-reader.js';
import { hashFileInWorker } from './file-hash.js';
import { type LookupSetAside, offenceLookupFromRows, readDefaultOffenceLookup, readOffenceLookupFile } from './offence-lookup.js';
import { checkHandleUnchanged, checkInputFile, checkUnchanged, type OpenFile, type OpenHandle, openForParts } from './open-input.js';
import { PeopleReader, type PoolPeopleCheck } from './people-reader.js';
import { PEOPLE_COLUMNS } from '../study/vocabulary.js';
import { checkDateFormat, foldDateFormatErrors, foldKnockOnErrors, type DateFormat } from './date-formats.js';
import { ProblemLog, StudyError, isFolded } from './problems.js';
import { QUARANTINE_FILE_NAME, writeQuarantine } from './quarantine.js';
import { feedRows, fileSize, type FileInfo, type RowsInput } from './sources.js';
import { firstInvalidUtf8, lineOfOffset, type DelimiterSetting } from './file-format.js';
import { plainCsvHead, readAnyTableFile } from './read-any.js';
import { extractionDateSource } from './extraction-source.js';
import { normaliseColumnName, type QuarantinedRow, type TableReader } from './table-reader.js';

export interface LoadOptions {
  /** YYYY-MM-DD; when absent, the latest date anywhere in the records (Study.extractionDateInferred = true). */
  extractionDate?: string | null;
  snapshotDate?: string | null;
  title?: string | null;
  /** Column names the privacy guard lets through (names and values). */
  allowColumns?: string[];
  /** How dates are written in the tables: YYYY-MM-DD (default), DD/MM/YYYY or D/M/YYYY; a time part 00:00:00 is dropped. */
  dateFormat?: DateFormat | null;
  /** The CSV delimiter (`,`, `;` or `tab`); detected from the header when not given. */
  delimiter?: DelimiterSetting;
  /** The sheet of an .xlsx table to read (default: the first). */
  sheet?: string | null;
  /** Quarantine mode: write bad rows with their reasons to `<dir>/quarantine.csv` and go on. */
  quarantineDir?: string | null;
  /**
   * Threads reading a large CSV events file, in parts, while the people are
   * read (default: the cores available, at most 4); 1 reads it all on the
   * main thread. The study is the same either way.
   */
  threads?: number | null;
  /** The study file's instruments (change.md): the assessments table names them. */
  instruments?: Record<string, Instrument> | null;
  /** Where the load reports its phases and rows read (progress.ts); nothing by default. */
  progress?: Progress;
}

/** The files of a study: its tables and lookup, and a lookup of codes to add to it (study-file.md `offencesExtra`). */
export interface StudyFiles {
  people: string;
  events: string;
  offences?: string | null;
  offencesExtra?: string | null;
  /** The assessments table (records.md, "assessments"), read after the events. */
  assessments?: string | null;
}

/**
 * How a CSV events file is read: in `parts`, by worker threads (or, in tests,
 * one after another in this thread), when it has at least `minBytes`.
 */
export interface EventsReading {
  parts: number;
  inWorkers: boolean;
  minBytes: number;
  /** Called after each part is read in this thread (inWorkers false): a test's hook, e.g. to replace the file while it is read. */
  afterPart?: (part: number) => void;
}

/** Below this size an events file is read on the main thread: starting the threads (about 0.2 s) would cost about what they save (measured on 2 cores: even at 49 MB). */
const PARALLEL_MIN_BYTES = 64 << 20;

function optionDate(name: string, text: string | null | undefined): number | null {
  if (text === null || text === undefined || text === '') return null;
  const day = parseISODate(text);
  if (day === undefined) throw new TypeError(`${name} '${text}' is not a date that exists, written YYYY-MM-DD`);
  return day;
}

/** The study's own lookup rows, when some were set aside (else null: the lookup is counted by its codes only). */
function lookupRowCounts(setAside: readonly LookupSetAside[]): RowCounts | null {
  if (!setAside.some((a) => a.counts.quarantined > 0)) return null;
  const sum = (key: keyof RowCounts) => setAside.reduce((n, a) => n + a.counts[key], 0);
  return { read: sum('read'), used: sum('used'), quarantined: sum('quarantined') };
}

interface Session {
  /** Rows of the study's own lookup files set aside (see LookupSetAside). */
  lookupSetAside: LookupSetAside[];
  log: ProblemLog;
  /** Lower-case column names the privacy guard lets through. */
  allow: ReadonlySet<string>;
  offences: OffenceLookup;
  people: PeopleReader;
  events: EventsReader;
  /** The assessments table's reader, when the study has one. */
  assessments: AssessmentsReader | null;
  extractionDate: number | null;
  dateFormat: DateFormat;
  /** The lookup as named in messages ("the toolkit's default lookup", …). */
  lookupName: string;
}

/**
 * After a table is fed: a file with no header at all (0 bytes) is an error,
 * and so is a people table without rows; an events table may be empty.
 */
function checkNotEmpty(reader: TableReader, log: ProblemLog, noHeaderIsEmptyRows: boolean): void {
  if (!reader.sawHeader && !noHeaderIsEmptyRows) {
    log.error('empty_file', reader.table, reader.file, 0, null, null, 'a header row naming the columns (the file is empty)');
    reader.fatal = true;
    return;
  }
  if (reader.table === 'people' && reader.rowsRead === 0 && !reader.fatal) {
    log.error('empty_file', reader.table, reader.file, 0, null, null, 'at least one person row after the header');
    reader.fatal = true;
  }
}

/** A comparison pool is read as a study with the service's lookup and these checks (comparison.md "The comparison pool"). */
interface PoolLoad {
  check: PoolPeopleCheck;
  offences: OffenceLookup;
  lookupName: string;
}

function startSession(
  offences: OffenceLookup,
  files: { people: string; events: string; assessments?: string | null },
  options: LoadOptions,
  expectedPeople: number,
  expectedEvents: number,
  pool: PoolLoad | null = null,
): Session {
  const log = new ProblemLog();
  const allow = new Set((options.allowColumns ?? []).map(normaliseColumnName));
  const extractionDate = optionDate('extractionDate', options.extractionDate);
  const dateFormat = options.dateFormat ? checkDateFormat(options.dateFormat, 'dateFormat') : 'YYYY-MM-DD';
  const people = new PeopleReader(
    { table: 'people', file: files.people, log, allow, dateFormat },
    offences.rowOf,
    extractionDate,
    expectedPeople,
    pool?.check ?? null,
  );
  const events = new EventsReader({ table: 'events', file: files.events, log, allow, dateFormat }, people, offences.code, expectedEvents);
  const assessments = files.assessments
    ? new AssessmentsReader({ table: 'assessments', file: files.assessments, log, allow, dateFormat }, people, Object.keys(options.instruments ?? {}))
    : null;
  return { log, allow, offences, people, events, assessments, extractionDate, dateFormat, lookupName: "the toolkit's default lookup", lookupSetAside: [] };
}

function finish(session: Session, options: LoadOptions, inputs: InputFile[], quarantine: boolean, quarantineFile: string | null): Study {
  const dates = foldDateFormatErrors(session.log.problems, session.dateFormat);
  const codes = foldOffenceErrors(dates, session.offences, session.lookupName, session.people.quarantined, session.people.field('person_id'));
  session.log.replace(foldKnockOnErrors(codes, session.people.quarantined, session.people.field('person_id')));
  // Found before the study is assembled, which writes the extraction date into blank follow_up_end cells.
  const inferredFrom = session.extractionDate === null ? latestDate(session.people, session.events) : null;
  const source = inferredFrom !== null && inferredFrom !== -Infinity ? extractionDateSource(session.people, session.events, inferredFrom) : undefined;
  const study = assembleStudy({
    people: session.people,
    events: session.events,
    assessments: session.assessments,
    offences: session.offences,
    log: session.log,
    extractionDate: session.extractionDate,
    snapshotDate: optionDate('snapshotDate', options.snapshotDate),
    title: options.title ?? null,
    allowColumns: options.allowColumns ?? [],
    inputs,
    quarantine,
    quarantineFile,
    lookupRows: lookupRowCounts(session.lookupSetAside),
  });
  study.absentPeopleColumns = PEOPLE_COLUMNS.filter((c) => session.people.field(c) < 0);
  if (study.extractionDateInferred) study.extractionDateSource = source;
  if (session.assessments) {
    const c = session.assessments.columns;
    study.assessments = {
      names: [...session.assessments.instrumentNames],
      person: c.person.slice(0, c.count),
      instrument: c.instrument.slice(0, c.count),
      date: c.date.slice(0, c.count),
      score: c.score.slice(0, c.count),
    };
  }
  if (options.instruments) study.instruments = { ...options.instruments };
  return study;
}

/**
 * Loads a study from files (CSV or JSON by extension) and checks every row
 * against records.md. Throws a StudyError listing every error, unless
 * `quarantineDir` is set: then rows in error (and the events of people set
 * aside) are written with their reasons to `<quarantineDir>/quarantine.csv`
 * and the study goes on with the rest.
 */
export async function loadStudy(files: StudyFiles, options: LoadOptions = {}): Promise<Study> {
  const parts = Math.floor(options.threads ?? Math.min(4, availableParallelism()));
  return loadStudyReading(files, options, { parts, inWorkers: true, minBytes: PARALLEL_MIN_BYTES });
}

/**
 * {@link loadStudy}, with the way the events file is read spelled out. With `pool` the
 * files are a comparison pool's: the service's lookup, `service` optional, the service's
 * person_ids refused, and an events file that may be absent (`events: null`, no events).
 */
export async function loadStudyReading(
  files: StudyFiles | (Omit<StudyFiles, 'events'> & { events: string | null }),
  options: LoadOptions,
  reading: EventsReading,
  pool: PoolLoad | null = null,
): Promise<Study> {
  if (files.events === null) return loadWithoutEvents({ ...files, events: null }, options, pool);
  const versions = { people: checkInputFile('people', files.people), events: checkInputFile('events', files.events) };
  if (files.offences) checkInputFile('offences', files.offences);
  if (files.offencesExtra) checkInputFile('offences-extra', files.offencesExtra);
  const assessmentsVersion = files.assessments ? checkInputFile('assessments', files.assessments) : null;
  const lookup = pool ? { lookup: pool.offences, inputs: [], name: pool.lookupName, warnings: [], setAside: [] } : studyLookup(files as StudyFiles);
  // Roughly 40 bytes per event row and 100 per person: first guesses for the column buffers, which grow if needed.
  const guess = (path: string, bytesPerRow: number) => (/\.csv$/i.test(path) ? Math.ceil(fileSize(path) / bytesPerRow) : 1024);
  const session = startSession(
    lookup.lookup,
    { people: files.people, events: files.events, assessments: files.assessments },
    options,
    guess(files.people, 100),
    guess(files.events, 40),
    pool,
  );
  session.lookupName = lookup.name;
  for (const w of lookup.warnings) session.log.add(w);
  session.lookupSetAside = lookup.setAside;
  for (const aside of lookup.setAside) for (const p of aside.problems) session.log.add(p);
  const inputs: InputFile[] = [];
  // The events file's parts are read (and the file hashed) from now on, while the people are.
  let parts = plainCsvHead(files.events, options.delimiter ?? null) ? eventsInParts(files.events, session, reading) : null;
  const eventsHash = parts ? hashFileInWorker(parts.file) : null;
  // A failure is reported where the hash is awaited, not as an unhandled rejection.
  eventsHash?.catch(() => {});

  const input = (role: 'people' | 'events' | 'assessments', path: string, info: FileInfo) =>
    inputs.push({ role, path, sha256: info.sha256, bytes: info.bytes });
  const progress = options.progress ?? NO_PROGRESS;
  session.people.progress = progress;
  session.events.progress = progress;
  try {
    progress.phase('reading people');
    input('people', files.people, await readTable(session, 'people', files.people, session.people, options));
    progress.phase(parts ? `reading events in ${reading.parts} threads` : 'reading events');
    if (session.people.fatal) session.events.skipRows = true;
    let info: FileInfo | null = null;
    if (parts && (await joinParts(session, parts))) {
      info = await eventsHash!;
      refuseNotUtf8(session, parts.file);
      checkHandleUnchanged('events', parts.file);
    }
    input('events', files.events, info ?? (await readTable(session, 'events', files.events, session.events, options)));
    if (session.assessments && files.assessments) {
      if (session.people.fatal) session.assessments.skipRows = true;
      input('assessments', files.assessments, await readTable(session, 'assessments', files.assessments, session.assessments, options));
    }
  } finally {
    // The handle is closed once nothing reads it: the parts' threads stopped and the hash done.
    if (parts) {
      await Promise.allSettled([parts.run.stop(), eventsHash]);
      closeSync(parts.file.fd);
    }
  }
  // The last reference to the parts' shared columns but the events reader's: ordering the events frees each column as it is moved.
  parts = null;
  session.people.releaseIndex();
  checkUnchanged('people', files.people, versions.people);
  checkUnchanged('events', files.events, versions.events);
  if (assessmentsVersion && files.assessments) checkUnchanged('assessments', files.assessments, assessmentsVersion);
  inputs.push(...lookup.inputs);

  const quarantine = options.quarantineDir !== null && options.quarantineDir !== undefined && options.quarantineDir !== '';
  const quarantinePath = quarantine ? join(resolve(options.quarantineDir!), QUARANTINE_FILE_NAME) : null;
  let study: Study;
  try {
    progress.phase(`checking and ordering ${session.events.rowsRead.toLocaleString('en-GB')} events`);
    study = finish(session, options, inputs, quarantine, quarantinePath);
  } catch (error) {
    if (error instanceof StudyError && quarantine) writeQuarantineOf(session, options.quarantineDir!);
    throw error;
  }
  if (quarantine) writeQuarantineOf(session, options.quarantineDir!);
  return study;
}

/** A pool with no events table: its people are read, and it has no events. */
async function loadWithoutEvents(files: { people: string; events: null }, options: LoadOptions, pool: PoolLoad | null): Promise<Study> {
  if (pool === null) throw new TypeError('loadStudy: a study needs an events table');
  const version = checkInputFile('people', files.people);
  const session = startSession(pool.offences, { people: files.people, events: '<no events table>' }, options, 1024, 16, pool);
  session.lookupName = pool.lookupName;
  const info = await readTable(session, 'people', files.people, session.people, options);
  if (session.people.fatal) session.events.skipRows = true;
  feedRows([], session.events.accept);
  checkUnchanged('people', files.people, version);
  const inputs: InputFile[] = [{ role: 'people', path: files.people, sha256: info.sha256, bytes: info.bytes }];
  const quarantine = options.quarantineDir !== null && options.quarantineDir !== undefined && options.quarantineDir !== '';
  const quarantinePath = quarantine ? join(resolve(options.quarantineDir!), QUARANTINE_FILE_NAME) : null;
  try {
    const study = finish(session, options, inputs, quarantine, quarantinePath);
    if (quarantine) writeQuarantineOf(session, options.quarantineDir!);
    return study;
  } catch (error) {
    if (error instanceof StudyError && quarantine) writeQuarantineOf(session, options.quarantineDir!);
    throw error;
  }
}

/**
 * The study's offence lookup: the given file or the default, extended by the
 * `offencesExtra` file's codes; a lookup of the study's own that does not say
 * where its severity weights come from is a warning (the report repeats it).
 */
function studyLookup(files: StudyFiles): { lookup: OffenceLookup; inputs: InputFile[]; name: string; warnings: Problem[]; setAside: LookupSetAside[] } {
  // The study's own lookup files have their bad rows set aside: the load goes on, so the people's and events' errors are listed too.
  const base = files.offences ? readOffenceLookupFile(files.offences, true) : { ...readDefaultOffenceLookup(), setAside: null };
  const baseName = lookupName(files.offences ?? null, null);
  const warnings: Problem[] = [];
  const unsourced = (file: string): Problem => ({
    severity: 'warning',
    kind: 'no_severity_source',
    table: 'offences',
    file,
    line: 0,
    column: 'severity',
    value: null,
    expected:
      'a statement of where the severity weights come from: a "# Severity source: …" line above the header, or a file <name>.source.md beside it (the report says the source is not stated)',
  });
  if (files.offences && base.lookup.severitySource === null) warnings.push(unsourced(files.offences));
  const setAside = base.setAside ? [base.setAside] : [];
  if (!files.offencesExtra) return { lookup: base.lookup, inputs: [base.input], name: baseName, warnings, setAside };
  const extra = readOffenceLookupFile(files.offencesExtra, true);
  if (extra.setAside) setAside.push(extra.setAside);
  if (extra.lookup.severitySource === null) warnings.push(unsourced(files.offencesExtra));
  const { lookup, clashes } = extendOffenceLookup(base.lookup, extra.lookup, files.offencesExtra, readFileSync(files.offencesExtra, 'utf8'), baseName);
  if (clashes.length > 0) {
    const none = { read: 0, used: 0, quarantined: 0 };
    throw new StudyError(clashes, { people: { ...none }, events: { ...none }, warnings: {}, problems: clashes, quarantineFile: null });
  }
  return { lookup, inputs: [base.input, extra.input], name: lookupName(files.offences ?? null, files.offencesExtra), warnings, setAside };
}

/** A large events file read in parts must be UTF-8 throughout: a byte that is not is an error on its line. */
function refuseNotUtf8(session: Session, file: OpenHandle): void {
  const bad = firstInvalidUtf8(file);
  if (bad < 0) return;
  const head = Buffer.alloc(bad + 1);
  readSync(file.fd, head, 0, bad + 1, 0);
  const line = lineOfOffset(head, bad);
  session.log.error('encoding', 'events', file.path, line, null, null, 'UTF-8 text (a file this large is read only as UTF-8): save it as "CSV UTF-8"');
  session.events.fatal = true;
}

/** Reads a whole table file (of any kind read-any.ts reads) into its reader, reporting problems with the file itself. */
async function readTable(
  session: Session,
  role: 'people' | 'events' | 'assessments',
  path: string,
  reader: TableReader,
  options: LoadOptions,
): Promise<FileInfo> {
  const info = await readAnyTableFile(path, reader.accept, {
    delimiter: options.delimiter ?? null,
    sheet: options.sheet ?? null,
    table: role,
    onElements: (lines) => session.log.locateElements(role, path, lines),
  });
  for (const note of info.notes) {
    session.log.add({ ...note, table: role, file: path });
    if (note.severity === 'error') reader.fatal = true;
  }
  if (info.notes.some((n) => n.severity === 'error')) return { bytes: info.bytes, sha256: info.sha256 };
  const isJson = /\.json$/i.test(path);
  if (info.jsonUnparsable) {
    session.log.error('malformed_json', role, path, info.jsonUnparsable.line, null, null, info.jsonUnparsable.expected);
    reader.fatal = true;
  }
  for (const fault of info.jsonFaults) {
    const problem = session.log.error('malformed_json', role, path, fault.line, null, null, fault.expected);
    reader.rowsRead++;
    reader.quarantined.push({ table: role, file: path, line: fault.line, problems: [problem], fields: [] });
  }
  if (!info.jsonUnparsable) checkNotEmpty(reader, session.log, isJson && !info.blank);
  return { bytes: info.bytes, sha256: info.sha256 };
}

/** Starts reading a large CSV events file in parts; null when it is read whole. */
/** An events file being read in parts, and the shared columns they write their rows into. */
interface EventsInParts {
  run: EventsChunksRun;
  file: OpenFile;
  columns: EventColumns;
}

function eventsInParts(path: string, session: Session, reading: EventsReading): EventsInParts | null {
  // The parts read dates YYYY-MM-DD (a file in another format is read whole).
  if (reading.parts < 2 || !/\.csv$/i.test(path) || session.dateFormat !== 'YYYY-MM-DD') return null;
  if (fileSize(path) < reading.minBytes) return null;
  // Opened once: every part, the header, the hash and the encoding check read this handle.
  const file = openForParts('events', path);
  const size = file.version.size;
  const ranges = size < reading.minBytes ? null : planEventsChunks(file, reading.parts);
  if (ranges === null) {
    closeSync(file.fd);
    return null;
  }
  const events = session.events;
  const layout = sharedPartsLayout(size, ranges.length);
  const jobs: EventsChunkJob[] = ranges.map(({ start, end }, part) => ({
    path,
    fd: file.fd,
    file: events.file,
    allow: [...session.allow],
    offenceCodes: session.offences.code,
    start,
    end,
    fileBytes: size,
    part,
    columns: layout.columns,
    rooms: layout.rooms,
  }));
  return { run: reading.inWorkers ? runChunksInWorkers(jobs) : runChunksHere(jobs, reading.afterPart), file, columns: layout.columns };
}

/**
 * Hands the people to the parts and joins them into the events reader; false
 * when a part did not end where a record ends, and the file must be read whole.
 */
async function joinParts(session: Session, { run, file, columns }: EventsInParts): Promise<boolean> {
  // Handing the people over is done at once; the people's strings are made while the parts are finished.
  const finished = run.finish(session.people.fatal ? null : session.people.indexParts());
  session.people.personIds();
  session.people.decoded(session.offences.code);
  const chunks = await finished;
  const header = readCsvHeader(file);
  if (header === null || !chunks.every((c) => c.aligned)) return false;
  session.events.accept(header);
  joinEventChunks(session.events, session.log, chunks, !session.people.fatal, columns);
  checkNotEmpty(session.events, session.log, false);
  return true;
}

function writeQuarantineOf(session: Session, dir: string): string {
  // In file order (JSON elements that are not objects were set aside after the rest).
  const byLine = (a: QuarantinedRow, b: QuarantinedRow) => a.line - b.line;
  const rows = [
    ...session.lookupSetAside.flatMap((aside) => aside.quarantined),
    ...[...session.people.quarantined].sort(byLine),
    ...[...session.events.quarantined].sort(byLine),
    ...[...(session.assessments?.quarantined ?? [])].sort(byLine),
  ];
  const rowProblems = new Set(rows.flatMap((r) => r.problems));
  const fileProblems = session.log.sorted().filter((p) => p.severity === 'error' && !rowProblems.has(p) && !isFolded(p));
  return writeQuarantine(dir, fileProblems, rows);
}

/**
 * A study from tables held in memory: arrays of plain objects, arquero tables,
 * or `{ columns, values }` (a Date is the calendar day it stands for, the same in every time zone: see dateCellText; null, undefined and
 * NaN are blank). Row r is reported as line r + 2 of `<people rows>` etc.
 * With `quarantine: true` rows in error are set aside (and listed in
 * `quality.problems`) instead of throwing.
 */
export function studyFromRows(
  rows: {
    people: RowsInput;
    events: RowsInput;
    offences?: RowsInput | null;
    assessments?: RowsInput | null;
    pool?: { people: RowsInput; events?: RowsInput | null } | null;
  },
  options: Omit<LoadOptions, 'quarantineDir'> & { quarantine?: boolean } = {},
): Study {
  const lookup = rows.offences ? { lookup: offenceLookupFromRows(rows.offences), input: null } : readDefaultOffenceLookup();
  const files = { people: '<people rows>', events: '<events rows>', assessments: rows.assessments ? '<assessments rows>' : null };
  const session = startSession(lookup.lookup, files, options, 1024, 1024);
  if (rows.offences) session.lookupName = 'the offence lookup rows given';
  feedRows(rows.people, session.people.accept);
  checkNotEmpty(session.people, session.log, true);
  if (session.people.fatal) session.events.skipRows = true;
  feedRows(rows.events, session.events.accept);
  checkNotEmpty(session.events, session.log, true);
  if (session.assessments && rows.assessments) {
    if (session.people.fatal) session.assessments.skipRows = true;
    feedRows(rows.assessments, session.assessments.accept);
    checkNotEmpty(session.assessments, session.log, true);
  }
  const study = finish(session, options, lookup.input ? [lookup.input] : [], options.quarantine === true, null);
  if (rows.pool) study.pool = poolFromRows(rows.pool, study, options, session.lookupName);
  return study;
}

/** The comparison pool of a study built from rows: `<pool people rows>` and `<pool events rows>` in messages. */
function poolFromRows(
  rows: { people: RowsInput; events?: RowsInput | null },
  service: Study,
  options: Omit<LoadOptions, 'quarantineDir'> & { quarantine?: boolean },
  lookupName: string,
): Study {
  const pool = poolLoadOf(service, '<people rows>', lookupName);
  const poolOptions = { ...options, extractionDate: formatDay(service.extractionDate), snapshotDate: null, title: null };
  const session = startSession(pool.offences, { people: '<pool people rows>', events: '<pool events rows>' }, poolOptions, 1024, 1024, pool);
  session.lookupName = lookupName;
  feedRows(rows.people, session.people.accept);
  checkNotEmpty(session.people, session.log, true);
  if (session.people.fatal) session.events.skipRows = true;
  feedRows(rows.events ?? [], session.events.accept);
  checkNotEmpty(session.events, session.log, true);
  return finish(session, poolOptions, [], options.quarantine === true, null);
}

/** How a pool is read beside its service: the service's lookup and its person_ids. */
function poolLoadOf(service: Study, serviceFile: string, lookupName: string): PoolLoad {
  const ids = service.people.column('person_id') as unknown as ArrayLike<string>;
  return { check: { serviceIds: new Set(Array.from(ids)), serviceFile }, offences: service.offences, lookupName };
}

/**
 * Loads a study's comparison pool (comparison.md "The comparison pool"): its people and
 * events in the record format, checked as the service's are (quarantine, privacy guard,
 * every row accounted for), with the service's offence lookup and extraction date; a
 * person_id of the service's people is an error in the pool's row. With `quarantineDir`
 * the pool's bad rows go to `<quarantineDir>/pool/quarantine.csv`.
 */
export async function loadPool(
  files: { people: string; events: string | null },
  service: Study,
  options: LoadOptions & { serviceFile?: string } = {},
): Promise<Study> {
  const serviceFile = options.serviceFile ?? service.inputs.find((f) => f.role === 'people')?.path ?? "the service's people table";
  const pool = poolLoadOf(service, serviceFile, "the study's offence lookup");
  const quarantineDir = options.quarantineDir ? join(options.quarantineDir, 'pool') : null;
  const parts = Math.floor(options.threads ?? Math.min(4, availableParallelism()));
  return loadStudyReading(
    files,
    { ...options, quarantineDir, extractionDate: formatDay(service.extractionDate), snapshotDate: null, title: null },
    { parts, inWorkers: true, minBytes: PARALLEL_MIN_BYTES },
    pool,
  );
}
