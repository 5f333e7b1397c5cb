/** regression.md, "Likelihood-ratio test of nested models". */
import { chiSquareUpperTail } from './chi-square-distribution.js';

export interface LikelihoodRatioTest {
  statistic: number;
  df: number;
  p: number | null;
}

/**
 * The likelihood-ratio test of a model against a larger one nested in it, as R
 * `anova(m0, m1, test = "Chisq")`: statistic = deviance₀ − deviance₁ on dfResidual₀ −
 * dfResidual₁ degrees of freedom, p its chi-square upper tail (null when df is 0, as R's NA).
 */
export function likelihoodRatioTest(smaller: { deviance: number; dfResidual: number }, larger: { deviance: number; dfResidual: number }): LikelihoodRatioTest {
  const df = smaller.dfResidual - larger.dfResidual;
  const statistic = smaller.deviance - larger.deviance;
  if (df < 0)
    throw new RangeError(`likelihoodRatioTest: the larger model has more residual df (${larger.dfResidual}) than the smaller (${smaller.dfResidual})`);
  return { statistic, df, p: df === 0 ? null : chiSquareUpperTail(statistic, df) };
}
