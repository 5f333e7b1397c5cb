/**
 * Individual change on the SQL engine (change.md; records.md "assessments"; json-output.md
 * `change`; issue 16). The engine reads the assessments table itself and refuses it with the
 * in-memory reader's errors (assessmentProblems); each cohort member's pre and post score is
 * SQL (change/pairs.ts: the earliest and latest assessment on or before F); the analysed
 * people's scores come back in file order with counts per group, and the in-memory
 * finishing (changeOf) computes the summaries.
 */
import { changeOf, type ChangeCounts, type ChangeResult } from '../measures/change/measure.js';
import type { Instrument } from '../study/instruments.js';
import type { Problem } from '../study/study.js';
import { isDate } from './checks.js';
import type { Dialect } from './dialect.js';
import type { Labels } from './labels.js';
import { columnsOf, ident, lit, num, str, type SqlRunner } from './runner.js';

const COLUMNS = ['person_id', 'instrument', 'date', 'score'] as const;

/** A number as parseNumberBytes reads one (records' bytes.ts PLAIN_NUMBER). */
const PLAIN_NUMBER = "'[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?'";

/** The instrument's index in the study file's order, matched ignoring case (the reader's WordMatcher); NULL when none. */
function instrumentIndex(names: readonly string[], v: string): string {
  return `(CASE LOWER(${v}) ${names.map((n, k) => `WHEN ${lit(n.toLowerCase())} THEN ${k}`).join(' ')} END)`;
}

/**
 * The assessments table's problems, as the in-memory reader (records' assessments-reader.ts)
 * words them and in its order (by line, then person_id, instrument, date, score): required
 * columns and values, a person in people, a declared instrument, a real date, a numeric
 * score, and one assessment of a person with an instrument on a day among the rows
 * without other errors. Loads the table as `assessments_raw`, its rows not all blank as `assessments_rows`.
 */
export async function assessmentProblems(
  runner: SqlRunner,
  file: string,
  shownFile: string,
  names: readonly string[],
  peopleColumns: readonly string[],
): Promise<{ problems: Problem[]; columns: string[] }> {
  const d = runner.dialect;
  const columns = await runner.loadRaw('assessments_raw', file);
  // Without a person_id column in people nothing can be linked; runChecks refuses the people file.
  if (!peopleColumns.includes('person_id')) return { columns, problems: [] };
  const problem = (p: Omit<Problem, 'severity' | 'table' | 'file'>): Problem => ({ severity: 'error', table: 'assessments', file: shownFile, ...p });
  const missing = COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0)
    return {
      columns,
      problems: missing.map((c) =>
        problem({ kind: 'missing_column', line: 1, column: c, value: null, expected: `${/^[aeiou]/.test(c) ? 'an' : 'a'} ${c} column (required)` }),
      ),
    };
  // A row with every cell blank is no row (the reader skips it: warning empty_rows, which the engine does not give).
  await runner.run(`CREATE VIEW assessments_rows AS SELECT * FROM assessments_raw WHERE NOT (${columns.map((c) => `${ident(c)} IS NULL`).join(' AND ')})`);
  const t = (c: string) => `t.${ident(c)}`;
  const known = `EXISTS (SELECT 1 FROM people_raw q WHERE q.${ident('person_id')} = ${t('person_id')})`;
  const ins = instrumentIndex(names, t('instrument'));
  const number = d.matches(t('score'), PLAIN_NUMBER);
  const checks: [number, string, string, string, string][] = [
    [0, 'missing_value', 'person_id', `${t('person_id')} IS NULL`, lit('a person_id (required)')],
    [0, 'unknown_person', 'person_id', `${t('person_id')} IS NOT NULL AND NOT ${known}`, lit('a person_id that appears in people')],
    [1, 'missing_value', 'instrument', `${t('instrument')} IS NULL`, lit('an instrument (required)')],
    [
      1,
      'unknown_instrument',
      'instrument',
      `${t('instrument')} IS NOT NULL AND ${ins} IS NULL`,
      lit(`an instrument declared under "instruments" in the study file (${names.join(', ')})`),
    ],
    [2, 'invalid_date', 'date', `${t('date')} IS NOT NULL AND NOT (${isDate(d, t('date'))})`, lit('a date that exists, written YYYY-MM-DD')],
    [2, 'missing_value', 'date', `${t('date')} IS NULL`, lit('a date (required)')],
    [3, 'missing_value', 'score', `${t('score')} IS NULL`, lit('a score (required)')],
    [3, 'wrong_type', 'score', `${t('score')} IS NOT NULL AND NOT (${number})`, lit('a number: the instrument’s total or scale score')],
  ];
  const selects = checks.map(
    ([ord, kind, column, where, expected]) =>
      `SELECT ${lit(kind)} AS kind, _line AS line, ${ord} AS ord, ${lit(column)} AS col, COALESCE(${t(column)}, '') AS value, ${expected} AS expected FROM assessments_rows t WHERE ${where}`,
  );
  // A second row of a person, instrument and day among the rows the reader keeps (those without another error).
  const clean = `${t('person_id')} IS NOT NULL AND ${known} AND ${ins} IS NOT NULL AND ${t('date')} IS NOT NULL AND ${isDate(d, t('date'))} AND ${t('score')} IS NOT NULL AND ${number}`;
  const kept = `SELECT _line, ${t('person_id')} AS pid, ${ins} AS ins, ${t('date')} AS d FROM assessments_rows t WHERE ${clean}`;
  const named = `(CASE k.ins ${names.map((n, k) => `WHEN ${k} THEN ${lit(n)}`).join(' ')} END)`;
  selects.push(`SELECT 'duplicate_assessment' AS kind, k._line AS line, 4 AS ord, 'date' AS col, k.d AS value,
  'one assessment of a person with an instrument on a day (line ' || CAST(f.first AS VARCHAR) || ' has this person, ' || ${named} || ' and date)' AS expected
FROM (${kept}) k JOIN (SELECT pid, ins, d, MIN(_line) AS first FROM (${kept}) a GROUP BY pid, ins, d) f
  ON f.pid = k.pid AND f.ins = k.ins AND f.d = k.d WHERE k._line > f.first`);
  const rows = await runner.query(`SELECT kind, line, col, value, expected FROM (${selects.join('\nUNION ALL ')}) x ORDER BY line, ord LIMIT 1000`);
  return {
    columns,
    problems: rows.map((r) =>
      problem({ kind: str(r.kind) as Problem['kind'], line: num(r.line), column: str(r.col), value: str(r.value), expected: str(r.expected) as string }),
    ),
  };
}

