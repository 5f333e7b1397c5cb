/**
 * Shared plumbing of the notebooks in analyses/: open a sample (or any study
 * file) through the loader, compute its measures, render a page with the
 * notebook's narrative into reports/<name>.html. Paths on the page are
 * relative to the repository, so a page is the same on every machine.
 */
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { computeMeasures } from '../measures/index.js';
import type { StudyMeasures } from '../measures/types.js';
import { loadStudy } from '../records/index.js';
import { DEFAULT_REPORT_OPTIONS, type MeasureOptions, type ReportOptions } from '../study/options.js';
import { readStudyFile, type StudyFile } from '../study/study-file.js';
import type { Study } from '../study/study.js';
import type { SectionId } from './context.js';
import { renderStudyReport } from './report.js';

/** The repository's root folder (this file is src/pages/notebook.ts). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/**
 * Where notebooks write their pages: reports/, or the folder named by
 * FOLLOW_UP_REPORTS_DIR (how `follow-up preview` collects a run's pages).
 */
export const REPORTS_DIR = process.env.FOLLOW_UP_REPORTS_DIR ? resolve(process.env.FOLLOW_UP_REPORTS_DIR) : resolve(REPO_ROOT, 'reports');

export type SampleName = 'resettle' | 'south-wales' | 'national';

export interface OpenStudy {
  file: StudyFile;
  study: Study;
  measures: StudyMeasures;
  /** The study file's report options: also the disclosure policy its pages and narrative follow. */
  report: ReportOptions;
}

/** The study file of a committed sample. */
export function samplePath(name: SampleName): string {
  return resolve(REPO_ROOT, 'data-samples', name, 'study.json');
}

/**
 * Loads a study file with the loader and computes every measure, the study
 * file's options overridden by `options`.
 */
export async function openStudy(studyFile: string, options: Partial<MeasureOptions> = {}): Promise<OpenStudy> {
  const file = await readStudyFile(studyFile);
  const rel = (p: string) => relative(REPO_ROOT, p).split('\\').join('/');
  const study = await loadStudy(
    { people: rel(file.people), events: rel(file.events), offences: file.offences && rel(file.offences) },
    { title: file.title, extractionDate: file.extractionDate, snapshotDate: file.snapshotDate, allowColumns: file.allowColumns },
  );
  const measures = computeMeasures(study, { ...file.options, ...options });
  return { file, study, measures, report: { ...DEFAULT_REPORT_OPTIONS, ...file.report } };
}

const opened = new Map<string, Promise<OpenStudy>>();

/**
 * Opens one of the committed samples. Notebooks run in one process (render-all)
 * share a sample opened with the same options instead of loading it again.
 */
export function openSample(name: SampleName, options: Partial<MeasureOptions> = {}): Promise<OpenStudy> {
  const key = `${name} ${JSON.stringify(Object.entries(options).sort())}`;
  let open = opened.get(key);
  if (!open) {
    open = withRepoCwd(() => openStudy(samplePath(name), options));
    opened.set(key, open);
  }
  return open;
}

// The loader reads paths relative to the working folder; notebooks may be run from anywhere.
async function withRepoCwd<T>(f: () => Promise<T>): Promise<T> {
  const before = process.cwd();
  if (before === REPO_ROOT) return f();
  process.chdir(REPO_ROOT);
  try {
    return await f();
  } finally {
    process.chdir(before);
  }
}

export interface NotebookPage {
  /** The notebook's name: the page is reports/<name>.html. */
  name: string;
  title: string;
  narrative: string[];
  /**
   * The sections a notebook is about, shown between its commentary and the
   * methods, data quality and provenance; every section when absent.
   */
  focus?: SectionId[];
}

/**
 * Renders a notebook's page for an opened study and writes it to
 * reports/<name>.html; returns the path. The page takes the study file's
 * disclosure profile, the one the notebook's narrative was written under.
 */
export async function writeNotebookPage(open: OpenStudy, page: NotebookPage, outDir = REPORTS_DIR): Promise<string> {
  const sections: SectionId[] | undefined = page.focus && ['commentary', ...page.focus, 'methods', 'data-quality', 'provenance'];
  const options = { ...open.report, narrative: page.narrative, title: page.title, sections };
  const html = await renderStudyReport(open.study, open.measures, options);
  const { mkdir, writeFile } = await import('node:fs/promises');
  await mkdir(outDir, { recursive: true });
  const path = resolve(outDir, `${page.name}.html`);
  await writeFile(path, html, 'utf8');
  return path;
}

/** True when the module at `moduleUrl` is the script node was started with (a notebook run on its own). */
export function isMain(moduleUrl: string): boolean {
  return process.argv[1] != null && pathToFileURL(resolve(process.argv[1])).href === moduleUrl;
}

/** Runs a notebook's main function, printing the page written or the error (exit status 1). */
export function runNotebook(main: () => Promise<string>): void {
  main().then(
    (path) => console.log(`Wrote ${relative(process.cwd(), path)}`),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exitCode = 1;
    },
  );
}
