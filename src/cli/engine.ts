/**
 * `--engine duckdb` for the CLI (study-file.md `engine`): the measures on
 * embedded DuckDB, with the failures a person can act on as the in-memory path
 * gives them (invalid records exit 1, settings the engine cannot use exit 2).
 */
import { EngineSettingError, measuresWithDuckDb } from '../engine/index.js';
import type { StudyMeasures } from '../measures/types.js';
import { UsageError } from './args.js';
import type { StudyConfig } from './config.js';
import { loadFailure } from './load.js';
import { shownPath as shown } from './paths.js';
import { loadValueInputs } from './value-inputs.js';

export async function measuresOnCliEngine(config: StudyConfig): Promise<StudyMeasures> {
  if (config.quarantineDir !== null) throw new UsageError('--quarantine needs the in-memory engine: run without --engine duckdb.');
  if (config.sheet !== null || config.allowColumns.length > 0) throw new UsageError('sheet and allowColumns need the in-memory engine (engine "memory").');
  try {
    return await measuresWithDuckDb({
      title: config.title,
      people: shown(config.people),
      events: shown(config.events),
      offences: config.offences && shown(config.offences),
      offencesExtra: config.offencesExtra,
      extractionDate: config.extractionDate,
      snapshotDate: config.snapshotDate,
      dateFormat: config.dateFormat,
      delimiter: config.delimiter,
      options: config.options,
      assessments: config.assessments && shown(config.assessments),
      instruments: config.instruments ?? null,
      valueInputs: loadValueInputs(config),
    });
  } catch (error) {
    if (error instanceof EngineSettingError) throw new UsageError(error.message);
    throw loadFailure(error, 'the records', 'Fix them (follow-up validate lists every problem), or use the in-memory engine with --quarantine DIR.');
  }
}
