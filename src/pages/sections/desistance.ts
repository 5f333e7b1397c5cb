import type { Block, ReportContext, Section } from '../context.js';
import { formatCount } from '../../disclosure/cells.js';
import { decimal, formatInteger } from '../../words/format.js';
import { html } from '../html.js';
import { table } from '../tables.js';
import { groupFigure } from './common.js';
import { kmFigure } from './km.js';
import { groupCurvesBlocks } from './group-curves.js';
import { desistanceFromWords, headline } from './words.js';

export function desistanceSection(ctx: ReportContext): Section {
  const { measures: m, policy, published } = ctx;
  const d = m.desistance;
  const overall = published.desistance;
  const blocks: Block[] = [];
  blocks.push(html`<p class="lead">${headline(overall, `had no further conviction ${desistanceFromWords(d.from)}`, policy)}</p>`);
  const fu = d.followUpMonths;
  blocks.push(
    html`<p>${`Follow-up lengths differ between people, so this share is not a fixed-period rate: follow-up ran from ${decimal(fu.min)} to ${decimal(fu.max)} months (median ${decimal(fu.median)}). The conviction-free curve and the fixed-window measure below allow for that.`}</p>`,
  );
  blocks.push(
    groupFigure({
      title: 'No further conviction',
      outcome: 'had no further conviction',
      outcomeColumn: 'No further conviction',
      comparison: d.comparison,
      shown: published.byGroup.desistance,
      policy,
    }),
  );
  // the curve's number at risk at 0 (and its first steps) would give a withheld n back
  if (overall.n.hidden) {
    blocks.push(html`<p class="note">${'The conviction-free curve is not shown: the number of people it follows is withheld.'}</p>`);
    return { id: 'desistance', heading: 'Desistance', blocks };
  }
  blocks.push(
    kmFigure({
      title: 'Conviction-free over time',
      subtitle: `Kaplan–Meier estimate from ${d.from === 'service_end' ? 'the end of the service' : 'release'}; the event is the offence date of the first reconviction`,
      survivalTitle: 'Conviction-free',
      timeTitle: d.from === 'service_end' ? 'Months since the service ended' : 'Months since release',
      series: [{ label: 'Cohort', curve: d.convictionFree }],
      policy,
    }),
  );
  blocks.push(
    ...groupCurvesBlocks({
      title: 'Conviction-free over time',
      subtitle: `Kaplan–Meier estimates from ${d.from === 'service_end' ? 'the end of the service' : 'release'}, by group`,
      survivalTitle: 'Conviction-free',
      timeTitle: d.from === 'service_end' ? 'Months since the service ended' : 'Months since release',
      groups: d.convictionFreeByGroup,
      sizes: published.desistanceCurveGroups,
      reference: d.convictionFree,
      policy,
    }),
  );
  return { id: 'desistance', heading: 'Desistance', blocks };
}

export function provenReoffendingSection(ctx: ReportContext): Section {
  const { measures: m, policy } = ctx;
  const p = m.provenReoffending;
  const blocks: Block[] = [];
  // Eligible and too-short people add up to everyone the measure covers: one suppression for both.
  const overall = ctx.published.provenReoffending;
  const tooShort = ctx.published.tooShort;
  blocks.push(
    html`<p>${`A fixed window of ${p.windowMonths} months from ${m.desistance.from === 'service_end' ? 'the end of the service' : 'release'}, plus a ${p.waitingMonths}-month waiting period for the conviction, as in the Ministry of Justice proven-reoffending statistics. Only people followed up to the end of the waiting period are counted: ${formatCount(overall.n, policy)} people; ${formatCount(tooShort, policy)} had follow-up too short.`}</p>`,
  );
  blocks.push(
    html`<p class="lead">${headline(overall, `reoffended within the ${p.windowMonths}-month window (proven by conviction)`, policy, 'people followed up long enough')}</p>`,
  );
  if (!overall.hidden && p.overall.k > 0) {
    blocks.push(
      table({
        caption: 'Proven reoffending: binary rate and frequency',
        head: ['Measure', 'Value'],
        rows: [
          ['Eligible people', formatInteger(p.eligible)],
          ['Reoffenders', formatInteger(p.overall.k)],
          ['Reoffences', formatInteger(p.reoffences)],
          ['Reoffences per person', decimal(p.reoffencesPerPerson, 2)],
          ['Reoffences per reoffender (frequency)', decimal(p.reoffencesPerReoffender, 2)],
        ],
      }),
    );
  }
  if (p.eligible > 0)
    blocks.push(
      groupFigure({
        title: 'Proven reoffending',
        outcome: 'reoffended (proven)',
        outcomeColumn: 'Reoffended',
        comparison: p.comparison,
        shown: ctx.published.byGroup.provenReoffending,
        policy,
      }),
    );
  return { id: 'proven-reoffending', heading: `Proven reoffending (${p.windowMonths}-month window)`, blocks };
}
