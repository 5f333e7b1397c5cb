/**
 * A streaming RFC 4180 CSV reader over bytes, written for large event files:
 * it reads a file in chunks (so a file may exceed the largest string Node can
 * hold), never makes a string per cell, and hands each record to a sink as
 * field offsets into the current chunk. It strips a UTF-8 byte-order mark,
 * accepts CRLF, LF and lone CR line ends, and numbers each record by the line
 * it starts on (a quoted field may span lines).
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { grown } from './growable.js';
import { type FileSource, InputFileError, RECORD_MAX_BYTES } from './open-input.js';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** 1 for the bytes that end an unquoted field (the delimiter, LF, CR): one table load per byte instead of three comparisons. */
function endsField(delimiter: number): Uint8Array {
  const t = new Uint8Array(256);
  t[delimiter] = t[LF] = t[CR] = 1;
  return t;
}
const ENDS_FIELD = endsField(COMMA);

/** What was wrong with a record's quoting, if anything. */
type CsvRecordFault = null | 'unclosed_quote' | 'text_after_quote';

/**
 * One record, reused for every record of a file: field i is
 * `buf[starts[i] .. ends[i])`, already unquoted and unescaped. Only valid
 * during the sink call.
 */
export interface CsvRecord {
  buf: Buffer;
  starts: Int32Array;
  ends: Int32Array;
  count: number;
  /** Line the record starts on (the header is line 1). */
  line: number;
  fault: CsvRecordFault;
}

/** Receives records in file order; the first one is the header. */
export type CsvSink = (record: CsvRecord) => void;

interface CsvFileInfo {
  bytes: number;
  sha256: string;
}

const CHUNK = 1 << 23;

/** Reads a CSV file record by record; returns its size and SHA-256. */
export function readCsvFile(path: string, sink: CsvSink, chunkSize = CHUNK): CsvFileInfo {
  const hash = createHash('sha256');
  const info = readCsvRange(path, sink, 0, Infinity, chunkSize, (bytes) => hash.update(bytes));
  return { bytes: info.bytes, sha256: hash.digest('hex') };
}

/** What reading a byte range of a CSV file found. */
interface CsvRangeInfo {
  bytes: number;
  /** Line ends in the range: the number of the range's first line, less one, plus this is the next range's. */
  lines: number;
  /** False when the range stops before the end of the file inside a record (a quoted field running on past it). */
  aligned: boolean;
}

/**
 * Reads the records of bytes [start, end) of a file (end = Infinity: to the
 * end of the file). A range must start where a record starts (the file's
 * start, or just after a line end outside quotes); records are numbered from
 * line 1 at the range's start, and only a range starting at 0 may hold a
 * byte-order mark. `aligned` tells whether the range also ended where a
 * record ends, which is what makes reading a file in ranges exact. A file
 * already open is read by position and left open (so parts of one handle can
 * be read at once, see events-in-parallel.ts).
 */
