/**
 * Loading the study a command names, with the failures a person can act on:
 * an unreadable file is a usage error (exit 2), invalid records exit 1.
 */
import { access, constants } from 'node:fs/promises';
import { loadStudy, StudyError, formatProblem, type LoadOptions } from '../records/index.js';
import type { Study } from '../study/study.js';
import { UsageError } from './args.js';
import type { StudyConfig } from './config.js';
import { shownPath as shown } from './paths.js';

/** The records are invalid: exit status 1. */
export class InvalidRecordsError extends Error {
  override name = 'InvalidRecordsError';
}

async function mustBeReadable(role: string, path: string): Promise<void> {
  try {
    await access(path, constants.R_OK);
  } catch {
    throw new UsageError(`cannot read the ${role} file ${path}; check the path (relative to the study file, or to this folder for flags)`);
  }
}

/** Loads the configured study; every error found is listed in the thrown error's message. */
export async function loadConfiguredStudy(config: StudyConfig): Promise<Study> {
  await mustBeReadable('people', config.people);
  await mustBeReadable('events', config.events);
  if (config.offences !== null) await mustBeReadable('offences', config.offences);
  if (config.offencesExtra !== null) await mustBeReadable('offences-extra', config.offencesExtra);
  // Messages and provenance name the files as a person would type them here.
  try {
    return await loadStudy(
      {
        people: shown(config.people),
        events: shown(config.events),
        offences: config.offences && shown(config.offences),
        offencesExtra: config.offencesExtra && shown(config.offencesExtra),
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
      },
    );
  } catch (error) {
    if (error instanceof StudyError) {
      const errors = error.problems.filter((p) => p.severity === 'error');
      const lines = errors.map((p) => `  ${formatProblem(p)}`);
      throw new InvalidRecordsError(
        `the records are invalid: ${errors.length} error${errors.length === 1 ? '' : 's'}\n${lines.join('\n')}\n` +
          'Fix them, or run with --quarantine DIR to set the bad rows aside and go on.',
        { cause: error },
      );
    }
    throw error;
  }
}
