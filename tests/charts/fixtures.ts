/** Inputs for the chart tests: the hand-built measures of tests/pages plus two small curves worked by hand. */
import type { Curve } from '../../src/stats/types.js';
import { curveOf, fixtureMeasures } from '../pages/fixture-measures.js';

export { fixtureMeasures };

/**
 * Ten people: events at 30, 90, 120, 200, 250, 365 days, censored at 60, 150,
 * 300, 400. By hand: S(30) = 0.9, S(90) = 0.9 × 7/8 = 0.7875,
 * S(120) = 0.675, S(200) = 0.54, S(250) = 0.405, S(365) = 0.2025.
 */
export const TEN: Curve = curveOf([
  [30, 1],
  [60, 0],
  [90, 1],
  [120, 1],
  [150, 0],
  [200, 1],
  [250, 1],
  [300, 0],
  [365, 1],
  [400, 0],
]);

/** Six people, events at 10 and 40 days, censored at 20, 50, 60, 70. */
export const SIX: Curve = curveOf([
  [10, 1],
  [20, 0],
  [40, 1],
  [50, 0],
  [60, 0],
  [70, 0],
]);
