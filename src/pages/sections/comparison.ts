/**
 * The matched comparison section of a report (comparison.md, "Reporting"),
 * rendered from the JSON object of `follow-up compare --json`
 * (json-output.md): the method in words, the flow of both sides, the balance
 * verdict with the love plot and the balance table, the propensity score and
 * model, the effects in the Justice Data Lab's words with their forest, the
 * curves of both sides, and the caveats. Every count goes through
 * disclosure/matched.ts first.
 */
import type { ComparisonInput } from '../../output/comparison-input.js';
import { formatCount, type DisclosurePolicy } from '../../disclosure/cells.js';
import { atRiskCount } from '../../disclosure/curves.js';
import { shownMatchedComparison, shownPropensityHistogram, type ShownBalanceRow, type ShownCurve, type ShownEffect } from '../../disclosure/matched.js';
import { COMPARISON_SIDE, comparisonFlowChart, comparisonFlowStages, POOL_SIDE, SERVICE_SIDE } from '../../charts/comparison-flow.js';
import { lovePlotChart, SMD_THRESHOLD } from '../../charts/love-plot.js';
import { propensityBalanceChart } from '../../charts/propensity-balance.js';
import { propensityHistogramChart } from '../../charts/propensity-histogram.js';
import { effectsForestChart } from '../../charts/effects-forest.js';
import { comparisonCurvesChart } from '../../charts/comparison-curves.js';
import { DAYS_PER_MONTH } from '../../time/days.js';
import { covariateList, covariateWords, per100Sentence, termWords, windowWords } from '../../words/comparison.js';
import { decimal, formatInteger, listWords, percent, pPhrase, pValue } from '../../words/format.js';
import { fig, type Block, type ReportContext, type Section } from '../context.js';
import { html } from '../html.js';
import { table } from '../tables.js';

/** The Justice Data Lab's minimum number of matched service people for a result that is more than indicative. */
const JDL_MINIMUM = 60;

const RATIO_WORDS = ['', 'one', 'two', 'three', 'four', 'five'];

