/** The narrator of an opened study's page (measures.md, "Disclosure control"). */
import type { ReportOptions } from '../study/options.js';
import { Narrator } from '../disclosure/narrator.js';
import type { OpenedStudy } from './open-study.js';

/**
 * A narrator for commentary on the study's page: the study file's report
 * options (its disclosure policy), overridden by `report` as writeReport's
 * `report` option overrides them.
 */
export function narrator(study: OpenedStudy, report: Partial<ReportOptions> = {}): Narrator {
  return new Narrator({ ...study.report, ...report }, study.measures);
}
