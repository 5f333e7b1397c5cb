/**
 * Problems found while loading records (records.md, "Validation"): how they
 * are collected, ordered, counted, printed, and thrown.
 */
import type { DataQuality, Problem, TableName } from '../study/study.js';
import { escapeControls, quoteValue } from './quote.js';

/**
 * Error kinds: the row (or the file) cannot be used. The README's "Problem
 * kinds" lists every one (tests/records/problem-kinds.test.ts holds it to this list).
 */
export const ERROR_KINDS = [
  'missing_value',
  'wrong_type',
  'out_of_range',
  'invalid_date',
  'duplicate_person_id',
  'unknown_person',
  'unknown_offence',
  'dates_out_of_order',
  'privacy_column',
  'privacy_value',
  'malformed_csv',
  'malformed_json',
  'empty_file',
  'missing_column',
  'duplicate_column',
  'duplicate_code',
  'person_quarantined',
  'not_csv',
  'encoding',
  'wrong_delimiter',
  'unreadable_workbook',
  'unknown_instrument',
  'duplicate_assessment',
  'person_in_service_and_pool',
  'second_death',
  'after_death',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** Warning kinds: the row is kept and counted. Listed in the README as the errors are. */
export const WARNING_KINDS = [
  'event_after_follow_up_end',
  'event_before_release',
  'recall_without_rerelease',
  'duplicate_event',
  'recall_reasons_on_non_recall',
  'follow_up_end_after_extraction',
  'similar_column',
  'no_severity_source',
  'read_as_windows_1252',
  'empty_rows',
  'event_after_extraction',
] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

const TABLE_ORDER: Record<TableName, number> = { offences: 0, people: 1, events: 2, assessments: 3 };

/** Problems that stand for several row problems folded into one (each row keeps its own in the quarantine file). */
const FOLDED = new WeakSet<Problem>();

/** Marks a problem as several folded into one, and returns it. */
export function folded(p: Problem): Problem {
  FOLDED.add(p);
  return p;
}

/** Row problems told by a folded one instead (a row keeps them in the quarantine file). */
const FOLDED_AWAY = new WeakSet<Problem>();

/** Marks row problems as told by a folded one. */
export function foldedAway(ps: readonly Problem[]): void {
  for (const p of ps) FOLDED_AWAY.add(p);
}

/** True for a row problem told by a folded one. */
export function wasFoldedAway(p: Problem): boolean {
  return FOLDED_AWAY.has(p);
}

/** True for a problem made by folding several row problems into one. */
export function isFolded(p: Problem): boolean {
  return FOLDED.has(p);
}

/**
 * Where the readers say a JSON element's row is: below every real line
 * number, in element order (element e is JSON_ELEMENT_BASE + e), so that a
 * row's "line" stays one number through the readers, their columns and their
 * checks. The problem log turns it back into the element's line and its index
 * (see ProblemLog.locateElements).
 */
const JSON_ELEMENT_BASE = -(2 ** 31);

/** The line the readers carry for element `element` (1-based) of a JSON array. */
export function elementLine(element: number): number {
  return JSON_ELEMENT_BASE + element;
}

/** Problems of one load, in the order found; sorted into file order at the end. */
export class ProblemLog {
  readonly problems: Problem[] = [];
  errors = 0;
  /** Line on which each element of a JSON file's array starts, by file (see elementLine). */
  private readonly elementLines = new Map<string, readonly number[]>();
  /** The JSON file read for each table. */
  private readonly jsonFileOf = new Map<string, string>();

  /** Tells the log where a JSON file's elements start, before its rows are read. */
  locateElements(table: TableName, file: string, lines: readonly number[]): void {
    this.elementLines.set(file, lines);
    this.jsonFileOf.set(table, file);
  }

  /** The real line of a row's line as the readers carry it (an element's line for a JSON row). */
  realLine(file: string, line: number): number {
    if (line >= 0) return line;
    return this.elementLines.get(file)?.[line - JSON_ELEMENT_BASE - 1] ?? 0;
  }

  /** "line 7", or "line 1, element 37" for a JSON row. */
  where(file: string, line: number): string {
    return line >= 0 ? `line ${line}` : `line ${this.realLine(file, line)}, element ${line - JSON_ELEMENT_BASE}`;
  }

  /** Adds a problem; a JSON row's is given its element and real line, and so are the lines its text names. */
  add(p: Problem): void {
    this.locate(p);
    this.problems.push(p);
    if (p.severity === 'error') this.errors++;
  }

  /** Adds an error and returns it. */
  error(kind: ErrorKind, table: TableName, file: string, line: number, column: string | null, value: string | null, expected: string): Problem {
    const p: Problem = { severity: 'error', kind, table, file, line, column, value, expected };
    this.add(p);
    return p;
  }

  /** In place: the problem is shared with the row it belongs to (its quarantine entry). */
  private locate(p: Problem): void {
    if (p.line < 0) {
      p.element = p.line - JSON_ELEMENT_BASE;
      p.line = this.realLine(p.file, p.line);
    }
    // Another row's line named in the text ("first used on line …", "events line …"), as the readers carry it.
    if (!p.expected.includes('line -')) return;
    p.expected = p.expected.replace(/(?:\b(people|events|assessments) )?line (-\d+)/g, (_, table: string | undefined, n: string) => {
      const file = table ? (this.jsonFileOf.get(table) ?? p.file) : p.file;
      return `${table ? `${table} ` : ''}${this.where(file, Number(n))}`;
    });
  }

  /** Every problem in file order: offences, people, events; by line within a file (stable, so a row's problems stay in column order). */
  sorted(): Problem[] {
    const indexed = this.problems.map((p, i) => ({ p, i }));
    indexed.sort((a, b) => TABLE_ORDER[a.p.table] - TABLE_ORDER[b.p.table] || a.p.line - b.p.line || (a.p.element ?? 0) - (b.p.element ?? 0) || a.i - b.i);
    return indexed.map((x) => x.p);
  }

  /** Replaces the problems (e.g. with several folded into one), keeping the error count right. */
  replace(problems: Problem[]): void {
    this.problems.length = 0;
    this.problems.push(...problems);
    this.errors = problems.filter((p) => p.severity === 'error').length;
  }

  /** Warnings counted by kind. */
  warningCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const p of this.problems) if (p.severity === 'warning') counts[p.kind] = (counts[p.kind] ?? 0) + 1;
    return counts;
  }
}

