/**
 * `follow-up validate`: reads the records, checks them against records.md and
 * prints every error and warning with its file, line, column and value, and the
 * row counts. Exit 0 when valid (or when quarantine mode set the bad rows
 * aside), 1 when not.
 */
import { StudyError, formatProblem } from '../../records/index.js';
import type { DataQuality, Problem } from '../../study/study.js';
import { formatDay } from '../../time/days.js';
import { commandConfig } from '../config.js';
import type { Study } from '../../study/study.js';
import type { StudyConfig } from '../config.js';
import { InvalidRecordsError, loadConfiguredStudy } from '../load.js';
import { loadConfiguredPool, poolFilesOf } from '../load-pool.js';
import type { Output } from '../output.js';
import { shownPath as shown } from '../paths.js';
import { DATE_FORMATS, DELIMITERS } from '../../study/options.js';

export const VALIDATE_HELP = `follow-up validate: check study records against the record format

  follow-up validate --study study.json
  follow-up validate --people people.csv --events events.csv [--offences offences.csv]

  --extraction-date D   the date the records were extracted (default: the latest date in them)
  --allow-columns A,B   columns the privacy guard lets through
  --quarantine DIR      set bad rows aside in DIR/quarantine.csv and go on
  --date-format F       ${DATE_FORMATS[0]} (default), ${DATE_FORMATS.slice(1).join(' or ')}
  --delimiter D         ${DELIMITERS.slice(0, -1).join(' ')} or ${DELIMITERS.at(-1)} (default: found from the header)
  --sheet NAME          the sheet of an .xlsx table (default: the one named after the table, else the first)
  --offences-extra F    a lookup of codes to add to the default lookup
  --assessments F       the assessments table (records.md; its instruments come from the study file)
  --pool-people F, --pool-events F
                        the comparison pool's tables (default: the study file's "comparison" key)
  --json                print every count and every problem as JSON

Exit status: 0 valid, 1 invalid, 2 usage error.`;

/** At most this many problems of one severity are listed; the counts are always complete. */
const LISTED = 200;

function counts(label: string, c: { read: number; used: number; quarantined: number }): string {
  return `  ${label.padEnd(8)} ${c.read} read, ${c.used} used, ${c.quarantined} quarantined`;
}

function listProblems(title: string, problems: Problem[]): string[] {
  if (problems.length === 0) return [];
  const lines = [`${title} (${problems.length}):`, ...problems.slice(0, LISTED).map((p) => `  ${formatProblem(p)}`)];
  if (problems.length > LISTED) lines.push(`  … and ${problems.length - LISTED} more of the same severity`);
  return lines;
}

/** At most this many warnings of one kind are spelled out; the rest are counted. */
const PER_KIND = 3;

/** Warnings by kind: each kind's count, then its first few (a full PNC history gives hundreds of one kind). */
function listWarnings(warnings: Problem[]): string[] {
  if (warnings.length === 0) return [];
  const byKind = new Map<string, Problem[]>();
  for (const p of warnings) {
    let g = byKind.get(p.kind);
    if (!g) byKind.set(p.kind, (g = []));
    g.push(p);
  }
  const lines = [`Warnings (${warnings.length}):`];
  for (const kind of [...byKind.keys()].sort()) {
    const g = byKind.get(kind)!;
    lines.push(`  ${kind} (${g.length}):`, ...g.slice(0, PER_KIND).map((p) => `    ${formatProblem(p)}`));
    if (g.length > PER_KIND) lines.push(`    … and ${g.length - PER_KIND} more of this kind (validate --json lists them all)`);
  }
  return lines;
}

/** One set of tables' counts and problems (the service's, or the comparison pool's). */
function tablesJson(quality: DataQuality) {
  const errors = quality.problems.filter((p) => p.severity === 'error').length;
  return {
    valid: errors === 0 || quality.quarantineFile !== null,
    ...(quality.offences ? { offences: quality.offences } : {}),
    people: quality.people,
    events: quality.events,
    ...(quality.assessments ? { assessments: quality.assessments } : {}),
    errors,
    warnings: quality.warnings,
    quarantineFile: quality.quarantineFile,
    problems: quality.problems.map((p) => ({ ...p, message: formatProblem(p) })),
  };
}

/**
 * Every count and every problem, as JSON (the readable report's content, nothing left out);
 * with a comparison pool, its tables under `pool` in the same form, and `valid` only when both are.
 */
