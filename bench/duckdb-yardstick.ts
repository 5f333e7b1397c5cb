/**
 * DuckDB's own work on the same files, the yardstick of `--engine duckdb` (issue 16):
 * read both CSV files with its type detection, derive each cohort member's first
 * recall in the intervention window, and count the curve's events and censorings
 * per day. Prints one JSON line.
 *
 *   tsx bench/duckdb-yardstick.ts DIR
 */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const [dir] = process.argv.slice(2);
const t = process.hrtime.bigint();
const db = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: process.env.FOLLOW_UP_DUCKDB_MEMORY ?? '4GB' });
const c = await db.connect();
await c.run(`CREATE TABLE p AS SELECT * FROM read_csv('${join(dir, 'people.csv')}')`);
await c.run(`CREATE TABLE e AS SELECT * FROM read_csv('${join(dir, 'events.csv')}')`);
const rows = (
  await c.runAndReadAll(`SELECT t, ev, COUNT(*) AS n FROM (
  SELECT (CASE WHEN MIN(x.date) IS NULL THEN k.wend - k.r ELSE MIN(x.date) - k.r END) AS t, (CASE WHEN MIN(x.date) IS NULL THEN 0 ELSE 1 END) AS ev
  FROM (SELECT person_id, release_date AS r,
      LEAST(COALESCE(TRY_CAST(service_end AS DATE), COALESCE(TRY_CAST(follow_up_end AS DATE), DATE '2024-03-31')), COALESCE(TRY_CAST(follow_up_end AS DATE), DATE '2024-03-31')) AS wend
    FROM p WHERE COALESCE(CAST(included AS VARCHAR), 'true') IN ('true', '1', 'yes') AND release_date IS NOT NULL) k
  LEFT JOIN e x ON x.person_id = k.person_id AND x.type = 'recall' AND x.date >= k.r AND x.date <= k.wend
  GROUP BY k.person_id, k.r, k.wend) s GROUP BY t, ev`)
).getRows();
c.closeSync();
db.closeSync();
const ms = Number(process.hrtime.bigint() - t) / 1e6;
const cpu = process.cpuUsage();
process.stdout.write(
  `${JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, curveRows: rows.length, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