/** Columns whose values are person identifiers: never printed (the brief's rule), the file and line locate the row. */
const WITHHELD_COLUMNS = new Set(['person_id']);

/**
 * One problem as a line a person can act on, e.g.
 * `people.csv line 7, column release_date: value '2023-02-30' — expected a date that exists (YYYY-MM-DD)`.
 * A person_id is never printed; privacy values are already masked.
 */
export function formatProblem(p: Problem): string {
  const where = p.line > 0 ? `${p.file} line ${p.line}${p.element === undefined ? '' : `, element ${p.element}`}` : p.file;
  const column = p.column !== null ? `, column ${p.column}` : '';
  let value: string;
  if (p.value === null) value = '';
  else if (p.value.trim() === '') value = ': blank';
  else if (p.column !== null && WITHHELD_COLUMNS.has(p.column) && p.kind !== 'privacy_value') value = ': value withheld (a person_id is never printed)';
  else if (p.kind === 'privacy_value') value = `: value '${escapeControls(p.value.slice(0, 40))}'`;
  else value = `: value '${quoteValue(p.value)}'`;
  // The file and column names come from the user and the file's header: escaped and bounded too.
  return `${escapeControls(where)}${column === '' ? '' : `, column ${quoteValue(p.column!)}`}${value} — expected ${escapeControls(p.expected)}`;
}

/** At most this many errors are spelled out in a StudyError's message; `problems` holds them all. */
const MESSAGE_LIMIT = 500;

/** Thrown when the records have errors (and quarantine mode is off): lists every error found. */
export class StudyError extends Error {
  override name = 'StudyError';
  readonly problems: Problem[];
  readonly quality: DataQuality;

  constructor(problems: Problem[], quality: DataQuality) {
    const errors = problems.filter((p) => p.severity === 'error');
    const lines = errors.slice(0, MESSAGE_LIMIT).map((p) => `  ${formatProblem(p)}`);
    if (errors.length > MESSAGE_LIMIT) lines.push(`  … and ${errors.length - MESSAGE_LIMIT} more (see the error's problems)`);
    super(`the records have ${errors.length} error${errors.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
    this.problems = problems;
    this.quality = quality;
  }
}
