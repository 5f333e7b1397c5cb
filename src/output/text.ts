/**
 * A plain-words terminal summary of the measures. Never prints a person_id (it
 * has none to print: StudyMeasures holds aggregates only).
 */
import type { Proportion, Summary } from '../stats/types.js';
import { DAYS_PER_MONTH, daysToMonths } from '../time/days.js';
import type {
  DescriptionColumn,
  DesistanceResult,
  FlowResult,
  GroupComparison,
  GroupCurves,
  ProvenReoffendingResult,
  RecallResult,
  ReconvictionResult,
  ServicesResult,
  SnapshotResult,
  StudyMeasures,
  TimeInServiceResult,
} from '../measures/types.js';
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
  if (!g?.logRank) return [];
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

/** A readable summary of every measure, naming the definition and options behind each figure: one block per measure, in page order. */
export function formatMeasuresText(m: StudyMeasures): string {
  const L: string[] = [
    ...headerLines(m),
    ...flowLines(m.flow),
    ...cohortLines(m.description.overall),
    ...recallLines(m.recall),
    ...reconvictionLines(m.reconviction),
    ...desistanceLines(m.desistance),
    ...provenReoffendingLines(m.provenReoffending, m.desistance.from),
    ...timeInServiceLines(m.timeInService),
    ...servicesLines(m.services),
    ...adjustedComparisonLines(m.adjustedComparison),
    ...breachCautionLines(m.breaches, m.cautions),
    ...competingRisksLines(m.competingRisks),
    ...snapshotLines(m.snapshot),
    ...changeTextLines(m.change),
    ...valueLines(m.breakEven),
  ];
  return L.join('\n') + '\n';
}

/** The title, the extraction date and intervals in force, and what was read. */
function headerLines(m: StudyMeasures): string[] {
  const o = m.options;
  const dq = m.dataQuality;
  const warnings = Object.entries(dq.warnings);
  return [
    `${m.title ?? 'Follow-up study'} — follow-up toolkit ${m.toolkitVersion}`,
    `Extraction date ${m.extractionDate}${m.extractionDateInferred ? ' (not given: the latest date in the records was used)' : ''}. ` +
      `Intervals: ${INTERVAL[o.interval]} 95% CI; Kaplan–Meier intervals on the ${o.kmConfType} scale.`,
    `Records: people ${dq.people.read} read, ${dq.people.used} used, ${dq.people.quarantined} quarantined; ` +
      `events ${dq.events.read} read, ${dq.events.used} used, ${dq.events.quarantined} quarantined.` +
      (warnings.length ? ` Warnings: ${warnings.map(([k, v]) => `${k} ${v}`).join(', ')}.` : ''),
    '',
  ];
}

function flowLines(f: FlowResult): string[] {
  return [
    'Cohort flow',
    `  People in the records: ${f.people}`,
    ...Object.entries(f.excluded).map(([reason, count]) => `  Excluded, ${reason}: ${count}`),
    `  Included: ${f.included}`,
    `  Not yet released: ${f.notYetReleased}`,
    `  Follow-up cohort (included and released): ${f.cohort}`,
    '',
  ];
}

/** The cohort's description; nothing when the cohort is empty. */
function cohortLines(c0: DescriptionColumn): string[] {
  if (c0.n === 0) return [];
  return [
    'The cohort',
    `  ${columnWords('sex')}: ${categories(c0.categorical.sex)}`,
    `  ${columnWords('ethnicity')}: ${categories(c0.categorical.ethnicity)}`,
    `  ${columnWords('tier')}: ${categories(c0.categorical.tier)}`,
    `  ${columnWords('category')}: ${categories(c0.categorical.category)}`,
    `  ${columnWords('group')}: ${categories(c0.categorical.group)}`,
    `  ${columnWords('age_at_release')}: ${summaryLine(c0.numeric.age_at_release, 'years')}`,
    `  ${columnWords('prior_convictions')}: ${summaryLine(c0.numeric.prior_convictions, '')}`,
    `  ${columnWords('custody_years_before_release')}: ${summaryLine(c0.numeric.custody_years_before_release, 'years')}`,
    `  ${columnWords('aces')}: ${summaryLine(c0.numeric.aces, '')}; four or more: ${c0.fourOrMoreAces}`,
    '',
  ];
}

