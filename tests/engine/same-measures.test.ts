/**
 * The SQL engine gives the in-memory engine's measures JSON (issue 16; study-file.md
 * `engine`): every value of the document compared, on every sample and the test
 * studies, under each measure option, on embedded DuckDB and on a PostgreSQL
 * server the test starts itself.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandConfig } from '../../src/cli/config.js';
import { loadConfiguredStudy } from '../../src/cli/load.js';
import { loadValueInputs } from '../../src/cli/value-inputs.js';
import { openDuckDb } from '../../src/engine/duckdb.js';
import { measuresOnEngine } from '../../src/engine/measures.js';
import type { SqlRunner } from '../../src/engine/runner.js';
import type { AdjustedComparison } from '../../src/measures/adjusted-types.js';
import type { ChangeResult } from '../../src/measures/change/measure.js';
import { computeMeasures } from '../../src/measures/index.js';
import type { BreakEvenOnly } from '../../src/measures/value/types.js';
import { MeasureOptionError } from '../../src/measures/options.js';
import { toJsonDocument } from '../../src/output/index.js';
import { postgresBin, startPostgres, type PostgresServer } from '../support/postgres.js';

/** The samples: the national one and the probation cohort have deaths (competing risks, follow-up ended at death). */
const SAMPLES = ['resettle', 'south-wales', 'cohort-deaths', 'national'].map((s) => ['--study', `data-samples/${s}/study.json`]);
/** The R-checked study of tests/measures/competing-risks.test.ts: deaths before, on and after every other event. */
const COMPETING = [
  '--people',
  'tests/fixtures/r/competing-risks-study/people.csv',
  '--events',
  'tests/fixtures/r/competing-risks-study/events.csv',
  '--offences',
  'tests/fixtures/r/competing-risks-study/offences.csv',
  '--extraction-date',
  '2023-06-30',
];
/**
 * The national sample (several services, so the adjusted comparison is fitted) with two extra people
 * columns — a level with blanks and a number written as text — and studies naming case mixes of each
 * kind: extra columns, lookup columns, format columns, and one most people miss (tier is mostly blank).
 * Its value for money prices the reoffences with unit costs in pence, so the order of the additions counts.
 */
