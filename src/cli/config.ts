/**
 * One resolved study configuration from a study file and/or flags; a flag given
 * with `--study` overrides the file's value (study-file.md).
 */
import { resolve } from 'node:path';
import { DEFAULT_MEASURE_OPTIONS, DEFAULT_REPORT_OPTIONS, type MeasureOptions, type ReportOptions } from '../study/options.js';
import { OPTION_CHECKS, REPORT_CHECKS, StudySettingError, dateFormatCheck, delimiterCheck, engineCheck, isoDate, readStudyFile } from '../study/study-file.js';
import type { ComparisonFile } from '../study/comparison-settings.js';
import type { Instrument } from '../study/instruments.js';
import type { ValueSettings } from '../study/value-settings.js';
import { UsageError, kebabCase, parseFlags, type FlagKind, type ParsedFlags } from './args.js';

export interface StudyConfig {
  /** The study file, when one was given. */
  studyFile: string | null;
  title: string | null;
  people: string;
  events: string;
  offences: string | null;
  extractionDate: string | null;
  snapshotDate: string | null;
  allowColumns: string[];
  dateFormat: string | null;
  offencesExtra: string | null;
  delimiter: string | null;
  sheet: string | null;
  /** study-file.md `engine`: `memory` or `duckdb`. */
  engine?: string;
  quarantineDir: string | null;
  options: MeasureOptions;
  report: ReportOptions;
  /** The comparison pool and its matching settings (comparison.md), from the study file; null without one. */
  comparison: ComparisonFile | null;
  /** The assessments table (`--assessments` or the study file) and its instruments (change.md, from the study file). */
  assessments?: string | null;
  instruments?: Record<string, Instrument> | null;
  /** The study file's `value` key (value.md), null without one. */
  value?: ValueSettings | null;
}

const NUMERIC_OPTIONS = new Set(['provenWindowMonths', 'minCell']);

/** The flags every command takes: the study, its tables, dates and options. */
export const STUDY_FLAGS: Record<string, FlagKind> = {
  study: 'string',
  people: 'string',
  events: 'string',
  offences: 'string',
  title: 'string',
  'extraction-date': 'string',
  'snapshot-date': 'string',
  'allow-columns': 'string',
  'date-format': 'string',
  'offences-extra': 'string',
  assessments: 'string',
  delimiter: 'string',
  sheet: 'string',
  engine: 'string',
  quarantine: 'string',
  help: 'boolean',
  ...Object.fromEntries(
    [...Object.keys(OPTION_CHECKS), ...Object.keys(REPORT_CHECKS)].map((key) => [kebabCase(key), key === 'includeCautions' ? 'boolean' : 'string']),
  ),
};

/** Reads a flag's text as the value an option check expects. */
function flagValue(key: string, raw: string | boolean): unknown {
  if (typeof raw === 'boolean' || !NUMERIC_OPTIONS.has(key)) return raw;
  return /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : raw;
}

function settingsFromFlags<K extends string>(flags: ParsedFlags, checks: Record<K, (v: unknown, w: string) => unknown>) {
  const out: Partial<Record<K, unknown>> = {};
  for (const key of Object.keys(checks) as K[]) {
    const flag = kebabCase(key);
    const raw = flags.get(flag);
    if (raw !== undefined) out[key] = checks[key](flagValue(key, raw), `--${flag}`);
  }
  return out;
}

function stringFlag(flags: ParsedFlags, name: string): string | undefined {
  const value = flags.get(name);
  return typeof value === 'string' ? value : undefined;
}

/**
 * Resolves the study configuration of a command from its parsed flags.
 * Throws UsageError for a missing table or a bad value.
 */
export async function resolveStudyConfig(flags: ParsedFlags, command: string): Promise<StudyConfig> {
  try {
    const studyPath = stringFlag(flags, 'study');
    const file = studyPath === undefined ? null : await readStudyFile(studyPath);
    const path = (name: string) => {
      const value = stringFlag(flags, name);
      return value === undefined ? undefined : resolve(value);
    };
    const people = path('people') ?? file?.people;
    const events = path('events') ?? file?.events;
    if (people === undefined || events === undefined) {
      throw new UsageError(`follow-up ${command} needs a study: --study study.json, or --people people.csv --events events.csv`);
    }
    const date = (name: string) => {
      const value = stringFlag(flags, name);
      return value === undefined ? undefined : (isoDate(value, `--${name}`) as string);
    };
    const checked = (name: string, check: (v: unknown, where: string) => unknown) => {
      const value = stringFlag(flags, name);
      return value === undefined ? undefined : (check(value, `--${name}`) as string);
    };
    if (path('assessments') !== undefined && !file?.instruments)
      throw new UsageError('--assessments needs the instruments they score (change.md): name them in the study file\'s "instruments" key, and give --study');
    const allow = stringFlag(flags, 'allow-columns');
    const quarantine = stringFlag(flags, 'quarantine');
    return {
      studyFile: studyPath ?? null,
      title: stringFlag(flags, 'title') ?? file?.title ?? null,
      people,
      events,
      offences: path('offences') ?? file?.offences ?? null,
      extractionDate: date('extraction-date') ?? file?.extractionDate ?? null,
      snapshotDate: date('snapshot-date') ?? file?.snapshotDate ?? null,
      allowColumns:
        allow === undefined
          ? (file?.allowColumns ?? [])
          : allow
              .split(',')
              .map((c) => c.trim())
              .filter(Boolean),
      dateFormat: checked('date-format', dateFormatCheck) ?? file?.dateFormat ?? null,
      offencesExtra: path('offences-extra') ?? file?.offencesExtra ?? null,
      delimiter: checked('delimiter', delimiterCheck) ?? file?.delimiter ?? null,
      sheet: stringFlag(flags, 'sheet') ?? file?.sheet ?? null,
      engine: checked('engine', engineCheck) ?? file?.engine ?? 'memory',
      quarantineDir: quarantine === undefined ? null : resolve(quarantine),
      options: { ...DEFAULT_MEASURE_OPTIONS, ...file?.options, ...(settingsFromFlags(flags, OPTION_CHECKS) as Partial<MeasureOptions>) },
      report: { ...DEFAULT_REPORT_OPTIONS, ...file?.report, ...(settingsFromFlags(flags, REPORT_CHECKS) as Partial<ReportOptions>) },
      comparison: file?.comparison ?? null,
      assessments: path('assessments') ?? file?.assessments ?? null,
      instruments: file?.instruments ?? null,
      value: file?.value ?? null,
    };
  } catch (error) {
    if (error instanceof StudySettingError) throw new UsageError(error.message);
    throw error;
  }
}

/** Parses a command's argv and resolves its study configuration. */
export async function commandConfig(
  argv: readonly string[],
  command: string,
  extraFlags: Record<string, FlagKind> = {},
): Promise<{ config: StudyConfig; flags: ParsedFlags }> {
  const flags = parseFlags(argv, { ...STUDY_FLAGS, ...extraFlags }, command);
  return { config: await resolveStudyConfig(flags, command), flags };
}