/** Measure 1: recall at least once in its window. */
function recallLines(r: RecallResult): string[] {
  const dist = r.recallsPerPerson.distribution;
  const reasons = recallReasonOrder(r.reasons).map((k) => `${inSentence(wordOf(RECALL_REASON_WORDS, k))} ${r.reasons[k]}`);
  return [
    `Recall (at least one recall ${RECALL_WINDOW[r.window]}; window "${r.window}")`,
    `  Recalled at least once: ${formatProportion(r.overall)}`,
    `  Recalls per person: mean ${fmt(r.recallsPerPerson.mean, 2)}; people with 0 / 1 / 2 / 3+ recalls: ${dist['0']} / ${dist['1']} / ${dist['2']} / ${dist['3+']}`,
    `  Reasons given by the ${plural(r.recallsInWindow, 'recall')} in the window (a recall may give several): ${reasons.join(', ')}`,
    `  Median time to first recall (Kaplan–Meier, censored at the window's end): ${medianDays(r.timeToFirstRecall.median)}`,
    ...logRankLine(r.timeToFirstRecallByGroup, 'Time to first recall'),
    ...comparisonLines(r.comparison, 'Recalled'),
    '',
  ];
}

/** Measure 2: reconviction, its seriousness and the indictable shares. */
function reconvictionLines(c: ReconvictionResult): string[] {
  return [
    `Reconviction (conviction${c.includeCautions ? ' or caution' : ''}, ${RECONVICTION_WINDOW[c.window]}, convicted by follow-up end; window "${c.window}"; cautions ${c.includeCautions ? 'included' : 'not included'})`,
    `  Reconvicted: ${formatProportion(c.overall)}`,
    `  Reconvictions: ${c.reconvictions}; ${fmt(c.perPerson, 2)} per person, ${fmt(c.perReconvicted, 2)} per reconvicted person`,
    `  Most serious reconviction against the index offence (severity): ${SERIOUSNESS_LEVELS.map((l) => `${inSentence(SERIOUSNESS_WORDS[l])} ${c.seriousness[l]}`).join(', ')}`,
    `  Indictable (indictable-only or either-way) reconviction: ${formatProportion(c.indictable.ofCohort)} of the people followed up; ${formatProportion(c.indictable.ofReconvicted)} of the reconvicted`,
    `  Indictable-only reconviction: ${formatProportion(c.indictableOnly.ofCohort)} of the people followed up; ${formatProportion(c.indictableOnly.ofReconvicted)} of the reconvicted`,
    ...unusedLine(c.unused),
    ...comparisonLines(c.comparison, 'Reconvicted'),
    '',
  ];
}

/** Where desistance and proven reoffending count from, in words. */
function startWords(from: DesistanceResult['from']): string {
  return from === 'release' ? 'release' : 'service end';
}

/** Measure 3: no further conviction to the end of follow-up. */
function desistanceLines(d: DesistanceResult): string[] {
  const start = startWords(d.from);
  return [
    `Desistance (no reconviction from ${start} to follow-up end; from "${d.from}")`,
    `  No further conviction: ${formatProportion(d.overall)}`,
    `  Follow-up from ${start}: min ${fmt(d.followUpMonths.min)}, median ${fmt(d.followUpMonths.median)}, max ${fmt(d.followUpMonths.max)} months`,
    `  Median conviction-free time (Kaplan–Meier, censored at follow-up end): ${medianDays(d.convictionFree.median)}`,
    ...logRankLine(d.convictionFreeByGroup, 'Conviction-free time'),
    ...unusedLine(d.unused),
    ...comparisonLines(d.comparison, 'Desisted'),
    '',
  ];
}

