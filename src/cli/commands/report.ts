/**
 * `follow-up report`: renders a study's report page into a folder, with the
 * public disclosure profile unless --profile analyst is given.
 */
import { computeMeasures } from '../../measures/index.js';
import { writeStudyReport } from '../../pages/index.js';
import { UsageError } from '../args.js';
import { commandConfig } from '../config.js';
import { loadConfiguredStudy } from '../load.js';
import { progressLine } from '../../records/progress.js';
import type { Output } from '../output.js';
import { shownPath } from '../paths.js';
import { loadValueInputs } from '../value-inputs.js';
import { choicesHelp, REPORT_PROFILES } from '../../study/options.js';

export const REPORT_HELP = `follow-up report: render a study's report page

  follow-up report --study study.json --out DIR [--profile ${choicesHelp(REPORT_PROFILES)}] [--min-cell N]

The measure options of follow-up measures apply too. The public profile (the default)
suppresses counts from 1 to min-cell − 1; the analyst profile shows every count.

Exit status: 0 success, 1 invalid records, 2 usage error.`;

export async function runReport(argv: readonly string[], out: Output): Promise<number> {
  const { config, flags } = await commandConfig(argv, 'report', { out: 'string' });
  const outDir = flags.get('out');
  if (typeof outDir !== 'string') throw new UsageError('follow-up report needs --out DIR, the folder to write the page into');
  // --out names a folder: a file name would become a folder of that name.
  if (/\.(pdf|html?|png|svg)$/i.test(outDir)) {
    throw new UsageError(`--out ${outDir} looks like a file name; --out names the folder the page is written into (print the page to PDF from a browser)`);
  }
  const progress = progressLine(process.stderr);
  let path: string;
  try {
    const study = await loadConfiguredStudy(config, progress);
    progress.phase('measures');
    const measures = computeMeasures(study, config.options, loadValueInputs(config));
    progress.phase('writing the page');
    path = await writeStudyReport(study, measures, { ...config.report, title: config.title ?? undefined }, outDir);
  } finally {
    progress.done();
  }
  out.stdout(`Wrote ${shownPath(path)} (${config.report.profile} profile).`);
  return 0;
}
