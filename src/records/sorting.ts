/**
 * Event order (records.md, "events": rows in any order; the study holds each
 * person's events by date, then type code, then file order): the rows moved,
 * not indexed. One stable counting sort by person scatters every column into
 * its place, so that each later pass (duplicates, warnings, the study's
 * columns) reads memory in order; then each person's few rows are put in
 * order in place. Rows of one person on one day of one type are ordered by
 * their other columns (conviction_date, offence, recall_reasons; blank dates
 * last), file order breaking only ties between rows that agree in all of them:
 * the study is then the same whatever the order of the file (records.md puts
 * none on it).
 */
import type { EventColumns } from './events-reader.js';

/** An extra events column's values, moved with the rows. */
interface ExtraValues {
  values: (string | null)[];
}

/**
 * Where each person's rows start, for rows already in event order (by person
 * row, date, type), as files written sorted come. Null when they are not.
 */
function startsIfInOrder(people: number, c: EventColumns): Int32Array | null {
  const { person, count } = c;
  const personStart = new Int32Array(people + 1);
  let p = -1;
  for (let i = 0; i < count; i++) {
    const q = person[i];
    if (q !== p) {
      if (q < p) return null;
      // People p + 1 … q (those between without events too) start here.
      while (p < q) personStart[++p] = i;
    } else if (compareRows(c, i - 1, i) > 0) return null;
  }
  while (p < people) personStart[++p] = count;
  return personStart;
}

/** a − b with a blank (NaN) after every date. */
function compareDates(a: number, b: number): number {
  if (a === b) return 0;
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  return a - b;
}

/** Event order of rows a and b of one person, file order aside: negative, 0 or positive. */
function compareRows(c: EventColumns, a: number, b: number): number {
  return (
    compareDates(c.date[a], c.date[b]) ||
    c.type[a] - c.type[b] ||
    compareDates(c.conviction_date[a], c.conviction_date[b]) ||
    c.offence[a] - c.offence[b] ||
    c.recall_reasons[a] - c.recall_reasons[b]
  );
}

/** Runs up to this long are put in order by insertion; longer ones (one person's thousands of events) by a comparison sort. */
const SHORT_RUN = 16;

/**
 * The events in event order, with `personStart[p]` the first row of person p
 * (person rows 0 … people − 1). Columns already in order are returned as they
 * are (`moved` false); otherwise new columns (and extras) hold the rows in order,
 * and `c` is emptied (count 0) as its columns are moved, so that its memory goes.
 */
export function eventsInOrder(
  people: number,
  c: EventColumns,
  extras: readonly ExtraValues[],
): { columns: EventColumns; extras: (string | null)[][]; personStart: Int32Array; moved: boolean } {
  const n = c.count;
  const inOrder = startsIfInOrder(people, c);
  if (inOrder !== null) return { columns: c, extras: extras.map((x) => x.values), personStart: inOrder, moved: false };

  const { personStart, to } = placesByPerson(c.person, n, people);

  // Each column is moved, then its rows in file order are let go, before the next: the rows
  // are held about once and a column over, not twice (at 100 million events, 2.6 GB less).
  const person = new Int32Array(n);
  for (let p = 0; p < people; p++) person.fill(p, personStart[p], personStart[p + 1]);
  c.person = new Int32Array(0);
  const type = scatter(c.type, to, n, new Uint8Array(n));
  c.type = new Uint8Array(0);
  const date = scatter(c.date, to, n, new Float64Array(n));
  c.date = new Float64Array(0);
  const convictionDate = scatter(c.conviction_date, to, n, new Float64Array(n));
  c.conviction_date = new Float64Array(0);
  const offence = scatter(c.offence, to, n, new Int32Array(n));
  c.offence = new Int32Array(0);
  const reasons = scatter(c.recall_reasons, to, n, new Uint8Array(n));
  c.recall_reasons = new Uint8Array(0);
  const line = scatter(c.line, to, n, new Int32Array(n));
  c.line = new Int32Array(0);
  c.count = 0;
  const out: EventColumns = { count: n, person, type, date, conviction_date: convictionDate, offence, recall_reasons: reasons, line };
  const outExtras = extras.map((x) => {
    const values: (string | null)[] = new Array(n);
    for (let i = 0; i < n; i++) values[to[i]] = x.values[i];
    return values;
  });
  sortWithinPeople(people, personStart, out, outExtras);
  return { columns: out, extras: outExtras, personStart, moved: true };
}

