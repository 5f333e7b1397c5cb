/**
 * Disclosure control of the competing-risks figures (measures.md "Disclosure
 * control", "Competing risks"). A cumulative incidence at a time rests on the
 * events of its cause so far and on the people still at risk: in the public
 * profile it is withheld while either is a small count (1 to minCell − 1), as a
 * Kaplan–Meier curve is drawn only while minCell people are at risk. The 1 − KM
 * beside it rests on the same events, so it and the gap go with the cause's value.
 * The counts of one analysis (events of the cause, deaths, censored) add up to
 * its n and are suppressed together.
 */
import type { IncidenceCurve } from '../stats/aalen-johansen.js';
import type { CauseBlock, CompetingRisk, IncidenceAt } from '../measures/types.js';
import { isSmallCount, suppressWithTotal, type Count, type DisclosurePolicy } from './cells.js';

/** The last row of a curve at or before `day`, −1 before the first. */
export function rowAt(curve: IncidenceCurve, day: number): number {
  let at = -1;
  for (let m = 0; m < curve.time.length && curve.time[m] <= day; m++) at = m;
  return at;
}

/** True when the public profile lets a curve's value at `day` be shown: minCell still at risk, and its events so far 0 or at least minCell. */
export function incidenceShown(curve: IncidenceCurve, day: number, policy: DisclosurePolicy): boolean {
  if (policy.profile !== 'public') return true;
  const at = rowAt(curve, day);
  if (at < 0) return true;
  let events = 0;
  for (let m = 0; m <= at; m++) events += curve.nEvent[m];
  return !isSmallCount(events, policy) && curve.nRisk[at] >= policy.minCell;
}

export interface ShownAtYear {
  years: number;
  cause: IncidenceAt | null;
  death: IncidenceAt | null;
  oneMinusKm: number | null;
  difference: number | null;
}

/** The values at 1, 2 and 5 years as a page may show them (null = withheld), and the counts. */
function shownCauseBlock(
  cause: string,
  b: CauseBlock,
  policy: DisclosurePolicy,
): { counts: { cause: Count; death: Count; censored: Count; n: Count }; atYears: ShownAtYear[] } {
  const s = suppressWithTotal([b.events[cause], b.events.death, b.censored], policy);
  const atYears = b.atYears.map((a) => {
    const causeShown = incidenceShown(b.curves[cause], a.day, policy);
    return {
      years: a.years,
      cause: causeShown ? (a[cause] as IncidenceAt) : null,
      death: incidenceShown(b.curves.death, a.day, policy) ? (a.death as IncidenceAt) : null,
      oneMinusKm: causeShown ? a.oneMinusKm : null,
      difference: causeShown ? a.difference : null,
    };
  });
  return { counts: { cause: s.parts[0], death: s.parts[1], censored: s.parts[2], n: s.total }, atYears };
}

/**
 * Whether a cause's Gray test may be shown: withheld when a group's n, or its
 * events of that cause, is a small count (the test would rest on it), as the
 * comparison tests of proportions are.
 */
function grayTestShown(r: CompetingRisk, cause: string, policy: DisclosurePolicy): boolean {
  return !r.byGroup.some((g) => isSmallCount(g.n, policy) || isSmallCount(g.events[cause] ?? 0, policy));
}

/** Whether a cause's curve may be drawn: not when all its events together are a small count. */
function curveShown(b: CauseBlock, cause: string, policy: DisclosurePolicy): boolean {
  return !isSmallCount(b.events[cause] ?? 0, policy);
}

/** One competing-risks analysis as a page publishes it. */
export interface PublishedCompetingRisk {
  overall: ReturnType<typeof shownCauseBlock>;
  /** Each group's values, in the analysis's group order. */
  byGroup: ReturnType<typeof shownCauseBlock>[];
  /** Whether each Gray test (by cause) may be shown. */
  grayTests: Record<string, boolean>;
  drawCause: boolean;
  drawDeath: boolean;
}

/** Every decision about one analysis (`cause`: its cause other than death): values, counts, tests and curves. */
export function publishCompetingRisk(r: CompetingRisk, cause: string, policy: DisclosurePolicy): PublishedCompetingRisk {
  return {
    overall: shownCauseBlock(cause, r.overall, policy),
    byGroup: r.byGroup.map((g) => shownCauseBlock(cause, g, policy)),
    grayTests: Object.fromEntries(Object.keys(r.grayTest).map((k) => [k, grayTestShown(r, k, policy)])),
    drawCause: curveShown(r.overall, cause, policy),
    drawDeath: curveShown(r.overall, 'death', policy),
  };
}
