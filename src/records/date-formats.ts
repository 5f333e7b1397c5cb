/**
 * Date formats of the `dateFormat` setting (study-file.md: `YYYY-MM-DD`
 * (default), `DD/MM/YYYY`, `D/M/YYYY`; a time part `00:00:00` is dropped), and
 * the diagnosis of a column written in another format than the one set: one
 * error that names the format and the setting, instead of one per row.
 */
import { daysInMonth, type Day } from '../time/days.js';
import { BAD_DATE, daysFromCivil, parseDateBytes } from './bytes.js';
import type { Problem } from '../study/study.js';
import { folded, foldedAway, wasFoldedAway } from './problems.js';
import type { QuarantinedRow } from './table-reader.js';
import { choicesWords, DATE_FORMATS, isChoice, type DateFormat } from '../study/options.js';

export type { DateFormat };

/** A byte-range date parser: day number, or BAD_DATE. */
export type DateParser = (buf: Uint8Array, start: number, end: number) => Day;

const SLASH = 0x2f;

/** Reads 1 to `max` digits at buf[at..]; returns [value, next position] or null. */
function digits(buf: Uint8Array, at: number, end: number, min: number, max: number): [number, number] | null {
  let v = 0;
  let p = at;
  while (p < end && p - at < max && buf[p] >= 0x30 && buf[p] <= 0x39) v = v * 10 + (buf[p++] - 0x30);
  return p - at >= min ? [v, p] : null;
}

function dayOf(year: number, month: number, day: number): Day {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return BAD_DATE;
  return daysFromCivil(year, month, day);
}

/** Day-first dates with slashes: `15/06/2020`; `oneDigit` also takes `5/6/2020`. */
function dayFirst(oneDigit: boolean): DateParser {
  const min = oneDigit ? 1 : 2;
  return (buf, start, end) => {
    const d = digits(buf, start, end, min, 2);
    if (d === null || buf[d[1]] !== SLASH) return BAD_DATE;
    const m = digits(buf, d[1] + 1, end, min, 2);
    if (m === null || buf[m[1]] !== SLASH) return BAD_DATE;
    const y = digits(buf, m[1] + 1, end, 4, 4);
    if (y === null || y[1] !== end) return BAD_DATE;
    return dayOf(y[0], m[0], d[0]);
  };
}

/** Month-first dates (`12/25/2020`): never read, only recognised, to say so. */
const monthFirst: DateParser = (buf, start, end) => {
  const m = digits(buf, start, end, 1, 2);
  if (m === null || buf[m[1]] !== SLASH) return BAD_DATE;
  const d = digits(buf, m[1] + 1, end, 1, 2);
  if (d === null || buf[d[1]] !== SLASH) return BAD_DATE;
  const y = digits(buf, d[1] + 1, end, 4, 4);
  if (y === null || y[1] !== end) return BAD_DATE;
  return dayOf(y[0], m[0], d[0]);
};

const PARSERS: Record<DateFormat, DateParser> = {
  'YYYY-MM-DD': parseDateBytes,
  'DD/MM/YYYY': dayFirst(false),
  'D/M/YYYY': dayFirst(true),
};

const MIDNIGHT = Buffer.from('00:00:00');

/**
 * Where the date part of a cell ends, when the cell ends in a time of
 * `00:00:00` (after a space or `T`, as spreadsheets and databases export a
 * date); −1 when it has no such time part.
 */
function beforeMidnight(buf: Uint8Array, start: number, end: number): number {
  const at = end - 9;
  if (at <= start || (buf[at] !== 0x20 && buf[at] !== 0x54)) return -1;
  for (let i = 0; i < 8; i++) if (buf[at + 1 + i] !== MIDNIGHT[i]) return -1;
  let e = at;
  while (e > start && buf[e - 1] === 0x20) e--;
  return e;
}

/**
 * The parser of a format, which also drops a time part of `00:00:00`. A
 * day-first format also takes YYYY-MM-DD, which no day-first date can be
 * mistaken for (typed date cells of a workbook or Parquet file come so).
 */
export function dateParser(format: DateFormat): DateParser {
  const own = PARSERS[format];
  const parse: DateParser =
    format === 'YYYY-MM-DD'
      ? own
      : (buf, start, end) => {
          const day = own(buf, start, end);
          return day !== BAD_DATE ? day : parseDateBytes(buf, start, end);
        };
  return (buf, start, end) => {
    const day = parse(buf, start, end);
    if (day !== BAD_DATE) return day;
    const e = beforeMidnight(buf, start, end);
    return e < 0 ? BAD_DATE : parse(buf, start, e);
  };
}

