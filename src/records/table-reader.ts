/**
 * What reading people and events have in common: matching the header to the
 * record format, refusing identifying columns, keeping extra columns, the
 * privacy check of values, and collecting a row's problems so that a row in
 * error is set aside whole, with its raw fields (masked where refused).
 */
import { NO_PROGRESS, type Progress } from './progress.js';
import type { Problem, TableName } from '../study/study.js';
import { BAD_DATE, StringInterner, type WordMatcher, parseDateBytes, parseNumberBytes, trimEnd, trimStart } from './bytes.js';
import type { CsvRecord } from './csv-reader.js';
import { identifierShape, isRefusedColumn, mayBeIdentifierBytes, maskValue } from './privacy.js';
import type { ErrorKind, ProblemLog, WarningKind } from './problems.js';
import { article, nearColumn, normaliseColumnName } from './headers.js';
import { dateParser, type DateFormat, type DateParser } from './date-formats.js';

export interface ReaderSettings {
  table: TableName;
  /** The file as named in problems (a path, or `<people rows>` for rows in memory). */
  file: string;
  log: ProblemLog;
  /** Lower-case column names the privacy guard lets through. */
  allow: ReadonlySet<string>;
  /** How dates are written (default YYYY-MM-DD); a time part 00:00:00 is dropped whatever the format. */
  dateFormat?: DateFormat;
}

/** A row set aside: where it was, why, and its fields as written (refused values masked). */
export interface QuarantinedRow {
  table: TableName;
  file: string;
  line: number;
  problems: Problem[];
  fields: string[];
}

interface ExtraColumn {
  name: string;
  field: number;
  values: (string | null)[];
}

export { normaliseColumnName } from './headers.js';

/** True when every field of a record is blank (spaces at most). */
function onlyDelimiters(rec: CsvRecord): boolean {
  for (let i = 0; i < rec.count; i++) if (trimStart(rec.buf, rec.starts[i], rec.ends[i]) !== rec.ends[i]) return false;
  return true;
}

export abstract class TableReader {
  readonly table: TableName;
  readonly file: string;
  protected readonly log: ProblemLog;
  private readonly allow: ReadonlySet<string>;

  names: string[] = [];
  /** Field index of each column of the record format; −1 when the file lacks it. */
  protected fieldOf = new Map<string, number>();
  /** 1 when the privacy value check applies to field i (its column is not allowed). */
  protected checkValue = new Uint8Array(0);
  /** 1 when field i is a refused column: never read, masked when a row is written out. */
  protected refused = new Uint8Array(0);
  readonly extras: ExtraColumn[] = [];
  /** A problem that makes the whole file unusable (no header, a required column missing). */
  fatal = false;
  /** Count rows without checking them (another table's fatal problem makes checking pointless). */
  skipRows = false;
  sawHeader = false;
  rowsRead = 0;
  /** Told the rows read every 16,384 rows (progress.ts). */
  progress: Progress = NO_PROGRESS;
  readonly quarantined: QuarantinedRow[] = [];

  protected rec!: CsvRecord;
  protected rowProblems: Problem[] = [];
  private privacyStamp = new Int32Array(0);
  private rowStamp = 0;

  constructor(
    settings: ReaderSettings,
    private readonly known: readonly string[],
    private readonly required: readonly string[],
    /** Names of columns the loader makes itself (an input column of that name would be lost). */
    private readonly reserved: readonly string[] = [],
    /** Distinct values remembered per column (see {@link textCode}, which needs every one remembered). */
    private readonly internLimit = 1 << 16,
  ) {
    this.table = settings.table;
    this.file = settings.file;
    this.log = settings.log;
    this.allow = settings.allow;
    this.dateFormat = settings.dateFormat ?? 'YYYY-MM-DD';
    this.parseDate = dateParser(this.dateFormat);
  }

