/**
 * The SQL engine refuses bad records as the in-memory reader does (records.md,
 * "Validation"; src/engine/checks.ts), and `follow-up measures --engine duckdb`
 * and the study key `engine` (study-file.md) run it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Output } from '../../src/cli/output.js';
import { openDuckDb } from '../../src/engine/duckdb.js';
import { measuresOnEngine } from '../../src/engine/measures.js';
import type { SqlRunner } from '../../src/engine/runner.js';
import { StudyError } from '../../src/records/index.js';
import type { Problem } from '../../src/study/study.js';
import { studyError } from '../records/helpers.js';
import { postgresBin, startPostgres, type PostgresServer } from '../support/postgres.js';

const dir = 'tests/fixtures/records';
const files = { people: `${dir}/errors/people.csv`, events: `${dir}/errors/events.csv`, offences: `${dir}/offences.csv` };
const summary = (p: Problem) => [p.table, p.kind, p.line, p.column, p.value, p.file];

async function engineErrors(runner: SqlRunner): Promise<Problem[]> {
  try {
    await measuresOnEngine(runner, { title: null, ...files, extractionDate: '2020-01-31', snapshotDate: null, options: {} });
  } catch (error) {
    if (error instanceof StudyError) return error.problems;
    throw error;
  } finally {
    await runner.close();
  }
  throw new Error('expected a StudyError');
}

/** The in-memory reader's errors, less `person_quarantined` (an event of a person whose row had errors: the engine refuses the whole study instead). */
async function memoryErrors(): Promise<unknown[]> {
  const error = await studyError(files, { extractionDate: '2020-01-31' });
  return error.problems.filter((p) => p.severity === 'error' && p.kind !== 'person_quarantined').map(summary);
}

describe('the engine refuses bad records with the in-memory errors', () => {
  it('DuckDB: every error, with kind, file, line, column and value', async () => {
    const expected = await memoryErrors();
    expect(expected.length).toBe(33);
    expect((await engineErrors(await openDuckDb())).map(summary)).toEqual(expected);
  });

  it('DuckDB: a missing required column', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'engine-'));
    writeFileSync(join(tmp, 'people.csv'), 'person_id,service\nP1,S\n');
    writeFileSync(join(tmp, 'events.csv'), 'person_id,type,date\n');
    const runner = await openDuckDb();
    const error = await measuresOnEngine(runner, {
      title: null,
      people: join(tmp, 'people.csv'),
      events: join(tmp, 'events.csv'),
      offences: null,
      extractionDate: '2020-01-31',
      snapshotDate: null,
      options: {},
    }).catch((e) => e);
    await runner.close();
    expect(error).toBeInstanceOf(StudyError);
    expect((error as StudyError).problems.map((p) => [p.kind, p.line, p.column])).toEqual([['missing_column', 1, 'index_offence']]);
  });
});

/** An assessments table with one error of each kind the reader finds (records.md "assessments"), a blank row it skips, and rows it keeps. */
const instruments = {
  wellbeing: { reliability: 0.9, better: 'lower' as const, sd: null, clinical: null, functional: null, source: null },
  goals: { reliability: 0.8, better: 'higher' as const, sd: null, clinical: null, functional: null, source: null },
};
const assessmentFiles = (() => {
  const tmp = mkdtempSync(join(tmpdir(), 'engine-assess-'));
  writeFileSync(join(tmp, 'people.csv'), 'person_id,service,index_offence,release_date\nP1,Ashby,VAP-GBH-S20,2020-01-10\nP2,Ashby,VAP-GBH-S20,2020-02-10\n');
  writeFileSync(join(tmp, 'events.csv'), 'person_id,type,date,conviction_date,offence\n');
  const rows = [
    'person_id,instrument,date,score',
    'P1,wellbeing,2019-12-01,20',
    'P9,wellbeing,2019-12-01,20',
    'P1,mood,2019-12-01,20',
    'P1,wellbeing,2023-02-30,20',
    'P1,goals,2019-12-01,high',
    'P1,WELLBEING,2019-12-01,18',
    'P1,goals,2019-12-01,',
    ',,,',
    'P2,goals,2020-03-01,+1.5e1',
    'P2,Goals,2020-03-01,.5',
    ',mood,2020-13-01,x',
  ];
  writeFileSync(join(tmp, 'assessments.csv'), `${rows.join('\n')}\n`);
  return { people: join(tmp, 'people.csv'), events: join(tmp, 'events.csv'), assessments: join(tmp, 'assessments.csv') };
})();
const fullSummary = (p: Problem) => [p.table, p.kind, p.line, p.column, p.value, p.expected, p.file];

