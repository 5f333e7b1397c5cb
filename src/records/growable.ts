/**
 * Typed arrays that grow as rows are appended: numeric columns of unknown
 * length without the cost of plain arrays changing element kind (small
 * integers to doubles) as NaN and fractions arrive.
 */

/** A typed array of `size` elements (twice a's by default), starting with a's values: how every growing buffer of the loader grows. */
export function grown<T extends Int32Array | Uint8Array | Float64Array>(a: T, size = a.length * 2): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

// Two classes, not one generic: each push then sees one kind of array.
export class Float64List {
  data: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }

  push(x: number): void {
    if (this.length === this.data.length) this.data = grown(this.data);
    this.data[this.length++] = x;
  }

  /** The values pushed: a view over the list's memory (no copy), for when the list is done with. */
  toArray(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

export class Int32List {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(x: number): void {
    if (this.length === this.data.length) this.data = grown(this.data);
    this.data[this.length++] = x;
  }

  /** The values pushed: a view over the list's memory (no copy), for when the list is done with. */
  toArray(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}
