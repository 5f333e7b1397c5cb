/**
 * The two ways events find their person. Read in order after the people,
 * events look each person_id up among them. Read in parallel with the people
 * (a part of a large events file in a worker thread), they cannot yet: each
 * run of rows naming one person_id gets a number, and the runs are looked up
 * once the people are known.
 */
import type { PeopleIndex } from './events-reader.js';
import { grown } from './growable.js';
import { PersonTable, type PersonTableParts } from './person-table.js';

/** The people's person_ids as sent to another thread: a person table (person-table.ts) in shared memory. */
export type PeopleIndexParts = PersonTableParts;

/** The people, rebuilt from {@link PeopleIndexParts} (the same answers as PeopleReader.personOf). */
export class PersonRows extends PersonTable implements PeopleIndex {}

/** A length of this or more is kept in PersonRuns' list of long ids. */
const LONG = 255;

/**
 * Stands in for the people while they are still being read: every person_id
 * asked about (the reader asks once per run of rows naming the same one) is a
 * person of its own, numbered in order, and its bytes are kept for {@link resolveInto}.
 * A run costs its id's bytes and one byte of length (an unsorted file of 100M
 * events has nearly as many runs: 300 MB less than a 4-byte end each).
 */
export class PersonRuns implements PeopleIndex {
  private pool = new Uint8Array(1 << 16);
  private used = 0;
  private lengths = new Uint8Array(1 << 12);
  /** Lengths of LONG bytes or more, in run order. */
  private readonly long: number[] = [];
  private count = 0;

  personOf(buf: Uint8Array, start: number, end: number): number {
    const length = end - start;
    const from = this.used;
    const to = from + length;
    if (to > this.pool.length) this.pool = grown(this.pool, Math.max(this.pool.length * 2, to));
    // A loop, not set(subarray): a view object per row costs more than copying ten bytes.
    const pool = this.pool;
    for (let i = start; i < end; i++) pool[from + i - start] = buf[i];
    this.used = to;
    if (this.count === this.lengths.length) this.lengths = grown(this.lengths);
    if (length >= LONG) {
      this.lengths[this.count] = LONG;
      this.long.push(length);
    } else this.lengths[this.count] = length;
    return this.count++;
  }

  /**
   * Replaces each row's run (`person`, the kept rows' runs, which rise as the runs were
   * numbered in reading order) by the people's answer for it, in one pass over the runs
   * that looks each up once and holds no table of answers (at 100M unsorted events, 400 MB
   * less at the load's peak). False as soon as a run, a kept row's or not, names no kept
   * person: the rows are then to be read again with the people, as `person` is left part done.
   */
  resolveInto(people: PeopleIndex, person: Int32Array): boolean {
    let from = 0;
    let nextLong = 0;
    let i = 0;
    for (let r = 0; r < this.count; r++) {
      const length = this.lengths[r] === LONG ? this.long[nextLong++] : this.lengths[r];
      const row = people.personOf(this.pool, from, from + length);
      if (row < 0) return false;
      from += length;
      while (i < person.length && person[i] === r) person[i++] = row;
    }
    // Every row met its run (they rise); were one not, reading again would still give the right rows.
    return i === person.length;
  }
}
