/**
 * `measures` on a SQL engine (study-file.md `engine`; issue 16): the records
 * are read and checked by the engine, the per-person work is SQL
 * (per-person.ts), and only aggregates come back to be finished by the
 * toolkit's statistics (finish.ts).
 */
import { MeasureOptionError, resolveOptions } from '../measures/options.js';
import { groupSourceOf } from '../measures/groups.js';
import type { StudyMeasures } from '../measures/types.js';
import type { ValueInputsOfStudy } from '../measures/value/service-break-even.js';
import { readDefaultOffenceLookup, readOffenceLookupFile } from '../records/offence-lookup.js';
import type { Instrument } from '../study/instruments.js';
import type { MeasureOptions } from '../study/options.js';
import { EVENT, PEOPLE_COLUMNS } from '../study/vocabulary.js';
import { parseISODate } from '../time/days.js';
import { aggregatesSql } from './aggregates.js';
import { breakEvenOnEngine } from './break-even.js';
import { adjustedOnEngine } from './case-mix.js';
import { assessmentProblems, changeOnEngine } from './change.js';
import { runChecks } from './checks.js';
import { finishMeasures } from './finish.js';
import { competingRisksAggregatesSql } from './competing-risks.js';
import { labelsOf } from './labels.js';
import { competingRisksSql, perPersonSql } from './per-person.js';
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
  /** The assessments table and the study file's instruments (change.md); without both, change is null. */
  assessments?: string | null;
  instruments?: Record<string, Instrument> | null;
  /** The value settings and their unit-cost table (value.md); without them, breakEven is null. */
  valueInputs?: ValueInputsOfStudy | null;
}

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
  const instruments = study.assessments ? (study.instruments ?? {}) : null;
  const assessments =
    study.assessments && instruments ? await assessmentProblems(runner, study.assessments, study.assessments, Object.keys(instruments), peopleColumns) : null;
  await runChecks(runner, { people: study.people, events: study.events, peopleColumns, eventColumns, extractionDay, lookup, more: assessments?.problems });

  const d = runner.dialect;
  await runner.run(peopleSql(d, peopleColumns, extractionDay, group));
  await runner.run(eventsSql(d, eventColumns));
  for (const sql of perPersonSql(d, opts)) await runner.run(sql);
  // Only a study with death events has the competing-risks block (competing-risks.ts hasDeaths).
  const [deaths] = await runner.query(`SELECT COUNT(*) AS n FROM events_t WHERE type = ${EVENT.death}`);
  const withDeaths = Number(deaths?.n ?? 0) > 0;
  if (withDeaths) for (const sql of competingRisksSql(opts)) await runner.run(sql);
  const results: Record<string, Awaited<ReturnType<SqlRunner['query']>>> = {};
  const aggregates = { ...aggregatesSql(d, snapshotDay, extractionDay), ...(withDeaths ? competingRisksAggregatesSql() : {}) };
  for (const [name, sql] of Object.entries(aggregates)) results[name] = await runner.query(sql);
  const measures = finishMeasures(
    results,
    { opts, title: study.title, extractionDay, snapshotDay, unsourcedLookup, groupColumnName: group.column, severityOfRank: severityOfRank(lookup) },
    group.source,
  );
  // The models, individual change and the break-even read per-person rows (case-mix.ts, change.ts, break-even.ts).
  measures.adjustedComparison = await adjustedOnEngine(runner, peopleColumns, opts);
  if (assessments && instruments) {
    const cohortGroups = results.cohortGroups.map((r) => r.gkey);
    const { change, read } = await changeOnEngine(runner, instruments, opts.groupBy, labelsOf(group.column, cohortGroups), cohortGroups);
    measures.change = study.instruments ? change : null;
    const { people, events, warnings } = measures.dataQuality;
    measures.dataQuality = { people, events, assessments: { read, used: read, quarantined: 0 }, warnings };
  } else measures.change = null;
  measures.breakEven = study.valueInputs ? await breakEvenOnEngine(runner, lookup, opts, study.valueInputs) : null;
  return measures;
}
