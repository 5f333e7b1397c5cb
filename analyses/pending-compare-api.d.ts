/**
 * The comparison notebooks' API until the compare pipeline (comparison.md;
 * branch compare-core) is merged into the entry point: `compareStudy` runs the
 * matched comparison of a study that names a pool, `comparisonJson` gives the
 * object `follow-up compare --json` prints (json-output.md), which
 * `writeReport({ comparison })` renders. Delete this file at the merge; until
 * then analyses/render-all.ts leaves the two notebooks out of `npm start`.
 */
import type { OpenedStudy } from 'follow-up';

declare module 'follow-up' {
  /**
   * The matched comparison of a study opened from a study file with the `comparison` key, with
   * that key's settings and the file's includeCautions (on branch compare-core:
   * `compareStudy(study.records, study.file.comparison.settings, { includeCautions })`).
   */
  export function compareStudy(study: OpenedStudy): unknown;
  /** The result as the JSON object of `follow-up compare --json`. */
  export function comparisonJson(result: unknown): { [key: string]: unknown };
}
