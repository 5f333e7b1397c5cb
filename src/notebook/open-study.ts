/**
 * Opening a study from its study file (study-file.md): the tables it names are
 * read relative to the file, whatever the working folder, and every measure of
 * measures.md is computed with the file's options.
 */
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeMeasures } from '../measures/index.js';
import type { StudyMeasures } from '../measures/types.js';
import type { ValueInputsOfStudy } from '../measures/value/service-break-even.js';
import { loadPool, loadStudy, type LoadOptions } from '../records/index.js';
import { readUnitCostFile } from '../records/unit-costs.js';
import { studyWithPathsFrom } from '../study/input-paths.js';
import { DEFAULT_REPORT_OPTIONS, type MeasureOptions, type ReportOptions } from '../study/options.js';
import { readStudyFile, type StudyFile } from '../study/study-file.js';
import type { Study } from '../study/study.js';

/** A study opened from its study file: the records, every measure, and the file's report (disclosure) options. */
export interface OpenedStudy {
  file: StudyFile;
  /** The validated records; their paths are relative to the study file's folder. */
  records: Study;
  measures: StudyMeasures;
  /** The study file's report options: the disclosure policy its pages and narrative follow. */
  report: ReportOptions;
  /** The study file's `value` key with its unit-cost table (value.md); null without one. */
  value: ValueInputsOfStudy | null;
}

const opened = new Map<string, Promise<OpenedStudy>>();

/**
 * Loads the study a study file describes and computes every measure, the
 * file's options overridden by `options`. `studyFile` is a path (relative to
 * the working folder) or a file URL, so a notebook can name its study relative
 * to itself: `openStudy(new URL('../data/study.json', import.meta.url))`.
 *
 * A study opened twice in one process with the same options is read once
 * (notebooks rendered together share it); treat the result as read-only.
 */
export function openStudy(studyFile: string | URL, options: Partial<MeasureOptions> = {}): Promise<OpenedStudy> {
  const path = resolve(studyFile instanceof URL ? fileURLToPath(studyFile) : studyFile);
  const key = `${path}\n${JSON.stringify(Object.entries(options).sort(([a], [b]) => (a < b ? -1 : 1)))}`;
  let open = opened.get(key);
  if (!open) {
    open = read(path, options);
    opened.set(key, open);
    open.catch(() => opened.delete(key));
  }
  return open;
}

async function read(path: string, options: Partial<MeasureOptions>): Promise<OpenedStudy> {
  const file = await readStudyFile(path);
  const loaded = await loadStudy(
    { people: file.people, events: file.events, offences: file.offences, assessments: file.assessments },
    {
      title: file.title,
      extractionDate: file.extractionDate,
      snapshotDate: file.snapshotDate,
      allowColumns: file.allowColumns,
      instruments: file.instruments,
    },
  );
  // The comparison pool (comparison.md), read beside the service when the file names one.
  if (file.comparison) {
    loaded.pool = await loadPool({ people: file.comparison.people, events: file.comparison.events }, loaded, {
      allowColumns: file.allowColumns,
      dateFormat: file.dateFormat as LoadOptions['dateFormat'],
      delimiter: file.delimiter as LoadOptions['delimiter'],
    });
  }
  const records = studyWithPathsFrom(loaded, dirname(path));
  const value: ValueInputsOfStudy | null = file.value && {
    settings: file.value,
    unitCosts: readUnitCostFile(file.value.unitCosts, relative(dirname(path), file.value.unitCosts)),
  };
  const measures = computeMeasures(records, { ...file.options, ...options }, value);
  return { file, records, measures, report: { ...DEFAULT_REPORT_OPTIONS, ...file.report }, value };
}