/** Where each person's rows start, and the place of each row (found once and used for every column): a stable counting sort. */
function placesByPerson(person: Int32Array, n: number, people: number): { personStart: Int32Array; to: Int32Array } {
  const personStart = new Int32Array(people + 1);
  for (let i = 0; i < n; i++) personStart[person[i] + 1]++;
  for (let p = 0; p < people; p++) personStart[p + 1] += personStart[p];
  const next = personStart.slice(0, people);
  const to = new Int32Array(n);
  for (let i = 0; i < n; i++) to[i] = next[person[i]]++;
  return { personStart, to };
}

function scatter<T extends Int32Array | Uint8Array | Float64Array>(a: T, to: Int32Array, n: number, out: T): T {
  for (let i = 0; i < n; i++) out[to[i]] = a[i];
  return out;
}

/**
 * Each person's rows by (date, type); after the stable scatter they are in
 * file order, so the position breaks ties. A person whose rows are in order
 * already (most) is only checked.
 */
function sortWithinPeople(people: number, personStart: Int32Array, c: EventColumns, extras: (string | null)[][]): void {
  let perm = new Int32Array(SHORT_RUN * 4);
  // Scratch room for one person's values of a column (no allocation per person).
  let f64 = new Float64Array(SHORT_RUN * 4);
  let i32 = new Int32Array(SHORT_RUN * 4);
  let u8 = new Uint8Array(SHORT_RUN * 4);
  const date = c.date;
  // Row a goes after row b: rows of different dates are ordered by the dates alone, the full comparison only for ties (or a date that is not a number).
  const before = (a: number, b: number) => {
    const da = date[a],
      db = date[b];
    return da < db ? false : da > db ? true : compareRows(c, a, b) > 0;
  };
  for (let p = 0; p < people; p++) {
    const from = personStart[p],
      end = personStart[p + 1];
    let sorted = true;
    for (let k = from + 1; k < end && sorted; k++) sorted = !before(k - 1, k);
    if (sorted) continue;
    const m = end - from;
    if (m > perm.length) perm = new Int32Array(m * 2);
    // The first m places of perm, without a view of them for each person (a million short-lived objects at 1M people).
    const order = perm;
    for (let k = 0; k < m; k++) order[k] = from + k;
    if (m > SHORT_RUN) {
      order.subarray(0, m).sort((a, b) => compareRows(c, a, b) || a - b);
    } else {
      for (let k = 1; k < m; k++) {
        const i = order[k];
        let j = k - 1;
        while (j >= 0 && before(order[j], i)) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = i;
      }
    }
    if (m > f64.length) {
      f64 = new Float64Array(m * 2);
      i32 = new Int32Array(m * 2);
      u8 = new Uint8Array(m * 2);
    }
    // c.person is the same on all of a person's rows: nothing to move.
    permute(c.type, order, m, from, u8);
    permute(date, order, m, from, f64);
    permute(c.conviction_date, order, m, from, f64);
    permute(c.offence, order, m, from, i32);
    permute(c.recall_reasons, order, m, from, u8);
    permute(c.line, order, m, from, i32);
    for (const x of extras) {
      const taken = Array.from(order.subarray(0, m), (i) => x[i]);
      for (let k = 0; k < m; k++) x[from + k] = taken[k];
    }
  }
}

/** a[from + k] = (old) a[order[k]] for k < m, the rows of one person. */
function permute<T extends Int32Array | Uint8Array | Float64Array>(a: T, order: Int32Array, m: number, from: number, scratch: T): void {
  for (let k = 0; k < m; k++) scratch[k] = a[order[k]];
  for (let k = 0; k < m; k++) a[from + k] = scratch[k];
}
