/**
 * The JSON object of `follow-up compare --json` (json-output.md, "follow-up
 * compare --json"), as the report section reads it. Key names are the spec's
 * exactly, so the object the compare pipeline writes fits this interface
 * structurally; only the fields the page uses are listed (`value` is left out).
 */

/** json-output.md's Summary. */
import type { ValueForMoney } from '../measures/value/types.js';
import type { ComparisonSettings as StudyComparisonSettings } from '../study/comparison-settings.js';
export interface ComparisonSummary {
  n: number;
  mean: number | null;
  sd: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
}

/** json-output.md's Curve (weighted: with unequal weights nRisk, nEvent and nCensor are weighted sums). */
export interface ComparisonCurve {
  time: number[];
  nRisk: number[];
  nEvent: number[];
  nCensor: number[];
  survival: number[];
  lower: (number | null)[];
  upper: (number | null)[];
  median: number | null;
}

/**
 * An Effect: weighted means of each side and their difference, service − pool.
 * A value the pipeline cannot compute (an SE where there is one subclass, p
 * where the SE is 0) is null in the JSON, so every field may be null here.
 */
export interface ComparisonEffect {
  service: number | null;
  pool: number | null;
  difference: number | null;
  se: number | null;
  ci: [number | null, number | null] | null;
  p: number | null;
}

interface BalanceSide {
  meanService: number | null;
  meanPool: number | null;
  smd: number | null;
  varianceRatio: number | null;
}

export interface BalanceRow {
  term: string;
  before: BalanceSide;
  after: BalanceSide;
}

interface PropensityTerm {
  term: string;
  estimate: number | null;
  se: number | null;
  z: number | null;
  p: number | null;
}

interface ServiceSideFlow {
  cohort: number;
  tooShort: number;
  missingCovariate: Record<string, number>;
  complete: number;
  noMatchInCaliper: number;
  matched: number;
}

interface PoolSideFlow {
  people: number;
  pool: number;
  tooShort: number;
  missingCovariate: Record<string, number>;
  complete: number;
  matched: number;
  notUsed: number;
}

interface ComparisonSettings {
  method: StudyComparisonSettings['method'];
  distance: StudyComparisonSettings['distance'];
  caliper: number | null;
  ratio: number;
  replace: boolean;
  outcomeWindowMonths: number;
  covariates: string[];
  exact: string[];
  includeCautions: boolean;
}

/** Per bin of `breaks`: each side's people (or weights). */
interface HistogramSides {
  service: number[];
  pool: number[];
}

/** `propensityDistribution`: people per bin before, weights and people per bin after. */
export interface PropensityHistogram {
  breaks: number[];
  before: HistogramSides;
  after: HistogramSides;
  afterPeople: HistogramSides;
}

/** The result of `follow-up compare --json`, the fields a report uses. */
export interface ComparisonInput {
  toolkitVersion: string;
  settings: ComparisonSettings;
  flow: { service: ServiceSideFlow; pool: PoolSideFlow };
  caliperWidth: number | null;
  propensity: { terms: PropensityTerm[]; converged: boolean; iterations: number; warnings: string[] };
  /** Value for money (json-output.md `value`), null when the study has no `value` key. */
  value?: ValueForMoney | null;
  /** The score histogram of both sides: given by comparisonReportInput, not in the JSON of json-output.md. */
  propensityDistribution?: PropensityHistogram;
  balance: BalanceRow[];
  balanced: boolean;
  ess: { service: number | null; pool: number | null };
  effects: {
    provenReoffending: ComparisonEffect;
    frequency: ComparisonEffect;
    recall: ComparisonEffect;
    daysToFirstReoffence: { service: ComparisonSummary; pool: ComparisonSummary };
    /** Null when the Cox model cannot be fitted (no event on either side). */
    hazardRatio: { estimate: number | null; ci: [number | null, number | null] | null; p: number | null; seLog: number | null } | null;
  };
  curves: { service: ComparisonCurve; pool: ComparisonCurve };
}

/** The paths this page reads, each with the JSON type it must have ("number?" may also be null). */
const REQUIRED: ReadonlyArray<readonly [string, string]> = [
  ['settings.method', 'string'],
  ['settings.distance', 'string'],
  ['settings.caliper', 'number?'],
  ['settings.ratio', 'number'],
  ['settings.replace', 'boolean'],
  ['settings.outcomeWindowMonths', 'number'],
  ['settings.covariates', 'array'],
  ['settings.exact', 'array'],
  ['flow.service.cohort', 'number'],
  ['flow.service.tooShort', 'number'],
  ['flow.service.missingCovariate', 'object'],
  ['flow.service.complete', 'number'],
  ['flow.service.noMatchInCaliper', 'number'],
  ['flow.service.matched', 'number'],
  ['flow.pool.people', 'number'],
  ['flow.pool.pool', 'number'],
  ['flow.pool.tooShort', 'number'],
  ['flow.pool.missingCovariate', 'object'],
  ['flow.pool.complete', 'number'],
  ['flow.pool.matched', 'number'],
  ['flow.pool.notUsed', 'number'],
  ['caliperWidth', 'number?'],
  ['propensity.terms', 'array'],
  ['propensity.converged', 'boolean'],
  ['propensity.iterations', 'number'],
  ['propensity.warnings', 'array'],
  ['balance', 'array'],
  ['balanced', 'boolean'],
  ['ess.service', 'number?'],
  ['ess.pool', 'number?'],
  ['effects.provenReoffending', 'object'],
  ['effects.frequency', 'object'],
  ['effects.recall', 'object'],
  ['effects.daysToFirstReoffence.service', 'object'],
  ['effects.daysToFirstReoffence.pool', 'object'],
  ['curves.service.time', 'array'],
  ['curves.service.nRisk', 'array'],
  ['curves.service.survival', 'array'],
  ['curves.pool.time', 'array'],
  ['curves.pool.nRisk', 'array'],
  ['curves.pool.survival', 'array'],
];

function typeOf(x: unknown): string {
  return Array.isArray(x) ? 'array' : x === null ? 'null' : typeof x;
}

/**
 * The object of `follow-up compare --json` (as `comparisonJson` returns it, or
 * read from the file the command wrote) checked against the keys this page
 * reads: a missing or mistyped key is an error naming it, never a page with a
 * hole in it.
 */
export function comparisonInput(value: unknown): ComparisonInput {
  for (const [path, want] of REQUIRED) {
    let at: unknown = value;
    for (const key of path.split('.')) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
    const got = typeOf(at);
    const ok = want === 'number?' ? got === 'number' || got === 'null' : got === want;
    if (!ok) throw new TypeError(`comparison JSON: "${path}" should be ${want === 'number?' ? 'a number or null' : `of type ${want}`}, found ${got}`);
  }
  return value as ComparisonInput;
}
