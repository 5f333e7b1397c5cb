/** Comparison groups (comparison.md): matching, weights, balance and the effect on the treated. */
export { nearestMatch, distanceSd } from './nearest-match.js';
export type { NearestMatchInput, NearestMatch } from './nearest-match.js';
export { attWeights } from './att-weights.js';
