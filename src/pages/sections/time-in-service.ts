/** Measure 4: time in service. */
import { endReasonsChart, summaryWithheld, timeInServiceChart, timeInServiceCounts } from '../../charts/time-in-service.js';
import type { Summary } from '../../stats/types.js';
import { fig, type Block, type ReportContext, type Section } from '../context.js';
import { countOfWhole, formatCount, type Count, type DisclosurePolicy } from '../../disclosure/cells.js';
import { decimal } from '../../words/format.js';
import { table } from '../tables.js';
import { kmFigure } from './km.js';

export function timeInServiceSection(ctx: ReportContext): Section {
  const { measures: m, policy } = ctx;
  const t = m.timeInService;
  const blocks: Block[] = [];
  const everyone = t.communityMonths.n + t.ongoing;
  const counts = timeInServiceCounts(t, policy);
  const summaryRows = [
    summaryRow('In-reach (first contact in custody to release)', t.inReachMonths, countOfWhole(t.inReachMonths.n, everyone, policy), policy),
    summaryRow('Community (release to service end)', t.communityMonths, counts.communityN, policy),
  ];
  blocks.push(
    fig(timeInServiceChart(t, policy), [
      table({ caption: 'Time in service (months)', head: ['Stage', 'People', 'Mean', 'SD', 'Median', 'Q1', 'Q3', 'Min', 'Max'], rows: summaryRows }),
    ]),
  );
  const ends = counts.ends;
  blocks.push(
    fig(endReasonsChart(t, policy), [
      table({
        caption: 'How time in the service ended (people)',
        head: ['End reason', 'People'],
        rows: ends.map((e) => [e.label, formatCount(e.count, policy)]),
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

function summaryRow(label: string, s: Summary, n: Count, policy: DisclosurePolicy): string[] {
  if (s.n === 0) return [label, '0', '–', '–', '–', '–', '–', '–', '–'];
  if (summaryWithheld(s, policy)) return [label, `<${policy.minCell}`, 'withheld', '', '', '', '', '', ''];
  return [label, formatCount(n, policy), decimal(s.mean), decimal(s.sd), decimal(s.median), decimal(s.q1), decimal(s.q3), decimal(s.min), decimal(s.max)];
}