/** Checks a `dateFormat` setting; the error lists the formats. */
export function checkDateFormat(value: unknown, where: string): DateFormat {
  if (isChoice(DATE_FORMATS, value)) return value;
  throw new TypeError(`${where} is ${JSON.stringify(value)}; expected one of ${choicesWords(DATE_FORMATS)}`);
}

const CANDIDATES: [string, DateParser][] = [
  ['YYYY-MM-DD', dateParser('YYYY-MM-DD')],
  ['DD/MM/YYYY', dateParser('DD/MM/YYYY')],
  ['D/M/YYYY', dateParser('D/M/YYYY')],
];

/** The first format (strictest first) in which every value is a date that exists; null when none. */
export function formatOfAll(values: readonly string[], except: DateFormat): string | null {
  const bytes = values.map((v) => Buffer.from(v.trim()));
  for (const [name, parse] of CANDIDATES) {
    if (name === except) continue;
    if (bytes.every((b) => parse(b, 0, b.length) !== BAD_DATE)) return name;
  }
  if (bytes.every((b) => monthFirst(b, 0, b.length) !== BAD_DATE)) return 'M/D/YYYY';
  return null;
}

/**
 * Folds the invalid_date errors of a file into one when every value that
 * failed there is a date in another common format: the fix is a setting, not
 * each row. Returns the problems to keep, in their order (the folded error
 * stands where the column's first one stood).
 */
export function foldDateFormatErrors(problems: readonly Problem[], format: DateFormat): Problem[] {
  const groups = new Map<string, Problem[]>();
  for (const p of problems) {
    if (p.kind !== 'invalid_date' || p.value === null) continue;
    // One group per file: a file is exported in one date format, whatever the column.
    const key = `${p.table}\u0000${p.file}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(p);
  }
  const replaced = new Map<Problem, Problem | null>();
  for (const g of groups.values()) {
    const other = formatOfAll(
      g.map((p) => p.value!),
      format,
    );
    if (other === null) continue;
    const first = g[0];
    const n = g.length;
    const fix =
      other === 'M/D/YYYY'
        ? 'month-first dates are not read (15/06 and 06/15 cannot both be right): write them YYYY-MM-DD'
        : `set "dateFormat": "${other}" in the study file, or --date-format ${other}`;
    const all = n === 1 ? 'the one date' : `all ${n.toLocaleString('en-GB')} dates`;
    const columns = [...new Set(g.map((p) => p.column))];
    const where = columns.length === 1 ? 'in this column' : `in this file (columns ${columns.join(', ')})`;
    const one: Problem = folded({
      ...first,
      expected: `dates written ${format} (the dateFormat setting); ${all} that failed ${where} ${n === 1 ? 'is' : 'are'} written ${other}: ${fix}`,
    });
    replaced.set(first, one);
    foldedAway(g);
    for (const p of g.slice(1)) replaced.set(p, null);
  }
  if (replaced.size === 0) return problems.slice();
  const out: Problem[] = [];
  for (const p of problems) {
    const r = replaced.get(p);
    if (r === undefined) out.push(p);
    else if (r !== null) out.push(r);
  }
  return out;
}

/**
 * Folds the person_quarantined errors of events whose people were set aside
 * only for problems already folded (a date format, an unknown code): they
 * are knock-on, fixed with the people, and told in one error with their
 * count. Other person_quarantined errors stay listed one by one.
 */
export function foldKnockOnErrors(problems: readonly Problem[], peopleSetAside: readonly QuarantinedRow[], personIdField: number): Problem[] {
  if (personIdField < 0) return problems.slice();
  const ids = new Set<string>();
  for (const row of peopleSetAside) {
    if (row.problems.length > 0 && row.problems.every(wasFoldedAway)) ids.add(row.fields[personIdField]?.trim() ?? '');
  }
  const knock = problems.filter((p) => p.kind === 'person_quarantined' && p.table === 'events' && p.value !== null && ids.has(p.value.trim()));
  if (knock.length < 2) return problems.slice();
  const first = knock[0];
  const one = folded({
    ...first,
    value: null,
    expected: `people whose rows are usable: ${knock.length.toLocaleString('en-GB')} events, first on this line, belong to people set aside for the problems above, and are set aside with them (fixing those fixes these)`,
  });
  const drop = new Set(knock);
  return problems.flatMap((p) => (p === first ? [one] : drop.has(p) ? [] : [p]));
}
