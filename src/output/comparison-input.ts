/**
 * The JSON object of `follow-up compare --json` (json-output.md, "follow-up
 * compare --json"), as the report section reads it. Key names are the spec's
 * exactly, so the object the compare pipeline writes fits this interface
 * structurally; only the fields the page uses are listed (`value` is left out).
 */

/** json-output.md's Summary. */
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

/** An Effect: weighted means of each side and their difference, service − pool. */
export interface ComparisonEffect {
  service: number;
  pool: number;
  difference: number;
  se: number;
  ci: [number, number];
  p: number;
}

interface BalanceSide {
  meanService: number;
  meanPool: number;
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
  method: 'nearest' | 'weighting';
  distance: 'logit' | 'probability';
  caliper: number | null;
  ratio: number;
  replace: boolean;
  outcomeWindowMonths: number;
  covariates: string[];
  exact: string[];
  includeCautions: boolean;
}

/** The result of `follow-up compare --json`, the fields a report uses. */
export interface ComparisonInput {
  toolkitVersion: string;
  settings: ComparisonSettings;
  flow: { service: ServiceSideFlow; pool: PoolSideFlow };
  caliperWidth: number | null;
  propensity: { terms: PropensityTerm[]; converged: boolean; iterations: number; warnings: string[] };
  balance: BalanceRow[];
  balanced: boolean;
  ess: { service: number; pool: number };
  effects: {
    provenReoffending: ComparisonEffect;
    frequency: ComparisonEffect;
    recall: ComparisonEffect;
    daysToFirstReoffence: { service: ComparisonSummary; pool: ComparisonSummary };
    hazardRatio: { estimate: number; ci: [number, number]; p: number; seLog: number };
  };
  curves: { service: ComparisonCurve; pool: ComparisonCurve };
}