/** assess_t(pid, ins, d, score): the checked assessments, instrument as its index, date as a day number. */
function assessmentsSql(d: Dialect, names: readonly string[]): string {
  return `CREATE TABLE assess_t AS SELECT t.${ident('person_id')} AS pid, ${instrumentIndex(names, `t.${ident('instrument')}`)} AS ins,
  ${d.dayOf(`t.${ident('date')}`)} AS d, t.${ident('score')} AS score FROM assessments_rows t`;
}

/**
 * The change of every instrument, after per-person.ts built the cohort: `groups` are the
 * cohort's group labels (finish.ts's), each analysed person's pre and post fetched in file
 * order, the counts of who had no assessment or one day only per group.
 */
export async function changeOnEngine(
  runner: SqlRunner,
  instruments: Record<string, Instrument>,
  groupBy: string,
  groups: Labels,
  cohortGroups: readonly unknown[],
): Promise<{ change: ChangeResult; read: number }> {
  const names = Object.keys(instruments);
  await runner.run(assessmentsSql(runner.dialect, names));
  await runner.run(`CREATE TABLE m_change AS SELECT c.pid, c.line, c.gkey, a.ins, MIN(a.d) AS first, MAX(a.d) AS last
FROM cohort c JOIN assess_t a ON a.pid = c.pid AND a.d <= c.f GROUP BY c.pid, c.line, c.gkey, a.ins`);
  const pairs = await columnsOf(
    runner,
    `SELECT m.ins, m.gkey, p.score AS pre, q.score AS post FROM m_change m
JOIN assess_t p ON p.pid = m.pid AND p.ins = m.ins AND p.d = m.first
JOIN assess_t q ON q.pid = m.pid AND q.ins = m.ins AND q.d = m.last
WHERE m.last > m.first ORDER BY m.ins, m.line`,
  );
  const pairIns = Int32Array.from(pairs.ins ?? [], num);
  const byGroup = await runner.query(`SELECT ins, gkey, SUM(CASE WHEN last > first THEN 1 ELSE 0 END) AS analysed,
  SUM(CASE WHEN last = first THEN 1 ELSE 0 END) AS one_day FROM m_change GROUP BY ins, gkey`);
  const cohortByGroup = await runner.query('SELECT gkey, COUNT(*) AS cnt FROM cohort GROUP BY gkey');
  const [read] = await runner.query('SELECT COUNT(*) AS n FROM assessments_rows');

  const G = groups.names.length;
  const present = new Array<boolean>(G).fill(false);
  for (const raw of cohortGroups) present[groups.codeOf(raw)] = true;
  const cohortCount = new Float64Array(G);
  for (const r of cohortByGroup) cohortCount[groups.codeOf(r.gkey)] += num(r.cnt);
  return {
    read: num(read?.n),
    change: changeOf({
      names,
      instruments,
      groupBy,
      groupNames: groups.names,
      present,
      pairsOf: (k) => {
        const mine: number[] = [];
        for (let j = 0; j < pairIns.length; j++) if (pairIns[j] === k) mine.push(j);
        const analysed = new Float64Array(G);
        const oneDay = new Float64Array(G);
        for (const r of byGroup) {
          if (num(r.ins) !== k) continue;
          analysed[groups.codeOf(r.gkey)] += num(r.analysed);
          oneDay[groups.codeOf(r.gkey)] += num(r.one_day);
        }
        const counts = (g: number | null): ChangeCounts => {
          let cohort = 0;
          let done = 0;
          let one = 0;
          for (let h = 0; h < G; h++) {
            if (g !== null && h !== g) continue;
            cohort += cohortCount[h];
            done += analysed[h];
            one += oneDay[h];
          }
          return { cohort, noAssessment: cohort - done - one, oneDayOnly: one };
        };
        return {
          pre: Float64Array.from(mine, (j) => Number(str(pairs.pre[j]))),
          post: Float64Array.from(mine, (j) => Number(str(pairs.post[j]))),
          group: Int32Array.from(mine, (j) => groups.codeOf(pairs.gkey[j])),
          counts,
        };
      },
    }),
  };
}
