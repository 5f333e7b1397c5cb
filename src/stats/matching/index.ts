/** Comparison groups (comparison.md): matching, weights, balance and the effect on the treated. */
export { nearestMatch, distanceSd } from './nearest-match.js';
export type { NearestMatchInput, NearestMatch } from './nearest-match.js';
export { attWeights } from './att-weights.js';
export { balanceTable, weightedMean, weightedVariance, effectiveSampleSize, BALANCE_THRESHOLD } from './balance.js';
export type { Balance, BalanceRow, BalanceStatistics, BalanceInput } from './balance.js';
export { balanceTerms } from './balance-terms.js';
export type { BalanceCovariate, BalanceTerm } from './balance-terms.js';
export { attEffect } from './att-effect.js';
export type { AttEffect, AttStandardError } from './att-effect.js';
