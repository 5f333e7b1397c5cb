/**
 * Every way a table can arrive, turned into the same stream of records a CSV
 * file gives (header first), so one reader checks them all: CSV files, JSON
 * files (an array of objects), plain objects, arquero tables, and anything
 * with `columns` and row `values` (such as a danfo DataFrame).
 */
import { readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { ColumnTable } from 'arquero';
import { formatDay } from '../time/days.js';
import { readCsvFile, type CsvRecord, type CsvSink } from './csv-reader.js';
import { jsonSyntaxFault } from './json-fault.js';
import { elementLine } from './problems.js';

/** A table held in memory. */
export type RowsInput = Record<string, unknown>[] | ColumnTable | { columns: string[]; values: unknown[][] };

/** A table's rows as cells: the column names, and a way to read cell (row, column). */
interface CellGrid {
  names: string[];
  rowCount: number;
  cell(row: number, column: number): unknown;
}

function isColumnTable(x: unknown): x is ColumnTable {
  const t = x as ColumnTable;
  return typeof x === 'object' && x !== null && typeof t.columnNames === 'function' && typeof t.numRows === 'function' && typeof t.array === 'function';
}

function gridOf(input: RowsInput): CellGrid {
  if (Array.isArray(input)) {
    const names: string[] = [];
    const seen = new Set<string>();
    for (const row of input) {
      if (typeof row !== 'object' || row === null || Array.isArray(row)) continue;
      for (const key of Object.keys(row)) {
        if (!seen.has(key)) {
          seen.add(key);
          names.push(key);
        }
      }
    }
    return {
      names,
      rowCount: input.length,
      cell: (r, c) => {
        const row = input[r];
        return typeof row === 'object' && row !== null ? (row as Record<string, unknown>)[names[c]] : undefined;
      },
    };
  }
  if (isColumnTable(input)) {
    const names = input.columnNames();
    // array() honours a table's filter and order, so the rows are the ones the table shows.
    const columns = names.map((n) => input.array(n) as ArrayLike<unknown>);
    return { names, rowCount: input.numRows(), cell: (r, c) => columns[c][r] };
  }
  if (typeof input === 'object' && input !== null && Array.isArray(input.columns) && Array.isArray(input.values)) {
    const values = input.values;
    return { names: input.columns.map(String), rowCount: values.length, cell: (r, c) => values[r]?.[c] };
  }
  throw new TypeError('rows must be an array of objects, an arquero table, or { columns, values }');
}

/**
 * A cell as the text it stands for: a Date is its calendar day ({@link dateCellText}), a number
 * its shortest decimal form (NaN is blank, as data frames use it for missing),
 * null and undefined are blank.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isNaN(value) ? '' : String(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return dateCellText(value);
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    // A cell nested thousands deep overflows the stack of JSON.stringify: it is no value of the format anyway.
    return '[a value nested too deeply to read]';
  }
}

/**
 * A Date as the calendar day it stands for. Its UTC day, except for a Date at
 * local midnight that is not at UTC midnight: that one was made from local
 * fields (`new Date(2020, 5, 15)`, a spreadsheet reader's dates) and stands
 * for its local day, which under Europe/London in summer is a day after its
 * UTC day. A Date made in UTC (`Date.UTC`, ISO strings, Arrow and Parquet
 * dates) is never at local midnight in another zone unless the zone is UTC
 * there, so it keeps its UTC day in every zone.
 */
export function dateCellText(value: Date): string {
  const t = value.getTime();
  if (Number.isNaN(t)) return 'Invalid Date';
  const utcMidnight = t % 86_400_000 === 0;
  const localMidnight = value.getHours() === 0 && value.getMinutes() === 0 && value.getSeconds() === 0 && value.getMilliseconds() === 0;
  if (localMidnight && !utcMidnight) {
    return formatDay(Math.floor(Date.UTC(value.getFullYear(), value.getMonth(), value.getDate()) / 86_400_000)) ?? '';
  }
  return formatDay(Math.floor(t / 86_400_000)) ?? '';
}

/** Feeds a grid to a sink as records: header on line 1, row r on line lineOf(r). */
export function feedGrid(
  grid: CellGrid,
  sink: CsvSink,
  lineOf: (row: number) => number,
  rowFault?: (row: number) => boolean,
  width?: (row: number) => number,
): void {
  const n = grid.names.length;
  let buf = Buffer.alloc(1024);
  let rec: CsvRecord = { buf, starts: new Int32Array(Math.max(1, n)), ends: new Int32Array(Math.max(1, n)), count: n, line: 1, fault: null };
  const emit = (texts: string[], line: number) => {
    let size = 0;
    for (const t of texts) size += Buffer.byteLength(t, 'utf8');
    if (size > buf.length) buf = Buffer.alloc(size * 2);
    if (texts.length > rec.starts.length) rec = { ...rec, starts: new Int32Array(texts.length), ends: new Int32Array(texts.length) };
    let at = 0;
    texts.forEach((t, i) => {
      rec.starts[i] = at;
      at += buf.write(t, at, 'utf8');
      rec.ends[i] = at;
    });
    rec.buf = buf;
    rec.count = texts.length;
    rec.line = line;
    sink(rec);
  };
  // An empty array of objects has no column names at all: nothing to feed, not even a header.
  if (n === 0 && grid.rowCount === 0) return;
  emit(grid.names, 1);
  const texts: string[] = new Array(n);
  for (let r = 0; r < grid.rowCount; r++) {
    if (rowFault?.(r)) continue;
    // A row may be wider than the header (a spreadsheet row with cells past it): the reader reports it as CSV's.
    const w = width?.(r) ?? n;
    texts.length = w;
    for (let c = 0; c < w; c++) texts[c] = cellText(grid.cell(r, c));
    emit(texts, lineOf(r));
  }
}

/** Feeds rows held in memory; row r is numbered r + 2, as if a header were line 1. */
export function feedRows(input: RowsInput, sink: CsvSink): void {
  feedGrid(gridOf(input), sink, (r) => r + 2);
}

export interface FileInfo {
  bytes: number;
  sha256: string;
}

/** An element of a JSON array that is not an object: reported by the caller. */
interface JsonFault {
  line: number;
  expected: string;
}

/**
 * Line on which each element of a top-level JSON array starts (for an object,
 * the line of its opening brace), found by a scan that skips strings.
 */
function jsonElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    if (depth === 1 && expectValue && c !== 93) {
      lines.push(line);
      expectValue = false;
    }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth === 1 && c === 91) expectValue = true;
    } else if (c === 93 || c === 125) depth--;
    else if (c === 44 && depth === 1) expectValue = true;
  }
  return lines;
}