async function engineAssessmentErrors(runner: SqlRunner): Promise<unknown[]> {
  const error = await measuresOnEngine(runner, {
    title: null,
    ...assessmentFiles,
    offences: null,
    extractionDate: '2021-01-01',
    snapshotDate: null,
    options: {},
    instruments,
  })
    .catch((e) => e)
    .finally(() => runner.close());
  expect(error).toBeInstanceOf(StudyError);
  return (error as StudyError).problems.map(fullSummary);
}

async function memoryAssessmentErrors(): Promise<unknown[]> {
  const error = await studyError(assessmentFiles, { extractionDate: '2021-01-01', instruments });
  const problems = error.problems.filter((p) => p.severity === 'error').map(fullSummary);
  expect(problems.map((p) => p[1])).toEqual([
    'unknown_person',
    'unknown_instrument',
    'invalid_date',
    'wrong_type',
    'duplicate_assessment',
    'missing_value',
    'duplicate_assessment',
    'missing_value',
    'unknown_instrument',
    'invalid_date',
    'wrong_type',
  ]);
  return problems;
}

describe('the engine reads the assessments table and refuses it with the in-memory errors', () => {
  it('DuckDB: every error, with kind, line, column, value and the words of what was expected', async () => {
    expect(await engineAssessmentErrors(await openDuckDb())).toEqual(await memoryAssessmentErrors());
  });

  it('DuckDB: a missing required column', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'engine-assess-'));
    writeFileSync(join(tmp, 'assessments.csv'), 'person_id,instrument,date\nP1,wellbeing,2019-12-01\n');
    const runner = await openDuckDb();
    const error = await measuresOnEngine(runner, {
      title: null,
      ...assessmentFiles,
      assessments: join(tmp, 'assessments.csv'),
      offences: null,
      extractionDate: '2021-01-01',
      snapshotDate: null,
      options: {},
      instruments,
    }).catch((e) => e);
    await runner.close();
    expect((error as StudyError).problems.map((p) => [p.kind, p.table, p.line, p.column, p.expected])).toEqual([
      ['missing_column', 'assessments', 1, 'score', 'a score column (required)'],
    ]);
  });
});

const havePostgres = postgresBin() !== null;
describe.skipIf(!havePostgres && !process.env.CI)('PostgreSQL refuses them alike', () => {
  let server: PostgresServer;
  beforeAll(() => {
    server = startPostgres();
  }, 60_000);
  afterAll(() => server?.stop());
  it('every error, with kind, file, line, column and value', async () => {
    expect((await engineErrors(await server.runner())).map(summary)).toEqual(await memoryErrors());
  });
  it('and the assessments table’s', async () => {
    expect(await engineAssessmentErrors(await server.runner())).toEqual(await memoryAssessmentErrors());
  });
});

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const output: Output = { stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
  const status = await main(argv, output);
  return { status, out: out.join('\n'), err: err.join('\n') };
}

