/**
 * The record checks the SQL engine runs before any measure (records.md,
 * "Validation"), as SQL over the text tables: each gives the in-memory
 * reader's error kind, file, line, column and value, and the records are
 * refused with the same StudyError. The engine runs the checks of one row's own
 * values and of the links between tables (listed in ENGINE_CHECKS); the privacy
 * guard, warnings, quarantine and spreadsheet habits are the in-memory
 * reader's alone (`follow-up validate` runs them all).
 */
import { StudyError, type ErrorKind } from '../records/problems.js';
import type { OffenceLookup, Problem } from '../study/study.js';
import { END_REASONS, EVENT_TYPES, RECALL_REASONS, SEXES } from '../study/vocabulary.js';
import { formatDay } from '../time/days.js';
import { deathChecksSql } from './death-checks.js';
import type { Dialect } from './dialect.js';
import { cell } from './stage.js';
import { ident, lit, num, str, type SqlRunner } from './runner.js';

/** The checks the engine runs, for the README and the report. */
export const ENGINE_CHECKS = [
  'required columns (people: person_id, service, index_offence; events: person_id, type, date)',
  'required values: person_id, service, index_offence; an event’s type and date; conviction_date and offence for a conviction or caution',
  'person_id used once in people; every event’s person_id in people',
  'dates that exist, written YYYY-MM-DD',
  'numbers and their ranges: age_at_release, prior_convictions, custody_years_before_release, aces',
  'vocabularies: sex, end_reason, included, type, recall_reasons; offence codes in the lookup',
  'end_reason with a service_end; exclusion_reason when not included',
  'date order: in_reach_start ≤ release_date ≤ service_end ≤ follow_up_end (or the extraction date); date ≤ conviction_date',
  'deaths: one a person; no event dated or convicted after it; release_date and service_end on or before it',
] as const;

const MAX_PROBLEMS = 1000;

interface CheckInput {
  people: string;
  events: string;
  peopleColumns: string[];
  eventColumns: string[];
  extractionDay: number;
  lookup: OffenceLookup;
  /** Problems found by other checks (the assessments table's: change.ts), listed after these. */
  more?: readonly Problem[];
}

/** SQL true when text `v` (not NULL) is a date that exists, written YYYY-MM-DD. */
export function isDate(d: Dialect, v: string): string {
  if (d.isDate) return d.isDate(v);
  const y = `CAST(SUBSTRING(${v}, 1, 4) AS INTEGER)`;
  const m = `CAST(SUBSTRING(${v}, 6, 2) AS INTEGER)`;
  const day = `CAST(SUBSTRING(${v}, 9, 2) AS INTEGER)`;
  const leap = `((${y} % 4 = 0 AND ${y} % 100 <> 0) OR ${y} % 400 = 0)`;
  const dim = `(CASE WHEN ${m} = 2 THEN (CASE WHEN ${leap} THEN 29 ELSE 28 END) WHEN ${m} IN (4, 6, 9, 11) THEN 30 ELSE 31 END)`;
  // CASE keeps the casts from running on text that is not shaped like a date.
  return `(CASE WHEN ${d.matches(v, "'[0-9]{4}-[0-9]{2}-[0-9]{2}'")} THEN (CASE WHEN ${m} BETWEEN 1 AND 12 AND ${day} BETWEEN 1 AND ${dim} THEN 1 ELSE 0 END) ELSE 0 END) = 1`;
}

function isNumber(d: Dialect, v: string, whole: boolean): string {
  return d.matches(v, whole ? "'-?[0-9]+'" : "'-?([0-9]+([.][0-9]+)?|[.][0-9]+)'");
}

