/**
 * Typing cells straight from the UTF-8 bytes of a record, without making a
 * string per cell: dates to day numbers, numbers, and case-insensitive words
 * to codes. This is what lets the loader type millions of rows quickly.
 */
import { daysInMonth, type Day } from '../time/days.js';
import { grown } from './growable.js';

const SPACE = 0x20;
const TAB = 0x09;

/** Index of the first byte that is not a space or tab (ASCII surrounding whitespace is never part of a value). */
export function trimStart(buf: Uint8Array, start: number, end: number): number {
  while (start < end && (buf[start] === SPACE || buf[start] === TAB)) start++;
  return start;
}

/** One past the last byte that is not a space or tab. */
export function trimEnd(buf: Uint8Array, start: number, end: number): number {
  while (end > start && (buf[end - 1] === SPACE || buf[end - 1] === TAB)) end--;
  return end;
}

/**
 * Day number (days since 1970-01-01) of a proleptic Gregorian date, by
 * Howard Hinnant's days-from-civil algorithm: the same value as
 * `Date.UTC(y, m - 1, d) / 86400000`, without allocating a Date.
 */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Day number of the first of each month from 1900 to 2199: most dates then cost one table read. */
const TABLE_FROM_YEAR = 1900;
const TABLE_YEARS = 300;
const MONTH_START = new Int32Array(TABLE_YEARS * 12);
for (let y = 0; y < TABLE_YEARS; y++) for (let m = 0; m < 12; m++) MONTH_START[y * 12 + m] = daysFromCivil(TABLE_FROM_YEAR + y, m + 1, 1);

/** Sentinel returned by {@link parseDateBytes} for text that is not a `YYYY-MM-DD` date that exists. */
export const BAD_DATE = -Infinity;

/**
 * Parses a strict `YYYY-MM-DD` date from bytes [start, end) (already trimmed);
 * returns its day number, or {@link BAD_DATE} for anything else, including dates
 * that do not exist (2023-02-30).
 */
export function parseDateBytes(buf: Uint8Array, start: number, end: number): Day {
  if (end - start !== 10 || buf[start + 4] !== 0x2d || buf[start + 7] !== 0x2d) return BAD_DATE;
  const y0 = buf[start] - 48,
    y1 = buf[start + 1] - 48,
    y2 = buf[start + 2] - 48,
    y3 = buf[start + 3] - 48;
  const m0 = buf[start + 5] - 48,
    m1 = buf[start + 6] - 48;
  const d0 = buf[start + 8] - 48,
    d1 = buf[start + 9] - 48;
  // One unsigned comparison per digit: (x >>> 0) > 9 also catches bytes below '0'.
  if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9) return BAD_DATE;
  if (m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) return BAD_DATE;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return BAD_DATE;
  const y = year - TABLE_FROM_YEAR;
  if (y >= 0 && y < TABLE_YEARS) return MONTH_START[y * 12 + month - 1] + day - 1;
  return daysFromCivil(year, month, day);
}

/**
 * Parses a decimal number written plainly (optional sign, digits, optional
 * fraction, optional exponent) from bytes [start, end); NaN for anything else
 * (no hex, no `Infinity`, no thousands separators).
 */
