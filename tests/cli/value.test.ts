/** `follow-up measures` with a study's `value` key: the break-even without a pool, a bad unit-cost table (exit 1), a bad key (exit 2). */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../support/run-cli.js';

/** The Resettle sample in a fresh folder, with its study file's `value` replaced. */
function resettleWith(value: unknown, unitCosts?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cli-value-'));
  // every table the sample's study file names (the questionnaires too)
  for (const f of ['people.csv', 'events.csv', 'assessments.csv']) copyFileSync(join('data-samples/resettle', f), join(dir, f));
  copyFileSync('data-samples/offences.csv', join(dir, 'offences.csv'));
  if (unitCosts !== undefined) writeFileSync(join(dir, 'costs.csv'), unitCosts);
  const study = JSON.parse(readFileSync('data-samples/resettle/study.json', 'utf8'));
  study.offences = 'offences.csv';
  study.value = value;
  writeFileSync(join(dir, 'study.json'), JSON.stringify(study));
  return join(dir, 'study.json');
}

describe('follow-up measures with value', () => {
  test('the Resettle sample gives the break-even and no benefit, in JSON and in words', async () => {
    const json = await runCli('measures', '--study', 'data-samples/resettle/study.json', '--json');
    expect(json.status).toBe(0);
    const b = JSON.parse(json.stdout).breakEven;
    // 16 proven reoffences of 41 eligible people costing £23,950 at the shipped unit costs.
    expect(b.serviceReoffences).toEqual({ people: 41, reoffences: 16, cost: 23950, meanUnitCost: 23950 / 16, perParticipant: 16 / 41 });
    expect(b.breakEvenReoffencesPerParticipant).toBeCloseTo(7500 / (23950 / 16), 12);
    expect(b.benefit).toBeNull();
    expect(b.priceYear).toBe(2016);
    const text = await runCli('measures', '--study', 'data-samples/resettle/study.json');
    expect(text.stdout).toContain('No benefit is estimated: the study has no comparison group');
  });

  test('a bad unit-cost table exits 1 naming file, line, column and value', async () => {
    const study = resettleWith({ costPerParticipant: 7500, unitCosts: 'costs.csv' }, 'group,cost,source\ntheft offences,2.300,00,HO\n*,1000,x\n');
    const r = await runCli('measures', '--study', study);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/costs\.csv line 2 — expected 3 properly quoted fields as in the header, found 4/);
    const costs = resettleWith({ costPerParticipant: 7500, unitCosts: 'costs.csv' }, 'group,cost,source\ntheft offences,"2,300",HO\n');
    const r2 = await runCli('measures', '--study', costs);
    expect(r2.status).toBe(1);
    expect(r2.stderr).toContain("costs.csv line 2, column cost: value '2,300' — expected pounds per offence: a number > 0, written without £ or commas");
    expect(r2.stderr).toContain('costs.csv, column group — expected a row with group * (the cost of any group not listed)');
  });

  test('a bad value key is a usage error (exit 2)', async () => {
    const r = await runCli('measures', '--study', resettleWith({ costPerParticipant: 7500, unitCosts: 'costs.csv', horizonYears: 0 }));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('value.horizonYears is 0; expected a whole number from 1 to 10');
  });
});
