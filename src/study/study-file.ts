/**
 * The study file (study-file.md): one JSON document naming the tables, the
 * lookup, the dates and the options, so that a study is reproducible from one
 * file. Paths inside it are relative to the file. An unknown key is an error,
 * so that a typo cannot pass silently.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseISODate } from '../time/days.js';
import { checkInstruments, type Instrument, InstrumentError } from './instruments.js';
import {
  choicesWords,
  DATE_FORMATS,
  DELIMITERS,
  ENGINES,
  isChoice,
  MEASURE_OPTION_CHOICES,
  REPORT_PROFILES,
  type EngineName,
  type MeasureOptions,
  type ReportOptions,
} from './options.js';
import { parseComparisonBlock, type ComparisonFile } from './comparison-settings.js';
import { checkValueSettings, type ValueSettings } from './value-settings.js';

/** What a study file says, with paths resolved against the file's folder. */
export interface StudyFile {
  path: string;
  title: string | null;
  people: string;
  events: string;
  offences: string | null;
  extractionDate: string;
  snapshotDate: string | null;
  allowColumns: string[];
  /** How dates are written in the tables (records.md; study-file.md `dateFormat`). */
  dateFormat: string | null;
  /** A lookup file whose rows extend the default lookup. */
  offencesExtra: string | null;
  /** The CSV delimiter: `,`, `;`, `tab`, or null to detect it. */
  delimiter: string | null;
  /** The spreadsheet sheet to read (an .xlsx file): null for the first. */
  sheet: string | null;
  /** Where the measures are computed: `memory` (the default) or `duckdb` (study-file.md `engine`). */
  engine?: EngineName | null;
  options: Partial<MeasureOptions>;
  report: Partial<ReportOptions>;
  /** The assessments table (records.md, "assessments"); needs `instruments`. */
  assessments: string | null;
  /** Each questionnaire's reliability, direction and norms (change.md). */
  instruments: Record<string, Instrument> | null;
  /** The comparison pool and matching settings (comparison.md); null when the file has none. */
  comparison: ComparisonFile | null;
  /** Value for money (value.md "Inputs"); null without a `value` key. */
  value: ValueSettings | null;
}

/** A study file, a flag or an option that cannot be used as given. */
export class StudySettingError extends Error {
  override name = 'StudySettingError';
}

type Check = (value: unknown, where: string) => unknown;

/**
 * The check of a setting with a closed set of values (one of options.ts's `as
 * const` lists). A function declaration: comparison-settings.ts, which this
 * file imports, builds its checks with it while this module is still loading.
 */
export function enumOf<T extends string>(values: readonly T[]): (value: unknown, where: string) => T {
  return (value, where) => {
    if (isChoice(values, value)) return value;
    throw new StudySettingError(`${where} is ${JSON.stringify(value)}; expected one of ${choicesWords(values)}`);
  };
}

const wholeNumber =
  (min: number, max: number): Check =>
  (value, where) => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    const range = Number.isFinite(max) ? `from ${min} to ${max}` : `≥ ${min}`;
    throw new StudySettingError(`${where} is ${JSON.stringify(value)}; expected a whole number ${range}`);
  };

const bool: Check = (value, where) => {
  if (typeof value === 'boolean') return value;
  throw new StudySettingError(`${where} is ${JSON.stringify(value)}; expected true or false`);
};

const text: Check = (value, where) => {
  if (typeof value === 'string' && value.trim() !== '') return value;
  throw new StudySettingError(`${where} is ${JSON.stringify(value)}; expected a non-empty string`);
};

/** A list of column names: an array of strings (study file) or `a,b,c` (a flag). */
const columnList: Check = (value, where) => {
  // A flag (`--case-mix a,b`) is text; a study file must give a JSON list.
  const list = typeof value === 'string' && where.startsWith('--') ? value.split(',').map((c) => c.trim()) : value;
  if (Array.isArray(list) && list.length > 0 && list.every((c) => typeof c === 'string' && c.trim() !== '')) return list.map((c: string) => c.trim());
  throw new StudySettingError(`${where} is ${JSON.stringify(value)}; expected a non-empty list of column names`);
};

/** A `YYYY-MM-DD` date that exists. */
export const isoDate: Check = (value, where) => {
  if (typeof value === 'string' && parseISODate(value) !== undefined) return value;
  throw new StudySettingError(`${where} is ${JSON.stringify(value)}; expected a date that exists, written YYYY-MM-DD`);
};

export const dateFormatCheck = enumOf(DATE_FORMATS);
export const delimiterCheck = enumOf(DELIMITERS);
export const engineCheck = enumOf(ENGINES);

/** The checks of every key under `options`, shared with the command-line flags. */
export const OPTION_CHECKS: Record<keyof MeasureOptions, Check> = {
  recallWindow: enumOf(MEASURE_OPTION_CHOICES.recallWindow),
  reconvictionWindow: enumOf(MEASURE_OPTION_CHOICES.reconvictionWindow),
  includeCautions: bool,
  desistanceFrom: enumOf(MEASURE_OPTION_CHOICES.desistanceFrom),
  provenWindowMonths: wholeNumber(1, 120),
  interval: enumOf(MEASURE_OPTION_CHOICES.interval),
  kmConfType: enumOf(MEASURE_OPTION_CHOICES.kmConfType),
  groupBy: text,
  caseMix: columnList,
};

