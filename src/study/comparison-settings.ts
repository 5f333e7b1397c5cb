/**
 * The study file's `comparison` key (comparison.md "The comparison pool", its table of
 * keys; study-file.md "Keys for comparison, value and change"): the pool's tables and the
 * matching settings, every key checked, an unknown key an error, the spec's defaults.
 */
import { resolve } from 'node:path';
import { enumOf, StudySettingError } from './study-file.js';

/** comparison.md `method`: nearest-neighbour matching or weighting by the odds. */
export const COMPARISON_METHODS = ['nearest', 'weighting'] as const;
type ComparisonMethod = (typeof COMPARISON_METHODS)[number];
/** comparison.md `distance`: the propensity scale matched on. */
export const COMPARISON_DISTANCES = ['logit', 'probability'] as const;
export type ComparisonDistance = (typeof COMPARISON_DISTANCES)[number];

/** The matching settings of comparison.md (every key but the pool's tables). */
export interface ComparisonSettings {
  covariates: string[];
  exact: string[];
  method: ComparisonMethod;
  distance: ComparisonDistance;
  /** In standard deviations of the distance; null for none. */
  caliper: number | null;
  ratio: number;
  replace: boolean;
  outcomeWindowMonths: number;
}

/** The `comparison` key as read: the pool's tables (paths resolved) and the settings given. */
export interface ComparisonFile {
  people: string;
  events: string | null;
  settings: Partial<ComparisonSettings>;
}

const DEFAULT_COVARIATES: readonly string[] = Object.freeze([
  'age_at_release',
  'sex',
  'prior_convictions',
  'custody_years_before_release',
  'category',
  'release_year',
]);

export const DEFAULT_COMPARISON_SETTINGS: Readonly<ComparisonSettings> = Object.freeze({
  covariates: [...DEFAULT_COVARIATES],
  exact: [],
  method: 'nearest',
  distance: 'logit',
  caliper: 0.2,
  ratio: 1,
  replace: false,
  outcomeWindowMonths: 12,
});

type Check = (value: unknown, where: string) => unknown;

const names: Check = (value, where) => {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '')) {
    const list = value.map((v: string) => v.trim());
    const twice = list.find((v, i) => list.indexOf(v) !== i);
    if (twice !== undefined) throw new StudySettingError(`${where} names "${twice}" twice; name each covariate once`);
    return list;
  }
  throw new StudySettingError(`${where} is ${JSON.stringify(value)}; expected a list of column names`);
};

const whole =
  (min: number, max: number): Check =>
  (value, where) => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    throw new StudySettingError(`${where} is ${JSON.stringify(value)}; expected a whole number from ${min} to ${max}`);
  };

/** Each comparison setting's check, shared with the flags of `follow-up compare`. */
export const COMPARISON_CHECKS: Record<keyof ComparisonSettings, Check> = {
  covariates: (value, where) => {
    const list = names(value, where) as string[];
    if (list.length === 0) throw new StudySettingError(`${where} is empty; name at least one covariate`);
    return list;
  },
  exact: names,
  method: enumOf(COMPARISON_METHODS),
  distance: enumOf(COMPARISON_DISTANCES),
  caliper: (value, where) => {
    if (value === null) return null;
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
    throw new StudySettingError(`${where} is ${JSON.stringify(value)}; expected a number > 0 (standard deviations of the distance), or null for none`);
  },
  ratio: whole(1, 5),
  replace: (value, where) => {
    if (typeof value === 'boolean') return value;
    throw new StudySettingError(`${where} is ${JSON.stringify(value)}; expected true or false`);
  },
  outcomeWindowMonths: whole(1, 60),
};

const TABLE_KEYS = ['people', 'events'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the settings together: `exact` covariates must also be in `covariates`. */
export function resolveComparisonSettings(given: Partial<ComparisonSettings>, where = 'comparison'): ComparisonSettings {
  const settings: ComparisonSettings = { ...DEFAULT_COMPARISON_SETTINGS, ...given };
  settings.covariates = [...settings.covariates];
  settings.exact = [...settings.exact];
  for (const key of Object.keys(given) as (keyof ComparisonSettings)[]) COMPARISON_CHECKS[key](given[key], `${where}.${key}`);
  const stray = settings.exact.find((c) => !settings.covariates.includes(c));
  if (stray !== undefined) {
    throw new StudySettingError(
      `${where}.exact names "${stray}", which is not in covariates (${settings.covariates.join(', ')}); an exact covariate must also be a covariate`,
    );
  }
  return settings;
}

/**
 * Reads a study file's `comparison` block: `people` required (a path relative to the
 * study file), `events` optional, every other key a setting; an unknown key is an error.
 */
export function parseComparisonBlock(block: unknown, base: string, where: string): ComparisonFile {
  if (!isObject(block)) throw new StudySettingError(`${where} must be an object`);
  const allowed = [...TABLE_KEYS, ...Object.keys(COMPARISON_CHECKS)];
  for (const key of Object.keys(block)) {
    if (!allowed.includes(key)) throw new StudySettingError(`${where} has an unknown key "${key}"; the keys are ${allowed.join(', ')}`);
  }
  const path = (key: 'people' | 'events'): string | null => {
    const value = block[key];
    if (value === undefined) return null;
    if (typeof value !== 'string' || value.trim() === '')
      throw new StudySettingError(`${where}.${key} is ${JSON.stringify(value)}; expected the path of the pool's ${key} table`);
    return resolve(base, value);
  };
  const people = path('people');
  if (people === null) throw new StudySettingError(`${where} has no "people"; the pool's people table is required`);
  const settings: Partial<ComparisonSettings> = {};
  for (const key of Object.keys(COMPARISON_CHECKS) as (keyof ComparisonSettings)[]) {
    if (block[key] !== undefined) (settings as Record<string, unknown>)[key] = COMPARISON_CHECKS[key](block[key], `${where}.${key}`);
  }
  resolveComparisonSettings(settings, where);
  return { people, events: path('events'), settings };
}
