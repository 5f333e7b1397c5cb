/**
 * A plain-words terminal summary of the measures. Never prints a person_id (it
 * has none to print: StudyMeasures holds aggregates only).
 */
import type { Proportion, Summary } from '../stats/types.js';
import { DAYS_PER_MONTH, daysToMonths } from '../time/days.js';
import type { GroupComparison, GroupCurves, StudyMeasures } from '../measures/types.js';
import { changeTextLines } from './change-text.js';
import { NO_VALUE_REASON } from '../measures/value/service-break-even.js';
import { breakEvenOnlySentences, unitCostsWords } from './value-words.js';
import { breachCautionLines, competingRisksLines } from './competing-risks-text.js';
import { adjustedComparisonLines } from './adjusted-text.js';
import {
  columnWords,
  COMPARED_MEASURE_WORDS,
  END_REASON_WORDS,
  endReasonOrder,
  inSentence,
  RECALL_REASON_WORDS,
  recallReasonOrder,
  SERIOUSNESS_LEVELS,
  SERIOUSNESS_WORDS,
  wordOf,
} from '../words/labels.js';

const RECALL_WINDOW: Record<string, string> = {
  intervention: 'during the intervention, from release to the service end or follow-up end',
  licence: 'from release to follow-up end',
};
const RECONVICTION_WINDOW: Record<string, string> = {
  since_release: 'offence committed from release to follow-up end',
  during_intervention: 'offence committed from release to the service end or follow-up end',
  after_intervention: 'offence committed after the service end, up to follow-up end (people with a service end only)',
};
const INTERVAL: Record<string, string> = { wilson: 'Wilson score', 'clopper-pearson': 'Clopper–Pearson exact' };

function pct(x: number | null, digits = 1): string {
  return x === null ? '–' : `${(100 * x).toFixed(digits)}%`;
}

/** "27 of 45 (60.0%, 95% CI 45.5%–73.0%)". */
export function formatProportion(p: Proportion): string {
  if (p.n === 0 || p.proportion === null) return `${p.k} of ${p.n} (no one to measure)`;
  const ci = p.ci ? `, 95% CI ${pct(p.ci[0])}–${pct(p.ci[1])}` : '';
  return `${p.k} of ${p.n} (${pct(p.proportion)}${ci})`;
}

function fmt(x: number | null, digits = 1): string {
  return x === null || !Number.isFinite(x) ? '–' : x.toFixed(digits);
}

