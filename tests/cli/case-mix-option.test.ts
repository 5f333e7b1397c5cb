/**
 * Option `caseMix` (study-file.md `options.caseMix`, flag `--case-mix`): read from the study
 * file or the flag, checked, and an unknown column a usage error naming it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseStudyFile } from '../../src/study/study-file.js';
import { runCli } from '../support/run-cli.js';

const minimal = { people: 'people.csv', events: 'events.csv', extractionDate: '2019-12-31' };
const SIZES = ['--people', 'tests/fixtures/r/casemix/sizes-people.csv', '--events', 'tests/fixtures/r/casemix/sizes-events.csv'];
const OFFENCES = ['--offences', 'tests/fixtures/r/casemix/offences.csv', '--extraction-date', '2024-12-31'];

describe('option caseMix', () => {
  test('the study file takes a list of columns', () => {
    const file = parseStudyFile(JSON.stringify({ ...minimal, options: { caseMix: ['age_at_release', ' sex'] } }), '/data/s/study.json');
    expect(file.options.caseMix).toEqual(['age_at_release', 'sex']);
  });
  test.each([[[]], ['age_at_release'], [[1]], [['']]])('the study file refuses %j', (value) => {
    expect(() => parseStudyFile(JSON.stringify({ ...minimal, options: { caseMix: value } }), '/data/s/study.json')).toThrow(
      /options\.caseMix .*expected a non-empty list of column names/,
    );
  });
  test('--case-mix a,b sets it, and the JSON says which covariates were used', async () => {
    const r = await runCli('measures', ...SIZES, ...OFFENCES, '--case-mix', 'age_at_release,prior_convictions', '--json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.options.caseMix).toEqual(['age_at_release', 'prior_convictions']);
    expect(j.adjustedComparison.caseMix).toEqual(['age_at_release', 'prior_convictions']);
    expect(j.adjustedComparison.provenReoffending.model.terms.map((t: { term: string }) => t.term)).toEqual([
      '(Intercept)',
      'age_at_release',
      'prior_convictions',
    ]);
  });
  test('an unknown column exits 2 naming it', async () => {
    const r = await runCli('measures', ...SIZES, ...OFFENCES, '--case-mix', 'age_at_release,shoe_size');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('caseMix names "shoe_size", which is no column of the study');
  });
  test('a study file with caseMix is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casemix-'));
    const abs = (p: string) => join(process.cwd(), p);
    writeFileSync(
      join(dir, 'study.json'),
      JSON.stringify({
        people: abs('tests/fixtures/r/casemix/sizes-people.csv'),
        events: abs('tests/fixtures/r/casemix/sizes-events.csv'),
        offences: abs('tests/fixtures/r/casemix/offences.csv'),
        extractionDate: '2024-12-31',
        options: { caseMix: ['sex', 'category'] },
      }),
    );
    const r = await runCli('measures', '--study', join(dir, 'study.json'), '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).adjustedComparison.caseMix).toEqual(['sex', 'category']);
  });
});
