/**
 * The result of a comparison (comparison.md), shaped as json-output.md "follow-up compare
 * --json" (output/comparison-json.ts writes it key for key).
 */
import type { PropensityDistribution } from './propensity-distribution.js';
import type { ValueForMoney } from '../value/types.js';
import type { AttEffect, BalanceRow } from '../../stats/matching/index.js';
import type { Curve, Summary } from '../../stats/types.js';
import type { ComparisonSettings } from '../../study/comparison-settings.js';
import type { MatchedSample } from './matched-sample.js';

interface ServiceFlow {
  cohort: number;
  tooShort: number;
  missingCovariate: Record<string, number>;
  complete: number;
  noMatchInCaliper: number;
  matched: number;
}

interface PoolFlow {
  people: number;
  pool: number;
  tooShort: number;
  missingCovariate: Record<string, number>;
  complete: number;
  matched: number;
  notUsed: number;
}

interface PropensityTerm {
  term: string;
  estimate: number | null;
  se: number | null;
  z: number | null;
  p: number | null;
}

export interface HazardRatio {
  estimate: number;
  ci: [number, number];
  p: number;
  seLog: number;
}

export interface ComparisonResult {
  settings: ComparisonSettings & { includeCautions: boolean };
  flow: { service: ServiceFlow; pool: PoolFlow };
  caliperWidth: number | null;
  propensity: { terms: PropensityTerm[]; converged: boolean; iterations: number; warnings: string[] };
  balance: BalanceRow[];
  balanced: boolean;
  /** The terms whose |SMD| after is not below 0.1 (or null), in table order. */
  failing: string[];
  ess: { service: number; pool: number };
  effects: {
    provenReoffending: AttEffect;
    frequency: AttEffect;
    recall: AttEffect;
    daysToFirstReoffence: { service: Summary; pool: Summary };
    hazardRatio: HazardRatio | null;
  };
  curves: { service: Curve; pool: Curve };
  /** The propensity score histogram of both sides before and after (comparison.md "Reporting"). */
  propensityDistribution: PropensityDistribution;
  /** Each compared person's distance and weight, for the propensity distributions before and after. */
  distances: { service: Float64Array; pool: Float64Array; serviceWeight: Float64Array; poolWeight: Float64Array };
  /** The rows every effect is computed on (value for money builds on them). */
  sample: MatchedSample;
  /** Value for money of the matched sample (value.md), null when the study has no `value` key. */
  value: ValueForMoney | null;
}