  private readonly dateFormat: DateFormat;
  /** The format's parser, which also drops a time part (the strict YYYY-MM-DD parser is tried first, inline). */
  private readonly parseDate: DateParser;

  /** Feeds one CSV record: the first is the header. */
  readonly accept = (rec: CsvRecord): void => {
    if (!this.sawHeader) {
      this.sawHeader = true;
      this.header(rec);
      return;
    }
    // A row of only delimiters (`,,,,` below a spreadsheet's data) is skipped as a blank line is, and counted.
    if (rec.starts[0] === rec.ends[0] && rec.fault === null && onlyDelimiters(rec)) {
      this.emptyRow(rec.line);
      return;
    }
    if ((++this.rowsRead & 0x3fff) === 0) this.progress.rows(this.rowsRead);
    if (this.fatal || this.skipRows) return;
    this.rec = rec;
    this.rowStamp++;
    if (this.rowProblems.length > 0) this.rowProblems.length = 0;
    if (rec.fault !== null || rec.count !== this.names.length) {
      this.malformed(rec);
      this.setAside();
      return;
    }
    this.row();
    if (this.rowProblems.length > 0) this.setAside();
  };

  /** Rows of only delimiters skipped, told in one warning (its text updated as more are found). */
  emptyRows = 0;
  private emptyRowsWarning: Problem | null = null;

  private emptyRow(line: number): void {
    this.emptyRows++;
    const text = (n: number) =>
      `a row with a value (${n === 1 ? 'this row holds' : `${n.toLocaleString('en-GB')} rows, first this one, hold`} only delimiters, as a spreadsheet writes below its data; skipped like blank lines, not counted as rows read)`;
    if (this.emptyRowsWarning === null) {
      this.emptyRowsWarning = this.problem('warning', 'empty_rows', null, null, text(1), line);
      this.log.add(this.emptyRowsWarning);
    } else this.emptyRowsWarning.expected = text(this.emptyRows);
  }

  protected header(rec: CsvRecord): void {
    const names: string[] = [];
    for (let i = 0; i < rec.count; i++) names.push(normaliseColumnName(rec.buf.toString('utf8', rec.starts[i], rec.ends[i])));
    this.names = names;
    this.checkValue = new Uint8Array(names.length);
    this.refused = new Uint8Array(names.length);
    this.privacyStamp = new Int32Array(names.length);
    this.interners = names.map(() => new StringInterner(this.internLimit));
    if (rec.fault !== null) {
      this.log.error('malformed_csv', this.table, this.file, rec.line, null, null, 'a header row with properly quoted column names');
      this.fatal = true;
    }
    const seen = new Set<string>();
    names.forEach((name, i) => {
      if (seen.has(name) && name !== '') {
        this.log.error(
          'duplicate_column',
          this.table,
          this.file,
          rec.line,
          name,
          null,
          'each column once (names are matched ignoring case and surrounding spaces)',
        );
        this.fatal = true;
      }
      seen.add(name);
      const allowed = this.allow.has(name);
      this.checkValue[i] = allowed ? 0 : 1;
      if (!allowed && isRefusedColumn(name)) {
        this.refused[i] = 1;
        this.log.error(
          'privacy_column',
          this.table,
          this.file,
          rec.line,
          name,
          null,
          'no column that identifies a person: remove it, or name it in allowColumns if it does not identify anyone',
        );
        return;
      }
      if (this.reserved.includes(name)) {
        this.log.error(
          'duplicate_column',
          this.table,
          this.file,
          rec.line,
          name,
          null,
          `no column named ${name}: the loader makes that column itself; rename it`,
        );
        this.fatal = true;
        return;
      }
      if (this.known.includes(name)) this.fieldOf.set(name, i);
      else if (name !== '') this.extras.push({ name, field: i, values: [] });
    });
    this.checkColumnNames(rec.line);
  }

  /**
   * Columns the file must have although their cells may be blank, with why
   * (a people file without release_date would give an empty follow-up cohort).
   */
  protected readonly neededColumns: readonly (readonly [string, string])[] = [];

