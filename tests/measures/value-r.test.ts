/**
 * Value for money (value.md; json-output.md `value`) against R on seeded matched samples:
 * tests/fixtures/r/value.R prices each row's reoffences, fits lm(y ~ treated, weights = w)
 * with sandwich 3.0.2 (vcovCL by subclass, HC3, HC0) and computes every value field from
 * value.md's formulas. The unit-cost table goes through the CSV reader.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MatchedSample } from '../../src/measures/comparison/matched-sample.js';
import { valueForMoney } from '../../src/measures/value/value-for-money.js';
import type { EstimateCi, Scaled, ValueForMoney } from '../../src/measures/value/types.js';
import { valueJson } from '../../src/output/value-json.js';
import { unitCostsFromCsv } from '../../src/records/unit-costs.js';
import type { AttStandardError } from '../../src/stats/matching/index.js';
import type { ValueSettings } from '../../src/study/value-settings.js';
import { expectCloseToR, RELATIVE_TOLERANCE } from '../stats/r-fixtures.js';

interface Case {
  label: string;
  sample: {
    treated: number[];
    weights: number[];
    standardError: { type: 'cluster'; cluster: number[] } | { type: 'HC3' } | { type: 'HC0' };
    reoffenceGroups: string[][];
  };
  serviceMatched: number;
  settings: { costPerParticipant: number; priceYear: number | null; horizonYears: number; discountRate: number };
  value: ValueForMoney;
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/r/value.json', import.meta.url), 'utf8')) as {
  unitCosts: { group: string[]; cost: number[]; source: string[] };
  cases: Case[];
};
const csv = ['# a comment line, as the shipped table has', 'group,cost,source']
  .concat(fixture.unitCosts.group.map((g, i) => `"${g}",${fixture.unitCosts.cost[i]},"${fixture.unitCosts.source[i]}"`))
  .join('\n');
const unitCosts = unitCostsFromCsv(csv, 'unit-costs.csv');

function sampleOf(c: Case): MatchedSample {
  return {
    treated: Uint8Array.from(c.sample.treated),
    weights: Float64Array.from(c.sample.weights),
    standardError: c.sample.standardError as AttStandardError,
    reoffenceGroups: c.sample.reoffenceGroups,
  };
}

function run(c: Case): ValueForMoney {
  const settings: ValueSettings = { ...c.settings, unitCosts: 'unit-costs.csv' };
  return valueForMoney(sampleOf(c), c.serviceMatched, settings, unitCosts);
}

/** |actual − expected| ≤ 1e-9 × scale: a difference or an interval end can be near 0, so it is held to its quantity's size. */
function close(actual: number | null | undefined, expected: number | null, scale: number, label: string): void {
  if (expected === null) {
    expect(actual, label).toBeNull();
    return;
  }
  expect(typeof actual, label).toBe('number');
  expect(Math.abs((actual as number) - expected), `${label}: got ${actual}, R ${expected}`).toBeLessThanOrEqual(
    RELATIVE_TOLERANCE * Math.max(scale, Math.abs(expected)),
  );
}

function closeCi(actual: EstimateCi, expected: EstimateCi, scale: number, label: string): void {
  close(actual.estimate, expected.estimate, scale, `${label}.estimate`);
  expect(actual.ci, label).not.toBeNull();
  close(actual.ci![0], expected.ci![0], scale, `${label}.ci[0]`);
  close(actual.ci![1], expected.ci![1], scale, `${label}.ci[1]`);
  expect(actual.ci![0]).toBeLessThanOrEqual(actual.ci![1]);
}

function closeScaled(actual: Scaled, expected: Scaled, scale: number, label: string): void {
  expect(actual.participants, label).toBe(expected.participants);
  close(actual.serviceCost, expected.serviceCost, 0, `${label}.serviceCost`);
  closeCi(actual.costAvoided, expected.costAvoided, scale * expected.participants, `${label}.costAvoided`);
  closeCi(actual.netBenefit, expected.netBenefit, scale * expected.participants, `${label}.netBenefit`);
}

