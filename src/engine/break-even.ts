/**
 * Value for money without a comparison group on the SQL engine (value.md, "Break-even";
 * json-output.md `breakEven`; issue 16): the offence group of each proven reoffence of
 * measures.md Measure 3 comes back with its person's file line, and the in-memory pricing
 * (breakEvenOfGroups) finishes it. The rows are put in the study's event order (date, type,
 * conviction date, offence lookup row) so each person's costs are added in the same order.
 */
import type { BreakEvenOnly } from '../measures/value/types.js';
import { breakEvenOfGroups, type ValueInputsOfStudy } from '../measures/value/service-break-even.js';
import type { OffenceLookup } from '../study/study.js';
import type { MeasureOptions } from '../study/options.js';
import { reconvictionTypes } from './per-person.js';
import { columnsOf, num, str, type SqlRunner } from './runner.js';

/** The break-even, after per-person.ts built m_proven_dates and m_proven. */
export async function breakEvenOnEngine(runner: SqlRunner, lookup: OffenceLookup, opts: MeasureOptions, value: ValueInputsOfStudy): Promise<BreakEvenOnly> {
  const [eligible] = await runner.query('SELECT COUNT(*) AS n FROM m_proven WHERE eligible = 1');
  // The same window as m_proven's count: offence date in [s, w), conviction date < c, eligible people only.
  const c = await columnsOf(
    runner,
    `SELECT p.line, x.d, x.type, x.cd, x.off, o.grp FROM m_proven_dates c
JOIN cohort p ON p.pid = c.pid
JOIN events_t x ON x.pid = c.pid AND ${reconvictionTypes(opts)} AND x.d >= c.s AND x.d < c.w AND x.cd IS NOT NULL AND x.cd < c.cend
JOIN offences_t o ON o.code = x.off
WHERE c.f >= c.cend`,
  );
  const rowOf = new Map(lookup.code.map((code, k) => [code, k]));
  const events = (c.line ?? []).map((line, i) => ({
    line: num(line),
    d: num(c.d[i]),
    type: num(c.type[i]),
    cd: num(c.cd[i]),
    off: rowOf.get(str(c.off[i]) as string) ?? -1,
    group: str(c.grp[i]) ?? '',
  }));
  events.sort((a, b) => a.line - b.line || a.d - b.d || a.type - b.type || a.cd - b.cd || a.off - b.off);
  // One list per eligible person: those without a reoffence add nothing to the cost, wherever they stand.
  const groups: string[][] = [];
  for (let i = 0; i < events.length; i++) {
    if (i === 0 || events[i].line !== events[i - 1].line) groups.push([]);
    groups[groups.length - 1].push(events[i].group);
  }
  for (let n = num(eligible?.n); groups.length < n; ) groups.push([]);
  return breakEvenOfGroups(groups, opts, value);
}