  /**
   * A required column missing is an error, naming the extra column that looks
   * like it; an extra column that looks like a missing known one is a warning
   * naming both (it is kept as an extra column, not read as the known one).
   */
  private checkColumnNames(line: number): void {
    const missing = this.known.filter((k) => !this.fieldOf.has(k));
    const like = new Map<string, string>();
    for (const extra of this.extras) {
      const near = nearColumn(extra.name, missing);
      if (near !== null && !like.has(near)) like.set(near, extra.name);
    }
    const hint = (name: string) => (like.has(name) ? `; the file has a column '${like.get(name)}', which looks like it: rename it ${name}` : '');
    for (const name of this.required) {
      if (!this.fieldOf.has(name)) {
        this.log.error('missing_column', this.table, this.file, line, name, null, `${article(name)} ${name} column (required)${hint(name)}`);
        this.fatal = true;
      }
    }
    for (const [name, why] of this.neededColumns) {
      if (!this.fieldOf.has(name)) {
        this.log.error('missing_column', this.table, this.file, line, name, null, `${article(name)} ${name} column (${why})${hint(name)}`);
        this.fatal = true;
      }
    }
    const reported = new Set([...this.required, ...this.neededColumns.map(([n]) => n)]);
    for (const [known, extra] of like) {
      if (reported.has(known)) continue;
      this.log.add(
        this.problem(
          'warning',
          'similar_column',
          extra,
          null,
          `${known} (the file has no ${known} column, and '${extra}' looks like it: rename it ${known} if it is; it is kept as an extra column)`,
          line,
        ),
      );
    }
  }

  /** Types and checks the current row (field count already right), adding problems with {@link fail}. */
  protected abstract row(): void;

  /** Called for a row set aside, after its problems are logged. */
  protected onSetAside(): void {}

  /** A row's place for a message: "line 7", or "line 1, element 37" for a JSON row (see elementLine). */
  where(line: number): string {
    return this.log.where(this.file, line);
  }

  field(name: string): number {
    return this.fieldOf.get(name) ?? -1;
  }

  /** The field as written (untrimmed). */
  protected raw(field: number): string {
    return this.rec.buf.toString('utf8', this.rec.starts[field], this.rec.ends[field]);
  }

  /** One interner per field, so that a column's repeated values are decoded and checked once. */
  private interners: StringInterner[] = [];

  /**
   * A text field as a code: the index of its trimmed value among the field's
   * distinct values ({@link valuesOf}), −1 when blank or absent; with the
   * privacy value check, whose verdict is remembered per distinct value.
   * Needs an unlimited intern limit.
   */
  protected textCode(field: number): number {
    return this.trim(field) ? this.intern(field) : -1;
  }

  /**
   * The field just trimmed among the field's distinct values (−1 when it is
   * new and the interner is full), privacy-checked: once per distinct value,
   * and again (to report it) on every row of a value that failed.
   */
  private intern(field: number): number {
    const interner = this.interners[field];
    const i = interner.index(this.rec.buf, this.s, this.e);
    if (i < 0) this.valueOk(field);
    else if (interner.state[i] === 0) interner.state[i] = this.valueOk(field) ? 1 : 2;
    else if (interner.state[i] === 2) this.valueOk(field);
    return i;
  }

  /** The distinct values of a field, indexed by {@link textCode}. */
  valuesOf(field: number): readonly string[] {
    return field < 0 ? [] : this.interners[field].strings;
  }

  /**
   * A text field, trimmed (null when blank or absent), with the privacy value
   * check, whose verdict is remembered per distinct value.
   */
  protected text(field: number): string | null {
    if (!this.trim(field)) return null;
    const i = this.intern(field);
    return i >= 0 ? this.interners[field].strings[i] : this.rec.buf.toString('utf8', this.s, this.e);
  }

