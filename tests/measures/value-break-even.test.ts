/**
 * Value for money without a comparison pool (value.md: break-even only, never a benefit)
 * and without `value` (nothing priced), worked by hand on the reconviction study, through
 * computeMeasures, the JSON document and the text summary.
 */
import { describe, expect, it } from 'vitest';
import { computeMeasures } from '../../src/measures/index.js';
import { NO_POOL_REASON, NO_VALUE_REASON, provenReoffenceGroups, serviceBreakEven } from '../../src/measures/value/service-break-even.js';
import { formatMeasuresText, toJsonDocument } from '../../src/output/index.js';
import { unitCostsFromCsv } from '../../src/records/unit-costs.js';
import type { ValueSettings } from '../../src/study/value-settings.js';
import { conviction, makeStudy, person } from './helpers.js';
import { reconvictionStudy } from './studies.js';

const unitCosts = unitCostsFromCsv(
  ['group,cost,source', 'theft,1000,Test source T', 'sexual offences,6000,Test source S', '*,500,Test fallback'].join('\n'),
  'unit-costs.csv',
);
const settings: ValueSettings = { costPerParticipant: 5000, unitCosts: 'unit-costs.csv', priceYear: 2023, horizonYears: 10, discountRate: 0.035 };

describe('break-even without a comparison group', () => {
  // Proven reoffences (W = 12): P1 theft T1 and public order P1 (no row: *), P4 sexual S1; P3 none; P2 too short.
  it('prices exactly the reoffences Measure 3 counts, each by its own group', () => {
    expect(provenReoffenceGroups(reconvictionStudy)).toEqual([['theft', 'public order'], [], ['sexual offences']]);
    expect(provenReoffenceGroups(reconvictionStudy, { includeCautions: true })).toEqual([['theft', 'public order', 'motoring'], [], ['sexual offences']]);
  });

  it("gives the break-even from the cohort's own reoffences and no benefit, saying why", () => {
    const b = serviceBreakEven(reconvictionStudy, {}, { settings, unitCosts });
    // cost 1000 + 500 + 6000 = 7500 over 3 reoffences: mean 2500; 5000 / 2500 = 2 per participant; 3 / 3 = 1 each: share 2.
    expect(b.serviceReoffences).toEqual({ people: 3, reoffences: 3, cost: 7500, meanUnitCost: 2500, perParticipant: 1 });
    expect(b.breakEvenReoffencesPerParticipant).toBe(2);
    expect(b.breakEvenShareOfReoffences).toBe(2);
    expect(b.benefit).toBeNull();
    expect(b.noBenefitReason).toBe(NO_POOL_REASON);
    expect(b.windowMonths).toBe(12);
    // The horizon is echoed but never applied to the break-even.
    expect(b.horizonFactor).toBeCloseTo(8.607687, 6);
    expect(b.unitCostsUsed).toEqual([
      { group: 'public order', cost: 500, source: 'Test fallback', fallback: true },
      { group: 'sexual offences', cost: 6000, source: 'Test source S', fallback: false },
      { group: 'theft', cost: 1000, source: 'Test source T', fallback: false },
    ]);
  });

  it('counts cautions as convictions when includeCautions is on', () => {
    const b = serviceBreakEven(reconvictionStudy, { includeCautions: true }, { settings, unitCosts });
    expect(b.serviceReoffences).toEqual({ people: 3, reoffences: 4, cost: 8000, meanUnitCost: 2000, perParticipant: 4 / 3 });
    expect(b.breakEvenReoffencesPerParticipant).toBe(2.5);
    expect(b.breakEvenShareOfReoffences).toBeCloseTo(1.875, 12);
  });

  it('is in follow-up measures: JSON breakEven with benefit null and the reason, and the text says it', () => {
    const m = computeMeasures(reconvictionStudy, {}, { settings, unitCosts });
    const json = toJsonDocument(m) as unknown as Record<string, Record<string, unknown>>;
    expect(json.breakEven.benefit).toBeNull();
    expect(json.breakEven.noBenefitReason).toBe(NO_POOL_REASON);
    expect(json.breakEven.breakEvenReoffencesPerParticipant).toBe(2);
    expect(Object.keys(json.breakEven)).toEqual([
      'costPerParticipant',
      'priceYear',
      'horizonYears',
      'discountRate',
      'horizonFactor',
      'windowMonths',
      'unitCostsUsed',
      'serviceReoffences',
      'breakEvenReoffencesPerParticipant',
      'breakEvenShareOfReoffences',
      'benefit',
      'noBenefitReason',
    ]);
    const text = formatMeasuresText(m);
    expect(text).toContain('Value for money (break-even only)');
    expect(text).toContain(`No benefit is estimated: ${NO_POOL_REASON}.`);
    expect(text).toContain(
      'To pay for itself the service must prevent 2.00 proven reoffences per participant, 2.0 times the 1.00 reoffences per participant the cohort committed',
    );
    expect(text).toContain('the mean cost of their proven reoffences is £2,500 (3 reoffences costing £7,500)');
    expect(text).toContain('Money is in pounds at 2023 prices.');
  });

  it('without value: no break-even and no benefit (breakEven null), the text says why, the rest unchanged', () => {
    const without = computeMeasures(reconvictionStudy);
    expect(without.breakEven).toBeNull();
    expect((toJsonDocument(without) as unknown as Record<string, unknown>).breakEven).toBeNull();
    const text = formatMeasuresText(without);
    expect(text).not.toContain('To pay for itself');
    expect(text).toContain(`Value for money: not computed; ${NO_VALUE_REASON}.`);
    const withValue = computeMeasures(reconvictionStudy, {}, { settings, unitCosts });
    expect({ ...withValue, breakEven: null }).toEqual(without);
  });

  it('a cohort without proven reoffences has no break-even, and says so', () => {
    const quiet = makeStudy([person('Q1', { release_date: '2020-03-01' })], [conviction('Q1', '2019-01-01', '2019-06-01', 'T1')], '2021-12-31');
    const b = serviceBreakEven(quiet, {}, { settings, unitCosts });
    expect(b.serviceReoffences.people).toBe(1);
    expect(b.serviceReoffences.reoffences).toBe(0);
    expect(b.serviceReoffences.meanUnitCost).toBeNull();
    expect(b.breakEvenReoffencesPerParticipant).toBeNull();
    expect(b.breakEvenShareOfReoffences).toBeNull();
    const text = formatMeasuresText(computeMeasures(quiet, {}, { settings, unitCosts }));
    expect(text).toContain('The cohort had no proven reoffence in the window, so there is no mean cost of a reoffence to set a break-even by.');
  });
});
