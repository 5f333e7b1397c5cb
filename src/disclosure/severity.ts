/**
 * The pairs of index offence and most serious reconviction severity a page
 * may show (measures.md, "Measure 2: reconviction"; "Disclosure control").
 */
import type { ReconvictionResult } from '../measures/types.js';
import { isSmallCount, type Count, type DisclosurePolicy } from './cells.js';

interface SeverityPoint {
  index: number;
  reconviction: number;
  people: number;
}

export interface PublishedSeverityPairs {
  /** Pairs shown, each with its number of people. */
  shown: SeverityPoint[];
  /** People in pairs not shown: the people reconvicted less those in the pairs shown. */
  leftOut: Count;
}

/** Distinct (index, reconviction) severity pairs with the number of people, sorted by value. */
export function severityPoints(result: ReconvictionResult): SeverityPoint[] {
  const counts = new Map<string, SeverityPoint>();
  for (const p of result.severityPairs) {
    const key = `${p.index}|${p.reconviction}`;
    const pt = counts.get(key) ?? { index: p.index, reconviction: p.reconviction, people: 0 };
    pt.people++;
    counts.set(key, pt);
  }
  return [...counts.values()].sort((a, b) => a.index - b.index || a.reconviction - b.reconviction);
}

/**
 * The pairs a page may show. Analyst: all. Public: pairs shared by at least
 * minCell people; the rest are pooled into one "not shown" count, and while
 * that count is itself small (it is the reconvicted total minus the pairs
 * shown) the smallest shown pair joins it.
 */
export function shownSeverityPoints(result: ReconvictionResult, policy: DisclosurePolicy): { shown: SeverityPoint[]; leftOut: number } {
  const points = severityPoints(result);
  if (policy.profile !== 'public') return { shown: points, leftOut: 0 };
  const shown = points.filter((p) => p.people >= policy.minCell);
  let leftOut = points.reduce((a, p) => a + p.people, 0) - shown.reduce((a, p) => a + p.people, 0);
  while (leftOut > 0 && leftOut < policy.minCell && shown.length > 0) {
    let smallest = 0;
    for (let i = 1; i < shown.length; i++) if (shown[i].people < shown[smallest].people) smallest = i;
    leftOut += shown.splice(smallest, 1)[0].people;
  }
  return { shown, leftOut };
}

/**
 * The severity pairs as published. The people left out and the pairs shown
 * add up to the people reconvicted, so where the page withholds that number
 * (`reconvicted`, as published elsewhere) no pair is shown and the people
 * left out are withheld. With no one left out, the pairs below, on and above
 * the line of equal severity add up to the seriousness table's counts
 * exactly, so where that table withholds one of them (`seriousnessWithheld`)
 * no pair is shown either.
 */
export function severityPairsPublished(
  result: ReconvictionResult,
  policy: DisclosurePolicy,
  reconvicted: Count,
  seriousnessWithheld: boolean,
): PublishedSeverityPairs {
  const { shown, leftOut } = shownSeverityPoints(result, policy);
  const isPublic = policy.profile === 'public';
  if (isPublic && (reconvicted.hidden || (leftOut === 0 && seriousnessWithheld && shown.length > 0))) {
    const everyone = shown.reduce((a, p) => a + p.people, leftOut);
    return { shown: [], leftOut: { value: everyone, hidden: reconvicted.hidden || isSmallCount(everyone, policy) } };
  }
  return { shown, leftOut: { value: leftOut, hidden: isSmallCount(leftOut, policy) } };
}
