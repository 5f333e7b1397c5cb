/**
 * Loading the study a command names, with the failures a person can act on:
 * an unreadable file is a usage error (exit 2), invalid records exit 1.
 */
import { InputFileError, loadStudy, StudyError, formatProblem, type LoadOptions } from '../records/index.js';
import { checkInputFile } from '../records/open-input.js';
import { NO_PROGRESS, type Progress } from '../records/progress.js';
import { dirname, resolve } from 'node:path';
import { studyWithPathsFrom } from '../study/input-paths.js';
import type { Study } from '../study/study.js';
import { UsageError } from './args.js';
import type { StudyConfig } from './config.js';
import { shownPath as shown } from './paths.js';

/** The records are invalid: exit status 1. */
export class InvalidRecordsError extends Error {
  override name = 'InvalidRecordsError';
}

function mustBeReadable(role: string, path: string): void {
  try {
    checkInputFile(role, path);
  } catch (error) {
    if (error instanceof InputFileError && error.usage)
      throw new UsageError(`${error.message}; check the path (relative to the study file, or to this folder for flags)`);
    if (error instanceof InputFileError) throw new InvalidRecordsError(error.message);
    throw error;
  }
}

/** Loads the configured study; every error found is listed in the thrown error's message. */
export async function loadConfiguredStudy(config: StudyConfig, progress: Progress = NO_PROGRESS): Promise<Study> {
  mustBeReadable('people', config.people);
  mustBeReadable('events', config.events);
  if (config.offences !== null) mustBeReadable('offences', config.offences);
  if (config.offencesExtra !== null) mustBeReadable('offences-extra', config.offencesExtra);
  if (config.assessments) mustBeReadable('assessments', config.assessments);
  // Messages and provenance name the files as a person would type them here.
  try {
    const study = await loadStudy(
      {
        people: shown(config.people),
        events: shown(config.events),
        offences: config.offences && shown(config.offences),
        offencesExtra: config.offencesExtra && shown(config.offencesExtra),
        assessments: config.assessments && shown(config.assessments),
      },
      {
        title: config.title,
        extractionDate: config.extractionDate,
        snapshotDate: config.snapshotDate,
        allowColumns: config.allowColumns,
        dateFormat: config.dateFormat as LoadOptions['dateFormat'],
        delimiter: config.delimiter as LoadOptions['delimiter'],
        sheet: config.sheet,
        quarantineDir: config.quarantineDir,
        instruments: config.instruments ?? null,
        progress,
      },
    );
    // Pages name the inputs relative to the study file (or to this folder without one), never by machine path.
    return studyWithPathsFrom(study, config.studyFile ? dirname(resolve(config.studyFile)) : process.cwd());
  } catch (error) {
    throw loadFailure(error, 'the records');
  }
}

/**
 * What a failed load means to the person running the command: invalid records (exit 1)
 * with every error listed by file, line, column and value, an unreadable file a usage
 * error (exit 2); anything else as it was. `whose` starts the message ("the records").
 */
export function loadFailure(error: unknown, whose: string, fix = 'Fix them, or run with --quarantine DIR to set the bad rows aside and go on.'): unknown {
  if (error instanceof StudyError) {
    const errors = error.problems.filter((p) => p.severity === 'error');
    const lines = errors.map((p) => `  ${formatProblem(p)}`);
    return new InvalidRecordsError(`${whose} are invalid: ${errors.length} error${errors.length === 1 ? '' : 's'}\n${lines.join('\n')}\n${fix}`, {
      cause: error,
    });
  }
  if (error instanceof InputFileError) return error.usage ? new UsageError(error.message) : new InvalidRecordsError(error.message);
  return error;
}
