/**
 * Room for `n` codes 0 … distinct − 1 in the narrowest unsigned integer that holds them: a
 * byte a code up to 256 distinct, two up to 65,536, else four (group codes, level codes,
 * the Cox model's column numbers: at 10M people a byte instead of four is 30 MB a column).
 * In shared memory with `shared`, so that a worker thread reads them without a copy.
 */
export function codeArray(n: number, distinct: number, shared = false): Uint8Array | Uint16Array | Int32Array {
  const Type: { new (buffer: ArrayBufferLike): Uint8Array | Uint16Array | Int32Array; BYTES_PER_ELEMENT: number } =
    distinct <= 256 ? Uint8Array : distinct <= 65536 ? Uint16Array : Int32Array;
  const bytes = Type.BYTES_PER_ELEMENT * n;
  return new Type(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
}
