/** Methods: every definition and option in force, in words. */
import type { ReportContext, Section } from '../context.js';
import { profileStatement } from '../../disclosure/cells.js';
import { html } from '../html.js';
import { definitionList } from '../tables.js';
import { desistanceFromWords, recallWindowWords } from './words.js';
import { groupWords } from './common.js';

const RECONVICTION_WINDOW_METHOD = {
  since_release: 'between release and the end of follow-up',
  during_intervention: 'in the intervention window',
  after_intervention: 'after the end of the service and up to the end of follow-up (only people whose service has ended)',
} as const;

/** Said only for a study with deaths (measures.md "Competing risks"). */
const DEATH_METHOD =
  "Deaths: a death ends the person's follow-up in every measure (the end of follow-up becomes the date of death). The cumulative incidence of reconviction and of first recall counts death as a competing event (Aalen–Johansen estimator, survfit's infinitesimal-jackknife standard errors and log-scale 95% intervals, as R survfit for multi-state data); groups are compared with Gray's test (as R cmprsk::cuminc). 1 − Kaplan–Meier, shown beside it, treats a death as censoring.";

export function methodsSection(ctx: ReportContext): Section {
  const { measures: m, policy, study } = ctx;
  const o = m.options;
  const interval =
    o.interval === 'clopper-pearson'
      ? 'Clopper–Pearson exact interval (as R binom.test)'
      : 'Wilson score interval without continuity correction (as R prop.test(k, n, correct = FALSE))';
  const km = {
    log: 'log scale (R survfit conf.type = "log")',
    'log-log': 'log-log scale (R survfit conf.type = "log-log")',
    plain: 'plain scale (R survfit conf.type = "plain")',
  }[o.kmConfType];
  const defs: string[] = [
    `The follow-up cohort is everyone included in the study with a release date. For each person, follow-up ends at their own follow-up end date or, when none is given, at the extraction date (${m.extractionDate}${m.extractionDateInferred ? ', inferred from the latest date in the records' : ''}). Durations are whole days; months are days / 30.4375.`,
    `The intervention window runs from release to the end of the service, or to the end of follow-up for people still in the service. Events before release or after the end of follow-up are left out of the follow-up measures and counted as warnings.`,
    `Recall: a person is recalled when at least one recall falls ${recallWindowWords(o.recallWindow)}. Time to first recall is a Kaplan–Meier curve with people censored at the end of their window.`,
    `Reconviction: a conviction${o.includeCautions ? ' or caution' : ' (cautions are not counted)'} whose offence date falls ${RECONVICTION_WINDOW_METHOD[o.reconvictionWindow]} and whose court date is no later than the end of follow-up. Seriousness compares the highest severity among a person's reconvictions with the severity of their index offence. "Indictable" means indictable-only or either-way, as in England and Wales law; both are given as shares of the cohort and of those reconvicted.`,
    `Desistance: no reconviction with an offence date ${desistanceFromWords(o.desistanceFrom)} to the end of follow-up. The conviction-free curve is a Kaplan–Meier curve with the first reconviction's offence date as the event.`,
    `Proven reoffending (Ministry of Justice convention): an offence within ${o.provenWindowMonths} months of the start, proven by a conviction within that window or a further 6-month waiting period; only people followed up to the end of the waiting period count. Months are added as calendar months with the day clamped to the month's end.`,
    `Time in service: in-reach from first contact in custody to release; community from release to service end. The Kaplan–Meier median treats every service end as an event and censors people still in the service.`,
    ...(m.competingRisks ? [DEATH_METHOD] : []),
    `Every proportion is given with a 95% ${interval}; z = 1.959963984540054. Kaplan–Meier curves have Greenwood standard errors and 95% intervals on the ${km}; medians as R prints them.`,
    `Groups (${groupWords(o.groupBy).toLowerCase()}) are compared with Fisher's exact test, Pearson's chi-square without continuity correction and, for two groups, the risk difference (Newcombe hybrid score interval) and relative risk (log-scale interval). Services are compared with forest and funnel plots (control limits at 95% and 99.8% around the pooled proportion) and the log-rank test.`,
    study.offences.severitySource
      ? `Severity weights come from the offence lookup: ${study.offences.severitySource.trim().replace(/\.+$/, '')}.`
      : 'Severity weights come from the offence lookup, which does not say where they come from: read the comparisons of seriousness with that in mind.',
    profileStatement(policy),
    'Percentages in sentences are rounded to whole numbers and in tables to one decimal place.',
  ];
  const options: [string, string][] = [
    ['recallWindow', o.recallWindow],
    ['reconvictionWindow', o.reconvictionWindow],
    ['includeCautions', String(o.includeCautions)],
    ['desistanceFrom', o.desistanceFrom],
    ['provenWindowMonths', String(o.provenWindowMonths)],
    ['interval', o.interval],
    ['kmConfType', o.kmConfType],
    ['groupBy', o.groupBy],
    ['report profile', policy.profile],
    ['minCell', String(policy.minCell)],
  ];
  return {
    id: 'methods',
    heading: 'Methods',
    blocks: [html`<ul class="defs">${defs.map((d) => html`<li>${d}</li>`)}</ul>`, html`<h3>Options in force</h3>`, definitionList(options)],
  };
}
