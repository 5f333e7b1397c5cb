import type { Estimate } from './types.js';
import { checkCounts, wilsonInterval } from './proportion.js';
import { Z95 } from './normal.js';

/**
 * Risk difference p1 − p2 with Newcombe's hybrid score interval (Newcombe 1998,
 * method 10): from the Wilson intervals (l1, u1), (l2, u2),
 * [d − √((p1 − l1)² + (u2 − p2)²), d + √((u1 − p1)² + (p2 − l2)²)].
 * Null when either group is empty.
 */
export function riskDifference(k1: number, n1: number, k2: number, n2: number): Estimate {
  checkCounts(k1, n1, 'group 1');
  checkCounts(k2, n2, 'group 2');
  if (n1 === 0 || n2 === 0) return { estimate: null, ci: null };
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const [l1, u1] = wilsonInterval(k1, n1)!;
  const [l2, u2] = wilsonInterval(k2, n2)!;
  const d = p1 - p2;
  return {
    estimate: d,
    ci: [d - Math.hypot(p1 - l1, u2 - p2), d + Math.hypot(u1 - p1, p2 - l2)],
  };
}

/**
 * Relative risk p1/p2 with the log-scale (Katz) interval
 * exp(log RR ± z √(1/k1 − 1/n1 + 1/k2 − 1/n2)).
 * Undefined cases: either n = 0 or k2 = 0 → estimate and ci null (no finite ratio);
 * k1 = 0 (k2 > 0) → estimate 0 and ci null (log 0). No continuity correction is added.
 */
export function relativeRisk(k1: number, n1: number, k2: number, n2: number): Estimate {
  checkCounts(k1, n1, 'group 1');
  checkCounts(k2, n2, 'group 2');
  if (n1 === 0 || n2 === 0 || k2 === 0) return { estimate: null, ci: null };
  const rr = k1 / n1 / (k2 / n2);
  if (k1 === 0) return { estimate: 0, ci: null };
  const se = Math.sqrt(1 / k1 - 1 / n1 + 1 / k2 - 1 / n2);
  const logRr = Math.log(rr);
  return { estimate: rr, ci: [Math.exp(logRr - Z95 * se), Math.exp(logRr + Z95 * se)] };
}

/**
 * Sample odds ratio k1(n2 − k2) / ((n1 − k1) k2) with Woolf's logit interval
 * exp(log OR ± z √(1/a + 1/b + 1/c + 1/d)). (Not R fisher.test's conditional MLE.)
 * Undefined cases: either n = 0, or a zero in the denominator (n1 = k1 or k2 = 0) →
 * estimate and ci null; a zero in the numerator only → estimate 0, ci null.
 */
export function oddsRatio(k1: number, n1: number, k2: number, n2: number): Estimate {
  checkCounts(k1, n1, 'group 1');
  checkCounts(k2, n2, 'group 2');
  const a = k1;
  const b = n1 - k1;
  const c = k2;
  const d = n2 - k2;
  if (n1 === 0 || n2 === 0 || b === 0 || c === 0) return { estimate: null, ci: null };
  if (a === 0 || d === 0) return { estimate: 0, ci: null };
  const or = (a * d) / (b * c);
  const se = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
  const logOr = Math.log(or);
  return { estimate: or, ci: [Math.exp(logOr - Z95 * se), Math.exp(logOr + Z95 * se)] };
}
