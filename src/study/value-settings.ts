/**
 * The study file's `value` key (study-file.md "Keys for comparison, value and change";
 * value.md "Inputs"): the service's cost per participant, the unit-cost table, the price
 * year, the horizon and the discount rate, checked as the other keys are (an unknown key
 * is an error).
 */
import { resolve } from 'node:path';

/** value.md "Inputs", with the unit-cost path resolved against the study file's folder. */
export interface ValueSettings {
  /** Pounds of `priceYear` per person; > 0. */
  costPerParticipant: number;
  /** The unit-cost CSV (columns group, cost, source; a `*` row). */
  unitCosts: string;
  /** Echoed, never used to index prices; null when absent. */
  priceYear: number | null;
  /** N, whole 1–10 (default 1). */
  horizonYears: number;
  /** 0 ≤ rate < 1 (default 0.035, HM Treasury Green Book). */
  discountRate: number;
}

/** One row of a unit-cost table (value.md "Inputs"). */
export interface UnitCostRow {
  /** The MoJ offence group (the offence lookup's `group`), trimmed; `*` for the fallback row. */
  group: string;
  /** Pounds per offence, prices of `priceYear`; > 0. */
  cost: number;
  source: string;
  /** The row's line in its file (header = 1). */
  line: number;
}

/** A checked unit-cost table: every row, each group's row, and the required `*` row. */
export interface UnitCostTable {
  /** The file as it was named (for messages and the methods section). */
  file: string;
  rows: readonly UnitCostRow[];
  byGroup: ReadonlyMap<string, UnitCostRow>;
  fallback: UnitCostRow;
}

const DEFAULT_HORIZON_YEARS = 1;
const DEFAULT_DISCOUNT_RATE = 0.035;

const KEYS = ['costPerParticipant', 'unitCosts', 'priceYear', 'horizonYears', 'discountRate'] as const;

/** The `value` key is not usable as given; the message names the key, the value and what is expected. */
class ValueSettingError extends Error {
  override name = 'ValueSettingError';
}

/**
 * Checks a study file's `value` block (`where` names it in messages, e.g.
 * `study.json: value`) and resolves `unitCosts` against `base`, the study file's folder.
 * `Failure` is the error to throw (the study file's own StudySettingError there).
 */
export function checkValueSettings(block: unknown, where: string, base: string, Failure: new (message: string) => Error = ValueSettingError): ValueSettings {
  const fail = (at: string, value: unknown, expected: string): never => {
    throw new Failure(`${at} is ${JSON.stringify(value)}; expected ${expected}`);
  };
  if (typeof block !== 'object' || block === null || Array.isArray(block)) throw new Failure(`${where} must be an object`);
  const object = block as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    if (!(KEYS as readonly string[]).includes(key)) throw new Failure(`${where} has an unknown key "${key}"; the keys are ${KEYS.join(', ')}`);
  }
  for (const key of ['costPerParticipant', 'unitCosts'] as const) {
    if (object[key] === undefined) throw new Failure(`${where} has no "${key}"; it is required`);
  }
  const cost = object.costPerParticipant;
  if (!(typeof cost === 'number' && Number.isFinite(cost) && cost > 0)) fail(`${where}.costPerParticipant`, cost, 'a number of pounds > 0');
  const unitCosts = object.unitCosts;
  if (!(typeof unitCosts === 'string' && unitCosts.trim() !== '')) fail(`${where}.unitCosts`, unitCosts, 'the path of a unit-cost CSV file');
  const year = object.priceYear;
  if (year !== undefined && !(typeof year === 'number' && Number.isInteger(year) && year >= 1900 && year <= 2100))
    fail(`${where}.priceYear`, year, 'a whole year from 1900 to 2100');
  const horizon = object.horizonYears ?? DEFAULT_HORIZON_YEARS;
  if (!(typeof horizon === 'number' && Number.isInteger(horizon) && horizon >= 1 && horizon <= 10))
    fail(`${where}.horizonYears`, horizon, 'a whole number from 1 to 10');
  const rate = object.discountRate ?? DEFAULT_DISCOUNT_RATE;
  if (!(typeof rate === 'number' && Number.isFinite(rate) && rate >= 0 && rate < 1))
    fail(`${where}.discountRate`, rate, 'a number ≥ 0 and < 1 (0.035 is 3.5%)');
  return {
    costPerParticipant: cost as number,
    unitCosts: resolve(base, unitCosts as string),
    priceYear: year === undefined ? null : (year as number),
    horizonYears: horizon as number,
    discountRate: rate as number,
  };
}
