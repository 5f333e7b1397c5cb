/**
 * What the SQL engine needs of a database (issue 16; study-file.md `engine`): load
 * a table file as text columns, run a statement, return the rows of a query.
 */

/** A row of a query's result; numbers may come back as bigint or text (PostgreSQL's int8, numeric). */
export type SqlRow = Record<string, unknown>;

export interface SqlRunner {
  dialect: import('./dialect.js').Dialect;
  /**
   * Loads a people or events file (CSV or Parquet) as table `name`: every column
   * as trimmed text, NULL when blank, under its normalised header name (records' normaliseColumnName), plus `_line`, the file line of the row (header = line 1).
   * Returns the column names.
   */
  loadRaw(name: string, path: string): Promise<string[]>;
  run(sql: string): Promise<void>;
  query(sql: string): Promise<SqlRow[]>;
  close(): Promise<void>;
}

/** A result value as a number (null for NULL). */
export function num(v: unknown): number {
  if (v === null || v === undefined) return NaN;
  return typeof v === 'bigint' ? Number(v) : Number(v);
}

/** A result value as text (null for NULL). */
export function str(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

/** A SQL string literal. */
export function lit(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A quoted SQL identifier. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
