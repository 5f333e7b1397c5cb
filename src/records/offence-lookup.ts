/**
 * The offence lookup (records.md, "offence lookup"): one row per offence code
 * with its label, Ministry of Justice group, coarse category, mode of trial and
 * severity weight, and a statement of where the severity weights come from.
 */
import { isUtf8 } from 'node:buffer';
import { invalidUtf8At, lineOfOffset } from './file-format.js';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as aq from 'arquero';
import type { DataQuality, InputFile, OffenceLookup, Problem, RowCounts } from '../study/study.js';
import { MODES_OF_TRIAL, OFFENCE_CATEGORIES, type ModeOfTrial, type OffenceCategory } from '../study/vocabulary.js';
import { readCsvBytes, type CsvRecord } from './csv-reader.js';
import { ProblemLog, StudyError, type ErrorKind } from './problems.js';
import { feedRows, type RowsInput } from './sources.js';
import { normaliseColumnName, type QuarantinedRow } from './table-reader.js';

const COLUMNS = ['code', 'label', 'group', 'category', 'mode_of_trial', 'severity'] as const;

/** The package root: the nearest folder above this module holding package.json. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the follow-up package root (no package.json above the records module)');
    dir = up;
  }
}

/** Where the toolkit's default lookup lives: data-samples/offences.csv in the package. */
export function defaultOffenceLookupPath(): string {
  return join(packageRoot(), 'data-samples', 'offences.csv');
}

/** Rows of the lookup as text, with the line each came from. */
interface RawLookup {
  names: string[];
  rows: { line: number; cells: string[]; fault: boolean }[];
}

function collect(): { raw: RawLookup; sink: (rec: CsvRecord) => void } {
  const raw: RawLookup = { names: [], rows: [] };
  let header = true;
  const sink = (rec: CsvRecord) => {
    const cells: string[] = [];
    for (let i = 0; i < rec.count; i++) cells.push(rec.buf.toString('utf8', rec.starts[i], rec.ends[i]));
    if (header) {
      raw.names = cells.map(normaliseColumnName);
      header = false;
    } else raw.rows.push({ line: rec.line, cells, fault: rec.fault !== null });
  };
  return { raw, sink };
}

/**
 * Splits a leading block of `#` comment lines from CSV text. The severity
 * source is the comment line that starts `severity source:` when there is one,
 * else the whole block.
 */
