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
  /**
   * The result as one array per column (optional; without it the rows of `query` are
   * turned into columns): per-person results, such as a model frame, without an object a row.
   */
  queryColumns?(sql: string): Promise<Record<string, unknown[]>>;
  close(): Promise<void>;
}

/** The result of `sql` as one array per column, from queryColumns where the runner has it. */
export async function columnsOf(runner: SqlRunner, sql: string): Promise<Record<string, unknown[]>> {
  if (runner.queryColumns) return runner.queryColumns(sql);
  const rows = await runner.query(sql);
  const out: Record<string, unknown[]> = {};
  for (const name of Object.keys(rows[0] ?? {})) out[name] = rows.map((r) => r[name]);
  return out;
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
