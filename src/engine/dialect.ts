/**
 * The few SQL functions that differ between the engines the measures' SQL runs on
 * (issue 16, "an engine beyond one machine"; study-file.md `engine`). Everything
 * else in src/engine/ is SQL that DuckDB, PostgreSQL, Trino/Athena and Spark SQL
 * share: CASE, COALESCE, NULLIF, TRIM, LOWER, SUBSTRING, LEAST, CAST, COUNT/SUM/
 * MIN/MAX, GROUP BY, LEFT JOIN, EXISTS, CREATE TABLE … AS SELECT.
 *
 * Days are whole numbers of days since 1970-01-01, as in src/time/.
 */

export interface Dialect {
  name: string;
  /** Day number of an ISO `YYYY-MM-DD` text already checked to be a real date. */
  dayOf(isoText: string): string;
  /** Day number `months` calendar months after day number `day`, clamped to the month's end. */
  addMonths(day: string, months: number): string;
  /** 1 when `needle` occurs in `haystack`, else 0. */
  contains(haystack: string, needle: string): string;
  /** True when `text` matches the regular expression `pattern` (a SQL string literal). */
  matches(text: string, pattern: string): string;
  /**
   * True when non-NULL `text` is a date that exists, written YYYY-MM-DD. Null for
   * the portable arithmetic (checks.ts), which engines without a TRY_CAST use.
   */
  isDate: ((text: string) => string) | null;
}

const EPOCH = "DATE '1970-01-01'";

/** The dialects; duckdb and postgres are run by the tests, trino and spark are written from their manuals. */
export const DIALECTS: Record<'duckdb' | 'postgres' | 'trino' | 'spark', Dialect> = {
  duckdb: {
    name: 'duckdb',
    dayOf: (t) => `(CAST(${t} AS DATE) - ${EPOCH})`,
    addMonths: (d, m) => `(CAST((${EPOCH} + CAST(${d} AS INTEGER)) + INTERVAL '${m}' MONTH AS DATE) - ${EPOCH})`,
    contains: (h, n) => `(CASE WHEN strpos(${h}, ${n}) > 0 THEN 1 ELSE 0 END)`,
    matches: (t, p) => `regexp_full_match(${t}, ${p})`,
    isDate: (t) => `(regexp_full_match(${t}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') AND TRY_CAST(${t} AS DATE) IS NOT NULL)`,
  },
  postgres: {
    name: 'postgres',
    dayOf: (t) => `(CAST(${t} AS DATE) - ${EPOCH})`,
    addMonths: (d, m) => `(CAST((${EPOCH} + CAST(${d} AS INTEGER)) + INTERVAL '${m}' MONTH AS DATE) - ${EPOCH})`,
    contains: (h, n) => `(CASE WHEN strpos(${h}, ${n}) > 0 THEN 1 ELSE 0 END)`,
    matches: (t, p) => `(${t} ~ ('^(' || ${p} || ')$'))`,
    isDate: null,
  },
  trino: {
    name: 'trino',
    dayOf: (t) => `date_diff('day', ${EPOCH}, CAST(${t} AS DATE))`,
    addMonths: (d, m) => `date_diff('day', ${EPOCH}, date_add('month', ${m}, date_add('day', ${d}, ${EPOCH})))`,
    contains: (h, n) => `(CASE WHEN strpos(${h}, ${n}) > 0 THEN 1 ELSE 0 END)`,
    matches: (t, p) => `regexp_like(${t}, '^(' || ${p} || ')$')`,
    isDate: (t) => `(regexp_like(${t}, '^[0-9]{4}-[0-9]{2}-[0-9]{2}$') AND TRY_CAST(${t} AS DATE) IS NOT NULL)`,
  },
  spark: {
    name: 'spark',
    dayOf: (t) => `datediff(CAST(${t} AS DATE), ${EPOCH})`,
    addMonths: (d, m) => `datediff(add_months(date_add(${EPOCH}, ${d}), ${m}), ${EPOCH})`,
    contains: (h, n) => `(CASE WHEN instr(${h}, ${n}) > 0 THEN 1 ELSE 0 END)`,
    matches: (t, p) => `(${t} RLIKE concat('^(', ${p}, ')$'))`,
    isDate: (t) => `(${t} RLIKE '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND try_cast(${t} AS DATE) IS NOT NULL)`,
  },
};