/** Runs every check; throws StudyError listing the problems (file order) when there are any. */
export async function runChecks(runner: SqlRunner, input: CheckInput): Promise<void> {
  const d = runner.dialect;
  const problems: Problem[] = [];
  const file = { people: input.people, events: input.events } as const;
  const missingColumn = (table: 'people' | 'events', name: string) =>
    problems.push({
      severity: 'error',
      kind: 'missing_column',
      table,
      file: file[table],
      line: 1,
      column: name,
      value: null,
      expected: `${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name} column (required)`,
    });
  for (const name of ['person_id', 'service', 'index_offence']) if (!input.peopleColumns.includes(name)) missingColumn('people', name);
  for (const name of ['person_id', 'type', 'date']) if (!input.eventColumns.includes(name)) missingColumn('events', name);
  if (problems.length > 0) throw new StudyError([...problems, ...(input.more ?? [])], quality());

  const checks: string[] = [];
  // The value as written ('' for a blank), as the in-memory reader reports it.
  const asWritten = (table: 'people' | 'events', column: string, alias = '') =>
    (table === 'people' ? input.peopleColumns : input.eventColumns).includes(column)
      ? `COALESCE(${alias || 't.'}${ident(column)}, '')`
      : 'CAST(NULL AS VARCHAR)';
  const check = (table: 'people' | 'events', kind: ErrorKind, column: string, where: string, expected: string, value = asWritten(table, column)) =>
    checks.push(
      `SELECT ${lit(table)} AS tbl, ${lit(kind)} AS kind, _line AS line, ${lit(column)} AS col, ${value} AS value, ${expected} AS expected FROM ${table}_raw t WHERE ${where}`,
    );
  const p = (name: string) => cell(input.peopleColumns, name, 't.');
  const e = (name: string) => cell(input.eventColumns, name, 't.');
  const word = (v: string, words: readonly string[]) => `LOWER(${v}) IN (${words.map(lit).join(', ')})`;
  // Only inside CASE: engines may evaluate both sides of AND, and a cast of a bad date fails.
  const dayOf = (v: string) => `(CASE WHEN ${v} IS NOT NULL AND ${isDate(d, v)} THEN ${d.dayOf(v)} END)`;
  const validDate = (v: string) => `${v} IS NOT NULL AND ${isDate(d, v)}`;
  // True when a and b are real dates and a `op` b: each date tested once (the test is most of the checks' time).
  const inOrder = (a: string, op: '<' | '>', b: string) =>
    `(CASE WHEN ${validDate(a)} AND ${validDate(b)} THEN (CASE WHEN ${d.dayOf(a)} ${op} ${d.dayOf(b)} THEN 1 ELSE 0 END) ELSE 0 END) = 1`;

  // people
  check('people', 'missing_value', 'person_id', `${p('person_id')} IS NULL`, lit('a person_id (required)'));
  checks.push(`SELECT 'people' AS tbl, 'duplicate_person_id' AS kind, x._line AS line, 'person_id' AS col, ${asWritten('people', 'person_id', 'x.')} AS value,
  'a person_id used only once (first used on line ' || CAST(y.first AS VARCHAR) || ')' AS expected
FROM people_raw x JOIN (SELECT ${p('person_id')} AS pid, MIN(_line) AS first FROM people_raw t GROUP BY ${p('person_id')}) y
  ON y.pid = ${cell(input.peopleColumns, 'person_id', 'x.')} WHERE x._line > y.first`);
  check('people', 'missing_value', 'service', `${p('service')} IS NULL`, lit('a service (required)'));
  check('people', 'missing_value', 'index_offence', `${p('index_offence')} IS NULL`, lit('an index_offence (required)'));
  check(
    'people',
    'unknown_offence',
    'index_offence',
    `${p('index_offence')} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM offences_t o WHERE o.code = ${p('index_offence')})`,
    lit('an offence code in the offence lookup'),
  );
  const dates = ['referral_date', 'in_reach_start', 'release_date', 'service_end', 'follow_up_end'];
  for (const c of dates)
    if (input.peopleColumns.includes(c))
      check('people', 'invalid_date', c, `${p(c)} IS NOT NULL AND NOT (${isDate(d, p(c))})`, lit('a date that exists, written YYYY-MM-DD'));
  const numbers: [string, boolean, number, number, string][] = [
    ['age_at_release', true, 10, 100, 'a whole number of years from 10 to 100'],
    ['prior_convictions', true, 0, 1000, 'a whole number from 0 to 1000'],
    ['custody_years_before_release', false, 0, 80, 'a number of years from 0 to 80'],
    ['aces', true, 0, 10, 'a whole number from 0 to 10'],
  ];
  for (const [c, whole, min, max, expected] of numbers) {
    if (!input.peopleColumns.includes(c)) continue;
    check('people', 'wrong_type', c, `${p(c)} IS NOT NULL AND NOT (${isNumber(d, p(c), whole)})`, lit(expected));
    check(
      'people',
      'out_of_range',
      c,
      `${p(c)} IS NOT NULL AND (CASE WHEN ${isNumber(d, p(c), whole)} THEN (CASE WHEN CAST(${p(c)} AS DECIMAL(18, 6)) BETWEEN ${min} AND ${max} THEN 0 ELSE 1 END) ELSE 0 END) = 1`,
      lit(expected),
    );
  }
  check(
    'people',
    'wrong_type',
    'sex',
    `${p('sex')} IS NOT NULL AND NOT (${word(p('sex'), SEXES)})`,
    lit('one of male, female, other, unknown (blank means unknown)'),
  );
  check(
    'people',
    'wrong_type',
    'end_reason',
    `${p('end_reason')} IS NOT NULL AND NOT (${word(p('end_reason'), END_REASONS)})`,
    lit(`one of ${END_REASONS.join(', ')}`),
  );
  check(
    'people',
    'missing_value',
    'end_reason',
    `${p('end_reason')} IS NULL AND ${validDate(p('service_end'))}`,
    lit('an end_reason, required when service_end is set'),
  );
  const booleans = ['true', 'false', 'yes', 'no', '1', '0'];
  check(
    'people',
    'wrong_type',
    'included',
    `${p('included')} IS NOT NULL AND NOT (${word(p('included'), booleans)})`,
    lit('true/false, yes/no or 1/0 (blank means true)'),
  );
  check(
    'people',
    'missing_value',
    'exclusion_reason',
    `${word(p('included'), ['false', 'no', '0'])} AND ${p('exclusion_reason')} IS NULL`,
    lit('an exclusion_reason, required when included is false'),
  );
  // Date order, on rows whose dates are real (the other rows are already refused).
  const follow = `(CASE WHEN ${validDate(p('follow_up_end'))} THEN ${d.dayOf(p('follow_up_end'))} ELSE ${input.extractionDay} END)`;
  const whose = `(CASE WHEN ${validDate(p('follow_up_end'))} THEN 'follow_up_end (' || ${p('follow_up_end')} || ')' ELSE ${lit(`the extraction date, the default follow_up_end (${formatDay(input.extractionDay)})`)} END)`;
  check(
    'people',
    'dates_out_of_order',
    'in_reach_start',
    inOrder(p('in_reach_start'), '>', p('release_date')),
    `'a date on or before release_date (' || ${p('release_date')} || ')'`,
  );
  check(
    'people',
    'dates_out_of_order',
    'service_end',
    inOrder(p('service_end'), '<', p('release_date')),
    `'a date on or after release_date (' || ${p('release_date')} || ')'`,
  );
  check(
    'people',
    'dates_out_of_order',
    'service_end',
    `${p('release_date')} IS NULL AND ${inOrder(p('service_end'), '<', p('in_reach_start'))}`,
    `'a date on or after in_reach_start (' || ${p('in_reach_start')} || '), as the person was never released'`,
  );
  check(
    'people',
    'dates_out_of_order',
    'release_date',
    `${validDate(p('release_date'))} AND (${p('follow_up_end')} IS NULL OR ${isDate(d, p('follow_up_end'))}) AND ${dayOf(p('release_date'))} > ${follow}`,
    `'a date on or before ' || ${whose}`,
  );
  check(
    'people',
    'dates_out_of_order',
    'service_end',
    `${validDate(p('service_end'))} AND (${p('follow_up_end')} IS NULL OR ${isDate(d, p('follow_up_end'))}) AND ${dayOf(p('service_end'))} > ${follow}`,
    `'a date on or before ' || ${whose}`,
  );

  // events
  check('events', 'missing_value', 'person_id', `${e('person_id')} IS NULL`, lit('a person_id (required)'));
  check(
    'events',
    'unknown_person',
    'person_id',
    `${e('person_id')} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM people_raw q WHERE ${cell(input.peopleColumns, 'person_id', 'q.')} = ${e('person_id')})`,
    lit('a person_id that appears in people'),
  );
  check('events', 'missing_value', 'type', `${e('type')} IS NULL`, lit('an event type (required)'));
  check('events', 'wrong_type', 'type', `${e('type')} IS NOT NULL AND NOT (${word(e('type'), EVENT_TYPES)})`, lit(`one of ${EVENT_TYPES.join(', ')}`));
  check('events', 'missing_value', 'date', `${e('date')} IS NULL`, lit('a date (required)'));
  check('events', 'invalid_date', 'date', `${e('date')} IS NOT NULL AND NOT (${isDate(d, e('date'))})`, lit('a date that exists, written YYYY-MM-DD'));
  const convictionLike = word(e('type'), ['conviction', 'caution']);
  if (input.eventColumns.includes('conviction_date')) {
    check(
      'events',
      'invalid_date',
      'conviction_date',
      `${e('conviction_date')} IS NOT NULL AND NOT (${isDate(d, e('conviction_date'))})`,
      lit('a date that exists, written YYYY-MM-DD'),
    );
    check(
      'events',
      'dates_out_of_order',
      'conviction_date',
      inOrder(e('conviction_date'), '<', e('date')),
      `'a date on or after the offence date (' || ${e('date')} || ')'`,
    );
  }
  check(
    'events',
    'missing_value',
    'conviction_date',
    `${convictionLike} AND ${e('conviction_date')} IS NULL`,
    `'a conviction_date, required for a ' || LOWER(${e('type')})`,
  );
  check(
    'events',
    'unknown_offence',
    'offence',
    `${e('offence')} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM offences_t o WHERE o.code = ${e('offence')})`,
    lit('an offence code in the offence lookup'),
  );
  check('events', 'missing_value', 'offence', `${convictionLike} AND ${e('offence')} IS NULL`, `'an offence code, required for a ' || LOWER(${e('type')})`);
  if (input.eventColumns.includes('recall_reasons')) {
    // What is left of ";a;b;" once every known reason is taken out must be separators alone.
    let rest = `(';' || REPLACE(LOWER(${e('recall_reasons')}), ' ', '') || ';')`;
    for (const r of RECALL_REASONS) for (let pass = 0; pass < 2; pass++) rest = `REPLACE(${rest}, ${lit(`;${r};`)}, ';')`;
    check(
      'events',
      'wrong_type',
      'recall_reasons',
      `${e('recall_reasons')} IS NOT NULL AND REPLACE(${rest}, ';', '') <> ''`,
      lit(`recall reasons separated by ';', each one of ${RECALL_REASONS.join(', ')}`),
    );
  }

  const deaths = deathChecksSql({ peopleColumns: input.peopleColumns, eventColumns: input.eventColumns, dayOf, validDate });
  for (const sql of deaths.setup) await runner.run(sql);
  checks.push(...deaths.checks);

  if (process.env.FOLLOW_UP_ENGINE_TRACE) for (const c of checks) await runner.query(c);
  const rows = await runner.query(
    `SELECT tbl, kind, line, col, value, expected FROM (${checks.join('\nUNION ALL ')}) x ORDER BY tbl DESC, line, col LIMIT ${MAX_PROBLEMS}`,
  );
  for (const r of rows) {
    const table = str(r.tbl) as 'people' | 'events';
    problems.push({
      severity: 'error',
      kind: str(r.kind) as Problem['kind'],
      table,
      file: file[table],
      line: num(r.line),
      column: str(r.col),
      value: str(r.value),
      expected: str(r.expected) as string,
    });
  }
  problems.push(...(input.more ?? []));
  if (problems.length > 0) throw new StudyError(problems, quality());
}

function quality(): ConstructorParameters<typeof StudyError>[1] {
  const none = { read: 0, used: 0, quarantined: 0 };
  return { people: { ...none }, events: { ...none }, warnings: {}, problems: [], quarantineFile: null };
}