/** "p = 0.042", "p < 0.001", or "p –" when there is none. */
function pValue(p: number | null): string {
  if (p === null) return 'p –';
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

function summaryLine(s: Summary, unit: string): string {
  if (s.n === 0) return 'no one recorded';
  return `n ${s.n}, mean ${fmt(s.mean)}${unit ? ` ${unit}` : ''} (SD ${fmt(s.sd)}), median ${fmt(s.median)} (IQR ${fmt(s.q1)}–${fmt(s.q3)}), range ${fmt(s.min)}–${fmt(s.max)}`;
}

function comparisonLines(c: GroupComparison, what: string): string[] {
  if (c.byGroup.length === 0) return [];
  const lines = [`  ${what} by ${c.groupBy}:`];
  for (const g of c.byGroup) lines.push(`    ${g.group}: ${formatProportion(g)}`);
  const tests: string[] = [];
  tests.push(c.fisherP === null ? `Fisher's exact test not computed${c.fisherNote ? ` (${c.fisherNote})` : ''}` : `Fisher's exact ${pValue(c.fisherP)}`);
  if (c.chiSquare) tests.push(`chi-square ${fmt(c.chiSquare.statistic, 2)} on ${c.chiSquare.df} df, ${pValue(c.chiSquare.p)}`);
  lines.push(`    ${tests.join('; ')}`);
  const rd = c.riskDifference;
  if (rd && rd.estimate !== null) {
    const ci = rd.ci ? ` (95% CI ${fmt(100 * rd.ci[0])} to ${fmt(100 * rd.ci[1])})` : '';
    lines.push(`    ${c.byGroup[0].group} minus ${c.byGroup[1].group}: ${fmt(100 * rd.estimate)} percentage points${ci}`);
  }
  const rr = c.relativeRisk;
  if (rr && rr.estimate !== null) {
    const ci = rr.ci ? ` (95% CI ${fmt(rr.ci[0], 2)} to ${fmt(rr.ci[1], 2)})` : '';
    lines.push(`    relative risk ${fmt(rr.estimate, 2)}${ci}`);
  }
  return lines;
}

function unusedLine(unused: { reason: string; count: number }[]): string[] {
  return unused.length ? [`  Not covered: ${unused.map((u) => `${u.count} ${u.reason}`).join('; ')}`] : [];
}

function logRankLine(g: GroupCurves | undefined, what: string): string[] {
  if (!g || !g.logRank) return [];
  const medians = g.curves.map((c) => `${c.group} ${c.curve.median === null ? 'not reached' : `${c.curve.median} days`}`).join(', ');
  return [`  ${what} by ${g.groupBy}: median ${medians}; log-rank chi-square ${fmt(g.logRank.chiSquare, 2)} on ${g.logRank.df} df, ${pValue(g.logRank.p)}`];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function categories(rows: { value: string; count: number; percent: number | null }[]): string {
  return rows.map((x) => `${x.value} ${x.count}${x.percent === null ? '' : ` (${x.percent.toFixed(0)}%)`}`).join(', ');
}

function medianDays(days: number | null): string {
  return days === null ? 'not reached' : `${days} days (${fmt(daysToMonths(days))} months)`;
}

/** A readable summary of every measure, naming the definition and options behind each figure. */
export function formatMeasuresText(m: StudyMeasures): string {
  const o = m.options;
  const L: string[] = [];
  L.push(`${m.title ?? 'Follow-up study'} — follow-up toolkit ${m.toolkitVersion}`);
  L.push(
    `Extraction date ${m.extractionDate}${m.extractionDateInferred ? ' (not given: the latest date in the records was used)' : ''}. ` +
      `Intervals: ${INTERVAL[o.interval]} 95% CI; Kaplan–Meier intervals on the ${o.kmConfType} scale.`,
  );
  const dq = m.dataQuality;
  const warnings = Object.entries(dq.warnings);
  L.push(
    `Records: people ${dq.people.read} read, ${dq.people.used} used, ${dq.people.quarantined} quarantined; ` +
      `events ${dq.events.read} read, ${dq.events.used} used, ${dq.events.quarantined} quarantined.` +
      (warnings.length ? ` Warnings: ${warnings.map(([k, v]) => `${k} ${v}`).join(', ')}.` : ''),
  );
  L.push('');
  const f = m.flow;
  L.push('Cohort flow');
  L.push(`  People in the records: ${f.people}`);
  for (const [reason, count] of Object.entries(f.excluded)) L.push(`  Excluded, ${reason}: ${count}`);
  L.push(`  Included: ${f.included}`);
  L.push(`  Not yet released: ${f.notYetReleased}`);
  L.push(`  Follow-up cohort (included and released): ${f.cohort}`);
  L.push('');

  const c0 = m.description.overall;
  if (c0.n > 0) {
    L.push('The cohort');
    L.push(`  ${columnWords('sex')}: ${categories(c0.categorical.sex)}`);
    L.push(`  ${columnWords('ethnicity')}: ${categories(c0.categorical.ethnicity)}`);
    L.push(`  ${columnWords('tier')}: ${categories(c0.categorical.tier)}`);
    L.push(`  ${columnWords('category')}: ${categories(c0.categorical.category)}`);
    L.push(`  ${columnWords('group')}: ${categories(c0.categorical.group)}`);
    L.push(`  ${columnWords('age_at_release')}: ${summaryLine(c0.numeric.age_at_release, 'years')}`);
    L.push(`  ${columnWords('prior_convictions')}: ${summaryLine(c0.numeric.prior_convictions, '')}`);
    L.push(`  ${columnWords('custody_years_before_release')}: ${summaryLine(c0.numeric.custody_years_before_release, 'years')}`);
    L.push(`  ${columnWords('aces')}: ${summaryLine(c0.numeric.aces, '')}; four or more: ${c0.fourOrMoreAces}`);
    L.push('');
  }

  const r = m.recall;
  L.push(`Recall (at least one recall ${RECALL_WINDOW[r.window]}; window "${r.window}")`);
  L.push(`  Recalled at least once: ${formatProportion(r.overall)}`);
  const dist = r.recallsPerPerson.distribution;
  L.push(
    `  Recalls per person: mean ${fmt(r.recallsPerPerson.mean, 2)}; people with 0 / 1 / 2 / 3+ recalls: ${dist['0']} / ${dist['1']} / ${dist['2']} / ${dist['3+']}`,
  );
  const reasons = recallReasonOrder(r.reasons).map((k) => `${inSentence(wordOf(RECALL_REASON_WORDS, k))} ${r.reasons[k]}`);
  L.push(`  Reasons given by the ${plural(r.recallsInWindow, 'recall')} in the window (a recall may give several): ${reasons.join(', ')}`);
  L.push(`  Median time to first recall (Kaplan–Meier, censored at the window's end): ${medianDays(r.timeToFirstRecall.median)}`);
  L.push(...logRankLine(r.timeToFirstRecallByGroup, 'Time to first recall'));
  L.push(...comparisonLines(r.comparison, 'Recalled'));
  L.push('');

  const c = m.reconviction;
  L.push(
    `Reconviction (conviction${c.includeCautions ? ' or caution' : ''}, ${RECONVICTION_WINDOW[c.window]}, convicted by follow-up end; window "${c.window}"; cautions ${c.includeCautions ? 'included' : 'not included'})`,
  );
  L.push(`  Reconvicted: ${formatProportion(c.overall)}`);
  L.push(`  Reconvictions: ${c.reconvictions}; ${fmt(c.perPerson, 2)} per person, ${fmt(c.perReconvicted, 2)} per reconvicted person`);
  L.push(
    `  Most serious reconviction against the index offence (severity): ${SERIOUSNESS_LEVELS.map((l) => `${inSentence(SERIOUSNESS_WORDS[l])} ${c.seriousness[l]}`).join(', ')}`,
  );
  L.push(
    `  Indictable (indictable-only or either-way) reconviction: ${formatProportion(c.indictable.ofCohort)} of the people followed up; ${formatProportion(c.indictable.ofReconvicted)} of the reconvicted`,
  );
  L.push(
    `  Indictable-only reconviction: ${formatProportion(c.indictableOnly.ofCohort)} of the people followed up; ${formatProportion(c.indictableOnly.ofReconvicted)} of the reconvicted`,
  );
  L.push(...unusedLine(c.unused));
  L.push(...comparisonLines(c.comparison, 'Reconvicted'));
  L.push('');

  const d = m.desistance;
  const start = d.from === 'release' ? 'release' : 'service end';
  L.push(`Desistance (no reconviction from ${start} to follow-up end; from "${d.from}")`);
  L.push(`  No further conviction: ${formatProportion(d.overall)}`);
  L.push(`  Follow-up from ${start}: min ${fmt(d.followUpMonths.min)}, median ${fmt(d.followUpMonths.median)}, max ${fmt(d.followUpMonths.max)} months`);
  L.push(`  Median conviction-free time (Kaplan–Meier, censored at follow-up end): ${medianDays(d.convictionFree.median)}`);
  L.push(...logRankLine(d.convictionFreeByGroup, 'Conviction-free time'));
  L.push(...unusedLine(d.unused));
  L.push(...comparisonLines(d.comparison, 'Desisted'));
  L.push('');

  const p = m.provenReoffending;
  L.push(
    `Proven reoffending (offence within ${p.windowMonths} months of ${start}, proven by a further ${p.waitingMonths} months; eligible when follow-up covers both)`,
  );
  L.push(`  Eligible: ${p.eligible}; follow-up too short: ${p.tooShort}`);
  L.push(`  Reoffended: ${formatProportion(p.overall)}`);
  L.push(`  Reoffences: ${p.reoffences}; ${fmt(p.reoffencesPerPerson, 2)} per person, ${fmt(p.reoffencesPerReoffender, 2)} per reoffender`);
  L.push(...comparisonLines(p.comparison, 'Reoffended'));
  L.push('');

  const t = m.timeInService;
  L.push(`Time in service (months = days / ${DAYS_PER_MONTH})`);
  L.push(`  In-reach (release − in-reach start): ${summaryLine(t.inReachMonths, 'months')}`);
  L.push(`  Community (service end − release): ${summaryLine(t.communityMonths, 'months')}; ongoing ${t.ongoing}`);
  const ends = endReasonOrder(t.endReasons).map((k) => `${inSentence(wordOf(END_REASON_WORDS, k))} ${t.endReasons[k]}`);
  L.push(`  Service ends by reason: ${ends.join(', ')}`);
  L.push(
    `  Kaplan–Meier median time in service (every end an event, ongoing censored at follow-up end): ${t.kmMedianMonths === null ? 'not reached' : `${fmt(t.kmMedianMonths)} months`}`,
  );

  if (m.services.services.length > 1) {
    L.push('');
    L.push('Services compared');
    for (const x of m.services.measures) {
      const chi = x.chiSquare ? `; chi-square ${fmt(x.chiSquare.statistic, 2)} on ${x.chiSquare.df} df, ${pValue(x.chiSquare.p)}` : '';
      const fisher = x.fisherP === null ? "; Fisher's exact test not computed (see the chi-square test)" : `; Fisher's exact ${pValue(x.fisherP)}`;
      L.push(`  ${COMPARED_MEASURE_WORDS[x.measure].column}: pooled ${formatProportion(x.pooled)}${fisher}${chi}`);
      for (const s of x.byService) L.push(`    ${s.group}: ${formatProportion(s)}`);
    }
    if (m.services.logRank) {
      const lr = m.services.logRank;
      L.push(`  Conviction-free curves, log-rank chi-square ${fmt(lr.chiSquare, 2)} on ${lr.df} df, ${pValue(lr.p)}`);
    }
  }
  L.push(...adjustedComparisonLines(m.adjustedComparison));

  L.push(...breachCautionLines(m.breaches, m.cautions));
  L.push(...competingRisksLines(m.competingRisks));

  if (m.snapshot) {
    const s = m.snapshot;
    L.push('');
    L.push(`Caseload on ${s.date} (everyone in the records whose service had started and not ended)`);
    const share = (x: number) => (s.total > 0 ? ` (${pct(x / s.total, 0)})` : '');
    L.push(`  In custody: ${s.inCustody}${share(s.inCustody)}; in the community: ${s.inCommunity}${share(s.inCommunity)}; in all: ${s.total}`);
    for (const row of s.byService) L.push(`    ${row.service}: ${row.inCustody} in custody, ${row.inCommunity} in the community, ${row.total} in all`);
  }
  L.push(...changeTextLines(m.change));
  if (m.breakEven === null) L.push('', `Value for money: not computed; ${NO_VALUE_REASON}.`);
  if (m.breakEven) {
    L.push('');
    L.push('Value for money (break-even only)');
    for (const line of [...breakEvenOnlySentences(m.breakEven), unitCostsWords(m.breakEven.unitCostsUsed)]) L.push(`  ${line}`);
  }
  return L.join('\n') + '\n';
}