  protected problem(
    severity: 'error' | 'warning',
    kind: ErrorKind | WarningKind,
    column: string | null,
    value: string | null,
    expected: string,
    line = this.rec.line,
  ): Problem {
    return { severity, kind, table: this.table, file: this.file, line, column, value, expected };
  }

  /** Adds an error for this row. */
  protected addError(kind: ErrorKind, column: string | null, value: string | null, expected: string): void {
    const p = this.problem('error', kind, column, value, expected);
    this.rowProblems.push(p);
    this.log.add(p);
  }

  /**
   * Reports a field that failed its check; when the value is shaped like an
   * identifier the privacy error is reported instead, so the value is never repeated.
   */
  protected fail(kind: ErrorKind, column: string, field: number, expected: string): void {
    if (field >= 0 && !this.privacyOk(field)) return;
    this.addError(kind, column, field >= 0 ? this.raw(field) : null, expected);
  }

  /**
   * The privacy value check of one field: true when fine; otherwise logs a
   * privacy_value error (once per field and row) with the value masked.
   */
  protected privacyOk(field: number): boolean {
    if (this.checkValue[field] === 0) return true;
    if (this.privacyStamp[field] === this.rowStamp) return false;
    const rec = this.rec;
    if (!mayBeIdentifierBytes(rec.buf, rec.starts[field], rec.ends[field])) return true;
    const value = this.raw(field);
    const shape = identifierShape(value);
    if (shape === null) return true;
    this.privacyStamp[field] = this.rowStamp;
    this.addError('privacy_value', this.names[field], maskValue(value), `no value shaped like ${shape} (records must be anonymised)`);
    return false;
  }

  /** The privacy check and the character check of a text field (both reported). */
  private valueOk(field: number): boolean {
    const privacy = this.privacyOk(field);
    return this.charactersOk(field) && privacy;
  }

