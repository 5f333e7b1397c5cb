/**
 * Typed results of the adjusted comparison of services (measures.md, "Services compared,
 * adjusted for whom they take on"); their JSON form is json-output.md `adjustedComparison`.
 */
import type { Term } from '../stats/logistic-regression.js';
import type { Proportion } from '../stats/types.js';

/** Who a model used (json-output.md ModelFlow): cohort = tooShort + Σ missingCovariate + used. */
export interface ModelFlow {
  cohort: number;
  /** Binary outcomes only: follow-up ends before c. */
  tooShort?: number;
  /** Counted under the first missing covariate in `caseMix` order. */
  missingCovariate: Record<string, number>;
  used: number;
}

export interface AdjustedService {
  service: string;
  n: number;
  observed: number;
  expected: number;
  /** O/E. */
  ratio: number;
  /** (O/E) × the overall rate. */
  riskAdjustedRate: number;
  raw: Proportion;
  limits95: [number, number];
  limits998: [number, number];
  rateLimits95: [number, number];
  rateLimits998: [number, number];
}

/** A binary outcome indirectly standardised by the case-mix logistic model. */
export interface BinaryAdjusted {
  flow: ModelFlow;
  overall: Proportion;
  /** Σ fitted probabilities over the people used. */
  expected: number;
  model: { terms: Term[]; deviance: number; nullDeviance: number; aic: number; iterations: number; converged: boolean; warnings: string[] };
  byService: AdjustedService[];
}

export interface CoxService {
  service: string;
  n: number;
  nEvent: number;
  reference: boolean;
  estimate: number | null;
  hazardRatio: number | null;
  se: number | null;
  z: number | null;
  p: number | null;
  ci: [number, number] | null;
}

/** A Cox term in json-output.md's Term shape (ci on the hazard-ratio scale). */
interface CoxCaseMixTerm extends Term {
  hazardRatio: number | null;
}

export interface TimeToReconvictionAdjusted {
  flow: ModelFlow;
  nEvent: number;
  reference: string;
  byService: CoxService[];
  lrTest: { statistic: number; df: number; p: number | null };
  caseMix: CoxCaseMixTerm[];
  logLik: { null: number; caseMixOnly: number; full: number };
  /** coxph's warnings of the full model and the case-mix-only model, as R words them. */
  warnings: string[];
}

export interface AdjustedComparison {
  caseMix: string[];
  windowMonths: number;
  /** Null when no one could be used (or nobody had complete covariates). */
  provenReoffending: BinaryAdjusted | null;
  recall: BinaryAdjusted | null;
  timeToReconviction: TimeToReconvictionAdjusted | null;
}