/**
 * Reads a table file (CSV or JSON by extension) into a sink. A JSON file must
 * be an array of objects; each object is numbered by the line of its opening
 * brace. Problems with the JSON itself are returned for the caller to report.
 */
export function readTableFile(
  path: string,
  sink: CsvSink,
  /** Told where a JSON array's elements start, before its rows are fed: rows carry elementLine(element) as their line. */
  onElements?: (lines: readonly number[]) => void,
): FileInfo & { blank: boolean; jsonFaults: JsonFault[]; jsonUnparsable: JsonFault | null } {
  if (!/\.json$/i.test(path)) {
    const info = readCsvFile(path, sink);
    return { ...info, blank: info.bytes === 0, jsonFaults: [], jsonUnparsable: null };
  }
  const bytes = readFileSync(path);
  const info = { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Only blanks: as empty as a 0-byte file (no header, no rows).
  if (text.trim() === '') return { ...info, blank: true, jsonFaults: [], jsonUnparsable: null };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // V8's message quotes the input (person_ids included): the fault is located by our own scan instead.
    const fault = jsonSyntaxFault(text);
    const where = fault === null ? '' : ` at column ${fault.column}${fault.element >= 0 ? `, in element ${fault.element + 1} of the array` : ''}`;
    return {
      ...info,
      blank: false,
      jsonFaults: [],
      jsonUnparsable: { line: fault?.line ?? 0, expected: `valid JSON${where}: ${fault?.expected ?? 'the text is not JSON'}` },
    };
  }
  if (!Array.isArray(data)) {
    return { ...info, blank: false, jsonFaults: [], jsonUnparsable: { line: 1, expected: 'a JSON array of objects, one per row' } };
  }
  const lines = jsonElementLines(text);
  // Rows on one line (a file all on one line) are told apart by their element.
  onElements?.(lines);
  const lineOf = (r: number) => (onElements ? elementLine(r + 1) : (lines[r] ?? r + 2));
  const faults: JsonFault[] = [];
  const isObject = (r: number) => typeof data[r] === 'object' && data[r] !== null && !Array.isArray(data[r]);
  feedGrid(gridOf(data as Record<string, unknown>[]), sink, lineOf, (r) => {
    if (isObject(r)) return false;
    faults.push({ line: lineOf(r), expected: 'a JSON object (one row per object)' });
    return true;
  });
  return { ...info, blank: false, jsonFaults: faults, jsonUnparsable: null };
}

/** Size of a file in bytes (for sizing column buffers before reading). */
export function fileSize(path: string): number {
  return statSync(path).size;
}
