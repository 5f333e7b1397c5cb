/**
 * person_id → person, for events in any order (records.md, "events": "rows in
 * any order"; every person_id must appear in people). Built once the people
 * are read, and shared read-only with the threads that read events.
 *
 * Each slot is 32 bytes, aligned so it never straddles a 64-byte cache line,
 * and holds everything a probe needs: the key's hash, its length, the answer
 * (row among the kept people, or −2 for a person set aside) and, for a key of
 * up to 20 bytes (every real identifier), the key's bytes themselves. A hit on
 * an unsorted events file then costs one cache miss, where a probe of the
 * people's ByteKeyMap read five arrays (slots, key starts, pool, values, kept
 * rows), a miss each. Longer keys keep their entry and are compared in the pool.
 */
import type { ByteKeyMapParts } from './bytes.js';

/** Int32s per slot: hash, length + 1 (0 = empty), answer, then 5 words (20 bytes) of key. */
const SLOT = 8;
const INLINE = 20;
const KEY_BYTE = 12;

/** The arrays of a {@link PersonTable}, as sent to another thread (shareable as they are). */
export interface PersonTableParts {
  slots: Int32Array;
  /** The people's id pool and key starts, for keys longer than 20 bytes. */
  pool: Uint8Array;
  keyStart: Int32Array;
}

function hashBytes(buf: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * The table for the people's ids: entry k (ids.values[k] is its entry number)
 * answers keptRow[entry] when ≥ 0, −2 when all of the person's rows were set aside.
 * Made in shared memory when `shared`, so that worker threads read it without a copy.
 */
export function buildPersonTable(ids: ByteKeyMapParts, keptRow: Int32Array, shared = false): PersonTableParts {
  let n = 16;
  while (n * 3 < ids.count * 4) n *= 2;
  const bytes = n * SLOT * 4;
  const slots = new Int32Array(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  const slotBytes = new Uint8Array(slots.buffer);
  const mask = n - 1;
  const { pool, keyStart, values } = ids;
  let anyLong = false;
  for (let k = 0; k < ids.count; k++) {
    const s = keyStart[k],
      e = keyStart[k + 1];
    const h = hashBytes(pool, s, e);
    let i = h & mask;
    while (slots[i * SLOT + 1] !== 0) i = (i + 1) & mask;
    const at = i * SLOT;
    const row = keptRow[values[k]];
    slots[at] = h;
    slots[at + 1] = e - s + 1;
    slots[at + 2] = row >= 0 ? row : -2;
    if (e - s <= INLINE) {
      // A byte loop, not slotBytes.set(pool.subarray(...)): a subarray per key is a million
      // short-lived objects at 1M people, and set() on ten bytes costs more than the copy.
      const to = at * 4 + KEY_BYTE - s;
      for (let j = s; j < e; j++) slotBytes[to + j] = pool[j];
    } else {
      slots[at + 3] = k;
      anyLong = true;
    }
  }
  const copy = <T extends Uint8Array | Int32Array>(a: T): T => {
    if (!shared) return a;
    const b = new (a.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(a.byteLength));
    b.set(a);
    return b;
  };
  // The pool is read only for keys longer than INLINE: without one it is not copied (at 10M people, 140 MB).
  if (!anyLong) return { slots, pool: new Uint8Array(0), keyStart: new Int32Array(0) };
  return { slots, pool: copy(pool), keyStart: copy(keyStart) };
}

/** Lookups in a table made by {@link buildPersonTable} (the same answers as PeopleReader.personOf). */
export class PersonTable {
  private readonly slots: Int32Array;
  private readonly slotBytes: Uint8Array;
  private readonly mask: number;
  private readonly pool: Uint8Array;
  private readonly keyStart: Int32Array;

  constructor(parts: PersonTableParts) {
    this.slots = parts.slots;
    this.slotBytes = new Uint8Array(parts.slots.buffer, parts.slots.byteOffset, parts.slots.byteLength);
    this.mask = parts.slots.length / SLOT - 1;
    this.pool = parts.pool;
    this.keyStart = parts.keyStart;
  }

  /** Row among the kept people, −2 for a person whose rows were all set aside, −1 for an unknown person_id. */
  personOf(buf: Uint8Array, start: number, end: number): number {
    const length = end - start;
    const h = hashBytes(buf, start, end);
    const slots = this.slots;
    let i = h & this.mask;
    for (;;) {
      const at = i * SLOT;
      const stored = slots[at + 1];
      if (stored === 0) return -1;
      if (slots[at] === h && stored === length + 1 && this.same(at, buf, start, length)) return slots[at + 2];
      i = (i + 1) & this.mask;
    }
  }

  private same(at: number, buf: Uint8Array, start: number, length: number): boolean {
    if (length <= INLINE) {
      const bytes = this.slotBytes;
      const from = at * 4 + KEY_BYTE;
      for (let j = 0; j < length; j++) if (bytes[from + j] !== buf[start + j]) return false;
      return true;
    }
    const k = this.slots[at + 3];
    const ks = this.keyStart[k];
    const pool = this.pool;
    for (let j = 0; j < length; j++) if (pool[ks + j] !== buf[start + j]) return false;
    return true;
  }
}
