/**
 * `follow-up compare` (study-file.md; comparison.md "Reporting"; json-output.md "follow-up
 * compare --json"): the summary in plain words, the JSON keys exactly, every setting a
 * flag, and exit 1 with a clear message when no comparison can be made.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'compare-'));
cpSync(fileURLToPath(new URL('../fixtures/r/comparison/seed-7/', import.meta.url)), dir, { recursive: true });
const base = { people: 'people.csv', events: 'events.csv', offences: 'offences.csv', extractionDate: '2022-12-31' };
writeFileSync(join(dir, 'study.json'), JSON.stringify({ ...base, comparison: { people: 'pool-people.csv', events: 'pool-events.csv' } }));
writeFileSync(join(dir, 'no-pool.json'), JSON.stringify(base));
const STUDY = join(dir, 'study.json');

/** The same people with a column `site` that tells the two sides apart exactly: the propensity model separates them. */
function withSite(file: string, site: string): void {
  const lines = readFileSync(join(dir, file), 'utf8').trimEnd().split(/\r?\n/);
  writeFileSync(join(dir, `site-${file}`), `${lines.map((l, i) => `${l},${i === 0 ? 'site' : site}`).join('\n')}\n`);
}
withSite('people.csv', 'north');
withSite('pool-people.csv', 'south');
writeFileSync(
  join(dir, 'separated.json'),
  JSON.stringify({
    ...base,
    people: 'site-people.csv',
    comparison: { people: 'site-pool-people.csv', events: 'pool-events.csv', covariates: ['age_at_release', 'site'] },
  }),
);

describe('follow-up compare', () => {
  test('prints the flow, balance and the effects in plain words', async () => {
    const r = await runCli('compare', '--study', STUDY);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      'Service: 61 in the cohort, 5 with follow-up too short, 2 missing prior_convictions; 54 complete, 2 with no comparison within the caliper, 52 matched.',
    );
    expect(r.stdout).toMatch(
      /For every 100 people who received the service, between \d+ fewer and \d+ more reoffended within a year than in a matched comparison group; the difference could be zero\./,
    );
    expect(r.stdout).toContain('Fewer than 60 matched service people: the result is indicative only.');
    expect(r.stdout).toMatch(/Balance (holds|does not hold)/);
  });

  test('--json has exactly the keys of json-output.md', async () => {
    const r = await runCli('compare', '--study', STUDY, '--json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual([
      'toolkitVersion',
      'settings',
      'flow',
      'caliperWidth',
      'propensity',
      'balance',
      'balanced',
      'ess',
      'effects',
      'curves',
      'value',
    ]);
    expect(Object.keys(j.settings).sort()).toEqual([
      'caliper',
      'covariates',
      'distance',
      'exact',
      'includeCautions',
      'method',
      'outcomeWindowMonths',
      'ratio',
      'replace',
    ]);
    expect(Object.keys(j.flow.service)).toEqual(['cohort', 'tooShort', 'missingCovariate', 'complete', 'noMatchInCaliper', 'matched']);
    expect(Object.keys(j.flow.pool)).toEqual(['people', 'pool', 'tooShort', 'missingCovariate', 'complete', 'matched', 'notUsed']);
    expect(Object.keys(j.propensity)).toEqual(['terms', 'converged', 'iterations', 'warnings']);
    expect(Object.keys(j.propensity.terms[0])).toEqual(['term', 'estimate', 'se', 'z', 'p']);
    expect(j.propensity.terms[0].term).toBe('(Intercept)');
    expect(j.balance[0].term).toBe('distance');
    expect(Object.keys(j.balance[0].before)).toEqual(['meanService', 'meanPool', 'smd', 'varianceRatio']);
    expect(j.balance.find((b: { term: string }) => b.term === 'sex=male').before.varianceRatio).toBeNull();
    expect(Object.keys(j.ess)).toEqual(['service', 'pool']);
    expect(Object.keys(j.effects)).toEqual(['provenReoffending', 'frequency', 'recall', 'daysToFirstReoffence', 'hazardRatio']);
    expect(Object.keys(j.effects.recall)).toEqual(['service', 'pool', 'difference', 'se', 'ci', 'p']);
    expect(Object.keys(j.effects.daysToFirstReoffence.service)).toEqual(['n', 'mean', 'sd', 'median', 'q1', 'q3', 'min', 'max']);
    expect(Object.keys(j.effects.hazardRatio)).toEqual(['estimate', 'ci', 'p', 'seLog']);
    expect(Object.keys(j.curves.pool)).toEqual(['time', 'nRisk', 'nEvent', 'nCensor', 'survival', 'lower', 'upper', 'median']);
    expect(j.value).toBeNull();
    expect(j.flow.service.matched).toBe(52);
  });

  test('every setting is a flag', async () => {
    const r = await runCli(
      'compare',
      '--study',
      STUDY,
      '--json',
      '--method',
      'weighting',
      '--distance',
      'probability',
      '--outcome-window-months',
      '6',
      '--include-cautions',
    );
    const j = JSON.parse(r.stdout);
    expect(j.settings).toMatchObject({ method: 'weighting', distance: 'probability', outcomeWindowMonths: 6, includeCautions: true });
    expect(j.caliperWidth).toBeNull();
    expect(j.flow.service.noMatchInCaliper).toBe(0);
    expect(j.flow.pool.notUsed).toBe(0);
    const m = JSON.parse(
      (
        await runCli(
          'compare',
          '--study',
          STUDY,
          '--json',
          '--caliper',
          'none',
          '--ratio',
          '2',
          '--replace',
          '--exact',
          'sex',
          '--covariates',
          'age_at_release,sex',
        )
      ).stdout,
    );
    expect(m.settings).toMatchObject({ caliper: null, ratio: 2, replace: true, exact: ['sex'], covariates: ['age_at_release', 'sex'] });
    expect(m.propensity.terms.map((t: { term: string }) => t.term)).toEqual(['(Intercept)', 'age_at_release', 'sex=male', 'sex=unknown']);
  });

  test.each([
    [['--study', join(dir, 'no-pool.json')], /no comparison pool/],
    [['--study', STUDY, '--outcome-window-months', '60'], /nobody on the service side is eligible and complete/],
    [['--study', STUDY, '--covariates', 'shoe_size'], /the covariate "shoe_size" is not a column/],
    [
      ['--study', join(dir, 'separated.json')],
      /no service person has a comparison person within the caliper \(0\.2 standard deviations of the distance\): all 56 complete service people are left unmatched\. The propensity model separates the two sides \(it warned: [a-z_, 0-9]*level_on_one_side[a-z_, 0-9]*\): check the covariates, or widen the caliper/,
    ],
  ])('%j exits 1 with a clear message', async (argv, message) => {
    const r = await runCli('compare', ...argv);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test.each([
    [['--ratio', '7'], /--ratio is 7; expected a whole number from 1 to 5/],
    [['--method', 'optimal'], /--method is "optimal"/],
    [['--caliper', 'wide'], /--caliper is "wide"/],
    [['--exact', 'category', '--covariates', 'sex'], /exact names "category", which is not in covariates/],
  ])('%j is a usage error', async (argv, message) => {
    const r = await runCli('compare', '--study', STUDY, ...argv);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
