/**
 * Loading the comparison pool a command names (comparison.md "The comparison pool"), with
 * the failures a person can act on: an unreadable file is a usage error (exit 2), invalid
 * pool records exit 1, every error listed with its file, line, column and value.
 */
import { dirname, resolve } from 'node:path';
import { InputFileError, loadPool, type LoadOptions } from '../records/index.js';
import { checkInputFile } from '../records/open-input.js';
import { studyWithPathsFrom } from '../study/input-paths.js';
import type { Study } from '../study/study.js';
import { UsageError } from './args.js';
import { InvalidRecordsError, loadFailure } from './load.js';
import type { ParsedFlags } from './args.js';
import type { StudyConfig } from './config.js';
import { shownPath as shown } from './paths.js';

/** The pool's files: `--pool-people`/`--pool-events` first, else the study file's "comparison" key; null when the study names no pool. */
export function poolFilesOf(config: StudyConfig, flags: ParsedFlags): { people: string; events: string | null } | null {
  const given = (name: string) => {
    const v = flags.get(name);
    return typeof v === 'string' ? resolve(v) : undefined;
  };
  const people = given('pool-people') ?? config.comparison?.people;
  if (people === undefined) return null;
  return { people, events: given('pool-events') ?? config.comparison?.events ?? null };
}

/** Reads the pool beside the loaded service study; returns the study with its `pool`. */
export async function loadConfiguredPool(config: StudyConfig, service: Study, files: { people: string; events: string | null }): Promise<Study> {
  for (const [role, path] of [
    ['pool people', files.people],
    ['pool events', files.events],
  ] as const) {
    if (path === null) continue;
    try {
      checkInputFile(role, path);
    } catch (error) {
      if (error instanceof InputFileError && error.usage)
        throw new UsageError(`${error.message}; check the path (relative to the study file, or to this folder for flags)`);
      if (error instanceof InputFileError) throw new InvalidRecordsError(error.message);
      throw error;
    }
  }
  try {
    const pool = await loadPool({ people: shown(files.people), events: files.events && shown(files.events) }, service, {
      allowColumns: config.allowColumns,
      dateFormat: config.dateFormat as LoadOptions['dateFormat'],
      delimiter: config.delimiter as LoadOptions['delimiter'],
      sheet: config.sheet,
      quarantineDir: config.quarantineDir,
    });
    return { ...service, pool: studyWithPathsFrom(pool, config.studyFile ? dirname(resolve(config.studyFile)) : process.cwd()) };
  } catch (error) {
    throw loadFailure(error, "the comparison pool's records");
  }
}