/** Proven reoffending in its fixed window, counted from where desistance counts from. */
function provenReoffendingLines(p: ProvenReoffendingResult, from: DesistanceResult['from']): string[] {
  return [
    `Proven reoffending (offence within ${p.windowMonths} months of ${startWords(from)}, proven by a further ${p.waitingMonths} months; eligible when follow-up covers both)`,
    `  Eligible: ${p.eligible}; follow-up too short: ${p.tooShort}`,
    `  Reoffended: ${formatProportion(p.overall)}`,
    `  Reoffences: ${p.reoffences}; ${fmt(p.reoffencesPerPerson, 2)} per person, ${fmt(p.reoffencesPerReoffender, 2)} per reoffender`,
    ...comparisonLines(p.comparison, 'Reoffended'),
    '',
  ];
}

/** Measure 4: time in service. */
function timeInServiceLines(t: TimeInServiceResult): string[] {
  const ends = endReasonOrder(t.endReasons).map((k) => `${inSentence(wordOf(END_REASON_WORDS, k))} ${t.endReasons[k]}`);
  return [
    `Time in service (months = days / ${DAYS_PER_MONTH})`,
    `  In-reach (release − in-reach start): ${summaryLine(t.inReachMonths, 'months')}`,
    `  Community (service end − release): ${summaryLine(t.communityMonths, 'months')}; ongoing ${t.ongoing}`,
    `  Service ends by reason: ${ends.join(', ')}`,
    `  Kaplan–Meier median time in service (every end an event, ongoing censored at follow-up end): ${t.kmMedianMonths === null ? 'not reached' : `${fmt(t.kmMedianMonths)} months`}`,
  ];
}

/** Services side by side; nothing with one service. */
function servicesLines(services: ServicesResult): string[] {
  if (services.services.length <= 1) return [];
  const L = ['', 'Services compared'];
  for (const x of services.measures) {
    const chi = x.chiSquare ? `; chi-square ${fmt(x.chiSquare.statistic, 2)} on ${x.chiSquare.df} df, ${pValue(x.chiSquare.p)}` : '';
    const fisher = x.fisherP === null ? "; Fisher's exact test not computed (see the chi-square test)" : `; Fisher's exact ${pValue(x.fisherP)}`;
    L.push(`  ${COMPARED_MEASURE_WORDS[x.measure].column}: pooled ${formatProportion(x.pooled)}${fisher}${chi}`);
    for (const s of x.byService) L.push(`    ${s.group}: ${formatProportion(s)}`);
  }
  if (services.logRank) {
    const lr = services.logRank;
    L.push(`  Conviction-free curves, log-rank chi-square ${fmt(lr.chiSquare, 2)} on ${lr.df} df, ${pValue(lr.p)}`);
  }
  return L;
}

/** The caseload on the snapshot date; nothing without one. */
function snapshotLines(s: SnapshotResult | null): string[] {
  if (!s) return [];
  const share = (x: number) => (s.total > 0 ? ` (${pct(x / s.total, 0)})` : '');
  return [
    '',
    `Caseload on ${s.date} (everyone in the records whose service had started and not ended)`,
    `  In custody: ${s.inCustody}${share(s.inCustody)}; in the community: ${s.inCommunity}${share(s.inCommunity)}; in all: ${s.total}`,
    ...s.byService.map((row) => `    ${row.service}: ${row.inCustody} in custody, ${row.inCommunity} in the community, ${row.total} in all`),
  ];
}

/** Value for money without a comparison group: the break-even, or why it was not computed (null); nothing when not asked for. */
function valueLines(breakEven: StudyMeasures['breakEven']): string[] {
  if (breakEven === null) return ['', `Value for money: not computed; ${NO_VALUE_REASON}.`];
  if (!breakEven) return [];
  return [
    '',
    'Value for money (break-even only)',
    ...[...breakEvenOnlySentences(breakEven), unitCostsWords(breakEven.unitCostsUsed)].map((line) => `  ${line}`),
  ];
}