/** The section; `c` is the object `follow-up compare --json` prints. */
export function comparisonSection(ctx: ReportContext, c: ComparisonInput): Section {
  const { policy } = ctx;
  const shown = shownMatchedComparison(c, policy);
  const s = c.settings;
  const nearest = s.method === 'nearest';
  const matchedWord = nearest ? 'matching' : 'weighting';
  const window = windowWords(s.outcomeWindowMonths);
  const blocks: Block[] = [];
  const pr = shown.effects.provenReoffending;

  blocks.push(html`<p class="lead">${effectSentence(pr, { verb: `reoffended within ${window}` })}</p>`);
  if (c.flow.service.matched < JDL_MINIMUM) {
    blocks.push(
      html`<p class="warning">${`Fewer than ${JDL_MINIMUM} people who received the service were ${nearest ? 'matched' : 'compared'}, the Justice Data Lab's minimum: the result is indicative only.`}</p>`,
    );
  }
  blocks.push(html`<p>${methodWords(c)}</p>`);

  // who was compared
  const stages = comparisonFlowStages(shown.flow, policy);
  const flowTable = (side: string) =>
    table({
      caption: `${side}: people at each stage`,
      head: ['Stage', 'People'],
      rows: stages.filter((st) => st.side === side).map((st) => [st.label, st.text]),
    });
  blocks.push(fig(comparisonFlowChart(shown.flow, policy), [flowTable(SERVICE_SIDE), flowTable(POOL_SIDE)]));

  // balance
  blocks.push(html`<p class="${c.balanced ? '' : 'warning'}">${balanceVerdict(c, shown.balance, matchedWord)}</p>`);
  const balanceRows = shown.balance.map((r) => {
    const level = r.term !== 'distance' && r.term.includes('=');
    const mean = (x: number | null) => (x == null ? '–' : level ? percent(x, 1) : decimal(x, 2));
    if (r.hidden) return [termWords(r.term), 'withheld', 'withheld', 'withheld', 'withheld', 'withheld', 'withheld', '–'];
    return [
      termWords(r.term),
      mean(r.before.meanService),
      mean(r.before.meanPool),
      decimal(r.before.smd, 2),
      mean(r.after.meanService),
      mean(r.after.meanPool),
      decimal(r.after.smd, 2),
      decimal(r.after.varianceRatio, 2),
    ];
  });
  blocks.push(
    fig(
      lovePlotChart(shown.balance, matchedWord),
      [
        table({
          caption: `Balance before and after ${matchedWord}: means (shares for levels) and standardised mean differences`,
          head: ['Term', 'Service, before', 'Comparison, before', 'SMD before', 'Service, after', 'Comparison, after', 'SMD after', 'Variance ratio after'],
          rows: balanceRows,
        }),
      ],
      [
        'SMD: the difference of the means divided by the standard deviation among the service people before matching (for a level, √(p(1 − p))); the same divisor before and after, as R MatchIt does.',
        `Effective sample sizes after ${matchedWord}: ${essText(shown.ess.service)} (service) and ${essText(shown.ess.pool)} (comparison).`,
      ],
    ),
  );

  // the propensity score
  const distance = shown.balance.find((r) => r.term === 'distance');
  const modelTable = table({
    caption: 'Propensity score model: logistic regression of receiving the service on the covariates',
    head: ['Term', 'Estimate (log-odds)', 'Standard error', 'p'],
    rows: c.propensity.terms.map((t) => [termWords(t.term), t.estimate == null ? 'aliased' : decimal(t.estimate, 3), decimal(t.se, 3), pValue(t.p)]),
  });
  const modelNotes = [
    `${c.propensity.converged ? 'The model converged' : 'The model did not converge'} in ${formatInteger(c.propensity.iterations)} iterations.`,
    ...c.propensity.warnings.map((w) => `Warning: ${w}`),
  ];
  if (distance) blocks.push(fig(propensityBalanceChart(distance, s.distance, matchedWord), [modelTable], modelNotes));
  else blocks.push(modelTable, ...modelNotes.map((n) => html`<p class="note">${n}</p>`));
  const histogram = shownPropensityHistogram(c.propensityDistribution, ctx.policy);
  if (histogram) {
    const band = (b: number) => `${decimal(histogram.breaks[b], 2)} to ${decimal(histogram.breaks[b + 1], 2)}`;
    const histogramTable = table({
      caption: `Propensity score distributions: share of each side in each band, before and after ${matchedWord}`,
      head: ['Score band', 'Service, before', 'Comparison, before', 'Service, after', 'Comparison, after'],
      rows: histogram.breaks
        .slice(0, -1)
        .map((_, b) => [
          band(b),
          percent(histogram.before.service[b], 1),
          percent(histogram.before.pool[b], 1),
          percent(histogram.after.service[b], 1),
          percent(histogram.after.pool[b], 1),
        ]),
    });
    blocks.push(fig(propensityHistogramChart(histogram, s.distance, matchedWord), [histogramTable]));
  } else if (c.propensityDistribution) {
    blocks.push(html`<p class="note">The propensity score distributions are withheld: even in one band a side would hold a small count.</p>`);
  }

  // effects
  const e = shown.effects;
  const forestRows = [
    { label: `Proven reoffending within ${window}`, effect: e.provenReoffending },
    { label: 'Proven reoffences (frequency)', effect: e.frequency },
    { label: `Recalled within ${window}`, effect: e.recall },
  ];
  const hr = c.effects.hazardRatio;
  blocks.push(
    html`<ul class="effects">${[
      effectSentence(e.provenReoffending, { verb: `reoffended within ${window}` }),
      effectSentence(e.frequency, { verb: `within ${window}`, events: 'proven reoffences' }),
      effectSentence(e.recall, { verb: `were recalled within ${window}` }),
    ].map((t) => html`<li>${t}</li>`)}</ul>`,
  );
  blocks.push(
    fig(
      effectsForestChart(forestRows),
      [
        table({
          caption: 'Effects on the people who received the service: weighted means of each side and their difference',
          head: ['Outcome', 'Service', 'Comparison', 'Difference', '95% CI', 'p'],
          rows: [
            effectRow(forestRows[0].label, e.provenReoffending, 'share'),
            effectRow('Proven reoffences per 100 people', e.frequency, 'per100'),
            effectRow(forestRows[2].label, e.recall, 'share'),
            [
              'Hazard ratio of reconviction (whole follow-up)',
              '–',
              '–',
              decimal(hr?.estimate, 2),
              hr?.ci ? `${decimal(hr.ci[0], 2)} to ${decimal(hr.ci[1], 2)}` : '–',
              pValue(hr?.p),
            ],
          ],
        }),
        daysTable(shown.daysToFirstReoffence, policy),
      ],
      [
        interval(c),
        hr?.estimate == null
          ? 'The hazard ratio could not be estimated (a Cox model needs reconvictions on both sides).'
          : `Hazard ratio from a Cox model of the time to the first reconviction, weighted, with a robust standard error${nearest && !s.replace ? ' clustered by matched set' : ''}: ${decimal(hr.estimate, 2)}${hr.ci ? ` (95% CI ${decimal(hr.ci[0], 2)} to ${decimal(hr.ci[1], 2)}, ${pPhrase(hr.p)})` : ''}.`,
      ],
    ),
  );

  // curves
  const curves = shown.curves;
  const months = riskMonths(curves);
  const atRisk = (curve: ShownCurve) => months.map((m) => riskText(curve, m * DAYS_PER_MONTH, policy));
  blocks.push(
    fig(
      comparisonCurvesChart(curves),
      [
        table({
          caption: 'Number at risk (weighted)',
          head: ['', ...months.map((m) => `${m} months`)],
          rows: [
            [SERVICE_SIDE, ...atRisk(curves.service)],
            [COMPARISON_SIDE, ...atRisk(curves.pool)],
          ],
        }),
      ],
      policy.profile === 'public' ? [`Curves are drawn only while at least ${policy.minCell} people are at risk.`] : [],
    ),
  );

  blocks.push(html`<p class="caveat">${caveat(c)}</p>`);
  return { id: 'comparison', heading: 'Compared with a matched comparison group', blocks };
}