describe('value for money against R (value.R)', () => {
  const cases = fixture.cases;

  it('covers the cases the spec names', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    expect(cases.some((c) => c.settings.horizonYears === 10 && c.settings.discountRate === 0.035)).toBe(true);
    expect(cases.some((c) => c.value.serviceReoffences.meanUnitCost === null)).toBe(true);
    expect(cases.some((c) => c.value.unitCostsUsed.some((u) => u.fallback))).toBe(true);
    for (const type of ['cluster', 'HC3', 'HC0'])
      expect(
        cases.some((c) => c.sample.standardError.type === type),
        type,
      ).toBe(true);
    expect(cases.some((c) => c.settings.priceYear === null)).toBe(true);
  });

  it('agrees with R on every field of every case', () => {
    for (const c of cases) {
      const v = run(c);
      const r = c.value;
      const at = c.label;
      expect(v.costPerParticipant, at).toBe(r.costPerParticipant);
      expect(v.priceYear, at).toBe(r.priceYear);
      expect(v.horizonYears, at).toBe(r.horizonYears);
      expect(v.discountRate, at).toBe(r.discountRate);
      expectCloseToR(v.horizonFactor, r.horizonFactor, `${at} horizonFactor`);
      expect(v.unitCostsUsed, at).toEqual(r.unitCostsUsed);

      const e = v.costOfReoffending;
      const m = Math.max(Math.abs(r.costOfReoffending.service), Math.abs(r.costOfReoffending.pool));
      expectCloseToR(e.service, r.costOfReoffending.service, `${at} service`);
      expectCloseToR(e.pool, r.costOfReoffending.pool, `${at} pool`);
      close(e.difference, r.costOfReoffending.difference, m, `${at} difference`);
      expectCloseToR(e.se, r.costOfReoffending.se, `${at} se`);
      close(e.ci![0], r.costOfReoffending.ci![0], m, `${at} ci[0]`);
      close(e.ci![1], r.costOfReoffending.ci![1], m, `${at} ci[1]`);
      expectCloseToR(e.p, r.costOfReoffending.p, `${at} p`);

      const money = m * r.horizonFactor + r.costPerParticipant;
      closeCi(v.costAvoidedPerParticipant, r.costAvoidedPerParticipant, money, `${at} costAvoidedPerParticipant`);
      closeCi(v.benefitCostRatio, r.benefitCostRatio, money / r.costPerParticipant, `${at} benefitCostRatio`);
      closeCi(v.netBenefitPerParticipant, r.netBenefitPerParticipant, money, `${at} netBenefitPerParticipant`);
      closeScaled(v.per100Participants, r.per100Participants, money, `${at} per100Participants`);
      closeScaled(v.matchedCohort, r.matchedCohort, money, `${at} matchedCohort`);

      const s = v.serviceReoffences;
      expect(s.people, at).toBe(r.serviceReoffences.people);
      expect(s.reoffences, at).toBe(r.serviceReoffences.reoffences);
      expectCloseToR(s.cost, r.serviceReoffences.cost, `${at} serviceReoffences.cost`);
      expectCloseToR(s.meanUnitCost, r.serviceReoffences.meanUnitCost, `${at} meanUnitCost`);
      expectCloseToR(s.perParticipant, r.serviceReoffences.perParticipant, `${at} perParticipant`);
      expectCloseToR(v.breakEvenReoffencesPerParticipant, r.breakEvenReoffencesPerParticipant, `${at} breakEven`);
      expectCloseToR(v.breakEvenShareOfReoffences, r.breakEvenShareOfReoffences, `${at} breakEvenShare`);
    }
  });

  it("the JSON object has json-output.md's keys in its order", () => {
    const json = valueJson(run(fixture.cases[0]));
    expect(Object.keys(json)).toEqual(Object.keys(fixture.cases[0].value));
    expect(Object.keys(json.costOfReoffending)).toEqual(['service', 'pool', 'difference', 'se', 'ci', 'p']);
    expect(Object.keys(json.matchedCohort)).toEqual(['participants', 'serviceCost', 'costAvoided', 'netBenefit']);
    expect(Object.keys(json.serviceReoffences)).toEqual(['people', 'reoffences', 'cost', 'meanUnitCost', 'perParticipant']);
    expect(Object.keys(json.unitCostsUsed[0])).toEqual(['group', 'cost', 'source', 'fallback']);
  });

  it('zero reoffences on the service side: meanUnitCost and the break-even are null, the benefit is not', () => {
    const c = fixture.cases.find((x) => x.label === 'no reoffences on the service side')!;
    const v = run(c);
    expect(v.serviceReoffences).toMatchObject({ reoffences: 0, cost: 0, meanUnitCost: null, perParticipant: 0 });
    expect(v.breakEvenReoffencesPerParticipant).toBeNull();
    expect(v.breakEvenShareOfReoffences).toBeNull();
    expect(v.costOfReoffending.service).toBe(0);
    expect(v.costAvoidedPerParticipant.estimate).toBeGreaterThan(0);
  });

  it('a group with no row is priced at * and listed under its own name', () => {
    const c = fixture.cases[0];
    const v = run(c);
    const robbery = v.unitCostsUsed.find((u) => u.group === 'robbery')!;
    expect(robbery).toEqual({ group: 'robbery', cost: 3500, source: 'fallback source', fallback: true });
    expect(v.unitCostsUsed.some((u) => u.group === '*')).toBe(false);
  });
});
