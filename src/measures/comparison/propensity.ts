/**
 * comparison.md "Covariates and the propensity score": the covariates as terms, the
 * logistic regression of `treated` on them (R `glm(family = binomial)`), the distance,
 * and the warnings as fixed codes with a message.
 */
import { designMatrix, type Covariate } from '../../stats/design-matrix.js';
import { logisticRegression, type LogisticFit } from '../../stats/logistic-regression.js';
import { compareCodePoints } from '../../stats/code-point-order.js';
import type { ComparisonDistance } from '../../study/comparison-settings.js';
import { ComparisonError } from './errors.js';
import { asModelValues } from './covariates.js';
import type { Side } from './who-is-compared.js';

export interface Propensity {
  fit: LogisticFit;
  /** The model values of each covariate on each side (numbers, or strings for a category). */
  covariates: { name: string; numeric: boolean; service: (number | string)[]; pool: (number | string)[] }[];
  /** The distance (`logit`: the linear predictor; `probability`: the fitted probability). */
  distance: { service: Float64Array; pool: Float64Array };
  probability: { service: Float64Array; pool: Float64Array };
  /** `code: message`, codes glm_not_converged, fitted_probability_0_or_1, aliased_term, level_on_one_side. */
  warnings: string[];
}

/** Fits the propensity model on the service's complete people (treated 1) then the pool's (0). */
export function propensityModel(service: Side, pool: Side, covariates: readonly string[], distance: ComparisonDistance): Propensity {
  const nS = service.rows.length;
  const nP = pool.rows.length;
  const model = covariates.map((name, k) => ({ name, ...asModelValues(service.values[k], pool.values[k]) }));
  const design: Covariate[] = model.map((c) => ({
    name: c.name,
    values: (c.numeric ? [...(c.service as number[]), ...(c.pool as number[])] : [...(c.service as string[]), ...(c.pool as string[])]) as number[] | string[],
  }));
  const y = new Float64Array(nS + nP);
  y.fill(1, 0, nS);
  let fit: LogisticFit;
  try {
    fit = logisticRegression(designMatrix(design, { n: nS + nP }), y);
  } catch (error) {
    throw new ComparisonError(`the propensity model cannot be fitted: ${(error as Error).message}`);
  }
  if (!fit.linearPredictor.every(Number.isFinite)) throw new ComparisonError('the propensity model cannot be fitted: its linear predictor is not finite');
  const warnings: string[] = [];
  if (!fit.converged) warnings.push(`glm_not_converged: the propensity model did not converge in ${fit.iterations} iterations`);
  if (fit.warnings.some((w) => /numerically 0 or 1/.test(w))) {
    warnings.push(
      'fitted_probability_0_or_1: fitted probabilities numerically 0 or 1 occurred (some people are almost certainly on one side: check the covariates)',
    );
  }
  for (const t of fit.terms) if (t.estimate === null) warnings.push(`aliased_term: ${t.term} is aliased (a combination of the other terms) and left out`);
  for (const c of model) {
    if (c.numeric) continue;
    const s = new Set(c.service as string[]);
    const p = new Set(c.pool as string[]);
    for (const level of [...new Set([...s, ...p])].sort(compareCodePoints)) {
      if (s.has(level) && !p.has(level))
        warnings.push(`level_on_one_side: ${c.name}=${level} is found among the service's people only, so their score is near 1`);
      if (p.has(level) && !s.has(level)) warnings.push(`level_on_one_side: ${c.name}=${level} is found among the pool's people only, so their score is near 0`);
    }
  }
  const lp = fit.linearPredictor;
  const mu = fit.fitted;
  const probability = { service: mu.slice(0, nS), pool: mu.slice(nS) };
  const d = distance === 'logit' ? { service: lp.slice(0, nS), pool: lp.slice(nS) } : probability;
  return { fit, covariates: model, distance: d, probability, warnings };
}
