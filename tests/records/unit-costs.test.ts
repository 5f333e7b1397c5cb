/**
 * The unit-cost table (value.md "Inputs" and readings) and the study file's `value` key
 * (study-file.md): every refusal names the file, line, column and value.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readUnitCostFile, UnitCostError, unitCostsFromCsv } from '../../src/records/unit-costs.js';
import { parseStudyFile, StudySettingError } from '../../src/study/study-file.js';

function problemsOf(text: string): string[] {
  try {
    unitCostsFromCsv(text, 'costs.csv');
  } catch (error) {
    expect(error).toBeInstanceOf(UnitCostError);
    return (error as Error).message
      .split('\n')
      .slice(1)
      .map((l) => l.trim());
  }
  throw new Error('expected the table to be refused');
}

describe('unit-cost table', () => {
  it('reads groups trimmed, costs as numbers, a # comment block, spaced headers and the * row', () => {
    const t = unitCostsFromCsv('# Source: test\n Group , Cost ,Source\n" theft offences ",2300.5,HO 2018\n*,1000,judgement\n,,\n', 'costs.csv');
    expect(t.rows.map((r) => [r.group, r.cost, r.source, r.line])).toEqual([
      ['theft offences', 2300.5, 'HO 2018', 3],
      ['*', 1000, 'judgement', 4],
    ]);
    expect(t.fallback.group).toBe('*');
    expect(t.byGroup.get('theft offences')?.cost).toBe(2300.5);
  });

  it('names file, line, column and value of every bad row', () => {
    expect(problemsOf('group,cost,source\ntheft,£2300,HO\nrobbery,-5,HO\nfraud,1e999,HO\ndrugs,100,\n,100,HO\ntheft,10,again\n*,500,judgement')).toEqual([
      "costs.csv line 2, column cost: value '£2300' — expected pounds per offence: a number > 0, written without £ or commas",
      "costs.csv line 3, column cost: value '-5' — expected pounds per offence: a number > 0, written without £ or commas",
      "costs.csv line 4, column cost: value '1e999' — expected pounds per offence: a number > 0, written without £ or commas",
      'costs.csv line 5, column source: blank — expected the source of this cost (every row names one)',
      "costs.csv line 6, column group: blank — expected an offence group (the offence lookup's group), or * for every other group",
      "costs.csv line 7, column group: value 'theft' — expected a group listed once (first on line 2)",
    ]);
  });

  it('requires the * row, the three columns and a header', () => {
    expect(problemsOf('group,cost,source\ntheft,10,HO')).toEqual(['costs.csv, column group — expected a row with group * (the cost of any group not listed)']);
    expect(problemsOf('group,price,source\n*,10,HO')).toEqual(['costs.csv line 1, column cost — expected a cost column (the columns are group, cost, source)']);
    expect(problemsOf('')).toEqual(['costs.csv — expected a header row: group,cost,source']);
    expect(problemsOf('group,cost,source\n"theft,10,HO\n*,1,x')[0]).toMatch(/^costs\.csv line 2 — expected 3 properly quoted fields/);
  });

  it('reads a file, and refuses a missing or non-UTF-8 one by name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'unit-costs-'));
    writeFileSync(join(dir, 'ok.csv'), 'group,cost,source\n*,1000,judgement\n');
    expect(readUnitCostFile(join(dir, 'ok.csv'), 'ok.csv').fallback.cost).toBe(1000);
    writeFileSync(join(dir, 'latin.csv'), Buffer.from('group,cost,source\n*,1000,judgement \xa3\n', 'latin1'));
    expect(() => readUnitCostFile(join(dir, 'latin.csv'), 'latin.csv')).toThrow('latin.csv line 2 — expected UTF-8 text');
    expect(() => readUnitCostFile(join(dir, 'none.csv'), 'none.csv')).toThrow('none.csv — expected a readable file (ENOENT)');
  });
});

describe("the study file's value key", () => {
  const base = { people: 'p.csv', events: 'e.csv', extractionDate: '2024-01-01' };
  const parse = (value: unknown) => parseStudyFile(JSON.stringify({ ...base, value }), '/s/study.json');

  it('applies the defaults (horizon 1, rate 0.035, price year null) and resolves the table against the file', () => {
    expect(parse({ costPerParticipant: 7500, unitCosts: 'unit-costs.csv' }).value).toEqual({
      costPerParticipant: 7500,
      unitCosts: '/s/unit-costs.csv',
      priceYear: null,
      horizonYears: 1,
      discountRate: 0.035,
    });
    expect(parse({ costPerParticipant: 7500, unitCosts: 'u.csv', priceYear: 2023, horizonYears: 10, discountRate: 0 }).value).toMatchObject({
      priceYear: 2023,
      horizonYears: 10,
      discountRate: 0,
    });
    expect(parseStudyFile(JSON.stringify(base), '/s/study.json').value).toBeNull();
  });

  it('refuses unknown keys, missing keys and values out of range, naming them', () => {
    const cases: [unknown, string][] = [
      [
        { costPerParticipant: 1, unitCosts: 'u.csv', horizon: 2 },
        '/s/study.json: value has an unknown key "horizon"; the keys are costPerParticipant, unitCosts, priceYear, horizonYears, discountRate',
      ],
      [{ unitCosts: 'u.csv' }, '/s/study.json: value has no "costPerParticipant"; it is required'],
      [{ costPerParticipant: 1 }, '/s/study.json: value has no "unitCosts"; it is required'],
      [{ costPerParticipant: 0, unitCosts: 'u.csv' }, '/s/study.json: value.costPerParticipant is 0; expected a number of pounds > 0'],
      [{ costPerParticipant: '7500', unitCosts: 'u.csv' }, '/s/study.json: value.costPerParticipant is "7500"; expected a number of pounds > 0'],
      [{ costPerParticipant: 1, unitCosts: 'u.csv', horizonYears: 11 }, '/s/study.json: value.horizonYears is 11; expected a whole number from 1 to 10'],
      [{ costPerParticipant: 1, unitCosts: 'u.csv', horizonYears: 2.5 }, '/s/study.json: value.horizonYears is 2.5; expected a whole number from 1 to 10'],
      [{ costPerParticipant: 1, unitCosts: 'u.csv', discountRate: 1 }, '/s/study.json: value.discountRate is 1; expected a number ≥ 0 and < 1 (0.035 is 3.5%)'],
      [
        { costPerParticipant: 1, unitCosts: 'u.csv', discountRate: -0.01 },
        '/s/study.json: value.discountRate is -0.01; expected a number ≥ 0 and < 1 (0.035 is 3.5%)',
      ],
      [{ costPerParticipant: 1, unitCosts: 'u.csv', priceYear: '2023' }, '/s/study.json: value.priceYear is "2023"; expected a whole year from 1900 to 2100'],
      [{ costPerParticipant: 1, unitCosts: '' }, '/s/study.json: value.unitCosts is ""; expected the path of a unit-cost CSV file'],
      [[1], '/s/study.json: value must be an object'],
    ];
    for (const [value, message] of cases) {
      expect(() => parse(value)).toThrow(StudySettingError);
      expect(() => parse(value)).toThrow(message);
    }
  });
});
