/** A ValueForMoney from a case of the R fixture (tests/fixtures/r/value.R), priced with the shipped unit-cost table's rows. */
import { readFileSync } from 'node:fs';
import { valueForMoney } from '../../src/measures/value/value-for-money.js';
import type { ValueForMoney } from '../../src/measures/value/types.js';
import { unitCostsFromCsv } from '../../src/records/unit-costs.js';
import type { AttStandardError } from '../../src/stats/matching/index.js';

interface Case {
  label: string;
  sample: { treated: number[]; weights: number[]; standardError: AttStandardError; reoffenceGroups: string[][] };
  serviceMatched: number;
  settings: { costPerParticipant: number; priceYear: number | null; horizonYears: number; discountRate: number };
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/r/value.json', import.meta.url), 'utf8')) as {
  unitCosts: { group: string[]; cost: number[]; source: string[] };
  cases: Case[];
};
const table = unitCostsFromCsv(
  ['group,cost,source', ...fixture.unitCosts.group.map((g, i) => `"${g}",${fixture.unitCosts.cost[i]},"${fixture.unitCosts.source[i]}"`)].join('\n'),
  'unit-costs.csv',
);

/** The value object of the named fixture case (default: 10 years at 3.5%). */
export function fixtureValue(label = 'nearest 1:1, horizon 10 years at 3.5%', serviceMatched?: number): ValueForMoney {
  const c = fixture.cases.find((x) => x.label === label);
  if (!c) throw new Error(`no value fixture case "${label}"`);
  const sample = {
    treated: Uint8Array.from(c.sample.treated),
    weights: Float64Array.from(c.sample.weights),
    standardError: c.sample.standardError,
    reoffenceGroups: c.sample.reoffenceGroups,
  };
  const v = valueForMoney(sample, c.serviceMatched, { ...c.settings, unitCosts: 'unit-costs.csv' }, table);
  return serviceMatched === undefined ? v : { ...v, matchedCohort: { ...v.matchedCohort, participants: serviceMatched } };
}
