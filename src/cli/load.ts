/**
 * Loading the study a command names, with the failures a person can act on:
 * an unreadable file is a usage error (exit 2), invalid records exit 1.
 */
import { access, constants } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { studyWithPathsFrom } from '../study/input-paths.js';
import { loadStudy, StudyError, formatProblem } from '../records/index.js';
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
  // Messages and provenance name the files as a person would type them here.
  try {
    const study = await loadStudy(
      { people: shown(config.people), events: shown(config.events), offences: config.offences && shown(config.offences) },
      {
        title: config.title,
        extractionDate: config.extractionDate,
        snapshotDate: config.snapshotDate,
        allowColumns: config.allowColumns,
        quarantineDir: config.quarantineDir,
      },
    );
    // Pages name the inputs relative to the study file (or to this folder without one), never by machine path.
    return studyWithPathsFrom(study, config.studyFile ? dirname(resolve(config.studyFile)) : process.cwd());
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
