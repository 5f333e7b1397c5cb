/** Measure 4: time in service. */
import { endReasonsChart, timeInServiceChart } from '../../charts/time-in-service.js';
import { END_REASON_WORDS, wordOf } from '../../words/labels.js';
import type { Summary } from '../../stats/types.js';
import { fig, type Block, type ReportContext, type Section } from '../context.js';
import { formatCount, type DisclosurePolicy } from '../../disclosure/cells.js';
import type { PublishedSummary } from '../../disclosure/time-in-service.js';
import { decimal } from '../../words/format.js';
import { table } from '../tables.js';
import { kmFigure } from './km.js';

export function timeInServiceSection(ctx: ReportContext): Section {
  const { measures: m, policy, published } = ctx;
  const t = m.timeInService;
  const blocks: Block[] = [];
  const counts = published.timeInService;
  const summaryRows = [
    summaryRow('In-reach (first contact in custody to release)', t.inReachMonths, counts.inReach, policy),
    summaryRow('Community (release to service end)', t.communityMonths, counts.community, policy),
  ];
  blocks.push(
    fig(timeInServiceChart(t, counts, policy), [
      table({ caption: 'Time in service (months)', head: ['Stage', 'People', 'Mean', 'SD', 'Median', 'Q1', 'Q3', 'Min', 'Max'], rows: summaryRows }),
    ]),
  );
  const ends = counts.ends;
  blocks.push(
    fig(endReasonsChart(counts, policy), [
      table({
        caption: 'How time in the service ended (people)',
        head: ['End reason', 'People'],
        rows: ends.map((e) => [wordOf(END_REASON_WORDS, e.key), formatCount(e.count, policy)]),
      }),
    ]),
  );
  blocks.push(
    kmFigure({
      title: 'Still in the service over time',
      subtitle: 'Kaplan–Meier estimate: every service end is an event; people still in the service are censored at the end of follow-up',
      survivalTitle: 'Still in the service',
      timeTitle: 'Months since release',
      series: [{ label: 'Cohort', curve: t.inService }],
      policy,
      notes: [`Kaplan–Meier median time in service: ${t.kmMedianMonths == null ? 'not reached' : `${decimal(t.kmMedianMonths)} months`}.`],
    }),
  );
  return { id: 'time-in-service', heading: 'Time in service', blocks };
}

function summaryRow(label: string, s: Summary, shown: PublishedSummary, policy: DisclosurePolicy): string[] {
  const n = shown.n;
  if (s.n === 0) return [label, '0', '–', '–', '–', '–', '–', '–', '–'];
  if (shown.withheld) return [label, `<${policy.minCell}`, 'withheld', '', '', '', '', '', ''];
  return [label, formatCount(n, policy), decimal(s.mean), decimal(s.sd), decimal(s.median), decimal(s.q1), decimal(s.q3), decimal(s.min), decimal(s.max)];
}
