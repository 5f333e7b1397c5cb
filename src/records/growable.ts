/**
 * Typed arrays that grow as rows are appended: numeric columns of unknown
 * length without the cost of plain arrays changing element kind (small
 * integers to doubles) as NaN and fractions arrive.
 */

export class Float64List {
  data: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }

  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
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
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }

  /** The values pushed: a view over the list's memory (no copy), for when the list is done with. */
  toArray(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}
