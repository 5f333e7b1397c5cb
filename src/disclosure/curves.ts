/**
 * Survival curves as published (measures.md, "Kaplan–Meier"; "Disclosure
 * control"): where a curve may be drawn, its numbers at risk, and its events
 * and censorings. A curve is decided on its own: its number at risk at the
 * start is the size of a group the page's tables publish, and a curve whose
 * group size is withheld is not drawn at all (see Published.groupCurves).
 */
import type { Curve } from '../stats/types.js';
import { isSmallCount, suppressWithTotal, type Count, type DisclosurePolicy } from './cells.js';

/** True while a curve may be drawn: in the public profile only while at least minCell people are at risk. */
export function drawnWhileAtRisk(nRisk: number, policy: DisclosurePolicy): boolean {
  return policy.profile !== 'public' || nRisk >= policy.minCell;
}

/** A number at risk as published: from 1 to minCell − 1 it is withheld ("<minCell"). */
export function atRiskCount(nRisk: number, policy: DisclosurePolicy): Count {
  return { value: nRisk, hidden: isSmallCount(nRisk, policy) };
}

/** A curve's events and censorings: they add up to the number at risk at the start, printed beside them. */
export function curveTotals(curve: Curve, policy: DisclosurePolicy): { events: Count; censored: Count } {
  const events = curve.nEvent.reduce((a, b) => a + b, 0);
  const censored = curve.nCensor.reduce((a, b) => a + b, 0);
  const [e, c] = suppressWithTotal([events, censored], policy).parts;
  return { events: e, censored: c };
}
