/**
 * The value-for-money inputs a command needs (value.md "Inputs"): the study file's
 * `value` settings and the unit-cost table they name. A bad table is invalid records
 * (exit 1), its message naming file, line, column and value.
 */
import { readUnitCostFile, UnitCostError } from '../records/unit-costs.js';
import type { ValueInputsOfStudy } from '../measures/value/service-break-even.js';
import type { StudyConfig } from './config.js';
import { InvalidRecordsError } from './load.js';
import { shownPath } from './paths.js';

/** The settings and the checked unit-cost table; null when the study has no `value` key. */
export function loadValueInputs(config: StudyConfig): ValueInputsOfStudy | null {
  const settings = config.value ?? null;
  if (settings === null) return null;
  try {
    return { settings, unitCosts: readUnitCostFile(settings.unitCosts, shownPath(settings.unitCosts)) };
  } catch (error) {
    if (error instanceof UnitCostError) throw new InvalidRecordsError(error.message, { cause: error });
    throw error;
  }
}
