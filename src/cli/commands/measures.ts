/**
 * `follow-up measures`: every measure of measures.md for a study, as a readable
 * summary, or with --json as the document of json-output.md (and nothing else
 * on standard output).
 */
import { computeMeasures } from '../../measures/index.js';
import { formatMeasuresText, toJsonDocument } from '../../output/index.js';
import { commandConfig } from '../config.js';
import { loadConfiguredStudy } from '../load.js';
import type { Output } from '../output.js';
import { loadValueInputs } from '../value-inputs.js';
import { NO_PROGRESS, progressLine } from '../../records/progress.js';
import { choicesHelp as or, DESISTANCE_STARTS, ENGINES, INTERVAL_METHODS, KM_CONF_TYPES, RECALL_WINDOWS, RECONVICTION_WINDOWS } from '../../study/options.js';

export const MEASURES_HELP = `follow-up measures: compute every follow-up measure of a study

  follow-up measures --study study.json [--json]
  follow-up measures --people P --events E [--offences O] --extraction-date D [--snapshot-date D]

Options (each overrides the study file's value):
  --recall-window ${or(RECALL_WINDOWS)}
  --reconviction-window ${or(RECONVICTION_WINDOWS)}
  --include-cautions | --no-include-cautions
  --desistance-from ${or(DESISTANCE_STARTS)}
  --proven-window-months N      (1–120, default 12)
  --interval ${or(INTERVAL_METHODS)}
  --km-conf-type ${or(KM_CONF_TYPES)}
  --group-by COLUMN             (a column of people or of the offence lookup; default category)
  --quarantine DIR              set rows with errors aside and go on
  --assessments F               the assessments table (change.md; its instruments come from the study file)
  --engine ${or(ENGINES)}        where the measures are computed (default memory; duckdb reads
                                CSV or Parquet of any size out of core, see the README)
  --json                        print the JSON document instead of the summary

Exit status: 0 success, 1 invalid records, 2 usage error.`;

export async function runMeasures(argv: readonly string[], out: Output): Promise<number> {
  const { config, flags } = await commandConfig(argv, 'measures', { json: 'boolean' });
  if (config.engine === 'duckdb') {
    // Imported here so an in-memory run does not pay for loading DuckDB's native binding (~0.4 s).
    const { measuresOnCliEngine } = await import('../engine.js');
    const measures = await measuresOnCliEngine(config);
    out.stdout(flags.get('json') === true ? JSON.stringify(toJsonDocument(measures), null, 2) : formatMeasuresText(measures));
    return 0;
  }
  // A progress line on a terminal's standard error; none with --json, whose reader is a program.
  const progress = flags.get('json') === true ? NO_PROGRESS : progressLine(process.stderr);
  try {
    const study = await loadConfiguredStudy(config, progress);
    progress.phase('measures');
    const measures = computeMeasures(study, config.options, loadValueInputs(config));
    progress.done();
    const quarantined = (study.quality.offences?.quarantined ?? 0) + study.quality.people.quarantined + study.quality.events.quarantined;
    if (quarantined > 0) out.stderr(`${quarantined} rows were quarantined (see ${study.quality.quarantineFile}).`);
    if (study.extractionDateInferred) out.stderr(`No extraction date was given: the latest date in the records is used (${study.extractionDateSource ?? ''}).`);
    out.stdout(flags.get('json') === true ? JSON.stringify(toJsonDocument(measures), null, 2) : formatMeasuresText(measures));
  } finally {
    progress.done();
  }
  return 0;
}
