/**
 * Embedded DuckDB (`@duckdb/node-api`, binaries from the npm registry) as the SQL
 * engine (study-file.md `engine: "duckdb"`; issue 16). It reads CSV and Parquet
 * of any size itself and spills to a temporary folder past its memory limit, so
 * the toolkit process holds only the small aggregates.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { normaliseColumnName } from '../records/headers.js';
import { DIALECTS } from './dialect.js';
import { ident, lit, type SqlRow, type SqlRunner } from './runner.js';

export interface DuckDbOptions {
  /** DuckDB's memory_limit (default: FOLLOW_UP_DUCKDB_MEMORY or 4GB); past it DuckDB works out of core. */
  memoryLimit?: string;
  threads?: number;
  /** The CSV delimiter (`,`, `;`, `tab`); null to let DuckDB detect it. */
  delimiter?: string | null;
}

/** Opens an in-memory DuckDB database whose overflow goes to a fresh temporary folder. */
export async function openDuckDb(options: DuckDbOptions = {}): Promise<SqlRunner> {
  const spill = mkdtempSync(join(tmpdir(), 'follow-up-duckdb-'));
  const instance = await DuckDBInstance.create(':memory:', {
    memory_limit: options.memoryLimit ?? process.env.FOLLOW_UP_DUCKDB_MEMORY ?? '4GB',
    threads: String(options.threads ?? 2),
    temp_directory: spill,
    preserve_insertion_order: 'true',
  });
  const connection = await instance.connect();
  const delimiter = options.delimiter === 'tab' ? '\t' : (options.delimiter ?? null);
  const query = async (sql: string): Promise<SqlRow[]> => (await connection.runAndReadAll(sql)).getRowObjectsJS() as SqlRow[];
  return {
    dialect: DIALECTS.duckdb,
    async loadRaw(name, path) {
      const source = /\.parquet$/i.test(path)
        ? `read_parquet(${lit(path)})`
        : `read_csv(${lit(path)}, header = true, all_varchar = true, quote = '"', escape = '"'${delimiter ? `, delim = ${lit(delimiter)}` : ''})`;
      const described = await query(`DESCRIBE SELECT * FROM ${source}`);
      const names = described.map((r) => String(r.column_name));
      const types = described.map((r) => String(r.column_type));
      const normal = names.map(normaliseColumnName);
      // A timestamp at midnight is its date (study-file.md dateFormat: "a time part 00:00:00 is dropped").
      const text = (n: string, type: string) =>
        type.startsWith('TIMESTAMP')
          ? `(CASE WHEN CAST(${ident(n)} AS TIME) = TIME '00:00:00' THEN CAST(CAST(${ident(n)} AS DATE) AS VARCHAR) ELSE CAST(${ident(n)} AS VARCHAR) END)`
          : `CAST(${ident(n)} AS VARCHAR)`;
      // Trimmed once here, in the parallel scan, so that no later query trims again.
      const select = names.map((n, i) => `NULLIF(TRIM(${text(n, types[i])}), '') AS ${ident(normal[i])}`).join(', ');
      // The scan keeps the file's order (preserve_insertion_order), so rowid is the data row's index. Only
      // this scan needs it: every later query says its order, and without it DuckDB works in parallel on less memory.
      await connection.run('SET preserve_insertion_order = true');
      await connection.run(`CREATE TABLE ${ident(`${name}_file`)} AS SELECT ${select} FROM ${source}`);
      await connection.run('SET preserve_insertion_order = false');
      // A view, not a copy: rowid is read where the queries need the line.
      await connection.run(`CREATE VIEW ${ident(name)} AS SELECT rowid + 2 AS _line, * FROM ${ident(`${name}_file`)}`);
      return normal;
    },
    async run(sql) {
      await connection.run(sql);
    },
    query,
    async queryColumns(sql) {
      return (await connection.runAndReadAll(sql)).getColumnsObjectJS() as Record<string, unknown[]>;
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(spill, { recursive: true, force: true });
    },
  };
}
