/**
 * The case-mix covariates of the adjusted comparison of services (measures.md, "Services
 * compared, adjusted for whom they take on"; the terms and levels rules of comparison.md,
 * "Covariates and the propensity score"): option `caseMix`, each name resolved to a value
 * per person, missing values found, and numeric vs categorical decided over a model's people.
 */
import { codeArray } from '../stats/code-array.js';
import { compareCodePoints } from '../stats/code-point-order.js';
import type { CodedCovariate, Covariate, ModelCovariate } from '../stats/design-matrix.js';
import type { Study } from '../study/study.js';
import { partsOfDay } from '../time/days.js';
import { columnsOf, rawColumn } from './columns.js';
import { MeasureOptionError } from './options.js';
import type { ModelFlow } from './adjusted-types.js';

/** comparison.md's default covariates, the default case mix. */
const DEFAULT_CASE_MIX = ['age_at_release', 'sex', 'prior_convictions', 'custody_years_before_release', 'category', 'release_year'] as const;

/** The offence-lookup columns of CaseMixLookupName. */
const LOOKUP = ['category', 'group', 'mode_of_trial', 'severity'] as const;
const DATES = new Set(['referral_date', 'in_reach_start', 'release_date', 'service_end', 'follow_up_end']);
/** Columns that are not a description of the person taken on. */
const NOT_CASE_MIX = new Set(['person_id', 'service', 'index_offence_row', 'included', 'exclusion_reason', 'end_reason']);

/** One case-mix covariate: a number or a level per people row, null when missing. */
export interface CaseMixColumn {
  name: string;
  valueOf: (row: number) => number | string | null;
}

/** Where a case mix is read: the study in memory, or the SQL engine's model frame (src/engine/case-mix.ts). */
export interface CaseMixSource {
  /** The people table's column names, in the order the in-memory study lists them (for the messages). */
  peopleNames: readonly string[];
  /** Format columns the people file does not have. */
  absent: ReadonlySet<string>;
  releaseYear(): CaseMixColumn;
  lookup(name: CaseMixLookupName): CaseMixColumn;
  people(name: string): CaseMixColumn;
}

/** Offence-lookup columns of the index offence a case mix may name. */
export type CaseMixLookupName = (typeof LOOKUP)[number];

/**
 * Resolves the case mix: the given list (each name must be a people column, an index
 * offence lookup column or `release_year`; an unknown, absent, date or identifying column
 * is an error naming it), or by default those of comparison.md's defaults the people file has.
 */
export function caseMixColumns(study: Study, caseMix: readonly string[] | undefined): CaseMixColumn[] {
  return resolveCaseMix(studyCaseMix(study), caseMix);
}

/** {@link caseMixColumns} over any source of the columns. */
export function resolveCaseMix(source: CaseMixSource, caseMix: readonly string[] | undefined): CaseMixColumn[] {
  const given = caseMix !== undefined;
  const names = (caseMix ?? DEFAULT_CASE_MIX).map((c) => c.trim().toLowerCase());
  if (given && names.length === 0) throw new MeasureOptionError('Option caseMix must name at least one column.');
  const seen = new Set<string>();
  const out: CaseMixColumn[] = [];
  const absent = source.absent;
  const peopleNames = source.peopleNames;
  for (const name of names) {
    if (seen.has(name)) throw new MeasureOptionError(`Option caseMix names "${name}" twice.`);
    seen.add(name);
    if (name === 'release_year') {
      out.push(source.releaseYear());
      continue;
    }
    if ((LOOKUP as readonly string[]).includes(name)) {
      out.push(source.lookup(name as CaseMixLookupName));
      continue;
    }
    const usable = () =>
      `Use a people column (${peopleNames.filter((c) => !NOT_CASE_MIX.has(c) && !DATES.has(c) && !absent.has(c)).join(', ')}), ` +
      `an index offence column (${LOOKUP.join(', ')}) or release_year.`;
    if (NOT_CASE_MIX.has(name)) throw new MeasureOptionError(`Option caseMix cannot use "${name}": it does not describe whom a service takes on. ${usable()}`);
    if (DATES.has(name))
      throw new MeasureOptionError(`Option caseMix cannot use the date "${name}"; release_year is the calendar year of release. ${usable()}`);
    if (!peopleNames.includes(name)) throw new MeasureOptionError(`Option caseMix names "${name}", which is no column of the study. ${usable()}`);
    if (absent.has(name)) {
      if (given) throw new MeasureOptionError(`Option caseMix names "${name}", but the people file has no ${name} column. ${usable()}`);
      continue;
    }
    out.push(source.people(name));
  }
  return out;
}