/** How the comparison group was made, in words. */
function methodWords(c: ComparisonInput): string {
  const s = c.settings;
  const covariates = covariateList(s.covariates);
  const score = `propensity score (the ${s.distance === 'logit' ? 'log-odds' : 'probability'} of receiving the service, from a logistic regression on ${covariates})`;
  const exact = s.exact.length ? ` among those with the same ${listWords(s.exact.map(covariateWords))}` : '';
  const who = `people who received the service and were followed up for ${windowWords(s.outcomeWindowMonths)} and a further six months`;
  if (s.method === 'weighting') {
    return `Every one of the ${who} is compared with everyone in the comparison pool followed up as long, the pool weighted by the odds of receiving the service given the ${score}, so that it resembles the service's people.`;
  }
  const partners = s.ratio === 1 ? 'the one person' : `the ${RATIO_WORDS[s.ratio] ?? s.ratio} people`;
  const caliper =
    s.caliper == null
      ? 'however far apart the scores'
      : `only within ${decimal(s.caliper, 2)} standard deviations of the score${c.caliperWidth == null ? '' : ` (${decimal(c.caliperWidth, 3)} on its scale)`}`;
  return `Each of the ${who} was matched with ${partners}, from a comparison pool of people who did not receive it, whose ${score} was nearest${exact}: ${caliper}, ${s.replace ? 'a comparison person possibly used more than once' : 'each comparison person used at most once'}.`;
}

/** The balance verdict: every |SMD| below 0.1, or the failing terms and the warning that the estimates may be biased. */
function balanceVerdict(c: ComparisonInput, shown: readonly ShownBalanceRow[], matchedWord: string): string {
  if (c.balanced) return `Balance holds: after ${matchedWord} every standardised mean difference is below ${SMD_THRESHOLD}.`;
  const failing = shown
    .filter((r) => r.after.smd == null || Math.abs(r.after.smd) >= SMD_THRESHOLD)
    .map(
      (r) => `${termWords(r.term)}${r.hidden ? '' : r.after.smd == null ? ' (no SMD: constant among the service people)' : ` (${decimal(r.after.smd, 2)})`}`,
    );
  return `Balance does not hold: after ${matchedWord} the standardised mean difference is ${SMD_THRESHOLD} or more for ${listWords(failing)}. The estimates below may be biased.`;
}