export function readCsvRange(
  source: FileSource,
  sink: CsvSink,
  start: number,
  end: number,
  chunkSize = CHUNK,
  onBytes?: (bytes: Buffer) => void,
): CsvRangeInfo {
  const path = typeof source === 'string' ? source : source.path;
  const fd = typeof source === 'string' ? openSync(source, 'r') : source.fd;
  const parser = new CsvParser(sink);
  let total = 0;
  try {
    let buf = Buffer.allocUnsafe(Math.max(1, Math.min(chunkSize, end - start)));
    let filled = 0;
    let at = start;
    let first = start === 0;
    for (;;) {
      if (filled === buf.length) {
        // One record filling the buffer past this is a quote left open (or /dev/zero): a located error, not ERR_OUT_OF_RANGE.
        if (buf.length >= RECORD_MAX_BYTES) {
          throw new InputFileError(
            `cannot read ${path}: a record starting on line ${parser.lines + 1} runs on for more than ${RECORD_MAX_BYTES} bytes (a quote left open?)`,
            false,
          );
        }
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
      const n = at < end ? readSync(fd, buf, filled, Math.min(buf.length - filled, end - at), at) : 0;
      if (n > 0) onBytes?.(buf.subarray(filled, filled + n));
      at += n;
      total += n;
      filled += n;
      // The file ended (rather than the range): the last record needs no line end.
      const eof = n === 0 && at < end;
      let from = 0;
      if (first && filled >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) from = 3;
      if (first && (filled >= 3 || n === 0)) first = false;
      else if (first) continue;
      const consumed = parser.parse(buf, from, filled, eof);
      if (n === 0) return { bytes: total, lines: parser.lines, aligned: eof || consumed === filled };
      // Keep the unfinished record at the front and read more behind it.
      buf.copy(buf, 0, consumed, filled);
      filled -= consumed;
    }
  } finally {
    if (typeof source === 'string') closeSync(fd);
  }
}

/**
 * The header record of a CSV file (its first record), copied out of the
 * reading buffer; null when the file has none within its first `limit` bytes.
 */
export function readCsvHeader(source: FileSource, limit = 1 << 16): CsvRecord | null {
  let header: CsvRecord | null = null;
  readCsvRange(
    source,
    (rec) => {
      if (header !== null) return;
      header = { ...rec, buf: Buffer.from(rec.buf), starts: rec.starts.slice(), ends: rec.ends.slice() };
    },
    0,
    limit,
    limit,
  );
  return header;
}

/** Reads CSV held in memory (a copy is parsed, since unescaping rewrites bytes); `delimiter` is a byte (default a comma). */
export function readCsvBytes(bytes: Uint8Array, sink: CsvSink, delimiter = COMMA): void {
  const buf = Buffer.from(bytes);
  let start = 0;
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
  new CsvParser(sink, delimiter).parse(buf, start, buf.length, true);
}

class CsvParser {
  private line = 1;

  /** Line ends consumed so far. */
  get lines(): number {
    return this.line - 1;
  }

  private readonly record: CsvRecord;
  /** Fields holding a doubled quote, to unescape once the record is complete. */
  private escaped = new Uint8Array(64);

  /** The bytes that end an unquoted field. */
  private readonly endsField: Uint8Array;

  constructor(
    private readonly sink: CsvSink,
    /** The field delimiter: a comma, or `;` or tab as some spreadsheets write CSV. */
    private readonly delimiter = COMMA,
  ) {
    this.endsField = delimiter === COMMA ? ENDS_FIELD : endsField(delimiter);
    this.record = { buf: Buffer.alloc(0), starts: new Int32Array(64), ends: new Int32Array(64), count: 0, line: 1, fault: null };
  }

  /**
   * Parses whole records from buf[pos, limit); returns where the first
   * unfinished record starts (limit when everything was consumed).
   */
  parse(buf: Buffer, pos: number, limit: number, eof: boolean): number {
    const rec = this.record;
    rec.buf = buf;
    // Where the next quote and CR are (−1: none before limit); found by the
    // native search, so most lines, which hold neither, are split on commas alone.
    let nextQuote = -2;
    let nextCR = -2;
    // The next LF is remembered too: in a CR-only file there is none, and searching the whole
    // chunk for it again at every record made reading quadratic (40 MB: 82 s against 2 s).
    let nextLF = -2;
    while (pos < limit) {
      if (nextLF !== -1 && nextLF < pos) {
        nextLF = buf.indexOf(LF, pos);
        if (nextLF >= limit) nextLF = -1;
      }
      const lf = nextLF;
      if (lf >= 0 && lf < limit) {
        if (nextQuote !== -1 && nextQuote < pos) {
          nextQuote = buf.indexOf(QUOTE, pos);
          if (nextQuote >= limit) nextQuote = -1;
        }
        if (nextCR !== -1 && nextCR < pos) {
          nextCR = buf.indexOf(CR, pos);
          if (nextCR >= limit) nextCR = -1;
        }
        const end = nextCR === lf - 1 ? lf - 1 : lf;
        if ((nextQuote === -1 || nextQuote > lf) && (nextCR === -1 || nextCR >= end)) {
          this.plainLine(buf, pos, end);
          pos = lf + 1;
          continue;
        }
      }
      const next = this.parseRecord(buf, pos, limit, eof);
      if (next < 0) return pos;
      pos = next;
    }
    return limit;
  }

  /** A whole line [start, end) without quotes or CRs: fields are what lies between commas. */
  private plainLine(buf: Buffer, start: number, end: number): void {
    const rec = this.record;
    let starts = rec.starts;
    let ends = rec.ends;
    let count = 0;
    const delimiter = this.delimiter;
    starts[0] = start;
    for (let p = start; p < end; p++) {
      if (buf[p] !== delimiter) continue;
      ends[count++] = p;
      if (count === starts.length) {
        this.growFields();
        starts = rec.starts;
        ends = rec.ends;
      }
      starts[count] = p + 1;
    }
    ends[count++] = end;
    rec.count = count;
    rec.fault = null;
    rec.line = this.line++;
    // A blank line is not a record.
    if (end > start || count > 1) this.sink(rec);
  }

  private growFields(): void {
    const rec = this.record;
    rec.starts = grown(rec.starts);
    rec.ends = grown(rec.ends);
    this.escaped = grown(this.escaped);
  }

  /** Forgets the doubled-quote marks of a record that will be parsed again. */
  private clearEscaped(count: number): void {
    this.escaped.fill(0, 0, Math.min(count + 1, this.escaped.length));
  }

  /** Parses one record starting at pos; returns the position after it, or −1 when it is unfinished and more bytes are coming. */
  private parseRecord(buf: Buffer, pos: number, limit: number, eof: boolean): number {
    const rec = this.record;
    let starts = rec.starts;
    let ends = rec.ends;
    let count = 0;
    let fault: CsvRecordFault = null;
    let newlines = 0;
    let anyEscaped = false;
    const delimiter = this.delimiter;
    const ends_ = this.endsField;
    for (;;) {
      if (count === starts.length) {
        this.growFields();
        starts = rec.starts;
        ends = rec.ends;
      }
      if (pos < limit && buf[pos] === QUOTE) {
        const start = pos + 1;
        let p = start;
        let closed = false;
        while (p < limit) {
          const b = buf[p];
          if (b === QUOTE) {
            if (p + 1 < limit) {
              if (buf[p + 1] === QUOTE) {
                this.escaped[count] = 1;
                anyEscaped = true;
                p += 2;
                continue;
              }
            } else if (!eof) {
              this.clearEscaped(count);
              return -1;
            }
            closed = true;
            break;
          }
          // Line ends inside quotes count as outside them: LF, CRLF (its LF) and a lone CR.
          if (b === LF || (b === CR && (p + 1 >= limit || buf[p + 1] !== LF))) newlines++;
          p++;
        }
        if (!closed) {
          if (!eof) {
            this.clearEscaped(count);
            return -1;
          }
          starts[count] = start;
          ends[count] = limit;
          count++;
          fault = 'unclosed_quote';
          pos = limit;
          break;
        }
        starts[count] = start;
        ends[count] = p;
        count++;
        pos = p + 1;
        if (pos < limit && buf[pos] !== delimiter && buf[pos] !== LF && buf[pos] !== CR) {
          fault ??= 'text_after_quote';
          while (pos < limit && buf[pos] !== delimiter && buf[pos] !== LF && buf[pos] !== CR) pos++;
        }
      } else {
        starts[count] = pos;
        while (pos < limit && ends_[buf[pos]] === 0) pos++;
        ends[count] = pos;
        count++;
      }
      if (pos >= limit) {
        if (!eof) {
          this.clearEscaped(count);
          return -1;
        }
        break;
      }
      const b = buf[pos];
      if (b === delimiter) {
        pos++;
        continue;
      }
      if (b === CR) {
        if (pos + 1 >= limit && !eof) {
          this.clearEscaped(count);
          return -1;
        }
        pos += pos + 1 < limit && buf[pos + 1] === LF ? 2 : 1;
      } else {
        pos++;
      }
      newlines++;
      break;
    }
    rec.count = count;
    rec.fault = fault;
    if (anyEscaped) this.unescape(buf);
    rec.line = this.line;
    this.line += newlines;
    // A blank line is not a record.
    if (!(count === 1 && starts[0] === ends[0] && fault === null && buf[starts[0] - 1] !== QUOTE)) this.sink(rec);
    return pos;
  }

  /** Turns each doubled quote into one, in place, and shortens the field. */
  private unescape(buf: Buffer): void {
    const rec = this.record;
    for (let f = 0; f < rec.count; f++) {
      if (this.escaped[f] === 0) continue;
      this.escaped[f] = 0;
      let w = rec.starts[f];
      for (let r = rec.starts[f]; r < rec.ends[f]; r++) {
        buf[w++] = buf[r];
        if (buf[r] === QUOTE) r++;
      }
      rec.ends[f] = w;
    }
  }
}
