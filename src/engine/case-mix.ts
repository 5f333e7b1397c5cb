/**
 * The adjusted comparison of services on the SQL engine (measures.md, "Services compared,
 * adjusted for whom they take on"; json-output.md `adjustedComparison`; issue 16). A
 * regression needs its model frame, which no count by day can replace: the engine returns
 * one row per person of the desistance cohort (outcome flags, conviction-free time and
 * event, service, the case-mix values), in file order as the in-memory measures take the
 * people, and the in-memory fit (adjustedComparisonOfFrame) does the rest.
 */
import { adjustedComparisonOfFrame } from '../measures/adjusted-services.js';
import type { AdjustedComparison } from '../measures/adjusted-types.js';
import { caseMixValue, releaseYearOf, resolveCaseMix, type CaseMixColumn, type CaseMixLookupName, type CaseMixSource } from '../measures/case-mix.js';
import type { MeasureOptions } from '../study/options.js';
import { EVENT, PEOPLE_COLUMNS } from '../study/vocabulary.js';
import type { Dialect } from './dialect.js';
import { columnsOf, ident, num, str, type SqlRunner } from './runner.js';

/** The people columns the loaded study stores as numbers (the people reader parses them; Number() reads the same text alike). */
const NUMBER_COLUMNS = new Set(['age_at_release', 'prior_convictions', 'custody_years_before_release', 'aces']);

/** people_t's column of each people column it holds, as the people reader decodes it. */
const STAGED: Record<string, string> = { sex: 'c.sex', index_offence: 'o.code' };

/** offences_t's column of each lookup column a case mix may name. */
const LOOKUP_SQL: Record<CaseMixLookupName, string> = { category: 'o.category', group: 'o.grp', mode_of_trial: 'o.mode', severity: 'o.sev' };

/**
 * The in-memory study's people column names, in its order (assembleStudy: the format
 * columns with index_offence_row, then the file's other columns), so the case mix's
 * messages list the same columns.
 */
function studyColumnNames(fileColumns: readonly string[]): string[] {
  const format: string[] = [...PEOPLE_COLUMNS];
  format.splice(format.indexOf('index_offence') + 1, 0, 'index_offence_row');
  return [...format, ...fileColumns.filter((c) => !format.includes(c))];
}

/**
 * The adjusted comparison on `runner`, after per-person.ts built cohort, m_proven and
 * m_desistance: the case mix resolved as in memory (the same errors), the model frame
 * fetched ordered by file line, then fitted by the in-memory code.
 */
export async function adjustedOnEngine(runner: SqlRunner, peopleColumns: readonly string[], opts: MeasureOptions): Promise<AdjustedComparison | null> {
  // Each column's values are filled in once the frame is fetched: resolving first gives the in-memory errors before any query.
  const selects: string[] = [];
  const numeric: boolean[] = [];
  const filled: (number | string | null)[][] = [];
  const add = (name: string, sql: string, asNumber: boolean): CaseMixColumn => {
    const k = selects.length;
    selects.push(`${sql} AS m${k}`);
    numeric.push(asNumber);
    filled.push([]);
    return { name, valueOf: (i) => filled[k][i] };
  };
  let releaseYears: (number | null)[] = [];
  const source: CaseMixSource = {
    peopleNames: studyColumnNames(peopleColumns),
    absent: new Set(PEOPLE_COLUMNS.filter((c) => !peopleColumns.includes(c))),
    releaseYear: () => ({ name: 'release_year', valueOf: (i) => releaseYears[i] }),
    lookup: (name) => add(name, LOOKUP_SQL[name], name === 'severity'),
    people: (name) => add(name, STAGED[name] ?? `p.${ident(name)}`, NUMBER_COLUMNS.has(name)),
  };
  const columns = resolveCaseMix(source, opts.caseMix);
  const frame = await columnsOf(runner, frameSql(runner.dialect, selects, opts));
  const col = (name: string) => frame[name] ?? [];
  const n = col('line').length;
  releaseYears = Array.from(col('r'), (r) => releaseYearOf(num(r)));
  for (let k = 0; k < selects.length; k++) {
    const values = col(`m${k}`);
    filled[k] = Array.from({ length: n }, (_, j) => {
      const v = str(values[j]);
      return caseMixValue(v === null ? null : numeric[k] ? Number(v) : v);
    });
  }
  const t = Float64Array.from(col('t'), num);
  const ev = Uint8Array.from(col('ev'), num);
  const eligible: number[] = [];
  col('eligible').forEach((e, j) => num(e) === 1 && eligible.push(j));
  const reoffended = col('reoffended');
  const recalled = col('recalled');
  // A row of the frame is its index in the fetched columns.
  return adjustedComparisonOfFrame(
    {
      columns,
      service: Array.from(col('service'), (v) => str(v) as string),
      proven: {
        rows: Int32Array.from(eligible),
        reoffended: Uint8Array.from(eligible, (j) => num(reoffended[j])),
        recalled: Uint8Array.from(eligible, (j) => num(recalled[j])),
        tooShort: n - eligible.length,
      },
      desistance: { rows: Int32Array.from({ length: n }, (_, j) => j), time: t, event: ev },
    },
    opts,
  );
}

/**
 * One row per person of m_desistance (the cohort from s), in file order: service, release
 * day r, conviction-free time t and event ev, proven reoffending's eligibility and outcome,
 * a recall dated in [r, r + W months) (adjusted-services.ts recallWithin), and the case mix.
 */
function frameSql(d: Dialect, selects: readonly string[], opts: MeasureOptions): string {
  // A join, not EXISTS in the select list: Spark SQL takes correlated subqueries only in WHERE.
  return `SELECT c.line, c.service, c.r, m.t, m.ev, v.eligible, (CASE WHEN v.n > 0 THEN 1 ELSE 0 END) AS reoffended,
  COALESCE(z.recalled, 0) AS recalled${selects.map((s) => `,\n  ${s}`).join('')}
FROM m_desistance m JOIN cohort c ON c.pid = m.pid JOIN m_proven v ON v.pid = m.pid JOIN people_raw p ON p._line = c.line
LEFT JOIN offences_t o ON o.code = p.${ident('index_offence')}
LEFT JOIN (SELECT x.pid, MAX(1) AS recalled FROM events_t x JOIN cohort q ON q.pid = x.pid
  WHERE x.type = ${EVENT.recall} AND x.d >= q.r AND x.d < ${d.addMonths('q.r', opts.provenWindowMonths)} GROUP BY x.pid) z ON z.pid = c.pid
ORDER BY c.line`;
}