describe('follow-up measures --engine duckdb', () => {
  const study = 'data-samples/resettle/study.json';
  it('prints the in-memory JSON, every key, from the flag or the study key', async () => {
    const memory = await run('measures', '--study', study, '--json');
    const expected = JSON.parse(memory.out);
    expect(expected.change.distress.overall.n).toBeGreaterThan(0);
    expect(expected.breakEven.serviceReoffences.people).toBeGreaterThan(0);
    const flag = await run('measures', '--study', study, '--json', '--engine', 'duckdb');
    expect(flag.status).toBe(0);
    expect(JSON.parse(flag.out)).toEqual(expected);
    expect(flag.err).toBe('');
    const tmp = mkdtempSync(join(tmpdir(), 'engine-'));
    const file = JSON.parse(readFileSync(study, 'utf8'));
    const base = resolve('data-samples/resettle');
    const keyed = {
      ...file,
      engine: 'duckdb',
      people: join(base, file.people),
      events: join(base, file.events),
      offences: join(base, file.offences),
      assessments: join(base, file.assessments),
      value: { ...file.value, unitCosts: join(base, file.value.unitCosts) },
    };
    writeFileSync(join(tmp, 'study.json'), JSON.stringify(keyed));
    const key = await run('measures', '--study', join(tmp, 'study.json'), '--json');
    expect(key.status).toBe(0);
    expect(JSON.parse(key.out)).toEqual(expected);
  });

  it('exits 1 listing the errors of invalid records, 2 for a setting it cannot use', async () => {
    const bad = await run(
      'measures',
      '--engine',
      'duckdb',
      '--people',
      files.people,
      '--events',
      files.events,
      '--offences',
      files.offences,
      '--extraction-date',
      '2020-01-31',
    );
    expect(bad.status).toBe(1);
    expect(bad.err).toContain("line 7, column release_date: value '2023-02-30' — expected a date that exists, written YYYY-MM-DD");
    const usage = await run('measures', '--engine', 'duckdb', '--study', study, '--date-format', 'DD/MM/YYYY');
    expect(usage.status).toBe(2);
    expect(usage.err).toContain('YYYY-MM-DD only');
    const unknown = await run('measures', '--engine', 'sqlite', '--study', study);
    expect(unknown.status).toBe(2);
    expect(unknown.err).toContain('"memory", "duckdb"');
  });
});

/** records.md's death checks: second deaths (one an exact duplicate, one differing only in an extra column), events and conviction dates after the death, release_date and service_end after it. */
const deathFiles = {
  people: `${dir}/death-errors/people.csv`,
  events: `${dir}/death-errors/events.csv`,
  offences: `${dir}/offences.csv`,
};

async function deathErrors(runner: SqlRunner): Promise<unknown[]> {
  try {
    await measuresOnEngine(runner, { title: null, ...deathFiles, extractionDate: '2021-01-31', snapshotDate: null, options: {} });
  } catch (error) {
    if (error instanceof StudyError) return error.problems.map((p) => [...summary(p), p.expected]);
    throw error;
  } finally {
    await runner.close();
  }
  throw new Error('expected a StudyError');
}

async function memoryDeathErrors(): Promise<unknown[]> {
  const error = await studyError(deathFiles, { extractionDate: '2021-01-31' });
  return error.problems.filter((p) => p.severity === 'error' && p.kind !== 'person_quarantined').map((p) => [...summary(p), p.expected]);
}

describe('the engine refuses the records a death makes wrong, as the in-memory reader does', () => {
  it('DuckDB: second_death and after_death, with line, column, value and words', async () => {
    const expected = await memoryDeathErrors();
    expect(expected.map((p) => (p as unknown[]).slice(0, 4))).toEqual([
      ['people', 'after_death', 3, 'release_date'],
      ['people', 'after_death', 3, 'service_end'],
      ['people', 'after_death', 6, 'service_end'],
      ['events', 'second_death', 3, 'type'],
      ['events', 'after_death', 5, 'date'],
      ['events', 'after_death', 7, 'conviction_date'],
      ['events', 'after_death', 10, 'date'],
      ['events', 'second_death', 13, 'type'],
      ['events', 'second_death', 14, 'type'],
    ]);
    expect(await deathErrors(await openDuckDb())).toEqual(expected);
  });
});

describe.skipIf(!havePostgres && !process.env.CI)('PostgreSQL refuses the death errors alike', () => {
  let server: PostgresServer;
  beforeAll(() => {
    server = startPostgres();
  }, 60_000);
  afterAll(() => server?.stop());
  it('second_death and after_death', async () => {
    expect(await deathErrors(await server.runner())).toEqual(await memoryDeathErrors());
  });
});
