/**
 * The terminal words for the adjusted comparison of services (measures.md, "Services
 * compared, adjusted for whom they take on"), a part of `follow-up measures`.
 */
import type { AdjustedComparison, BinaryAdjusted, ModelFlow } from '../measures/adjusted-types.js';

const pct = (x: number | null) => (x === null || !Number.isFinite(x) ? '–' : `${(100 * x).toFixed(1)}%`);
const fix = (x: number | null, d = 2) => (x === null || !Number.isFinite(x) ? '–' : x.toFixed(d));
const pv = (p: number | null) => (p === null ? 'p –' : p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);

/** "used 668 of 917 (219 followed up too short; missing: age_at_release 20, prior_convictions 10)". */
export function flowWords(f: ModelFlow): string {
  const missing = Object.entries(f.missingCovariate).filter(([, n]) => n > 0);
  const why = [
    ...(f.tooShort ? [`${f.tooShort} followed up too short`] : []),
    ...(missing.length > 0 ? [`missing ${missing.map(([c, n]) => `${c} ${n}`).join(', ')}`] : []),
  ];
  return `used ${f.used} of ${f.cohort}${why.length > 0 ? ` (left out: ${why.join('; ')})` : ''}`;
}

function binaryLines(title: string, b: BinaryAdjusted | null): string[] {
  if (!b) return [`  ${title}: no one with the outcome measured and every covariate recorded`];
  const L = [`  ${title}: overall ${b.overall.k} of ${b.overall.n} (${pct(b.overall.proportion)}); model ${flowWords(b.flow)}`];
  for (const w of b.model.warnings) L.push(`    glm warning: ${w}`);
  for (const s of b.byService) {
    const out998 = s.ratio < s.limits998[0] || s.ratio > s.limits998[1];
    const out95 = s.ratio < s.limits95[0] || s.ratio > s.limits95[1];
    const flag = out998 ? ' (outside the 99.8% limits)' : out95 ? ' (outside the 95% limits)' : '';
    L.push(
      `    ${s.service}: observed ${s.observed} of ${s.n} (${pct(s.raw.proportion)}), expected ${fix(s.expected, 1)}, ` +
        `O/E ${fix(s.ratio)} (95% limits ${fix(s.limits95[0])}–${fix(s.limits95[1])}), risk-adjusted ${pct(s.riskAdjustedRate)}${flag}`,
    );
  }
  return L;
}

/** The lines of the adjusted comparison; none when there is no comparison (fewer than two services). */
export function adjustedComparisonLines(a: AdjustedComparison | null | undefined): string[] {
  if (!a) return [];
  const L = ['', `Services compared, adjusted for case mix (${a.caseMix.join(', ')})`];
  L.push(...binaryLines(`Proven reoffending within ${a.windowMonths} months`, a.provenReoffending));
  L.push(...binaryLines(`Recall within ${a.windowMonths} months of release`, a.recall));
  const c = a.timeToReconviction;
  if (!c) {
    L.push('  Conviction-free time: no Cox model (fewer than two services with complete covariates, more than 200 services, or no reconviction)');
    return L;
  }
  L.push(`  Conviction-free time, Cox model on service plus case mix: ${c.nEvent} reconvicted; ${flowWords(c.flow)}`);
  L.push(`    Likelihood-ratio test of service: chi-square ${fix(c.lrTest.statistic)} on ${c.lrTest.df} df, ${pv(c.lrTest.p)}`);
  for (const s of c.byService) {
    L.push(
      s.reference
        ? `    ${s.service}: reference (${s.n} people, ${s.nEvent} reconvicted)`
        : `    ${s.service}: hazard ratio ${fix(s.hazardRatio)}${s.ci ? ` (95% CI ${fix(s.ci[0])}–${fix(s.ci[1])})` : ' (aliased)'}, ${pv(s.p)} (${s.n} people, ${s.nEvent} reconvicted)`,
    );
  }
  L.push(`    Case mix: ${c.caseMix.map((t) => `${t.term} HR ${fix(t.hazardRatio)}`).join(', ')}`);
  for (const w of c.warnings) L.push(`    coxph warning: ${w}`);
  return L;
}
