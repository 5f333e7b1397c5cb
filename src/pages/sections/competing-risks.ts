/**
 * The page's competing-risks section (measures.md "Competing risks"): the
 * cumulative incidence of reconviction and of recall with death as the competing
 * event, beside 1 − Kaplan–Meier, with the gap at 1, 2 and 5 years in words and
 * tables, by group with Gray's test. Shown only for a study with deaths.
 */
import { cumulativeIncidenceChart } from '../../charts/cumulative-incidence.js';
import { formatCount, type DisclosurePolicy } from '../../disclosure/cells.js';
import type { PublishedCompetingRisk, ShownAtYear } from '../../disclosure/competing-risks.js';
import type { CompetingRisk, IncidenceAt } from '../../measures/types.js';
import { decimal, percent, percentInterval, pPhrase } from '../../words/format.js';
import { fig, type Block, type ReportContext, type Section } from '../context.js';
import { html } from '../html.js';
import { table } from '../tables.js';

const WITHHELD = 'withheld';

const incidence = (a: IncidenceAt | null) => (a === null ? WITHHELD : `${percent(a.estimate, 1)}${a.ci ? ` (${percentInterval(a.ci, 1)})` : ''}`);
const points = (x: number | null) => (x === null ? WITHHELD : `${decimal(100 * x, 1)}`);
const years = (y: number) => `${y} year${y === 1 ? '' : 's'}`;

/** "At 5 years 1 − KM gives 33%, the cumulative incidence 30%: 1 − KM is 3.8 percentage points higher." (the last year shown) */
function gapWords(what: string, rows: ShownAtYear[]): string {
  const shown = rows.filter((r) => r.cause !== null && r.oneMinusKm !== null && r.difference !== null);
  if (shown.length === 0) return `The cumulative incidence of ${what} is withheld at 1, 2 and 5 years (too few people at risk or too few events).`;
  const parts = shown.map((r) => `${decimal(100 * r.difference!, 1)} at ${years(r.years)}`);
  const last = shown[shown.length - 1];
  return (
    `Treating deaths as censored, 1 − Kaplan–Meier puts ${what} at ${percent(last.oneMinusKm!, 1)} by ${years(last.years)}; counting death as a competing event, ` +
    `the cumulative incidence is ${percent(last.cause!.estimate, 1)}. The difference (1 − Kaplan–Meier minus cumulative incidence) is ${parts.join(', ')} percentage points.`
  );
}

function analysisBlocks(
  cause: string,
  label: string,
  r: CompetingRisk & { groupBy: string },
  timeTitle: string,
  shown: PublishedCompetingRisk,
  policy: DisclosurePolicy,
  km: Parameters<typeof cumulativeIncidenceChart>[0]['km'],
): Block[] {
  const blocks: Block[] = [];
  const o = shown.overall;
  const what = cause === 'recall' ? 'recall' : 'reconviction';
  blocks.push(html`<h3>${label}</h3>`);
  blocks.push(
    html`<p>${`Of ${formatCount(o.counts.n, policy)} people, ${formatCount(o.counts.cause, policy)} had a first ${what}, ${formatCount(o.counts.death, policy)} died before one, and ${formatCount(o.counts.censored, policy)} were followed up to the end without either. ${gapWords(what, o.atYears)}`}</p>`,
  );
  const yearTable = table({
    caption: `${label}: cumulative incidence (95% CI), 1 − Kaplan–Meier and their difference`,
    head: [
      'Time since the start',
      `Cumulative incidence of ${what}`,
      '1 − Kaplan–Meier (deaths censored)',
      'Difference (percentage points)',
      'Cumulative incidence of death',
    ],
    rows: o.atYears.map((a) => [
      years(a.years),
      incidence(a.cause),
      a.oneMinusKm === null ? WITHHELD : percent(a.oneMinusKm, 1),
      points(a.difference),
      incidence(a.death),
    ]),
  });
  // One table per cause: a group's three years of both causes do not fit the page's width.
  const groupTable = (which: string, words: string) =>
    table({
      caption: `${label} by ${r.groupBy}: cumulative incidence of ${words} (95% CI)`,
      head: ['Group', 'People', ...r.overall.atYears.map((a) => years(a.years))],
      rows: r.byGroup.map((g, i) => {
        const s = shown.byGroup[i];
        return [g.group, formatCount(s.counts.n, policy), ...s.atYears.map((a) => incidence(which === 'death' ? a.death : a.cause))];
      }),
    });
  const notes: string[] = [];
  if (r.byGroup.length >= 2) {
    const tests = Object.entries(r.grayTest).map(([k, t]) =>
      shown.grayTests[k]
        ? `${k === 'death' ? 'death' : what}, chi-square ${decimal(t.statistic, 2)} on ${t.df} df, ${pPhrase(t.p)}`
        : `${k === 'death' ? 'death' : what}, withheld (a group's number of people or of events is too small to publish)`,
    );
    notes.push(tests.length ? `Gray's test of equal cumulative incidence across the groups: ${tests.join('; ')}.` : "Gray's test not computed (no events).");
  }
  const { drawCause, drawDeath } = shown;
  if (!drawCause || !drawDeath)
    notes.push(
      `Not drawn, because its number of events is withheld: ${[drawCause ? null : `the ${what} curve and 1 − Kaplan–Meier`, drawDeath ? null : 'the death curve'].filter(Boolean).join(' and ')}.`,
    );
  blocks.push(
    fig(
      cumulativeIncidenceChart({
        title: `${label}: cumulative incidence with death competing`,
        subtitle: 'Solid: Aalen–Johansen cumulative incidence; dashed: 1 − Kaplan–Meier with deaths censored',
        causeLabel: cause === 'recall' ? 'Recall' : 'Reconviction',
        cause: drawCause ? r.overall.curves[cause] : null,
        death: drawDeath ? r.overall.curves.death : null,
        km: drawCause ? km : null,
        timeTitle,
        policy,
      }),
      [yearTable, groupTable(cause, what), groupTable('death', 'death')],
      notes,
    ),
  );
  return blocks;
}

export function competingRisksSection(ctx: ReportContext): Section | null {
  const { measures: m, policy } = ctx;
  const c = m.competingRisks;
  if (!c) return null;
  const blocks: Block[] = [];
  const died = formatCount(ctx.published.deaths!, policy);
  blocks.push(
    html`<p class="lead">${`${died} people in the cohort died during their follow-up. A person who has died cannot be reconvicted or recalled, so 1 − Kaplan–Meier, which treats a death as the end of the records, overstates those chances where deaths are common. The cumulative incidence counts death as a competing event instead.`}</p>`,
  );
  blocks.push(
    html`<p>${'Each death ends the person’s follow-up in every measure on this page. On one day an offence or a recall counts before a death. Death competes with the first recall only when it falls within the intervention window; a death after the service ended leaves the person censored at the service end.'}</p>`,
  );
  const from = c.reconviction.from === 'service_end' ? 'Months since the service ended' : 'Months since release';
  blocks.push(
    ...analysisBlocks('reconviction', 'Reconviction', c.reconviction, from, ctx.published.competingRisks!.reconviction, policy, m.desistance.convictionFree),
  );
  blocks.push(
    ...analysisBlocks(
      'recall',
      'First recall in the window',
      c.recall,
      'Months since release',
      ctx.published.competingRisks!.recall,
      policy,
      m.recall.timeToFirstRecall,
    ),
  );
  return { id: 'competing-risks', heading: 'Deaths and competing risks', blocks };
}
