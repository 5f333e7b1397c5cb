/**
 * Writing a study's report page from a notebook (study-file.md, "follow-up
 * report"): the page the command writes, with the notebook's own commentary,
 * title and choice of sections when it gives them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SectionId } from '../pages/context.js';
import { renderStudyReport, reportFileName, type Narrative, type StudyReportOptions } from '../pages/index.js';
import type { ReportOptions } from '../study/options.js';
import type { OpenedStudy } from './open-study.js';
import type { ComparisonInput } from '../output/comparison-input.js';

export interface WriteReportOptions {
  /** The folder the page is written into (created when missing): a path or a file URL. */
  out: string | URL;
  /** The page's file name without `.html`; default: the title as a slug, as `follow-up report` names it. */
  name?: string;
  /** Default: the study file's title. */
  title?: string;
  /** Commentary paragraphs, shown after the headlines; on a public page every number in them must be published (see `narrator`). */
  narrative?: Narrative;
  /**
   * The sections the notebook is about, shown between its commentary and the
   * methods, data quality and provenance; every section when absent.
   */
  focus?: SectionId[];
  /** Overrides of the study file's report options (profile, minCell). */
  report?: Partial<ReportOptions>;
  /** The object `follow-up compare --json` prints for this study (`comparisonJson`, or the file read back): the page gets its matched comparison section. */
  comparison?: ComparisonInput | { readonly [key: string]: unknown };
}

/**
 * Renders the study's report page and writes it to `<out>/<name>.html`;
 * returns the path written. Without narrative, title or focus this is the page
 * `follow-up report --study <file>` writes. When FOLLOW_UP_REPORTS_DIR is set
 * (as `follow-up preview` sets it) the page goes there instead of `out`.
 */
export async function writeReport(study: OpenedStudy, options: WriteReportOptions): Promise<string> {
  const page = reportOptions(study, options);
  const html = await renderStudyReport(study.records, study.measures, page);
  // `follow-up preview` collects a run's pages in a folder of its own.
  const redirected = process.env.FOLLOW_UP_REPORTS_DIR;
  const out = redirected ? resolve(redirected) : options.out instanceof URL ? fileURLToPath(options.out) : resolve(options.out);
  await mkdir(out, { recursive: true });
  const path = join(out, options.name ? `${options.name}.html` : reportFileName(study.records, study.measures, page));
  await writeFile(path, html, 'utf8');
  return path;
}

function reportOptions(study: OpenedStudy, options: WriteReportOptions): StudyReportOptions {
  const sections: SectionId[] | undefined = options.focus && ['commentary', ...options.focus, 'methods', 'data-quality', 'provenance'];
  return {
    ...study.report,
    ...options.report,
    title: options.title ?? study.file.title ?? undefined,
    narrative: options.narrative,
    sections,
    comparison: options.comparison,
  };
}
