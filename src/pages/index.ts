/**
 * Report pages: the public API the command line and the notebooks use.
 *
 * - `renderStudyReport(study, measures, options)`: the HTML page (async: vega renders SVG asynchronously).
 * - `writeStudyReport(study, measures, options, outDir)`: writes `<outDir>/<slug>.html`, returns the path.
 * - `renderChartSvg(spec)`: a Vega-Lite spec as SVG text.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StudyMeasures } from '../measures/types.js';
import type { Study } from '../study/study.js';
import { DEFAULT_MEASURE_OPTIONS, DEFAULT_REPORT_OPTIONS } from '../study/options.js';
import { slugify } from './html.js';
import { renderStudyReport, reportTitle, type StudyReportOptions } from './report.js';

export { renderStudyReport, type StudyReportOptions } from './report.js';
export { renderChartSvg } from '../render/svg.js';
export type { DisclosurePolicy } from '../disclosure/cells.js';
export type { Narrative } from '../disclosure/narrative.js';

/**
 * The file name a study's page is written to: its title as a slug, then each
 * option that differs from its default (so that pages of one study with
 * different options do not overwrite each other), plus .html.
 */
export function reportFileName(
  study: Study,
  measures: StudyMeasures,
  options: Pick<StudyReportOptions, 'title'> & Partial<Pick<StudyReportOptions, 'profile' | 'minCell'>>,
): string {
  const changed: string[] = [];
  for (const [key, value] of Object.entries(measures.options ?? {})) {
    if (value !== (DEFAULT_MEASURE_OPTIONS as Record<string, unknown>)[key]) changed.push(`${key} ${String(value)}`);
  }
  if (options.profile !== undefined && options.profile !== DEFAULT_REPORT_OPTIONS.profile) changed.push(options.profile);
  if (options.minCell !== undefined && options.minCell !== DEFAULT_REPORT_OPTIONS.minCell) changed.push(`min cell ${options.minCell}`);
  const suffix = changed.length > 0 ? `-${slugify(changed.join(' '))}` : '';
  return `${slugify(reportTitle(study, measures, options))}${suffix}.html`;
}

/** Renders the page and writes it to `<outDir>/<slug>.html` (creating outDir); returns the path written. */
export async function writeStudyReport(study: Study, measures: StudyMeasures, options: StudyReportOptions, outDir: string): Promise<string> {
  const page = await renderStudyReport(study, measures, options);
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, reportFileName(study, measures, options));
  await writeFile(path, page, 'utf8');
  return path;
}