export function validationJson(quality: DataQuality, extractionDate: string | null, inferredFrom: string | null, pool?: DataQuality): string {
  const { valid, ...tables } = tablesJson(quality);
  const poolTables = pool ? tablesJson(pool) : null;
  return JSON.stringify(
    {
      valid: valid && (poolTables?.valid ?? true),
      extractionDate,
      extractionDateInferredFrom: inferredFrom,
      ...tables,
      ...(poolTables ? { pool: poolTables } : {}),
    },
    null,
    2,
  );
}

/** The readable validation report. */
export function formatValidation(quality: DataQuality, header: string[], failed = false): string {
  const errors = quality.problems.filter((p) => p.severity === 'error');
  const warnings = quality.problems.filter((p) => p.severity === 'warning');
  const byKind = Object.entries(quality.warnings)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  const quarantined = (quality.offences?.quarantined ?? 0) + quality.people.quarantined + quality.events.quarantined + (quality.assessments?.quarantined ?? 0);
  const verdict =
    errors.length === 0
      ? 'Valid: no errors.'
      : quality.quarantineFile !== null && !failed
        ? `Quarantined ${quarantined} row${quarantined === 1 ? '' : 's'} with errors (written to ${quality.quarantineFile}); the rest is usable.`
        : `Invalid: ${errors.length} error${errors.length === 1 ? '' : 's'}.`;
  return [
    ...header,
    ...(quality.offences ? [counts('offences', quality.offences)] : []),
    counts('people', quality.people),
    counts('events', quality.events),
    ...(quality.assessments ? [counts('assessments', quality.assessments)] : []),
    verdict,
    ...(warnings.length > 0 ? [`Warnings by kind: ${byKind}`] : ['No warnings.']),
    ...listProblems('Errors', errors),
    ...listWarnings(warnings),
  ].join('\n');
}

/** The comparison pool checked like the service's tables (comparison.md: "validated the same way"). */
async function validatePool(
  config: StudyConfig,
  service: Study,
  files: { people: string; events: string | null },
): Promise<{ quality: DataQuality; failed: boolean }> {
  try {
    const study = await loadConfiguredPool(config, service, files);
    return { quality: study.pool!.quality, failed: false };
  } catch (error) {
    if (error instanceof InvalidRecordsError && error.cause instanceof StudyError) return { quality: error.cause.quality, failed: true };
    throw error;
  }
}

export async function runValidate(argv: readonly string[], out: Output): Promise<number> {
  const { config, flags } = await commandConfig(argv, 'validate', { json: 'boolean', 'pool-people': 'string', 'pool-events': 'string' });
  const json = flags.get('json') === true;
  const header = [
    `follow-up validate${config.title ? `: ${config.title}` : ''}`,
    `  files    ${[config.people, config.events, config.offences ?? '(default offence lookup)'].map((p) => (p.startsWith('(') ? p : shown(p))).join(', ')}`,
  ];
  const pool = poolFilesOf(config, flags);
  let study: Study;
  try {
    study = await loadConfiguredStudy(config);
  } catch (error) {
    if (error instanceof Error && error.cause instanceof StudyError) {
      // The pool is checked against the service's people (a person in both is an error), so it waits for a valid service.
      out.stdout(json ? validationJson(error.cause.quality, null, null) : formatValidation(error.cause.quality, header, true));
      return 1;
    }
    throw error;
  }
  const date = formatDay(study.extractionDate);
  header.push(
    `  extraction date ${date}${study.extractionDateInferred ? ` (inferred: the latest date in the records, ${study.extractionDateSource ?? ''})` : ''}`,
  );
  header.push(`  offences ${study.offences.code.length} codes in the lookup`);
  const checked = pool ? await validatePool(config, study, pool) : null;
  if (json) out.stdout(validationJson(study.quality, date ?? null, study.extractionDateSource ?? null, checked?.quality));
  else {
    const poolHeader = pool ? ['', 'Comparison pool', `  files    ${[pool.people, ...(pool.events ? [pool.events] : [])].map(shown).join(', ')}`] : [];
    out.stdout([formatValidation(study.quality, header), ...(checked ? [formatValidation(checked.quality, poolHeader, checked.failed)] : [])].join('\n'));
  }
  return checked?.failed ? 1 : 0;
}