const NATIONAL_DIR = mkdtempSync(join(tmpdir(), 'engine-national-'));
const nationalPeople = readFileSync('data-samples/national/people.csv', 'utf8').trimEnd().split('\n');
writeFileSync(
  join(NATIONAL_DIR, 'people.csv'),
  `${nationalPeople
    .map((line, i) => (i === 0 ? `${line},risk_band,oasys` : `${line},${i % 17 === 0 ? '' : ['low', 'medium', 'high'][i % 3]},${(i % 41) + (i % 7) / 4}`))
    .join('\n')}\n`,
);
writeFileSync(
  join(NATIONAL_DIR, 'unit-costs.csv'),
  readFileSync('data-samples/unit-costs.csv', 'utf8').replace(
    /^([^#\n][^,\n]*),(\d+),/gm,
    (_, group: string, cost: string) => `${group},${Number(cost) / 3 + 0.01},`,
  ),
);
function caseMixStudy(name: string, caseMix: string[] | undefined, extra: Record<string, unknown> = {}): string[] {
  const file = join(NATIONAL_DIR, `${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      people: 'people.csv',
      events: join(process.cwd(), 'data-samples/national/events.csv'),
      offences: join(process.cwd(), 'data-samples/offences.csv'),
      extractionDate: '2024-03-31',
      options: caseMix === undefined ? {} : { caseMix },
      value: { costPerParticipant: 7500, unitCosts: 'unit-costs.csv', priceYear: 2016, horizonYears: 2, discountRate: 0.035 },
      ...extra,
    }),
  );
  return ['--study', file];
}
/** The valid fixture with questionnaires on one day only (nobody analysed, no S_diff) and value for money: the empty edges. */
writeFileSync(join(NATIONAL_DIR, 'one-day.csv'), 'person_id,instrument,date,score\nP01,mood,2019-03-01,12\nP02,Mood,2019-04-01,3.5\nP02,goals,2019-04-01,1\n');
const fixtures = join(process.cwd(), 'tests/fixtures/records');
const ONE_DAY_ONLY = caseMixStudy('one-day', undefined, {
  people: join(fixtures, 'valid/people.csv'),
  events: join(fixtures, 'valid/events.csv'),
  offences: join(fixtures, 'offences.csv'),
  extractionDate: '2020-12-31',
  assessments: 'one-day.csv',
  instruments: { mood: { reliability: 0.9, better: 'lower' }, goals: { reliability: 0.7, better: 'higher' } },
});
const CASE_MIX_STUDIES: [string, string[]][] = [
  ['national, case mix of extra and lookup columns', caseMixStudy('extra', ['risk_band', 'oasys', 'ethnicity', 'severity', 'group', 'mode_of_trial', 'aces'])],
  ['national, case mix index_offence, sex, release_year', caseMixStudy('codes', ['index_offence', 'sex', 'release_year'])],
  ['national, case mix with tier (blank for most)', caseMixStudy('tier', ['tier', 'age_at_release'])],
  [
    'national, default case mix, service_end, 24 months',
    [...caseMixStudy('default', undefined), '--desistance-from', 'service_end', '--proven-window-months', '24'],
  ],
];
const VALID = [
  '--people',
  'tests/fixtures/records/valid/people.csv',
  '--events',
  'tests/fixtures/records/valid/events.csv',
  '--offences',
  'tests/fixtures/records/offences.csv',
  '--extraction-date',
  '2020-12-31',
];
const CLEAN = [
  '--people',
  'tests/fixtures/extracts/clean/people.csv',
  '--events',
  'tests/fixtures/extracts/clean/events.csv',
  '--extraction-date',
  '2020-06-30',
];
const PARQUET = [
  '--people',
  'tests/fixtures/extracts/parquet/people.parquet',
  '--events',
  'tests/fixtures/extracts/parquet/events.parquet',
  '--extraction-date',
  '2020-06-30',
];

/** Every window, start, interval and curve option, and groupings of each kind (vocabulary, number, date, text, lookup, extra column). */
const VARIANTS: string[][] = [
  [],
  [
    '--recall-window',
    'licence',
    '--reconviction-window',
    'after_intervention',
    '--desistance-from',
    'service_end',
    '--include-cautions',
    '--interval',
    'clopper-pearson',
    '--km-conf-type',
    'log-log',
    '--proven-window-months',
    '24',
    '--group-by',
    'tier',
  ],
  ['--reconviction-window', 'during_intervention', '--km-conf-type', 'plain', '--proven-window-months', '1', '--group-by', 'service'],
  ['--group-by', 'sex', '--snapshot-date', '2019-06-30'],
  ['--group-by', 'age_at_release'],
  ['--group-by', 'offence.group', '--desistance-from', 'service_end'],
  ['--group-by', 'severity', '--include-cautions'],
  ['--group-by', 'mode_of_trial', '--snapshot-date', '2018-01-01'],
  ['--group-by', 'release_date'],
  ['--group-by', 'end_reason'],
];

/** Every variant on the small samples and fixtures; the national sample (3,360 people) with its defaults and the first two. */
const CASES: [string, string[]][] = [
  ...SAMPLES.flatMap((s, i) => (i < 3 ? VARIANTS : VARIANTS.slice(0, 3)).map((v) => [`${s[1]} ${v.join(' ')}`, [...s, ...v]] as [string, string[]])),
  ...VARIANTS.map((v) => [`valid fixture ${v.join(' ')}`, [...VALID, ...v]] as [string, string[]]),
  // Its people file has no tier, sex or age column: those variants group by the index offence's category.
  ...VARIANTS.map((v) => v.map((a) => (['tier', 'sex', 'age_at_release'].includes(a) ? 'category' : a))).map(
    (v) => [`competing-risks study ${v.join(' ')}`, [...COMPETING, ...v]] as [string, string[]],
  ),
  ['valid fixture --group-by site_code', [...VALID, '--group-by', 'site_code']],
  ['clean extract', CLEAN],
  ['clean extract --group-by ethnicity', [...CLEAN, '--group-by', 'ethnicity', '--snapshot-date', '2017-03-31']],
  ...CASE_MIX_STUDIES,
  ['valid fixture, assessments on one day only, value for money', ONE_DAY_ONLY],
];

/** The in-memory document, every key of which the engine's must equal. */
async function inMemory(argv: string[]): Promise<unknown> {
  const { config } = await commandConfig(argv, 'measures');
  return toJsonDocument(computeMeasures(await loadConfiguredStudy(config), config.options, loadValueInputs(config)));
}

async function onEngine(runner: SqlRunner, argv: string[]): Promise<unknown> {
  const { config } = await commandConfig(argv, 'measures');
  try {
    return toJsonDocument(await measuresOnEngine(runner, { ...config, valueInputs: loadValueInputs(config) }));
  } finally {
    await runner.close();
  }
}

/** Deep equality of every value, and the same text (key order included). */
function expectSame(engine: unknown, memory: unknown): void {
  expect(engine).toEqual(memory);
  expect(JSON.stringify(engine)).toBe(JSON.stringify(memory));
}

/** The JSON document's parts the engine-models tests read (the document keeps the typed results' keys). */
interface ModelsDoc {
  adjustedComparison: AdjustedComparison | null;
  change: ChangeResult | null;
  breakEven: BreakEvenOnly | null;
  dataQuality: { assessments?: { read: number } };
}

describe('DuckDB gives the in-memory measures JSON', () => {
  it('the cases compare fitted models, individual change and break-evens, not nulls', async () => {
    const extra = (await inMemory(CASE_MIX_STUDIES[0][1])) as ModelsDoc;
    expect(extra.adjustedComparison?.caseMix).toEqual(['risk_band', 'oasys', 'ethnicity', 'severity', 'group', 'mode_of_trial', 'aces']);
    expect(extra.adjustedComparison?.provenReoffending?.model.terms.map((t) => t.term)).toContain('risk_band=low');
    expect(extra.adjustedComparison?.provenReoffending?.model.terms.map((t) => t.term)).toContain('oasys');
    expect(extra.adjustedComparison?.timeToReconviction?.byService.length).toBeGreaterThan(5);
    expect(Number.isInteger(extra.breakEven?.serviceReoffences.cost)).toBe(false);
    const tier = (await inMemory(CASE_MIX_STUDIES[2][1])) as ModelsDoc;
    expect(tier.adjustedComparison?.provenReoffending?.flow.missingCovariate.tier).toBeGreaterThan(1500);
    const resettle = (await inMemory(SAMPLES[0])) as ModelsDoc;
    expect(Object.keys(resettle.change ?? {})).toEqual(['distress', 'goals']);
    expect(resettle.change?.distress.overall.n).toBeGreaterThan(10);
    expect(resettle.dataQuality.assessments?.read).toBeGreaterThan(100);
    expect(resettle.breakEven?.serviceReoffences.reoffences).toBeGreaterThan(0);
    const oneDay = (await inMemory(ONE_DAY_ONLY)) as ModelsDoc;
    expect(oneDay.change?.mood.overall).toMatchObject({ cohort: 2, noAssessment: 0, oneDayOnly: 2, n: 0, categories: null });
    expect(oneDay.change?.goals.overall).toMatchObject({ cohort: 2, noAssessment: 1, oneDayOnly: 1, n: 0 });
    expect(oneDay.breakEven?.serviceReoffences.people).toBeGreaterThan(0);
  });

  it.each(CASES)('%s', async (_, argv) => {
    expectSame(await onEngine(await openDuckDb(), argv), await inMemory(argv));
  });

  it('compares the competing-risks block of every study with deaths', async () => {
    for (const argv of [SAMPLES[2], SAMPLES[3], COMPETING]) {
      const doc = (await onEngine(await openDuckDb(), argv)) as { competingRisks: { deaths: { cohort: number } } | null };
      expect(doc.competingRisks?.deaths.cohort).toBeGreaterThan(0);
    }
  });

  it.each([[['nope']], [['release_date']], [['person_id']], [['sex', 'SEX']]])('refuses case mix %j with the in-memory message', async (caseMix) => {
    const argv = caseMixStudy(`bad-${caseMix.join('-')}`, caseMix);
    const memory = (await inMemory(argv).catch((e) => e)) as Error;
    expect(memory).toBeInstanceOf(MeasureOptionError);
    const engine = (await onEngine(await openDuckDb(), argv).catch((e) => e)) as Error;
    expect(engine).toBeInstanceOf(MeasureOptionError);
    expect(engine.message).toBe(memory.message);
  });

  it('on Parquet files too', async () => {
    expectSame(await onEngine(await openDuckDb(), PARQUET), await inMemory(PARQUET));
    expectSame(await onEngine(await openDuckDb(), [...PARQUET, '--group-by', 'tier']), await inMemory([...PARQUET, '--group-by', 'tier']));
  });

  it('when the work spills to disk past a small memory limit', async () => {
    const argv = SAMPLES[3];
    expectSame(await onEngine(await openDuckDb({ memoryLimit: '64MB', threads: 1 }), argv), await inMemory(argv));
  });
});

// CI installs Debian's postgresql (.ci/run); elsewhere the suite says why it skips.
const havePostgres = postgresBin() !== null;
describe.skipIf(!havePostgres && !process.env.CI)('PostgreSQL gives the in-memory measures JSON (the same SQL, its dialect row)', () => {
  let server: PostgresServer;
  beforeAll(() => {
    server = startPostgres();
  }, 60_000);
  afterAll(() => server?.stop());

  it.each(CASES)('%s', async (_, argv) => {
    expectSame(await onEngine(await server.runner(), argv), await inMemory(argv));
  });
});
