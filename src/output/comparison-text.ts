/**
 * The readable summary of `follow-up compare` (comparison.md "Reporting"): the flow of both
 * sides, the propensity model, balance, and every effect in plain words with its interval;
 * value for money (value.md) when the study has a `value` key.
 */
import type { ComparisonResult } from '../measures/comparison/types.js';
import type { AttEffect } from '../stats/matching/index.js';
import { unitCostsWords, valueSentences } from './value-words.js';
import { per100Sentence, windowPhrase } from '../words/comparison.js';
import { decimal, formatInteger, percent, pPhrase } from '../words/format.js';

/** Fewer matched service people than this and the result is indicative only (the Justice Data Lab's minimum). */
const JDL_MINIMUM = 60;

function effectLine(name: string, e: AttEffect, asPercent: boolean): string {
  const f = (x: number | null) => (x === null ? '–' : asPercent ? percent(x, 1) : decimal(x, 2));
  const ci = e.ci
    ? ` (95% CI ${asPercent ? decimal(e.ci[0] * 100, 1) : decimal(e.ci[0], 2)} to ${asPercent ? decimal(e.ci[1] * 100, 1) : decimal(e.ci[1], 2)}${asPercent ? ' points' : ''}, ${pPhrase(e.p)})`
    : '';
  const diff = asPercent ? `${decimal(e.difference * 100, 1)} points` : decimal(e.difference, 2);
  return `  ${name}: service ${f(e.service)}, comparison ${f(e.pool)}, difference ${diff}${ci}`;
}

export function formatComparisonText(r: ComparisonResult): string {
  const s = r.settings;
  const group = s.method === 'nearest' ? 'matched' : 'weighted';
  const fs = r.flow.service;
  const fp = r.flow.pool;
  const missing = (m: Record<string, number>) =>
    Object.entries(m)
      .filter(([, n]) => n > 0)
      .map(([c, n]) => `${formatInteger(n)} missing ${c}`)
      .join(', ') || 'none missing a covariate';
  const lines: string[] = [];
  lines.push(
    `Comparison: ${s.method === 'nearest' ? `nearest-neighbour matching (${s.ratio} to 1, ${s.replace ? 'with' : 'without'} replacement, caliper ${s.caliper === null ? 'none' : `${s.caliper} SD of the ${s.distance}`})` : 'weighting for the effect on the treated'}`,
  );
  lines.push(
    `Covariates: ${s.covariates.join(', ')}${s.exact.length ? `; exact on ${s.exact.join(', ')}` : ''}. Outcomes ${windowPhrase(s.outcomeWindowMonths)} of release.`,
  );
  lines.push('');
  lines.push('Who is compared');
  lines.push(
    `  Service: ${formatInteger(fs.cohort)} in the cohort, ${formatInteger(fs.tooShort)} with follow-up too short, ${missing(fs.missingCovariate)}; ${formatInteger(fs.complete)} complete, ${formatInteger(fs.noMatchInCaliper)} with no comparison within the caliper, ${formatInteger(fs.matched)} ${group}.`,
  );
  lines.push(
    `  Pool: ${formatInteger(fp.people)} people, ${formatInteger(fp.pool)} in the pool, ${formatInteger(fp.tooShort)} with follow-up too short, ${missing(fp.missingCovariate)}; ${formatInteger(fp.complete)} complete, ${formatInteger(fp.matched)} used, ${formatInteger(fp.notUsed)} not used.`,
  );
  if (r.caliperWidth !== null) lines.push(`  Caliper width: ${decimal(r.caliperWidth, 4)} on the ${s.distance} scale.`);
  if (fs.matched < JDL_MINIMUM) lines.push(`  Fewer than ${JDL_MINIMUM} ${group} service people: the result is indicative only.`);
  lines.push('');
  lines.push(`Propensity model (${r.propensity.converged ? 'converged' : 'did not converge'} in ${r.propensity.iterations} iterations)`);
  for (const t of r.propensity.terms)
    lines.push(`  ${t.term}: ${t.estimate === null ? 'aliased' : `${decimal(t.estimate, 4)} (SE ${decimal(t.se, 4)}, ${pPhrase(t.p)})`}`);
  for (const w of r.propensity.warnings) lines.push(`  Warning: ${w}`);
  lines.push('');
  lines.push('Balance (standardised mean difference before → after)');
  for (const b of r.balance) lines.push(`  ${b.term}: ${decimal(b.before.smd, 3)} → ${decimal(b.after.smd, 3)}`);
  lines.push(
    r.balanced
      ? '  Balance holds: every |SMD| is below 0.1.'
      : `  Balance does not hold for ${r.failing.join(', ')} (|SMD| not below 0.1): the estimates below may be biased.`,
  );
  lines.push(`  Effective sample sizes: service ${decimal(r.ess.service, 1)}, comparison ${decimal(r.ess.pool, 1)}.`);
  lines.push('');
  lines.push('Effects on the people who received the service');
  const e = r.effects;
  lines.push(effectLine('Proven reoffending', e.provenReoffending, true));
  if (e.provenReoffending.ci) lines.push(`  ${per100Sentence(e.provenReoffending.ci, { verb: `reoffended ${windowPhrase(s.outcomeWindowMonths)}`, group })}`);
  lines.push(effectLine('Reoffences per person', e.frequency, false));
  if (e.frequency.ci) lines.push(`  ${per100Sentence(e.frequency.ci, { verb: windowPhrase(s.outcomeWindowMonths), events: 'proven reoffences', group })}`);
  lines.push(effectLine('Recall', e.recall, true));
  if (e.recall.ci) lines.push(`  ${per100Sentence(e.recall.ci, { verb: `were recalled ${windowPhrase(s.outcomeWindowMonths)}`, group })}`);
  const d = e.daysToFirstReoffence;
  lines.push(
    `  Days to the first proven reoffence (median): service ${decimal(d.service.median, 0)} of ${formatInteger(d.service.n)}, comparison ${decimal(d.pool.median, 0)} of ${formatInteger(d.pool.n)}.`,
  );
  const hr = e.hazardRatio;
  lines.push(
    hr
      ? `  Hazard ratio of reconviction over the whole follow-up: ${decimal(hr.estimate, 2)} (95% CI ${decimal(hr.ci[0], 2)} to ${decimal(hr.ci[1], 2)}, ${pPhrase(hr.p)}).`
      : '  Hazard ratio: not computed (nobody was reconvicted).',
  );
  lines.push('');
  lines.push(
    `Nothing here shows the service caused the difference if what decided who got the service is left out of the covariates (${s.covariates.join(', ')}).`,
  );
  if (r.value) {
    lines.push('');
    lines.push('Value for money');
    for (const line of [...valueSentences(r.value), unitCostsWords(r.value.unitCostsUsed)]) lines.push(`  ${line}`);
  }
  return lines.join('\n');
}
