/**
 * The typed tables the measures' SQL reads (records.md, as the in-memory reader
 * types them): `people_t`, `events_t` (exact duplicates counted once) and
 * `offences_t`, from the text tables `people_raw` and `events_raw`.
 * Run after the checks (checks.ts), so every date here is a real date.
 */
import type { OffenceLookup } from '../study/study.js';
import { EVENT_TYPES } from '../study/vocabulary.js';
import type { Dialect } from './dialect.js';
import { ident, lit } from './runner.js';

/** A raw column (trimmed text, NULL when blank: SqlRunner.loadRaw), NULL when absent from the file. */
export function cell(columns: readonly string[], name: string, table = ''): string {
  if (!columns.includes(name)) return 'CAST(NULL AS VARCHAR)';
  return `${table}${ident(name)}`;
}

/** Where the grouping column is read (measures' groupColumn): a people column, or the index offence's lookup column. */
interface GroupSource {
  source: 'people' | 'offences';
  column: string;
}

const LOOKUP_SQL: Record<string, string> = { code: 'code', label: 'label', group: 'grp', category: 'category', mode_of_trial: 'mode', severity: 'sev' };

/**
 * offences_t(code, label, grp, category, mode, sev, srank): the lookup the
 * toolkit read (a small table), with each severity's rank among the distinct
 * severities so that the engine compares severities exactly.
 */
export function offencesSql(lookup: OffenceLookup): string[] {
  const distinct = [...new Set(lookup.severity)].filter((s) => !Number.isNaN(s)).sort((a, b) => a - b);
  const rank = new Map(distinct.map((s, i) => [s, i]));
  const rows = lookup.code.map((code, o) => {
    const sev = lookup.severity[o];
    return `(${[code, lookup.label[o], lookup.group[o], lookup.category[o], lookup.modeOfTrial[o]].map((v) => (v == null ? 'NULL' : lit(String(v)))).join(', ')}, ${Number.isNaN(sev) ? 'NULL' : lit(String(sev))}, ${Number.isNaN(sev) ? 'NULL' : rank.get(sev)})`;
  });
  const create = 'CREATE TABLE offences_t (code VARCHAR, label VARCHAR, grp VARCHAR, category VARCHAR, mode VARCHAR, sev VARCHAR, srank INTEGER)';
  const inserts: string[] = [];
  for (let i = 0; i < rows.length; i += 500) inserts.push(`INSERT INTO offences_t VALUES ${rows.slice(i, i + 500).join(', ')}`);
  return [create, ...inserts];
}

/** The severity of each rank (offences_t.srank), to turn ranks back into severities. */
export function severityOfRank(lookup: OffenceLookup): number[] {
  return [...new Set(lookup.severity)].filter((s) => !Number.isNaN(s)).sort((a, b) => a - b);
}

/**
 * people_t: one row per person with the dates as day numbers (follow_up_end
 * defaulting to the extraction date), included as 1/0, the index offence's
 * lookup columns, and `gkey`, the raw value of the grouping column.
 */
export function peopleSql(d: Dialect, columns: readonly string[], extractionDay: number, group: GroupSource): string {
  const c = (name: string) => cell(columns, name, 'p.');
  const day = (name: string) => {
    const x = c(name);
    return `(CASE WHEN ${x} IS NULL THEN NULL ELSE ${d.dayOf(x)} END)`;
  };
  const gkey = group.source === 'offences' ? `o.${LOOKUP_SQL[group.column]}` : c(group.column);
  return `CREATE TABLE people_t AS SELECT
  p._line AS line,
  ${c('person_id')} AS pid,
  ${c('service')} AS service,
  (CASE WHEN LOWER(COALESCE(${c('included')}, 'true')) IN ('true', 'yes', '1') THEN 1 ELSE 0 END) AS included,
  ${c('exclusion_reason')} AS exclusion_reason,
  LOWER(${c('end_reason')}) AS end_reason,
  ${day('release_date')} AS r,
  ${day('service_end')} AS e,
  COALESCE(${day('follow_up_end')}, ${extractionDay}) AS f,
  ${day('in_reach_start')} AS irs,
  COALESCE(LOWER(${c('sex')}), 'unknown') AS sex,
  ${c('ethnicity')} AS ethnicity,
  ${c('tier')} AS tier,
  ${c('age_at_release')} AS age,
  ${c('prior_convictions')} AS prior,
  ${c('custody_years_before_release')} AS custody,
  ${c('aces')} AS aces,
  o.category AS icat,
  o.grp AS igrp,
  o.srank AS isrank,
  ${gkey} AS gkey
FROM people_raw p LEFT JOIN offences_t o ON o.code = ${c('index_offence')}`;
}

/**
 * events_t: one row per distinct event, type as its code (vocabulary order),
 * recall reasons as `;reason;…;` in lower case without spaces.
 */
export function eventsSql(d: Dialect, columns: readonly string[]): string {
  const c = (name: string) => cell(columns, name);
  const day = (name: string) => `(CASE WHEN ${c(name)} IS NULL THEN NULL ELSE ${d.dayOf(c(name))} END)`;
  const type = `(CASE LOWER(${c('type')}) ${EVENT_TYPES.map((t, i) => `WHEN ${lit(t)} THEN ${i}`).join(' ')} END)`;
  return `CREATE TABLE events_t AS SELECT DISTINCT pid, type, d, cd, off, reasons FROM (SELECT
  ${c('person_id')} AS pid,
  ${type} AS type,
  ${day('date')} AS d,
  ${day('conviction_date')} AS cd,
  ${c('offence')} AS off,
  (';' || REPLACE(LOWER(COALESCE(${c('recall_reasons')}, '')), ' ', '') || ';') AS reasons
FROM events_raw) x`;
}