  /**
   * Refuses text holding characters that no value needs and that do harm
   * downstream: NUL and other control characters (tab and line ends inside a
   * quoted field excepted), bidi embeddings, overrides and isolates (which
   * reorder a page's title or a chart's labels), and U+2028/U+2029 (line
   * separators that end a script's string).
   */
  protected charactersOk(field: number): boolean {
    const { buf, starts, ends } = this.rec;
    const end = ends[field];
    for (let i = starts[field]; i < end; i++) {
      const b = buf[i];
      let bad = (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f;
      // C1 controls: C2 80–9F.
      if (b === 0xc2 && i + 1 < end && buf[i + 1] >= 0x80 && buf[i + 1] <= 0x9f) bad = true;
      if (b === 0xe2 && i + 2 < end) {
        const b1 = buf[i + 1],
          b2 = buf[i + 2];
        // U+2028–U+202E (E2 80 A8–AE) and U+2066–U+2069 (E2 81 A6–A9).
        if ((b1 === 0x80 && b2 >= 0xa8 && b2 <= 0xae) || (b1 === 0x81 && b2 >= 0xa6 && b2 <= 0xa9)) bad = true;
      }
      if (bad) {
        this.addError(
          'wrong_type',
          this.names[field],
          this.raw(field),
          'text without control characters (NUL, C0/C1 controls), bidi overrides or isolates (U+202A–U+202E, U+2066–U+2069) or line separators (U+2028, U+2029)',
        );
        return false;
      }
    }
    return true;
  }

  /** Trimmed byte range [s, e) of the field last passed to {@link trim}: read it at once, the next trim overwrites it. */
  protected s = 0;
  protected e = 0;

  /** Trims a field into [this.s, this.e); false when it is blank or absent. */
  protected trim(field: number): boolean {
    if (field < 0) {
      this.s = this.e = 0;
      return false;
    }
    const buf = this.rec.buf;
    const start = this.rec.starts[field];
    const end = this.rec.ends[field];
    // Most cells have no surrounding blanks: two comparisons tell (space and tab are below 0x21).
    if (start < end && buf[start] > 0x20 && buf[end - 1] > 0x20) {
      this.s = start;
      this.e = end;
      return true;
    }
    const s = trimStart(buf, start, end);
    this.s = s;
    this.e = trimEnd(buf, s, end);
    return s !== this.e;
  }

  /** A date column: its day number, NaN when blank, absent or invalid (an invalid date is reported). */
  protected readDate(column: string, field: number): number {
    if (!this.trim(field)) return NaN;
    let day = this.dateFormat === 'YYYY-MM-DD' ? parseDateBytes(this.rec.buf, this.s, this.e) : BAD_DATE;
    if (day === BAD_DATE) day = this.parseDate(this.rec.buf, this.s, this.e);
    if (day === BAD_DATE) {
      this.fail('invalid_date', column, field, `a date that exists, written ${this.dateFormat}`);
      return NaN;
    }
    return day;
  }

  /**
   * A numeric column: NaN when blank or absent; a value that is not a number,
   * not whole when it must be, or outside [min, max] is reported.
   */
  protected readNumber(column: string, field: number, whole: boolean, min: number, max: number, expected: string): number {
    if (!this.trim(field)) return NaN;
    const x = parseNumberBytes(this.rec.buf, this.s, this.e);
    // 1e999 parses as Infinity: not a number of the format.
    if (!Number.isFinite(x) || (whole && !Number.isInteger(x))) {
      this.fail('wrong_type', column, field, expected);
      return NaN;
    }
    if (x < min || x > max) {
      this.fail('out_of_range', column, field, expected);
      return NaN;
    }
    return x;
  }

  /** An enum column matched ignoring case: its index, −1 when blank or absent, −2 when not in the vocabulary (reported). */
  protected readWord(column: string, field: number, words: WordMatcher, expected: string): number {
    if (!this.trim(field)) return -1;
    const w = words.match(this.rec.buf, this.s, this.e);
    if (w < 0) {
      this.fail('wrong_type', column, field, expected);
      return -2;
    }
    return w;
  }

  /** The current row's extra values, reused from row to row (no allocation per row). */
  private readonly extraValues: (string | null)[] = [];

  /** Reads the extra columns of the current row (privacy-checked); {@link keepExtras} keeps them if the row is used. */
  protected readExtras(): void {
    for (let i = 0; i < this.extras.length; i++) this.extraValues[i] = this.text(this.extras[i].field);
  }

  /** Appends the current row's extra values to the extra columns (the row is used). */
  protected keepExtras(): void {
    for (let i = 0; i < this.extras.length; i++) this.extras[i].values.push(this.extraValues[i]);
  }

  private malformed(rec: CsvRecord): void {
    if (rec.fault === 'unclosed_quote') {
      this.addError('malformed_csv', null, null, 'a closing quote: a quoted field runs to the end of the file');
    } else if (rec.fault === 'text_after_quote') {
      this.addError('malformed_csv', null, null, 'a comma or line end right after a closing quote (write a quote inside a quoted field as "")');
    } else {
      this.addError(
        'malformed_csv',
        null,
        null,
        `${this.names.length} fields as in the header, found ${rec.count} (${rec.count < this.names.length ? 'too few' : 'too many'})`,
      );
    }
  }

  private setAside(): void {
    const rec = this.rec;
    const fields: string[] = [];
    for (let i = 0; i < rec.count; i++) {
      const refused = i < this.refused.length && this.refused[i] === 1;
      const value = rec.buf.toString('utf8', rec.starts[i], rec.ends[i]);
      const check = (i >= this.checkValue.length || this.checkValue[i] === 1) && mayBeIdentifierBytes(rec.buf, rec.starts[i], rec.ends[i]);
      fields.push(refused || (check && identifierShape(value) !== null) ? maskValue(value) : value);
    }
    this.quarantined.push({ table: this.table, file: this.file, line: rec.line, problems: this.rowProblems.slice(), fields });
    this.onSetAside();
  }
}