/** The checks of every key under `report`. */
export const REPORT_CHECKS: Record<keyof ReportOptions, Check> = {
  profile: enumOf(REPORT_PROFILES),
  minCell: wholeNumber(1, Number.POSITIVE_INFINITY),
};

const TOP_KEYS = [
  'title',
  'people',
  'events',
  'offences',
  'extractionDate',
  'snapshotDate',
  'allowColumns',
  'dateFormat',
  'offencesExtra',
  'delimiter',
  'sheet',
  'engine',
  'options',
  'report',
  'assessments',
  'instruments',
  'comparison',
  'value',
] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKeys(object: Record<string, unknown>, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) {
      throw new StudySettingError(`${where} has an unknown key "${key}"; the keys are ${allowed.join(', ')}`);
    }
  }
}

/** Checks each key of a settings block against its check; returns the checked values. */
function checkBlock<K extends string>(block: unknown, checks: Record<K, Check>, where: string): Partial<Record<K, unknown>> {
  if (block === undefined) return {};
  if (!isObject(block)) throw new StudySettingError(`${where} must be an object`);
  checkKeys(block, Object.keys(checks), where);
  const out: Partial<Record<K, unknown>> = {};
  for (const [key, value] of Object.entries(block)) out[key as K] = checks[key as K](value, `${where}.${key}`);
  return out;
}

/** " line L, column C" of a JSON.parse error (its message gives a character position, or says the input ended); "" when it gives neither. */
export function jsonErrorPlace(text: string, message: string): string {
  const at = /position (\d+)/.exec(message);
  const offset = at ? Number(at[1]) : /end of JSON input/i.test(message) ? text.length : -1;
  if (offset < 0) return '';
  const before = text.slice(0, offset).split('\n');
  return ` line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

/**
 * Parses and checks a study file's text. `path` is used for messages and to
 * resolve the table paths.
 */
export function parseStudyFile(textContent: string, path: string): StudyFile {
  let json: unknown;
  try {
    json = JSON.parse(textContent);
  } catch (error) {
    throw new StudySettingError(`${path}${jsonErrorPlace(textContent, (error as Error).message)} is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(json)) throw new StudySettingError(`${path} must hold a JSON object`);
  checkKeys(json, TOP_KEYS, path);
  for (const key of ['people', 'events', 'extractionDate'] as const) {
    if (json[key] === undefined) throw new StudySettingError(`${path} has no "${key}"; it is required`);
  }
  const base = dirname(path);
  const at = (key: string) => `${path}: ${key}`;
  const allow = json.allowColumns ?? [];
  if (!Array.isArray(allow) || !allow.every((c) => typeof c === 'string')) {
    throw new StudySettingError(`${at('allowColumns')} must be a list of column names`);
  }
  return {
    path,
    title: json.title === undefined ? null : (text(json.title, at('title')) as string),
    people: resolve(base, text(json.people, at('people')) as string),
    events: resolve(base, text(json.events, at('events')) as string),
    offences: json.offences === undefined ? null : resolve(base, text(json.offences, at('offences')) as string),
    extractionDate: isoDate(json.extractionDate, at('extractionDate')) as string,
    snapshotDate: json.snapshotDate === undefined ? null : (isoDate(json.snapshotDate, at('snapshotDate')) as string),
    allowColumns: allow as string[],
    dateFormat: json.dateFormat === undefined ? null : dateFormatCheck(json.dateFormat, at('dateFormat')),
    offencesExtra: json.offencesExtra === undefined ? null : resolve(base, text(json.offencesExtra, at('offencesExtra')) as string),
    delimiter: json.delimiter === undefined ? null : delimiterCheck(json.delimiter, at('delimiter')),
    sheet: json.sheet === undefined ? null : (text(json.sheet, at('sheet')) as string),
    engine: json.engine === undefined ? null : engineCheck(json.engine, at('engine')),
    options: checkBlock(json.options, OPTION_CHECKS, at('options')) as Partial<MeasureOptions>,
    report: checkBlock(json.report, REPORT_CHECKS, at('report')) as Partial<ReportOptions>,
    ...changeKeys(json, base, at),
    comparison: json.comparison === undefined ? null : parseComparisonBlock(json.comparison, base, at('comparison')),
    value: json.value === undefined ? null : checkValueSettings(json.value, at('value'), base, StudySettingError),
  };
}

/** `assessments` and `instruments` (change.md): an assessments table needs the instruments it names. */
function changeKeys(json: Record<string, unknown>, base: string, at: (key: string) => string): Pick<StudyFile, 'assessments' | 'instruments'> {
  let instruments: Record<string, Instrument> | null = null;
  try {
    instruments = json.instruments === undefined ? null : checkInstruments(json.instruments, at('instruments'));
  } catch (error) {
    if (error instanceof InstrumentError) throw new StudySettingError(error.message);
    throw error;
  }
  const assessments = json.assessments === undefined ? null : resolve(base, text(json.assessments, at('assessments')) as string);
  if (assessments !== null && (instruments === null || Object.keys(instruments).length === 0)) {
    throw new StudySettingError(`${at('assessments')} is given but no "instruments" are; declare each instrument the table names (change.md)`);
  }
  return { assessments, instruments };
}

/** Reads and checks a study file. */
export async function readStudyFile(path: string): Promise<StudyFile> {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (error) {
    throw new StudySettingError(`cannot read the study file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseStudyFile(content, path);
}
