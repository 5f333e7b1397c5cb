/**
 * `follow-up compare --study FILE [--json]` (study-file.md; comparison.md): the matched
 * comparison as a readable summary, or with --json the document of json-output.md
 * "follow-up compare --json". Every comparison setting is also a flag; exit 1 with a
 * message when there is no pool, nobody is eligible, or the model cannot be fitted.
 */
import { ComparisonError } from '../../measures/comparison/errors.js';
import { compareStudy } from '../../measures/comparison/compare-study.js';
import { comparisonJson } from '../../output/comparison-json.js';
import { formatComparisonText } from '../../output/comparison-text.js';
import { COMPARISON_CHECKS, COMPARISON_DISTANCES, COMPARISON_METHODS, type ComparisonSettings } from '../../study/comparison-settings.js';
import { choicesHelp as or } from '../../study/options.js';
import { StudySettingError } from '../../study/study-file.js';
import { UsageError, kebabCase, type FlagKind, type ParsedFlags } from '../args.js';
import { commandConfig } from '../config.js';
import { loadConfiguredStudy } from '../load.js';
import { loadConfiguredPool, poolFilesOf } from '../load-pool.js';
import { loadValueInputs } from '../value-inputs.js';
import type { Output } from '../output.js';

export const COMPARE_HELP = `follow-up compare: the service against a matched comparison group from its pool

  follow-up compare --study study.json [--json]

The pool is named by the study file's "comparison" key, or by flags. Each flag overrides
the study file's value:
  --pool-people FILE, --pool-events FILE   the comparison pool's tables
  --covariates a,b,c            (default age_at_release,sex,prior_convictions,
                                 custody_years_before_release,category,release_year)
  --exact a,b                   covariates that must be equal within a match (default none)
  --method ${or(COMPARISON_METHODS)}
  --distance ${or(COMPARISON_DISTANCES)}
  --caliper N|none              in standard deviations of the distance (default 0.2)
  --ratio N                     comparison people per service person, 1–5 (default 1)
  --replace | --no-replace      may a comparison person be matched more than once
  --outcome-window-months N     1–60 (default 12)
  --include-cautions            count cautions as reoffences
  --quarantine DIR              set rows with errors aside and go on
  --json                        print the JSON document instead of the summary

Exit status: 0 success, 1 invalid records or no comparison possible, 2 usage error.`;

const COMPARE_FLAGS: Record<string, FlagKind> = {
  json: 'boolean',
  'pool-people': 'string',
  'pool-events': 'string',
  ...Object.fromEntries(Object.keys(COMPARISON_CHECKS).map((k) => [kebabCase(k), k === 'replace' ? 'boolean' : 'string'])),
};

/** The comparison settings given as flags, checked as the study file's are. */
function settingsFromFlags(flags: ParsedFlags): Partial<ComparisonSettings> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(COMPARISON_CHECKS) as (keyof ComparisonSettings)[]) {
    const flag = kebabCase(key);
    const raw = flags.get(flag);
    if (raw === undefined) continue;
    let value: unknown = raw;
    if (typeof raw === 'string') {
      if (key === 'covariates' || key === 'exact') value = raw.trim() === '' ? [] : raw.split(',').map((c) => c.trim());
      else if (key === 'caliper') value = /^(none|null)$/i.test(raw.trim()) ? null : /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(raw) ? Number(raw) : raw;
      else if (key === 'ratio' || key === 'outcomeWindowMonths') value = /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : raw;
    }
    try {
      out[key] = COMPARISON_CHECKS[key](value, `--${flag}`);
    } catch (error) {
      if (error instanceof StudySettingError) throw new UsageError(error.message);
      throw error;
    }
  }
  return out as Partial<ComparisonSettings>;
}

export async function runCompare(argv: readonly string[], out: Output): Promise<number> {
  const { config, flags } = await commandConfig(argv, 'compare', COMPARE_FLAGS);
  const pool = poolFilesOf(config, flags);
  const overrides = { ...config.comparison?.settings, ...settingsFromFlags(flags) };
  if (pool === null) {
    out.stderr(
      'follow-up compare: the study has no comparison pool; name its tables in the study file\'s "comparison" key (comparison.md), or give --pool-people FILE [--pool-events FILE]',
    );
    return 1;
  }
  const service = await loadConfiguredStudy(config);
  const study = await loadConfiguredPool(config, service, pool);
  const quarantined = (s: typeof study) => s.quality.people.quarantined + s.quality.events.quarantined;
  if (quarantined(study) > 0) out.stderr(`${quarantined(study)} service rows were quarantined (see ${study.quality.quarantineFile}).`);
  if (study.pool && quarantined(study.pool) > 0)
    out.stderr(`${quarantined(study.pool)} pool rows were quarantined (see ${study.pool.quality.quarantineFile}).`);
  let result: ReturnType<typeof compareStudy>;
  try {
    result = compareStudy(study, overrides, { includeCautions: config.options.includeCautions, value: loadValueInputs(config) });
  } catch (error) {
    if (error instanceof ComparisonError) {
      out.stderr(`follow-up compare: ${error.message}`);
      return 1;
    }
    if (error instanceof StudySettingError) throw new UsageError(error.message);
    throw error;
  }
  out.stdout(flags.get('json') === true ? JSON.stringify(comparisonJson(result), null, 2) : formatComparisonText(result));
  return 0;
}
