/**
 * The checks a `death` event brings (records.md, "Validation"), as SQL, with
 * the in-memory reader's kinds, lines, columns, values and words
 * (src/records/death-checks.ts): a second death of one person is an error in
 * its event row; an event whose date, or else conviction_date, is after the
 * person's death is an error in the event row; a release_date or service_end
 * after the death is an error in the people row. As there, the death kept is
 * the person's first death row in file order, and an exact duplicate of an
 * earlier row (counted once) is not checked again.
 *
 * Only the events of people with a death are read again, and only the rows
 * that can be in error are compared for duplicates; a study without deaths
 * costs one scan for the `death` type.
 */
import { EVENT, EVENT_TYPES } from '../study/vocabulary.js';
import { ident, lit } from './runner.js';
import { cell } from './stage.js';

interface DeathCheckInput {
  peopleColumns: readonly string[];
  eventColumns: readonly string[];
  /** Day number of a raw date cell, NULL unless it is a real date (checks.ts). */
  dayOf: (v: string) => string;
  /** True when a raw date cell is a real date. */
  validDate: (v: string) => string;
}

/** The event columns records.md names; any other column of the file is an extra, compared as written. */
const EVENT_FILE_COLUMNS = ['person_id', 'type', 'date', 'conviction_date', 'offence', 'recall_reasons'];

/** The statements that stage the checks (`setup`) and the checks' rows (tbl, kind, line, col, value, expected). */
export function deathChecksSql(input: DeathCheckInput): { setup: string[]; checks: string[] } {
  const e = (name: string) => cell(input.eventColumns, name, 't.');
  const extras = input.eventColumns.filter((c) => c !== '_line' && !EVENT_FILE_COLUMNS.includes(c)).map((c) => `t.${ident(c)}`);
  const type = `(CASE LOWER(${e('type')}) ${EVENT_TYPES.map((t, i) => `WHEN ${lit(t)} THEN ${i}`).join(' ')} END)`;
  const reasons = `(';' || REPLACE(LOWER(COALESCE(${e('recall_reasons')}, '')), ' ', '') || ';')`;
  const samePerson = `EXISTS (SELECT 1 FROM people_raw q WHERE ${cell(input.peopleColumns, 'person_id', 'q.')} = ${e('person_id')})`;
  // A row the reader keeps: its own values valid (the person's, for a death, in people).
  const valid = `${type} IS NOT NULL AND ${input.validDate(e('date'))} AND (${e('conviction_date')} IS NULL OR ${input.validDate(e('conviction_date'))})`;
  const row = (t: string) => `${t}._line AS line, ${e('person_id')} AS pid, ${type} AS type, ${input.dayOf(e('date'))} AS d, ${e('date')} AS dt,
  ${input.dayOf(e('conviction_date'))} AS cd, ${e('conviction_date')} AS cdt, ${e('offence')} AS off, ${reasons} AS reasons${extras.map((x, k) => `, ${x} AS x${k}`).join('')}`;
  // The rows the in-memory reader keeps: the first of each set of rows identical in every column.
  const identity = ['pid', 'type', 'd', 'cd', 'off', 'reasons', ...extras.map((_, k) => `x${k}`)].join(', ');
  const setup = [
    // The person's death: the first usable death row in file order.
    `CREATE TABLE dc_death AS SELECT pid, line, d, dt FROM (SELECT ${row('t')}, ROW_NUMBER() OVER (PARTITION BY ${e('person_id')} ORDER BY t._line) AS k
FROM events_raw t WHERE LOWER(${e('type')}) = 'death' AND ${e('person_id')} IS NOT NULL AND ${valid} AND ${samePerson}) w WHERE k = 1`,
    // The raw rows of people with a death, first on their own: the checks of the next step then read these alone.
    `CREATE TABLE dc_rows AS SELECT t.* FROM events_raw t JOIN dc_death x ON x.pid = ${e('person_id')}`,
    // The rows that can be in error (deaths, and rows dated or convicted after the death), less the duplicates.
    `CREATE TABLE dc_kept AS SELECT line, pid, type, d, dt, cd, cdt FROM (SELECT y.*, ROW_NUMBER() OVER (PARTITION BY ${identity} ORDER BY line) AS k
FROM (SELECT ${row('t')}, x.d AS death FROM dc_rows t JOIN dc_death x ON x.pid = ${e('person_id')} WHERE ${valid}) y
WHERE y.type = ${EVENT.death} OR y.d > y.death OR y.cd > y.death) w WHERE k = 1`,
  ];
  const deathLine = 'CAST(x.line AS VARCHAR)';
  // The reader's words have an apostrophe; Spark SQL reads '' inside a literal as two literals, so it is chr(39), which all four engines have.
  const words = (text: string) => text.split("'").map(lit).join(' || chr(39) || ');
  const checks = [
    `SELECT 'events' AS tbl, 'second_death' AS kind, k.line AS line, 'type' AS col, 'death' AS value,
  ${words("one death per person (this person's death is on line ")} || ${deathLine} || ', ' || x.dt || ')' AS expected
FROM dc_kept k JOIN dc_death x ON x.pid = k.pid WHERE k.type = ${EVENT.death} AND k.line <> x.line`,
    `SELECT 'events' AS tbl, 'after_death' AS kind, k.line AS line, 'date' AS col, k.dt AS value,
  ${words("a date on or before the person's death (")} || x.dt || ', line ' || ${deathLine} || ')' AS expected
FROM dc_kept k JOIN dc_death x ON x.pid = k.pid WHERE k.type <> ${EVENT.death} AND k.d > x.d`,
    `SELECT 'events' AS tbl, 'after_death' AS kind, k.line AS line, 'conviction_date' AS col, k.cdt AS value,
  ${words("a conviction_date on or before the person's death (")} || x.dt || ', line ' || ${deathLine} || ')' AS expected
FROM dc_kept k JOIN dc_death x ON x.pid = k.pid WHERE k.type <> ${EVENT.death} AND k.d <= x.d AND k.cd > x.d`,
    ...['release_date', 'service_end']
      .filter((c) => input.peopleColumns.includes(c))
      .map((c) => {
        const v = cell(input.peopleColumns, c, 't.');
        return `SELECT 'people' AS tbl, 'after_death' AS kind, t._line AS line, ${lit(c)} AS col, ${v} AS value,
  ${words(`a ${c} on or before the person's death (`)} || x.dt || ', events line ' || ${deathLine} || ')' AS expected
FROM people_raw t JOIN dc_death x ON x.pid = ${cell(input.peopleColumns, 'person_id', 't.')} WHERE ${input.validDate(v)} AND ${input.dayOf(v)} > x.d`;
      }),
  ];
  return { setup, checks };
}
