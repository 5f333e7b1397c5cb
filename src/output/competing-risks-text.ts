/**
 * The terminal's words for competing risks (measures.md "Competing risks"): the
 * deaths, and for reconviction and recall the cumulative incidence with death
 * competing beside 1 − Kaplan–Meier at 1, 2 and 5 years, and Gray's tests.
 */
import type { BreachResult, CautionResult, CompetingRisk, CompetingRisksResult, IncidenceAt } from '../measures/types.js';

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

const share = (k: number, n: number, p: number | null, ci: [number, number] | null) =>
  p === null ? `${k} of ${n} (no one to measure)` : `${k} of ${n} (${pct(p)}${ci ? `, 95% CI ${pct(ci[0])}–${pct(ci[1])}` : ''})`;

/** The lines on breaches in the intervention window and on cautions since release. */
export function breachCautionLines(b: BreachResult | undefined, c: CautionResult | undefined): string[] {
  const L: string[] = [];
  if (b) {
    const d = b.breachesPerPerson.distribution;
    const median = b.timeToFirstBreach.median;
    L.push('', 'Breaches (at least one breach during the intervention, from release to the service end or follow-up end)');
    L.push(`  Breached at least once: ${share(b.overall.k, b.overall.n, b.overall.proportion, b.overall.ci)}`);
    L.push(
      `  Breaches per person: mean ${b.breachesPerPerson.mean === null ? '–' : b.breachesPerPerson.mean.toFixed(2)}; people with 0 / 1 / 2 / 3+ breaches: ${d['0']} / ${d['1']} / ${d['2']} / ${d['3+']}`,
    );
    L.push(`  Median time to first breach (Kaplan–Meier, censored at the window's end): ${median === null ? 'not reached' : `${median} days`}`);
    if (b.comparison.byGroup.length > 1) {
      L.push(`  Breached by ${b.comparison.groupBy}:`);
      for (const g of b.comparison.byGroup) L.push(`    ${g.group}: ${share(g.k, g.n, g.proportion, g.ci)}`);
    }
    const lr = b.timeToFirstBreachByGroup.logRank;
    if (lr)
      L.push(`  Time to first breach by ${b.timeToFirstBreachByGroup.groupBy}: log-rank chi-square ${lr.chiSquare.toFixed(2)} on ${lr.df} df, ${pValue(lr.p)}`);
  }
  if (c) {
    L.push(
      '',
      `Cautions (offence from release to follow-up end, cautioned by follow-up end; ${c.countedAsReconvictions ? 'also counted as reconvictions' : 'not counted as reconvictions'})`,
    );
    L.push(`  Cautioned at least once: ${share(c.overall.k, c.overall.n, c.overall.proportion, c.overall.ci)}; cautions ${c.cautions}`);
  }
  return L;
}
