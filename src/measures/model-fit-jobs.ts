/**
 * The adjusted comparison's model fits (measures.md, "Services compared, adjusted for whom
 * they take on") as jobs that run here or on a worker thread: the logistic regressions
 * (regression.md, "Logistic regression") and the Cox models (regression.md, "Cox
 * proportional hazards"). A job's result holds only what the comparison reads, so a fit
 * done on a worker and one done here are the same object, bit for bit (the same code on
 * the same numbers).
 */
import { coxph, type CoxCovariates, type CoxTerm } from '../stats/cox-fit.js';
import type { ModelDesign } from '../stats/design-matrix.js';
import { logisticRegression, type Term } from '../stats/logistic-regression.js';

export type ModelFitJob =
  | { kind: 'logistic'; design: ModelDesign; y: Uint8Array | Float64Array }
  | { kind: 'cox'; time: Float64Array; event: Uint8Array | Float64Array; covariates: CoxCovariates };

export interface LogisticResult {
  terms: Term[];
  deviance: number;
  nullDeviance: number;
  aic: number;
  iterations: number;
  converged: boolean;
  warnings: string[];
  fitted: Float64Array;
}

export interface CoxResult {
  terms: CoxTerm[];
  logLik: { null: number; final: number };
  warnings: string[];
}

export type ModelFitResult = LogisticResult | CoxResult;

/** Runs one job in this thread. */
export function runModelFit(job: ModelFitJob): ModelFitResult {
  if (job.kind === 'logistic') {
    const { terms, deviance, nullDeviance, aic, iterations, converged, warnings, fitted } = logisticRegression(job.design, job.y);
    return { terms, deviance, nullDeviance, aic, iterations, converged, warnings, fitted };
  }
  const { terms, logLik, warnings } = coxph(job.time, job.event, job.covariates);
  return { terms, logLik, warnings };
}