export function splitCommentBlock(text: string): { comment: string | null; severitySource: string | null; body: string; lineOffset: number } {
  const lines = text.split('\n');
  let n = 0;
  while (n < lines.length && (lines[n].startsWith('#') || (lines[n].trim() === '' && n + 1 < lines.length && lines[n + 1].startsWith('#')))) n++;
  if (n === 0) return { comment: null, severitySource: null, body: text, lineOffset: 0 };
  const commentLines = lines
    .slice(0, n)
    .map((l) => l.replace(/^#\s?/, '').replace(/\r$/, '').trim())
    .filter((l) => l !== '');
  const comment = commentLines.join('\n');
  const labelled = commentLines.find((l) => /^severity source\s*:/i.test(l));
  const severitySource = labelled !== undefined ? labelled.replace(/^severity source\s*:\s*/i, '') : comment;
  return { comment, severitySource, body: lines.slice(n).join('\n'), lineOffset: n };
}

/**
 * Reads an offence lookup file (CSV, optionally headed by `#` comment lines,
 * or JSON); the severity source comes from the comment block, else from a
 * sibling `<name>.source.md`. Throws a StudyError listing every problem.
 */
export function readOffenceLookupFile(path: string, setAside = false): { lookup: OffenceLookup; input: InputFile; setAside: LookupSetAside | null } {
  const bytes = readFileSync(path);
  const input: InputFile = { role: 'offences', path, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
  if (!isUtf8(bytes)) {
    // Labels are printed on the page: never with U+FFFD in them.
    const line = lineOfOffset(bytes, invalidUtf8At(bytes));
    throw lookupError([
      problem(
        path,
        line,
        null,
        null,
        'UTF-8 text; a byte on this line is not UTF-8 (Excel\'s plain "CSV" writes Windows-1252): save the lookup as "CSV UTF-8"',
        'encoding',
      ),
    ]);
  }
  const { raw, sink } = collect();
  let severitySource: string | null = null;
  if (/\.json$/i.test(path)) {
    let data: unknown;
    try {
      data = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      throw lookupError([problem(path, 0, null, null, `a JSON array of offences (${(error as Error).message})`, 'malformed_json')]);
    }
    if (!Array.isArray(data)) throw lookupError([problem(path, 1, null, null, 'a JSON array of offences', 'malformed_json')]);
    feedRows(data as Record<string, unknown>[], sink);
  } else {
    let text = bytes.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const split = splitCommentBlock(text);
    severitySource = split.severitySource;
    const body = Buffer.from(split.body, 'utf8');
    readCsvBytes(body, (rec) => sink({ ...rec, line: rec.line + split.lineOffset }));
  }
  if (severitySource === null) {
    const sibling = path.replace(/\.(csv|json)$/i, '') + '.source.md';
    if (existsSync(sibling)) severitySource = readFileSync(sibling, 'utf8').trim() || null;
  }
  const aside: LookupSetAside | null = setAside ? { problems: [], quarantined: [], counts: { read: raw.rows.length, used: 0, quarantined: 0 } } : null;
  return { lookup: buildLookup(raw, path, severitySource, aside), input, setAside: aside };
}

/**
 * A lookup file's rows in error, set aside instead of stopping the load (as
 * the people's and events' are), so the load goes on and lists every table's
 * errors: their problems, the rows as written (for the quarantine file) and
 * the lookup's read = used + quarantined.
 */
export interface LookupSetAside {
  problems: Problem[];
  quarantined: QuarantinedRow[];
  counts: RowCounts;
}

/** The toolkit's default lookup, read synchronously (for studyFromRows). */
export function readDefaultOffenceLookup(): { lookup: OffenceLookup; input: InputFile } {
  return readOffenceLookupFile(defaultOffenceLookupPath());
}

/**
 * Loads an offence lookup: the given file, or the toolkit's default
 * (data-samples/offences.csv in the package).
 */
export async function loadOffenceLookup(path?: string | null): Promise<OffenceLookup> {
  return readOffenceLookupFile(path ?? defaultOffenceLookupPath()).lookup;
}

/** An offence lookup from rows held in memory (severity source unknown). */
export function offenceLookupFromRows(rows: RowsInput): OffenceLookup {
  const { raw, sink } = collect();
  feedRows(rows, sink);
  return buildLookup(raw, '<offences rows>', null);
}

function problem(file: string, line: number, column: string | null, value: string | null, expected: string, kind: ErrorKind = 'wrong_type'): Problem {
  return { severity: 'error', kind, table: 'offences', file, line, column, value, expected };
}

function lookupError(problems: Problem[]): StudyError {
  const none = { read: 0, used: 0, quarantined: 0 };
  const quality: DataQuality = { people: { ...none }, events: { ...none }, warnings: {}, problems, quarantineFile: null };
  return new StudyError(problems, quality);
}

/** Largest severity weight accepted (the sentencing-based weights in use are below 1,000). */
const SEVERITY_MAX = 1_000_000;

/**
 * The lookup from its rows. A missing column throws (nothing can be looked up);
 * rows in error throw too, unless `setAside` is given: then they are left out
 * of the lookup and listed there.
 */
function buildLookup(raw: RawLookup, file: string, severitySource: string | null, setAside: LookupSetAside | null = null): OffenceLookup {
  const log = new ProblemLog();
  const at = new Map<string, number>();
  raw.names.forEach((name, i) => at.set(name, i));
  for (const column of COLUMNS) {
    if (!at.has(column))
      log.add(problem(file, raw.names.length > 0 ? 1 : 0, column, null, `a ${column} column`, raw.names.length > 0 ? 'missing_column' : 'empty_file'));
  }
  if (log.errors > 0) throw lookupError(log.sorted());

  const code: string[] = [],
    label: string[] = [],
    group: string[] = [];
  const category: OffenceCategory[] = [],
    modeOfTrial: ModeOfTrial[] = [],
    severity: number[] = [];
  const firstLine = new Map<string, number>();
  for (const row of raw.rows) {
    const problemsBefore = log.problems.length;
    const setRowAside = () =>
      setAside?.quarantined.push({ table: 'offences', file, line: row.line, problems: log.problems.slice(problemsBefore), fields: row.cells });
    if (row.fault || row.cells.length !== raw.names.length) {
      log.add(problem(file, row.line, null, null, `${raw.names.length} properly quoted fields as in the header, found ${row.cells.length}`, 'malformed_csv'));
      setRowAside();
      continue;
    }
    const cell = (c: string) => row.cells[at.get(c)!].trim();
    const errorsBefore = log.errors;
    for (const c of ['code', 'label', 'group'] as const) {
      if (cell(c) === '') log.add(problem(file, row.line, c, '', `a ${c} (required)`, 'missing_value'));
    }
    const cat = cell('category').toLowerCase();
    if (!(OFFENCE_CATEGORIES as readonly string[]).includes(cat)) {
      log.add(problem(file, row.line, 'category', cell('category'), `one of ${OFFENCE_CATEGORIES.join(', ')}`));
    }
    const mode = cell('mode_of_trial').toLowerCase();
    if (!(MODES_OF_TRIAL as readonly string[]).includes(mode)) {
      log.add(problem(file, row.line, 'mode_of_trial', cell('mode_of_trial'), `one of ${MODES_OF_TRIAL.join(', ')}`));
    }
    const sev = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cell('severity')) ? Number(cell('severity')) : NaN;
    if (Number.isNaN(sev)) log.add(problem(file, row.line, 'severity', cell('severity'), 'a number > 0'));
    // A finite weight of sane size: 1e999 reads as Infinity, and would make every mean severity infinite.
    else if (!(sev > 0) || !(sev <= SEVERITY_MAX))
      log.add(problem(file, row.line, 'severity', cell('severity'), `a number > 0 and at most ${SEVERITY_MAX}`, 'out_of_range'));
    const c = cell('code');
    if (c !== '' && firstLine.has(c)) {
      log.add(problem(file, row.line, 'code', c, `a code used only once (first on line ${firstLine.get(c)})`, 'duplicate_code'));
    }
    if (c !== '' && !firstLine.has(c)) firstLine.set(c, row.line);
    if (log.errors > errorsBefore) {
      setRowAside();
      continue;
    }
    code.push(c);
    label.push(cell('label'));
    group.push(cell('group'));
    category.push(cat as OffenceCategory);
    modeOfTrial.push(mode as ModeOfTrial);
    severity.push(sev);
  }
  if (setAside) {
    setAside.problems = log.sorted();
    setAside.counts = { read: raw.rows.length, used: code.length, quarantined: setAside.quarantined.length };
  } else if (log.errors > 0) throw lookupError(log.sorted());
  return offenceLookupOf({ code, label, group, category, modeOfTrial, severity }, severitySource);
}

/** The columns of a lookup, one entry per code, in row order. */
interface LookupColumns {
  code: string[];
  label: string[];
  group: string[];
  category: OffenceCategory[];
  modeOfTrial: ModeOfTrial[];
  severity: number[];
}

/** A lookup from its columns (records.md "offences"): the arquero table and each code's row. */
export function offenceLookupOf(columns: LookupColumns, severitySource: string | null): OffenceLookup {
  const { code, label, group, category, modeOfTrial } = columns;
  const rowOf = new Map<string, number>();
  code.forEach((c, i) => rowOf.set(c, i));
  const severity = Float64Array.from(columns.severity);
  return {
    table: aq.table({ code, label, group, category, mode_of_trial: modeOfTrial, severity }),
    code,
    label,
    group,
    category,
    modeOfTrial,
    severity,
    rowOf,
    severitySource,
  };
}
