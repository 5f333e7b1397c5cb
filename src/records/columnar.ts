/**
 * Reading a table from a columnar file: Parquet (by hyparquet) or Arrow IPC
 * (by flechette, which arquero uses too). Columns keep their types: a date
 * column is a column of calendar days (never text to be parsed in some
 * format), integers are whole numbers (64-bit ones as exact decimal text),
 * text is text. Each row is numbered as if the file were CSV with a header:
 * row r is line r + 2.
 */
import { tableFromIPC } from '@uwdata/flechette';
import { parquetReadObjects } from 'hyparquet';

/** A table's columns and a way to read cell (row, column). */
interface ColumnarTable {
  names: string[];
  rowCount: number;
  cell(row: number, column: number): unknown;
}

/** Reads a Parquet file's rows (every row group, every column). */
export async function readParquet(bytes: Uint8Array): Promise<ColumnarTable> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
  const { parquetSchema, parquetMetadata } = await import('hyparquet');
  const names = parquetSchema(parquetMetadata(file)).children.map((c) => c.element.name);
  return { names, rowCount: rows.length, cell: (r, c) => rows[r][names[c]] };
}

/** Reads an Arrow IPC file or stream; dates as Date values (UTC days), 64-bit integers as numbers when exact. */
export function readArrow(bytes: Uint8Array): ColumnarTable {
  const table = tableFromIPC(bytes, { useDate: true });
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((n) => table.getChild(n)!);
  return { names, rowCount: table.numRows, cell: (r, c) => columns[c].at(r) };
}
