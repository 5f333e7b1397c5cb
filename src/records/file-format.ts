/**
 * What a table file really is, before it is read (records.md: CSV is UTF-8,
 * comma separated; GUIDE "Known pitfalls": real extracts come with Excel's
 * habits). A spreadsheet, Parquet or Arrow file is read as such; any other
 * binary file is refused as "not CSV"; a CSV's delimiter (`,`, `;`, tab) is
 * found from its header or set; a file that is not UTF-8 is read as
 * Windows-1252 (what Excel's plain "CSV" writes) with a warning, never with
 * U+FFFD put in silently.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import type { FileSource } from './open-input.js';
import type { ErrorKind, WarningKind } from './problems.js';
import type { Delimiter } from '../study/options.js';

type TableKind = 'csv' | 'json' | 'xlsx' | 'parquet' | 'arrow';

/** A problem with a whole file (or its header), reported by the caller with its table and path. */
export interface FileNote {
  severity: 'error' | 'warning';
  kind: ErrorKind | WarningKind;
  line: number;
  column: string | null;
  value: string | null;
  expected: string;
}

/** The `delimiter` setting: a comma, a semicolon or a tab; null to find it from the header. */
export type DelimiterSetting = Delimiter | null;

const HEAD = 1 << 16;

function readHead(path: string, n = HEAD): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const got = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

const startsWith = (b: Buffer, bytes: number[]) => bytes.every((x, i) => b[i] === x);

/**
 * The kind of a table file from its first bytes (the extension only tells
 * JSON from CSV): a zip (an .xlsx workbook), `PAR1` (Parquet), `ARROW1` or an
 * Arrow stream; a known binary format or a NUL byte is a "not CSV" error.
 */
export function tableKind(path: string): { kind: TableKind; note: FileNote | null } {
  const head = readHead(path, 4096);
  const refuse = (what: string, fix: string) => ({
    kind: 'csv' as TableKind,
    note: {
      severity: 'error' as const,
      kind: 'not_csv' as ErrorKind,
      line: 0,
      column: null,
      value: null,
      expected: `a CSV file (UTF-8 text), an .xlsx workbook, a Parquet or an Arrow file; this file is ${what}: ${fix}`,
    },
  });
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'xlsx', note: null };
  if (startsWith(head, [0x50, 0x41, 0x52, 0x31])) return { kind: 'parquet', note: null };
  if (head.subarray(0, 6).toString('latin1') === 'ARROW1' || startsWith(head, [0xff, 0xff, 0xff, 0xff])) return { kind: 'arrow', note: null };
  if (/\.json$/i.test(path)) return { kind: 'json', note: null };
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) return refuse('an old Excel workbook (.xls)', 'save it as .xlsx or as "CSV UTF-8"');
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) return refuse('a PDF', 'export the table itself as CSV');
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return refuse('UTF-16 text', 'save it as "CSV UTF-8"');
  if (startsWith(head, [0x1f, 0x8b])) return refuse('gzip-compressed', 'decompress it first');
  if (head.includes(0)) return refuse('binary (it holds NUL bytes)', 'export the table as CSV');
  return { kind: 'csv', note: null };
}

/**
 * Where the first byte that is not UTF-8 is (−1: the whole file is UTF-8),
 * read in chunks; a sequence cut by a chunk's end is carried to the next.
 * A file already open is read by position and left open.
 */
export function firstInvalidUtf8(source: FileSource, chunk = 1 << 23): number {
  const fd = typeof source === 'string' ? openSync(source, 'r') : source.fd;
  try {
    const buf = Buffer.allocUnsafe(chunk + 4);
    let carry = 0;
    let at = 0;
    for (;;) {
      const n = readSync(fd, buf, carry, chunk, at);
      const filled = carry + n;
      if (n === 0) return carry === 0 || isUtf8(buf.subarray(0, carry)) ? -1 : at - carry;
      // Up to three bytes of a sequence cut by the chunk's end wait for the rest.
      let end = filled;
      for (let k = 1; k <= 3 && k <= filled; k++) {
        const b = buf[filled - k];
        if ((b & 0xc0) === 0xc0) {
          const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
          if (need > k) end = filled - k;
          break;
        }
        if ((b & 0x80) === 0) break;
      }
      if (!isUtf8(buf.subarray(0, end))) return at - carry + invalidUtf8At(buf.subarray(0, end));
      carry = filled - end;
      buf.copy(buf, 0, end, filled);
      at += n;
    }
  } finally {
    if (typeof source === 'string') closeSync(fd);
  }
}

/** Index of the first invalid sequence of bytes known to hold one (a plain scan: only run on failure). */
export function invalidUtf8At(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const need = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    if (!isUtf8(b.subarray(i, i + need + 1))) return i;
    i += need + 1;
  }
  return b.length;
}

