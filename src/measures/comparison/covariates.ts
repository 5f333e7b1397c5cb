/**
 * The covariates of comparison.md "The comparison pool" (its `covariates` key) and
 * "Covariates and the propensity score": a people column, an offence-lookup column of
 * the index offence (`category`, `group`, `mode_of_trial`, `severity`), or `release_year`.
 */
import type { Study } from '../../study/study.js';
import { partsOfDay } from '../../time/days.js';
import { ComparisonError } from './errors.js';

/** A covariate's value for one person: a trimmed string, a number, or null when not recorded. */
export type CovariateValue = string | number | null;

const LOOKUP = ['category', 'group', 'mode_of_trial', 'severity'] as const;

/** A plain decimal number after trimming (comparison.md readings). */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Reads a covariate for the given people rows of a study. Numbers stay numbers (NaN is
 * null); strings are trimmed (blank is null) and an enum's words are already lower case
 * (a blank `sex` is the level `unknown`, as the reader stores it).
 */
export function covariateValues(study: Study, name: string, rows: ArrayLike<number>, side: string): CovariateValue[] {
  const out: CovariateValue[] = new Array(rows.length);
  if (name === 'release_year') {
    const release = study.people.column('release_date') as unknown as ArrayLike<number>;
    for (let j = 0; j < rows.length; j++) {
      const r = release[rows[j]];
      out[j] = Number.isNaN(r) ? null : partsOfDay(r).year;
    }
    return out;
  }
  const people = study.people.columnNames();
  if (!people.includes(name) && (LOOKUP as readonly string[]).includes(name)) {
    const offence = study.people.column('index_offence_row') as unknown as ArrayLike<number>;
    const lookup = study.offences;
    const column: ArrayLike<string | number> =
      name === 'category' ? lookup.category : name === 'group' ? lookup.group : name === 'mode_of_trial' ? lookup.modeOfTrial : lookup.severity;
    for (let j = 0; j < rows.length; j++) {
      const o = offence[rows[j]];
      const v = o >= 0 ? column[o] : null;
      out[j] = v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? null : typeof v === 'string' ? v.trim() || null : v;
    }
    return out;
  }
  if (!people.includes(name) || name === 'index_offence_row' || name === 'person_id') {
    throw new ComparisonError(
      `the covariate "${name}" is not a column of the ${side}'s people, nor category, group, mode_of_trial, severity (of the index offence) or release_year`,
    );
  }
  const column = study.people.column(name) as unknown as ArrayLike<unknown>;
  for (let j = 0; j < rows.length; j++) {
    const v = column[rows[j]];
    if (v === null || v === undefined) out[j] = null;
    else if (typeof v === 'number') out[j] = Number.isNaN(v) ? null : v;
    else if (typeof v === 'boolean') out[j] = v ? 'true' : 'false';
    else {
      const t = String(v).trim();
      out[j] = t === '' ? null : t;
    }
  }
  return out;
}

/**
 * The covariate as the model takes it: numeric when every value (both sides, eligible and
 * complete people) is a number or a plain decimal number written as text; otherwise every
 * value as a string (a category).
 */
export function asModelValues(
  service: readonly CovariateValue[],
  pool: readonly CovariateValue[],
): { numeric: boolean; service: (number | string)[]; pool: (number | string)[] } {
  const isNumber = (v: CovariateValue) => typeof v === 'number' || (typeof v === 'string' && PLAIN_NUMBER.test(v));
  const numeric = service.every(isNumber) && pool.every(isNumber);
  const convert = (v: CovariateValue): number | string =>
    numeric ? (typeof v === 'number' ? v : Number(v)) : typeof v === 'number' ? String(v) : (v as string);
  return { numeric, service: service.map(convert), pool: pool.map(convert) };
}
