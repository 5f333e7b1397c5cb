/**
 * The SQL engine (study-file.md `engine`; issue 16): the measures on DuckDB,
 * or on any SqlRunner whose dialect is in dialect.ts.
 */
import type { StudyMeasures } from '../measures/types.js';
import { openDuckDb, type DuckDbOptions } from './duckdb.js';
import { measuresOnEngine, type EngineStudy } from './measures.js';

export { DIALECTS, type Dialect } from './dialect.js';
export { openDuckDb, type DuckDbOptions } from './duckdb.js';
export { ENGINE_CHECKS } from './checks.js';
export { EngineSettingError, measuresOnEngine, type EngineStudy } from './measures.js';
export type { SqlRow, SqlRunner } from './runner.js';

/** Every measure of the study computed by embedded DuckDB (opened and closed here). */
export async function measuresWithDuckDb(study: EngineStudy & { delimiter?: string | null }, options: DuckDbOptions = {}): Promise<StudyMeasures> {
  const runner = await openDuckDb({ delimiter: study.delimiter ?? null, ...options });
  try {
    return await measuresOnEngine(runner, study);
  } finally {
    await runner.close();
  }
}
