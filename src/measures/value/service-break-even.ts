/**
 * Value for money without a comparison group (value.md: "without a comparison group the
 * toolkit gives only the break-even figure below, never a benefit"): the break-even from
 * the cohort's own proven reoffences, those of measures.md Measure 3 (fixed-window proven
 * reoffending: the eligible people, offence date in [s, w), conviction date < c), each
 * priced by its offence group. Shown by `follow-up measures` (JSON key `breakEven`) and
 * the report.
 */
import type { Study } from '../../study/study.js';
import type { MeasureOptions } from '../../study/options.js';
import type { UnitCostTable, ValueSettings } from '../../study/value-settings.js';
import { columnsOf } from '../columns.js';
import { followUpStarts } from '../cohort.js';
import { resolveOptions } from '../options.js';
import { provenDates, provenOutcomes } from '../proven-reoffending.js';
import { countsAsReconviction } from '../reconviction.js';
import { breakEven } from './break-even.js';
import { horizonFactor } from './horizon-factor.js';
import { priceReoffences } from './price-reoffences.js';
import type { BreakEvenOnly } from './types.js';

/** Why a study with `value` but no comparison pool has a break-even and no benefit. */
export const NO_POOL_REASON =
  'the study has no comparison group, and a benefit needs what would have happened without the service (a matched comparison, comparison.md); only the break-even is given';

/** Why a study without `value` has neither (value.md "Inputs"). */
export const NO_VALUE_REASON =
  'no value for money: the study file has no "value" key (costPerParticipant and unitCosts), so there is nothing to price the reoffences with';

/** The value inputs a study gives: its `value` settings and the unit-cost table they name. */
export interface ValueInputsOfStudy {
  settings: ValueSettings;
  unitCosts: UnitCostTable;
}

/**
 * For each person eligible for proven reoffending (measures.md Measure 3, in the order of
 * `provenOutcomes`), the MoJ offence group of each proven reoffence in [s, w) with
 * conviction date < c, in date order: exactly the reoffences Measure 3 counts.
 */
export function provenReoffenceGroups(study: Study, options: Partial<MeasureOptions> = {}): string[][] {
  const opts = resolveOptions(options);
  const { people: p, events: ev, personStart } = columnsOf(study);
  const starts = followUpStarts(study, opts.desistanceFrom);
  const { windowEnd, waitEnd } = provenDates(opts.provenWindowMonths);
  const group = study.offences.group;
  const out: string[][] = [];
  for (let j = 0; j < starts.rows.length; j++) {
    const i = starts.rows[j];
    const s = starts.start[j];
    const w = windowEnd(s);
    const c = waitEnd(w);
    if (!(p.followUpEnd[i] >= c)) continue;
    const groups: string[] = [];
    for (let x = personStart[i], stop = personStart[i + 1]; x < stop; x++) {
      if (!countsAsReconviction(ev.type[x], opts.includeCautions)) continue;
      const d = ev.date[x];
      if (d < s) continue;
      if (d >= w) break;
      if (ev.convictionDate[x] < c) groups.push(group[ev.offence[x]]);
    }
    out.push(groups);
  }
  return out;
}

/**
 * The break-even of value.md from the cohort's own proven reoffences (no comparison):
 * people = the eligible people of Measure 3, reoffences and their cost, meanUnitCost,
 * costPerParticipant / meanUnitCost, its share; `benefit` null with the reason.
 */
export function serviceBreakEven(study: Study, options: Partial<MeasureOptions>, value: ValueInputsOfStudy): BreakEvenOnly {
  const opts = resolveOptions(options);
  const groups = provenReoffenceGroups(study, opts);
  const counted = provenOutcomes(study, opts);
  let reoffences = 0;
  for (const g of groups) reoffences += g.length;
  let expected = 0;
  for (const r of counted.reoffences) expected += r;
  // The two walks must see the same reoffences: a mismatch is a defect here, never data.
  if (groups.length !== counted.rows.length || reoffences !== expected)
    throw new Error(`serviceBreakEven: ${groups.length} people and ${reoffences} reoffences, Measure 3 has ${counted.rows.length} and ${expected}`);
  return breakEvenOfGroups(groups, opts, value);
}

/**
 * {@link serviceBreakEven} from the offence groups of each eligible person's proven
 * reoffences (provenReoffenceGroups' shape, in cohort order): what both engines call.
 */
export function breakEvenOfGroups(groups: readonly (readonly string[])[], opts: MeasureOptions, value: ValueInputsOfStudy): BreakEvenOnly {
  let reoffences = 0;
  for (const g of groups) reoffences += g.length;
  const priced = priceReoffences(groups, value.unitCosts);
  let cost = 0;
  for (const c of priced.cost) cost += c;
  const { costPerParticipant, priceYear, horizonYears, discountRate } = value.settings;
  return {
    costPerParticipant,
    priceYear,
    horizonYears,
    discountRate,
    horizonFactor: horizonFactor(horizonYears, discountRate),
    windowMonths: opts.provenWindowMonths,
    unitCostsUsed: priced.used,
    ...breakEven(costPerParticipant, groups.length, reoffences, cost),
    benefit: null,
    noBenefitReason: NO_POOL_REASON,
  };
}
