/**
 * The two ways events find their person. Read in order after the people,
 * events look each person_id up among them. Read in parallel with the people
 * (a part of a large events file in a worker thread), they cannot yet: each
 * run of rows naming one person_id gets a number, and the runs are looked up
 * once the people are known.
 */
import { ByteKeyMap, type ByteKeyMapParts } from './bytes.js';
import type { PeopleIndex } from './events-reader.js';
import { grown } from './growable.js';

/** The people's person_ids as sent to another thread. */
export interface PeopleIndexParts {
  ids: ByteKeyMapParts;
  /** Row among the kept people of each person_id entry; −1 when all its rows were set aside. */
  keptRow: Int32Array;
}

/** The people, rebuilt from {@link PeopleIndexParts} (the same answers as PeopleReader.personOf). */
export class PersonRows implements PeopleIndex {
  private readonly ids: ByteKeyMap;
  private readonly keptRow: Int32Array;

  constructor(parts: PeopleIndexParts) {
    this.ids = ByteKeyMap.fromParts(parts.ids);
    this.keptRow = parts.keptRow;
  }

  personOf(buf: Uint8Array, start: number, end: number): number {
    const entry = this.ids.getInOrder(buf, start, end);
    if (entry < 0) return -1;
    const row = this.keptRow[entry];
    return row >= 0 ? row : -2;
  }
}

/**
 * Stands in for the people while they are still being read: every person_id
 * asked about (the reader asks once per run of rows naming the same one) is a
 * person of its own, numbered in order, and its bytes are kept for {@link resolve}.
 */
export class PersonRuns implements PeopleIndex {
  private pool = new Uint8Array(1 << 16);
  private ends = new Int32Array(1 << 12);
  private count = 0;

  personOf(buf: Uint8Array, start: number, end: number): number {
    const from = this.count === 0 ? 0 : this.ends[this.count - 1];
    const to = from + end - start;
    if (to > this.pool.length) this.pool = grown(this.pool, Math.max(this.pool.length * 2, to));
    this.pool.set(buf.subarray(start, end), from);
    if (this.count === this.ends.length) this.ends = grown(this.ends);
    this.ends[this.count] = to;
    return this.count++;
  }

  /** The people's answer for each run: a row among the kept people, −2 (person set aside) or −1 (unknown). */
  resolve(people: PeopleIndex): Int32Array {
    const rows = new Int32Array(this.count);
    let from = 0;
    for (let r = 0; r < this.count; r++) {
      rows[r] = people.personOf(this.pool, from, this.ends[r]);
      from = this.ends[r];
    }
    return rows;
  }
}