export function parseNumberBytes(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (i < end && (buf[i] === 0x2b || buf[i] === 0x2d)) {
    negative = buf[i] === 0x2d;
    i++;
  }
  let value = 0;
  let digits = 0;
  while (i < end && buf[i] >= 48 && buf[i] <= 57) {
    value = value * 10 + (buf[i] - 48);
    digits++;
    i++;
  }
  if (i === end) {
    if (digits === 0 || digits > 15) return digits === 0 ? NaN : slowNumber(buf, start, end);
    return negative ? -value : value;
  }
  if (buf[i] === 0x2e && digits > 0) {
    // Plain decimals (8.5): integer over a power of ten, which IEEE division
    // rounds exactly as Number('8.5') does while both are exact.
    i++;
    let scale = 1;
    while (i < end && buf[i] >= 48 && buf[i] <= 57 && digits <= 15) {
      value = value * 10 + (buf[i] - 48);
      scale *= 10;
      digits++;
      i++;
    }
    if (i === end && digits <= 15) return (negative ? -value : value) / scale;
  }
  return slowNumber(buf, start, end);
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function slowNumber(buf: Uint8Array, start: number, end: number): number {
  const text = latin1(buf, start, end);
  return PLAIN_NUMBER.test(text) ? Number(text) : NaN;
}

/** Bytes [start, end) as a string, one char per byte (for ASCII-only checks). */
function latin1(buf: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(buf[i]);
  return s;
}

/** A closed vocabulary matched case-insensitively against bytes. */
export class WordMatcher {
  private readonly words: Uint8Array[];
  /** Indexes of the words of each length: only those are compared. */
  private readonly byLength: number[][] = [];

  constructor(readonly vocabulary: readonly string[]) {
    this.words = vocabulary.map((w) => new TextEncoder().encode(w.toLowerCase()));
    this.words.forEach((word, w) => (this.byLength[word.length] ??= []).push(w));
  }

  /** Index of the word spelled by bytes [start, end) ignoring ASCII case; −1 when none. */
  match(buf: Uint8Array, start: number, end: number): number {
    const length = end - start;
    const candidates = this.byLength[length];
    if (candidates === undefined) return -1;
    outer: for (let c = 0; c < candidates.length; c++) {
      const word = this.words[candidates[c]];
      for (let i = 0; i < length; i++) {
        let b = buf[start + i];
        if (b >= 0x41 && b <= 0x5a) b |= 0x20;
        if (b !== word[i]) continue outer;
      }
      return candidates[c];
    }
    return -1;
  }
}

/** A ByteKeyMap's arrays, as sent to another thread. */
export interface ByteKeyMapParts {
  pool: Uint8Array;
  keyStart: Int32Array;
  values: Int32Array;
  slots: Int32Array;
  count: number;
  ordered: boolean;
}

/**
 * Exact byte strings to small integers, an open-addressing hash table over a
 * byte pool: looks up a cell's bytes without decoding them to a string. Each
 * key's hash is kept, so a probe compares bytes only when the hashes agree.
 */
export class ByteKeyMap {
  private pool: Uint8Array;
  /** Key k is pool[keyStart[k] .. keyStart[k + 1]); keys are stored one after another. */
  private keyStart: Int32Array;
  private values: Int32Array;
  /** Pairs (key index or −1, key hash): a probe reads one cache line, and compares bytes only when the hashes agree. Empty while `ordered`. */
  private slots: Int32Array = new Int32Array(0);
  private count = 0;
  /** The key the last {@link getInOrder} found: the next lookup tries the key after it first. */
  private lastKey = -1;
  /** True while the keys came in increasing byte order and no hash table is kept (see the constructor). */
  private ordered: boolean;
  /** Lookups out of order while `ordered`, each a binary search. */
  private searches = 0;
  private readonly capacity: number;

  /**
   * expectedKeys sizes the table up front, sparing the rehashing of a growing
   * one. With `ordered`, keys stored in increasing byte order (the person_ids
   * of a people file sorted by id) are kept without a hash table, as a key
   * after the last one cannot be present yet: a million random writes to a
   * large table saved. The table is built when a key comes out of order, or
   * once lookups out of order are frequent.
   */
  constructor(expectedKeys = 64, ordered = false) {
    this.capacity = Math.max(64, expectedKeys);
    this.values = new Int32Array(this.capacity);
    this.keyStart = new Int32Array(this.capacity + 1);
    this.pool = new Uint8Array(this.capacity * 8);
    this.ordered = ordered;
    if (!ordered) this.buildTable();
  }

  get size(): number {
    return this.count;
  }

  private static emptySlots(n: number): Int32Array {
    const slots = new Int32Array(n * 2);
    for (let i = 0; i < slots.length; i += 2) slots[i] = -1;
    return slots;
  }

  private static hash(buf: Uint8Array, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    // FNV's low bits vary little across keys that differ only in their last
    // characters (S0000001, S0000002, ...): mix them (murmur3's finaliser).
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h | 0;
  }

  private equals(k: number, buf: Uint8Array, start: number, end: number): boolean {
    const ks = this.keyStart[k];
    if (this.keyStart[k + 1] - ks !== end - start) return false;
    const pool = this.pool;
    for (let i = 0; i < end - start; i++) if (pool[ks + i] !== buf[start + i]) return false;
    return true;
  }

  /** Byte order of bytes [start, end) against key k: negative, 0 or positive. */
  private compare(buf: Uint8Array, start: number, end: number, k: number): number {
    const ks = this.keyStart[k];
    const kl = this.keyStart[k + 1] - ks;
    const pool = this.pool;
    for (let i = 0; i < end - start && i < kl; i++) {
      const d = buf[start + i] - pool[ks + i];
      if (d !== 0) return d;
    }
    return end - start - kl;
  }

  /** The slot (even index into slots) holding bytes [start, end) with hash h, or the empty slot where they would go. */
  private slotOf(h: number, buf: Uint8Array, start: number, end: number): number {
    const slots = this.slots;
    const mask = slots.length - 2;
    let slot = (h << 1) & mask;
    for (;;) {
      const k = slots[slot];
      if (k < 0 || (slots[slot + 1] === h && this.equals(k, buf, start, end))) return slot;
      slot = (slot + 2) & mask;
    }
  }

  /** The key spelled by bytes [start, end), or −1: by binary search while the keys are ordered. */
  private find(buf: Uint8Array, start: number, end: number): number {
    if (!this.ordered) return this.slots[this.slotOf(ByteKeyMap.hash(buf, start, end), buf, start, end)];
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.compare(buf, start, end, mid);
      if (c === 0) return mid;
      if (c > 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Builds the hash table over the keys so far; from then on every key is hashed. */
  private buildTable(): void {
    let n = 128;
    while (n < Math.max(this.capacity, this.count) * 2) n *= 2;
    const slots = ByteKeyMap.emptySlots(n);
    const mask = slots.length - 2;
    for (let k = 0; k < this.count; k++) {
      const h = ByteKeyMap.hash(this.pool, this.keyStart[k], this.keyStart[k + 1]);
      let slot = (h << 1) & mask;
      while (slots[slot] >= 0) slot = (slot + 2) & mask;
      slots[slot] = k;
      slots[slot + 1] = h;
    }
    this.slots = slots;
    this.ordered = false;
  }

  /** The value stored for bytes [start, end), or −1. */
  get(buf: Uint8Array, start: number, end: number): number {
    const k = this.find(buf, start, end);
    return k < 0 ? -1 : this.values[k];
  }

  /**
   * The same as {@link get}, but first compares the bytes with the key stored
   * after the one last found: keys looked up in the order they were stored
   * (events sorted like the people they belong to) then need no hashing and
   * no random memory access.
   */
  getInOrder(buf: Uint8Array, start: number, end: number): number {
    const next = this.lastKey + 1;
    if (next < this.count && this.equals(next, buf, start, end)) {
      this.lastKey = next;
      return this.values[next];
    }
    // Binary searches while lookups out of order are rare (a person without events); the table once they are not.
    if (this.ordered && ++this.searches > 64 + (this.count >>> 4)) this.buildTable();
    const k = this.find(buf, start, end);
    if (k < 0) return -1;
    this.lastKey = k;
    return this.values[k];
  }

  /** Stores value for bytes [start, end) unless the key is present; returns the value now stored. */
  setIfAbsent(buf: Uint8Array, start: number, end: number, value: number): number {
    if (this.ordered) {
      const order = this.count === 0 ? 1 : this.compare(buf, start, end, this.count - 1);
      if (order > 0) {
        this.append(buf, start, end, value);
        return value;
      }
      if (order === 0) return this.values[this.count - 1];
      this.buildTable();
    }
    const h = ByteKeyMap.hash(buf, start, end);
    let slot = this.slotOf(h, buf, start, end);
    const existing = this.slots[slot];
    if (existing >= 0) return this.values[existing];
    if ((this.count + 1) * 4 > this.slots.length) {
      this.grow();
      slot = this.slotOf(h, buf, start, end);
    }
    this.slots[slot] = this.append(buf, start, end, value);
    this.slots[slot + 1] = h;
    return value;
  }

  /** Stores a new key after the others; returns its index. */
  private append(buf: Uint8Array, start: number, end: number, value: number): number {
    const length = end - start;
    const used = this.keyStart[this.count];
    if (used + length > this.pool.length) {
      this.pool = grown(this.pool, Math.max(this.pool.length * 2, used + length));
    }
    const pool = this.pool;
    for (let i = 0; i < length; i++) pool[used + i] = buf[start + i];
    const k = this.count++;
    if (k === this.values.length) {
      this.values = grown(this.values);
      this.keyStart = grown(this.keyStart, this.values.length + 1);
    }
    this.keyStart[k + 1] = used + length;
    this.values[k] = value;
    return k;
  }

  /**
   * Keys keys[0 .. count) as strings. When every key is ASCII (ids are) the
   * pool is decoded once and cut up, which costs a fraction of decoding a
   * million keys one by one.
   */
  keyStrings(keys: Int32Array, count: number): string[] {
    const used = this.keyStart[this.count];
    const pool = Buffer.from(this.pool.buffer, this.pool.byteOffset, used);
    let ascii = true;
    for (let i = 0; i < used && ascii; i++) ascii = pool[i] < 0x80;
    const out: string[] = new Array(count);
    if (ascii) {
      const text = pool.toString('latin1');
      for (let i = 0; i < count; i++) out[i] = text.slice(this.keyStart[keys[i]], this.keyStart[keys[i] + 1]);
    } else {
      for (let i = 0; i < count; i++) out[i] = pool.toString('utf8', this.keyStart[keys[i]], this.keyStart[keys[i] + 1]);
    }
    return out;
  }

  /** The arrays behind the map, for {@link ByteKeyMap.fromParts} in another thread. */
  parts(): ByteKeyMapParts {
    const used = this.keyStart[this.count];
    return {
      pool: this.pool.subarray(0, used),
      keyStart: this.keyStart.subarray(0, this.count + 1),
      values: this.values.subarray(0, this.count),
      slots: this.slots,
      count: this.count,
      ordered: this.ordered,
    };
  }

  /** A map over the arrays of another, for lookups only. */
  static fromParts(parts: ByteKeyMapParts): ByteKeyMap {
    const map = new ByteKeyMap(0, true);
    map.pool = parts.pool;
    map.keyStart = parts.keyStart;
    map.values = parts.values;
    map.slots = parts.slots;
    map.count = parts.count;
    map.ordered = parts.ordered;
    return map;
  }

  /** Convenience for string keys (UTF-8). */
  setString(key: string, value: number): number {
    const bytes = Buffer.from(key, 'utf8');
    return this.setIfAbsent(bytes, 0, bytes.length, value);
  }

  getString(key: string): number {
    const bytes = Buffer.from(key, 'utf8');
    return this.get(bytes, 0, bytes.length);
  }

  private grow(): void {
    const old = this.slots;
    const slots = ByteKeyMap.emptySlots(old.length);
    const mask = slots.length - 2;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] < 0) continue;
      let slot = (old[i + 1] << 1) & mask;
      while (slots[slot] >= 0) slot = (slot + 2) & mask;
      slots[slot] = old[i];
      slots[slot + 1] = old[i + 1];
    }
    this.slots = slots;
  }
}

/**
 * Decodes byte ranges to strings, returning the same string for the same
 * bytes: a column with few distinct values (service, tier, an extra column of
 * a large events table) then holds one string per value, not one per row, and
 * a check of a value (the privacy guard's) can be remembered per value.
 */
export class StringInterner {
  private readonly keys = new ByteKeyMap();
  readonly strings: string[] = [];
  /** One byte per string for the caller to remember a verdict in (0 = none yet). */
  state = new Uint8Array(64);

  /** Stops remembering new strings after this many (a column of unique values gains nothing). */
  constructor(private readonly limit = 1 << 16) {}

  /** Index of the string spelled by bytes [start, end), or −1 when it is new and the interner is full. */
  index(buf: Buffer, start: number, end: number): number {
    const k = this.keys.get(buf, start, end);
    if (k >= 0) return k;
    const n = this.strings.length;
    if (n >= this.limit) return -1;
    this.keys.setIfAbsent(buf, start, end, n);
    this.strings.push(buf.toString('utf8', start, end));
    if (n >= this.state.length) this.state = grown(this.state);
    return n;
  }
}