function essText(x: number | null): string {
  return x == null ? 'withheld' : Number.isInteger(x) ? formatInteger(x) : decimal(x, 1);
}

function effectSentence(e: ShownEffect, outcome: { verb: string; events?: string }): string {
  const what = outcome.events
    ? 'The difference in proven reoffences'
    : outcome.verb.startsWith('reoffended')
      ? 'The difference in proven reoffending'
      : 'The difference in recall';
  if (e.hidden) return `${what} from the matched comparison group is withheld: it would reveal a small count.`;
  if (!e.ci) return `${what} has no interval: its standard error could not be computed.`;
  return per100Sentence(e.ci, outcome);
}

function effectRow(label: string, e: ShownEffect, kind: 'share' | 'per100'): string[] {
  if (e.hidden) return [label, 'withheld', 'withheld', 'withheld', 'withheld', 'withheld'];
  const v = (x: number | null) => (x == null ? '–' : kind === 'share' ? percent(x, 1) : decimal(100 * x, 1));
  const d = (x: number | null) => (x == null ? '–' : kind === 'share' ? `${decimal(100 * x, 1)} points` : decimal(100 * x, 1));
  return [label, v(e.service), v(e.pool), d(e.difference), e.ci ? `${decimal(100 * e.ci[0], 1)} to ${d(e.ci[1])}` : 'not computed', pValue(e.p)];
}

function daysTable(days: ReturnType<typeof shownMatchedComparison>['daysToFirstReoffence'], policy: DisclosurePolicy) {
  const row = (side: string, s: (typeof days)['service']) =>
    s == null
      ? [side, 'withheld', 'withheld', 'withheld']
      : [
          side,
          // a summary is published only when it rests on at least minCell people (disclosure/matched.ts)
          formatCount({ value: s.n, hidden: false }, policy),
          decimal(s.median, 0),
          s.q1 == null ? '–' : `${decimal(s.q1, 0)} to ${decimal(s.q3, 0)}`,
        ];
  return table({
    caption: 'Days from release to the first proven reoffence, among those who reoffended',
    head: ['', 'People', 'Median days', 'Interquartile range'],
    rows: [row(SERVICE_SIDE, days.service), row(COMPARISON_SIDE, days.pool)],
  });
}

/** How the intervals were computed, in words. */
function interval(c: ComparisonInput): string {
  const s = c.settings;
  const se =
    s.method === 'weighting'
      ? 'heteroskedasticity-robust (HC0) standard errors'
      : s.replace
        ? 'heteroskedasticity-robust (HC3) standard errors'
        : 'standard errors clustered by matched set (cluster-robust, HC1)';
  return `Differences are of weighted means, service − comparison, with 95% intervals from ${se}.`;
}

/** Months at which the numbers at risk are tabulated: every 12 months (24 beyond six years) up to where the curves stop. */
function riskMonths(curves: { service: ShownCurve; pool: ShownCurve }): number[] {
  const last = Math.max(...[curves.service, curves.pool].map((c) => (c.time.length ? c.time[c.time.length - 1] : 0))) / DAYS_PER_MONTH;
  const step = last > 72 ? 24 : 12;
  const months: number[] = [];
  for (let m = 0; m <= last + 1e-9; m += step) months.push(m);
  return months;
}

/** The (weighted) number at risk at a day: the first row at or after it, as R's summary(fit, times); "–" beyond the drawn curve. */
function riskText(curve: ShownCurve, day: number, policy: DisclosurePolicy): string {
  const i = curve.time.findIndex((t) => t >= day);
  if (i < 0) return '–';
  const n = curve.nRisk[i];
  const shown = atRiskCount(Math.round(n), policy);
  if (shown.hidden) return formatCount(shown, policy);
  return Number.isInteger(n) ? formatInteger(n) : decimal(n, 1);
}

/** The caveat comparison.md requires: matching allows only for what it was given. */
function caveat(c: ComparisonInput): string {
  return (
    `This comparison does not show that the service caused these differences. The comparison group is like the service's people only in ${covariateList(c.settings.covariates)}; ` +
    'whatever else decided who received the service (motivation, assessed risk and need, where people lived, staff judgement) is not allowed for and could explain part or all of any difference.'
  );
}