/** Bytes Windows-1252 leaves undefined: a file holding one is not Windows-1252 either. */
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Windows-1252's characters for bytes 0x80–0x9F (the rest is Latin-1); undefined bytes are never decoded (see UNDEFINED_1252). */
const HIGH_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Windows-1252 bytes as text (written out: Node's TextDecoder may read the label as Latin-1 without full ICU). */
function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  let run = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    run += b >= 0x80 && b < 0xa0 ? HIGH_1252[b - 0x80] : String.fromCharCode(b);
    if (run.length >= 8192) {
      parts.push(run);
      run = '';
    }
  }
  parts.push(run);
  return parts.join('');
}

/** The line (from 1) of byte `offset` of a buffer. */
export function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * A file that is not UTF-8 as the text it holds: decoded as Windows-1252 with
 * a warning naming the first such byte's line and what it was read as, or
 * refused (an error with the line) when it holds a byte that Windows-1252
 * does not define either.
 */
export function decodeNotUtf8(bytes: Buffer, offset: number): { text: Buffer | null; note: FileNote } {
  const line = lineOfOffset(bytes, offset);
  const byte = `0x${bytes[offset].toString(16).toUpperCase().padStart(2, '0')}`;
  for (const b of bytes) {
    if (UNDEFINED_1252.has(b)) {
      return {
        text: null,
        note: {
          severity: 'error',
          kind: 'encoding',
          line,
          column: null,
          value: null,
          expected: `UTF-8 text; byte ${byte} on this line is not UTF-8, and the file is not Windows-1252 either: save it as "CSV UTF-8"`,
        },
      };
    }
  }
  const decoded = decodeWindows1252(bytes);
  const ch = decodeWindows1252(bytes.subarray(offset, offset + 1));
  return {
    text: Buffer.from(decoded, 'utf8'),
    note: {
      severity: 'warning',
      kind: 'read_as_windows_1252',
      line,
      column: null,
      value: null,
      expected: `UTF-8 text; the file is not UTF-8 (first on this line: byte ${byte}), so it is read as Windows-1252, as Excel writes "CSV" (${byte} is '${ch}'); save it as "CSV UTF-8" to be sure`,
    },
  };
}

const DELIMITERS: Record<string, number> = { ',': 0x2c, ';': 0x3b, tab: 0x09 };
const NAMES: Record<number, string> = { 44: 'a comma', 59: "';'", 9: 'a tab', 124: "'|'" };

/** Counts each candidate delimiter in the header line, outside quotes. */
function countInHeader(text: Buffer): Map<number, number> {
  const counts = new Map<number, number>([
    [0x2c, 0],
    [0x3b, 0],
    [0x09, 0],
    [0x7c, 0],
  ]);
  let quoted = false;
  let i = text.length >= 3 && text[0] === 0xef && text[1] === 0xbb && text[2] === 0xbf ? 3 : 0;
  for (; i < text.length; i++) {
    const b = text[i];
    if (b === 0x22) quoted = !quoted;
    else if (!quoted && (b === 0x0a || b === 0x0d)) break;
    else if (!quoted && counts.has(b)) counts.set(b, counts.get(b)! + 1);
  }
  return counts;
}

/**
 * The delimiter of a CSV: the one set, or the one the header line uses most
 * (a comma when the header uses none). A header that is one column holding
 * another delimiter (`person_id;service;…` read with commas) is one error
 * naming the delimiter it holds and the setting, instead of an error per row.
 */
export function csvDelimiter(head: Buffer, setting: DelimiterSetting): { delimiter: number; note: FileNote | null } {
  const counts = countInHeader(head);
  const wrong = (used: number, found: number): FileNote => ({
    severity: 'error',
    kind: 'wrong_delimiter',
    line: 1,
    column: null,
    value: null,
    expected:
      `columns separated by ${NAMES[used]}; the header is one column, but it holds ${counts.get(found)} × ${NAMES[found]}: ` +
      (found === 0x7c
        ? "write the file with commas, ';' or tabs"
        : `set "delimiter": "${found === 0x09 ? 'tab' : String.fromCharCode(found)}" in the study file or --delimiter ${found === 0x09 ? 'tab' : `'${String.fromCharCode(found)}'`}, or leave it unset to have it found`),
  });
  if (setting !== null) {
    const d = DELIMITERS[setting];
    if (counts.get(d) === 0) {
      const other = [...counts.entries()].filter(([b, n]) => b !== d && n > 0).sort((a, b) => b[1] - a[1])[0];
      if (other) return { delimiter: d, note: wrong(d, other[0]) };
    }
    return { delimiter: d, note: null };
  }
  let best = 0x2c;
  for (const b of [0x3b, 0x09]) if (counts.get(b)! > counts.get(best)!) best = b;
  if (counts.get(best) === 0 && counts.get(0x7c)! > 0) return { delimiter: best, note: wrong(best, 0x7c) };
  return { delimiter: best, note: null };
}

/** The first bytes of a file, for finding its delimiter. */
export function fileHead(path: string): Buffer {
  return readHead(path);
}
