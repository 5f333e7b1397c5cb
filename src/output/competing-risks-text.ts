/**
 * The terminal's words for competing risks (measures.md "Competing risks"): the
 * deaths, and for reconviction and recall the cumulative incidence with death
 * competing beside 1 − Kaplan–Meier at 1, 2 and 5 years, and Gray's tests.
 */
import type { CompetingRisk, CompetingRisksResult, IncidenceAt } from '../measures/types.js';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const pValue = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);

function analysisLines(cause: string, what: string, r: CompetingRisk): string[] {
  const o = r.overall;
  const lines = [
    `  ${what}: ${o.events[cause]} ${cause === 'recall' ? 'recalled' : 'reconvicted'}, ${o.events.death} died first, ${o.censored} censored, of ${o.n}`,
  ];
  for (const a of o.atYears) {
    const c = a[cause] as IncidenceAt;
    const ci = c.ci ? ` (95% CI ${pct(c.ci[0])}–${pct(c.ci[1])})` : '';
    lines.push(
      `    at ${a.years} year${a.years === 1 ? '' : 's'}: cumulative incidence ${pct(c.estimate)}${ci}; 1 − Kaplan–Meier ${pct(a.oneMinusKm)}; ` +
        `difference ${(100 * a.difference).toFixed(1)} percentage points; death ${pct((a.death as IncidenceAt).estimate)}`,
    );
  }
  const tests = Object.entries(r.grayTest).map(([k, t]) => `${k} chi-square ${t.statistic.toFixed(2)} on ${t.df} df, ${pValue(t.p)}`);
  if (tests.length > 0) lines.push(`    Gray's test by ${(r as CompetingRisk & { groupBy?: string }).groupBy ?? 'group'}: ${tests.join('; ')}`);
  return lines;
}

/** The lines of the competing-risks part; none when the study has no deaths. */
export function competingRisksLines(c: CompetingRisksResult | null | undefined): string[] {
  if (!c) return [];
  const d = c.deaths;
  return [
    '',
    'Competing risks (death ends follow-up; cumulative incidence by Aalen–Johansen, death as the competing event)',
    `  Deaths in the cohort on or before follow-up end: ${d.cohort} (on the release day ${d.onReleaseDay}; before any reconviction ${d.beforeReconviction}; on the day of the first reconviction's offence ${d.onReconvictionDay}; in the intervention window ${d.inInterventionWindow}); deaths after follow-up end, ignored: ${d.afterFollowUpEnd}`,
    ...analysisLines('reconviction', `Reconviction from ${c.reconviction.from === 'release' ? 'release' : 'service end'}`, c.reconviction),
    ...analysisLines('recall', `First recall in the ${c.recall.window} window`, c.recall),
  ];
}
