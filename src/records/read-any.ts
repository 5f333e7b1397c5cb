/**
 * Reading a table file of any kind the loader accepts into the records a CSV
 * gives (file-format.ts tells the kind): UTF-8 comma CSV by the fast
 * streaming reader; CSV with another delimiter or in Windows-1252 held in
 * memory (spreadsheet-sized) and read by the same parser; JSON; an .xlsx
 * sheet; Parquet and Arrow. Problems with the file itself come back as notes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readCsvBytes, type CsvSink } from './csv-reader.js';
import { csvDelimiter, decodeNotUtf8, fileHead, firstInvalidUtf8, lineOfOffset, tableKind, type DelimiterSetting, type FileNote } from './file-format.js';
import { readArrow, readParquet } from './columnar.js';
import { feedGrid, readTableFile } from './sources.js';
import { WorkbookError, readXlsx } from './xlsx.js';

interface ReadSettings {
  delimiter: DelimiterSetting;
  sheet: string | null;
  /** The table's name, to find its sheet in a workbook when none is named. */
  table: string;
  /** Told where a JSON array's elements start (see readTableFile). */
  onElements?: (lines: readonly number[]) => void;
}

type TableRead = ReturnType<typeof readTableFile> & { notes: FileNote[] };

/** Above this size a CSV that is not UTF-8 with commas is refused (it is read whole, in memory). */
const IN_MEMORY_LIMIT = 256 << 20;

/** True when a file is plain UTF-8 comma CSV as far as its head shows (so it may be read in parts). */
export function plainCsvHead(path: string, delimiter: DelimiterSetting): boolean {
  if (tableKind(path).kind !== 'csv') return false;
  const d = csvDelimiter(fileHead(path), delimiter);
  return d.note === null && d.delimiter === 0x2c;
}

export async function readAnyTableFile(path: string, sink: CsvSink, settings: ReadSettings): Promise<TableRead> {
  const { kind, note } = tableKind(path);
  const none = { blank: false, jsonFaults: [], jsonUnparsable: null };
  const whole = () => {
    const bytes = readFileSync(path);
    return { bytes, info: { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') } };
  };
  if (note !== null) return { ...whole().info, ...none, notes: [note] };
  if (kind === 'json') {
    // JSON is UTF-8 (RFC 8259): a byte that is not is refused on its line, never read as U+FFFD.
    const bad = firstInvalidUtf8(path);
    if (bad >= 0) {
      const { bytes, info } = whole();
      return {
        ...info,
        ...none,
        notes: [
          {
            severity: 'error',
            kind: 'encoding',
            line: lineOfOffset(bytes, bad),
            column: null,
            value: null,
            expected: `UTF-8 text (JSON is UTF-8); byte 0x${bytes[bad].toString(16).toUpperCase()} on this line is not: save the file as UTF-8`,
          },
        ],
      };
    }
    return { ...readTableFile(path, sink, settings.onElements), notes: [] };
  }
  if (kind === 'xlsx' || kind === 'parquet' || kind === 'arrow') {
    const { bytes, info } = whole();
    try {
      if (kind === 'xlsx') {
        const sheet = readXlsx(bytes, settings.sheet, settings.table);
        const grid = { names: sheet.names, rowCount: sheet.rows.length, cell: (r: number, c: number) => sheet.rows[r][c] };
        feedGrid(
          grid,
          sink,
          (r) => sheet.lines[r],
          undefined,
          (r) => sheet.rows[r].length,
        );
      } else {
        const table = kind === 'parquet' ? await readParquet(bytes) : readArrow(bytes);
        feedGrid(table, sink, (r) => r + 2);
      }
    } catch (error) {
      const what = kind === 'xlsx' ? 'an .xlsx workbook' : kind === 'parquet' ? 'a Parquet file' : 'an Arrow IPC file';
      const expected = error instanceof WorkbookError ? error.message : `${what} that can be read (${(error as Error).message})`;
      return { ...info, ...none, notes: [{ severity: 'error', kind: 'unreadable_workbook', line: 0, column: null, value: null, expected }] };
    }
    return { ...info, ...none, blank: bytes.length === 0, notes: [] };
  }
  const { delimiter, note: delimiterNote } = csvDelimiter(fileHead(path), settings.delimiter);
  if (delimiterNote !== null) return { ...whole().info, ...none, notes: [delimiterNote] };
  const bad = firstInvalidUtf8(path);
  if (bad < 0 && delimiter === 0x2c) return { ...readTableFile(path, sink, settings.onElements), notes: [] };
  const { bytes, info } = whole();
  if (bytes.length > IN_MEMORY_LIMIT) {
    const expected =
      bad >= 0
        ? 'UTF-8 text (a file this large is read only as UTF-8): save it as "CSV UTF-8"'
        : 'columns separated by commas (a file this large is read only so)';
    return { ...info, ...none, notes: [{ severity: 'error', kind: bad >= 0 ? 'encoding' : 'wrong_delimiter', line: 0, column: null, value: null, expected }] };
  }
  const notes: FileNote[] = [];
  let text: Buffer = bytes;
  if (bad >= 0) {
    const decoded = decodeNotUtf8(bytes, bad);
    notes.push(decoded.note);
    if (decoded.text === null) return { ...info, ...none, notes };
    text = decoded.text;
  }
  readCsvBytes(text, sink, delimiter);
  return { ...info, ...none, blank: bytes.length === 0, notes };
}
