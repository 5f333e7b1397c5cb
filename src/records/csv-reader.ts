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

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** 1 for the bytes that end an unquoted field (comma, LF, CR): one table load per byte instead of three comparisons. */
const ENDS_FIELD = new Uint8Array(256);
ENDS_FIELD[COMMA] = ENDS_FIELD[LF] = ENDS_FIELD[CR] = 1;

/** What was wrong with a record's quoting, if anything. */
export type CsvRecordFault = null | 'unclosed_quote' | 'text_after_quote';

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

export interface CsvFileInfo {
  bytes: number;
  sha256: string;
}

const CHUNK = 1 << 23;

/** Reads a CSV file record by record; returns its size and SHA-256. */
export function readCsvFile(path: string, sink: CsvSink, chunkSize = CHUNK): CsvFileInfo {
  const fd = openSync(path, 'r');
  const hash = createHash('sha256');
  let total = 0;
  try {
    const parser = new CsvParser(sink);
    let buf = Buffer.allocUnsafe(chunkSize);
    let filled = 0;
    let first = true;
    for (;;) {
      if (filled === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
      const n = readSync(fd, buf, filled, buf.length - filled, null);
      if (n > 0) hash.update(buf.subarray(filled, filled + n));
      total += n;
      filled += n;
      const eof = n === 0;
      let start = 0;
      if (first && filled >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
      if (first && (filled >= 3 || eof)) first = false;
      else if (first) continue;
      const consumed = parser.parse(buf, start, filled, eof);
      if (eof) break;
      // Keep the unfinished record at the front and read more behind it.
      buf.copy(buf, 0, consumed, filled);
      filled -= consumed;
    }
  } finally {
    closeSync(fd);
  }
  return { bytes: total, sha256: hash.digest('hex') };
}

/** Reads CSV held in memory (a copy is parsed, since unescaping rewrites bytes). */
export function readCsvBytes(bytes: Uint8Array, sink: CsvSink): void {
  const buf = Buffer.from(bytes);
  let start = 0;
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
  new CsvParser(sink).parse(buf, start, buf.length, true);
}

class CsvParser {
  private line = 1;
  private readonly record: CsvRecord;
  /** Fields holding a doubled quote, to unescape once the record is complete. */
  private escaped = new Uint8Array(64);

  constructor(private readonly sink: CsvSink) {
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
    while (pos < limit) {
      const lf = buf.indexOf(LF, pos);
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
    starts[0] = start;
    for (let p = start; p < end; p++) {
      if (buf[p] !== COMMA) continue;
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
    const n = rec.starts.length * 2;
    const s = new Int32Array(n), e = new Int32Array(n), x = new Uint8Array(n);
    s.set(rec.starts);
    e.set(rec.ends);
    x.set(this.escaped);
    rec.starts = s;
    rec.ends = e;
    this.escaped = x;
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
          if (b === LF) newlines++;
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
        if (pos < limit && buf[pos] !== COMMA && buf[pos] !== LF && buf[pos] !== CR) {
          fault ??= 'text_after_quote';
          while (pos < limit && buf[pos] !== COMMA && buf[pos] !== LF && buf[pos] !== CR) pos++;
        }
      } else {
        starts[count] = pos;
        while (pos < limit && ENDS_FIELD[buf[pos]] === 0) pos++;
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
      if (b === COMMA) {
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