function studyCaseMix(study: Study): CaseMixSource {
  return {
    peopleNames: study.people.columnNames(),
    absent: new Set(study.absentPeopleColumns ?? []),
    releaseYear: () => releaseYear(study),
    lookup: (name) => lookupColumn(study, name),
    people: (name) => peopleColumn(study, name),
  };
}

/** release_year of a release day number (NaN when not released): its calendar year. */
export function releaseYearOf(day: number): number | null {
  return Number.isNaN(day) ? null : partsOfDay(day).year;
}

function releaseYear(study: Study): CaseMixColumn {
  const r = columnsOf(study).people.releaseDate;
  return { name: 'release_year', valueOf: (i) => releaseYearOf(r[i]) };
}

function lookupColumn(study: Study, name: CaseMixLookupName): CaseMixColumn {
  const o = study.offences;
  const row = columnsOf(study).people.indexOffenceRow;
  const pick: (k: number) => unknown =
    name === 'severity' ? (k) => o.severity[k] : name === 'category' ? (k) => o.category[k] : name === 'group' ? (k) => o.group[k] : (k) => o.modeOfTrial[k];
  return { name, valueOf: (i) => (row[i] < 0 ? null : caseMixValue(pick(row[i]))) };
}

function peopleColumn(study: Study, name: string): CaseMixColumn {
  const values = rawColumn<ArrayLike<unknown>>(study.people, name, 'people');
  return { name, valueOf: (i) => caseMixValue(values[i]) };
}

/**
 * A stored value as a case-mix value: a finite number, a level (text trimmed; a boolean as
 * yes/no), or null when missing (blank text, NaN, null).
 */
export function caseMixValue(v: unknown): number | string | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The covariates of a model over its people (`rows`): a column whose values there are all
 * numbers (or all numeric text) enters as a number, any other as categories
 * (comparison.md), so the decision and the levels are each model's own. Numbers are in a
 * Float64Array in shared memory (a fit worker reads them without a copy), categories as
 * codes, so that a model of millions of people holds no array of values a person.
 */
export function caseMixCovariates(columns: readonly CaseMixColumn[], rows: ArrayLike<number>): ModelCovariate[] {
  return columns.map((c) => numericCovariate(c, rows) ?? codedCovariate(c, rows));
}

/** The column as numbers (numeric text read as R's as.numeric would), or null at its first value that is not one. */
function numericCovariate(c: CaseMixColumn, rows: ArrayLike<number>): Covariate | null {
  const values = new Float64Array(new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT * rows.length));
  for (let k = 0; k < rows.length; k++) {
    const v = c.valueOf(rows[k]);
    if (typeof v === 'number') values[k] = v;
    else if (typeof v === 'string' && NUMBER_TEXT.test(v)) values[k] = Number(v);
    else return null;
  }
  return { name: c.name, values };
}

/** The column as categories: each value's text, coded by its place among the levels in code-point order. */
function codedCovariate(c: CaseMixColumn, rows: ArrayLike<number>): CodedCovariate {
  const firstSeen = new Map<string, number>();
  const seenCode = new Int32Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const v = c.valueOf(rows[k]);
    const level = typeof v === 'string' ? v : String(v);
    let code = firstSeen.get(level);
    if (code === undefined) firstSeen.set(level, (code = firstSeen.size));
    seenCode[k] = code;
  }
  const levels = [...firstSeen.keys()].sort(compareCodePoints);
  const rank = new Int32Array(levels.length);
  levels.forEach((level, j) => (rank[firstSeen.get(level)!] = j));
  // Shared, as the numbers are: a fit worker reads the codes without a copy.
  const codes = codeArray(rows.length, levels.length, true);
  for (let k = 0; k < rows.length; k++) codes[k] = rank[seenCode[k]];
  return { name: c.name, codes, levels };
}

/**
 * Splits `rows` into the people with every covariate recorded (in order) and a flow that
 * counts each other person under the first missing covariate in `caseMix` order.
 */
export function completeCases(columns: readonly CaseMixColumn[], rows: ArrayLike<number>): { used: Int32Array; missingCovariate: Record<string, number> } {
  const missingCovariate: Record<string, number> = {};
  for (const c of columns) missingCovariate[c.name] = 0;
  // Four bytes a person, not a JavaScript array's eight to sixteen (at 10M people, 40 MB against up to 160).
  const used = new Int32Array(rows.length);
  let k = 0;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j];
    const first = columns.find((c) => c.valueOf(i) === null);
    if (first) missingCovariate[first.name]++;
    else used[k++] = j;
  }
  return { used: used.subarray(0, k), missingCovariate };
}

export function modelFlow(cohort: number, tooShort: number | undefined, missingCovariate: Record<string, number>, used: number): ModelFlow {
  return tooShort === undefined ? { cohort, missingCovariate, used } : { cohort, tooShort, missingCovariate, used };
}
