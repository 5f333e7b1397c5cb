/**
 * `measures` on a SQL engine (study-file.md `engine`; issue 16): the records
 * are read and checked by the engine, the per-person work is SQL
 * (per-person.ts), and only aggregates come back to be finished by the
 * toolkit's statistics (finish.ts).
 */
import { MeasureOptionError, resolveOptions } from '../measures/options.js';
import { groupSourceOf } from '../measures/groups.js';
import type { StudyMeasures } from '../measures/types.js';
import { readDefaultOffenceLookup, readOffenceLookupFile } from '../records/offence-lookup.js';
import type { MeasureOptions } from '../study/options.js';
import { EVENT_TYPES, PEOPLE_COLUMNS } from '../study/vocabulary.js';
import { parseISODate } from '../time/days.js';
import { aggregatesSql } from './aggregates.js';
import { runChecks } from './checks.js';
import { finishMeasures } from './finish.js';
import { perPersonSql } from './per-person.js';
import type { SqlRunner } from './runner.js';
import { eventsSql, offencesSql, peopleSql, severityOfRank } from './stage.js';

/** What the engine needs of a study (the CLI's StudyConfig has all of it). */
export interface EngineStudy {
  title: string | null;
  people: string;
  events: string;
  offences: string | null;
  offencesExtra?: string | null;
  extractionDate: string | null;
  snapshotDate: string | null;
  dateFormat?: string | null;
  options: Partial<MeasureOptions>;
}

/**
 * The parts of the measures JSON the SQL engine does not compute yet: their keys are null
 * in its document (the in-memory engine computes them). The command says so on standard error.
 */
export const ENGINE_NOT_COMPUTED = ['adjustedComparison', 'change', 'breakEven', 'competingRisks', 'breaches', 'cautions'] as const;

/** Death ends follow-up in every measure (records.md `death`); the engine's SQL does not apply it yet. */
const ENGINE_NO_DEATHS =
  'The SQL engine does not yet end follow-up at a death (records.md, the death event) and the events have deaths: use engine "memory" for this study.';

/** A study setting the SQL engine does not support (a usage error). */
export class EngineSettingError extends Error {
  override name = 'EngineSettingError';
}

/** Every measure of the study, computed on `runner`; the same StudyMeasures as computeMeasures on the loaded study. */
/** With FOLLOW_UP_ENGINE_TRACE set, each statement's time on standard error (for tuning the SQL). */
function traced(runner: SqlRunner): SqlRunner {
  if (!process.env.FOLLOW_UP_ENGINE_TRACE) return runner;
  const time = async <T>(sql: string, work: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const out = await work();
    const used = process.cpuUsage(cpu);
    // CPU time (every DuckDB thread is in this process) stays meaningful on a busy machine.
    const cpuMs = (used.user + used.system) / 1000;
    process.stderr.write(
      `${(performance.now() - t).toFixed(0).padStart(7)} ms ${cpuMs.toFixed(0).padStart(7)} ms cpu  ${sql.replace(/\s+/g, ' ').slice(0, 100)}\n`,
    );
    return out;
  };
  return {
    ...runner,
    loadRaw: (name, path) => time(`load ${name}`, () => runner.loadRaw(name, path)),
    run: (sql) => time(sql, () => runner.run(sql)),
    query: (sql) => time(sql, () => runner.query(sql)),
  };
}

export async function measuresOnEngine(runner: SqlRunner, study: EngineStudy): Promise<StudyMeasures> {
  const opts = resolveOptions(study.options);
  if (study.extractionDate === null) throw new EngineSettingError('The SQL engine needs the extraction date (study key extractionDate or --extraction-date).');
  if (study.dateFormat && study.dateFormat !== 'YYYY-MM-DD')
    throw new EngineSettingError(`The SQL engine reads dates written YYYY-MM-DD only (dateFormat is ${study.dateFormat}).`);
  if (study.offencesExtra)
    throw new EngineSettingError('The SQL engine does not read offencesExtra: merge the codes into the offences lookup, or use engine "memory".');
  const extractionDay = parseISODate(study.extractionDate) as number;
  const snapshotDay = study.snapshotDate === null ? null : (parseISODate(study.snapshotDate) as number);
  const { lookup, input: lookupInput } = study.offences ? readOffenceLookupFile(study.offences) : readDefaultOffenceLookup();
  void lookupInput;
  const unsourcedLookup = study.offences !== null && lookup.severitySource === null;

  runner = traced(runner);
  const peopleColumns = await runner.loadRaw('people_raw', study.people);
  const eventColumns = await runner.loadRaw('events_raw', study.events);
  const group = groupSourceOf(opts.groupBy, [...new Set([...PEOPLE_COLUMNS, ...peopleColumns])]);
  if (group.source === 'people' && !peopleColumns.includes(group.column)) {
    throw new MeasureOptionError(
      `Cannot group by "${opts.groupBy}": the people file has no ${group.column} column. Add it to the file, or group by another column.`,
    );
  }
  for (const sql of offencesSql(lookup)) await runner.run(sql);
  await runChecks(runner, { people: study.people, events: study.events, peopleColumns, eventColumns, extractionDay, lookup });

  const d = runner.dialect;
  await runner.run(peopleSql(d, peopleColumns, extractionDay, group));
  await runner.run(eventsSql(d, eventColumns));
  const [deaths] = await runner.query(`SELECT COUNT(*) AS n FROM events_t WHERE type = ${EVENT_TYPES.indexOf('death')}`);
  if (Number(deaths?.n ?? 0) > 0) throw new EngineSettingError(ENGINE_NO_DEATHS);
  for (const sql of perPersonSql(d, opts)) await runner.run(sql);
  const results: Record<string, Awaited<ReturnType<SqlRunner['query']>>> = {};
  for (const [name, sql] of Object.entries(aggregatesSql(d, snapshotDay, extractionDay))) results[name] = await runner.query(sql);
  return finishMeasures(
    results,
    { opts, title: study.title, extractionDay, snapshotDay, unsourcedLookup, groupColumnName: group.column, severityOfRank: severityOfRank(lookup) },
    group.source,
  );
}
