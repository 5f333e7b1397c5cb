/** Measure 1: recall at least once. */
import { recallReasonsChart } from '../../charts/recall-reasons.js';
import { RECALL_REASON_WORDS, wordOf } from '../../words/labels.js';
import { countBarsChart } from '../../charts/count-bars.js';
import { fig, type Block, type ReportContext, type Section } from '../context.js';
import { formatCount } from '../../disclosure/cells.js';
import { RECALLS_PER_PERSON } from '../../disclosure/recall.js';
import { decimal } from '../../words/format.js';
import { html } from '../html.js';
import { table } from '../tables.js';
import { groupFigure } from './common.js';
import { kmFigure } from './km.js';
import { headline, recallWindowWords } from './words.js';

export function recallSection(ctx: ReportContext): Section {
  const { measures: m, policy, published } = ctx;
  const r = m.recall;
  const blocks: Block[] = [];
  const counts = published.recallCounts;
  // the mean times the cohort printed above gives the number of recalls back, so it goes with that number
  const recalls = counts.recallsInWindow;
  const mean = counts.meanWithheld ? 'withheld' : decimal(r.recallsPerPerson.mean, 2);
  blocks.push(html`<p class="lead">${headline(published.recall, `were recalled to custody at least once ${recallWindowWords(r.window)}`, policy)}</p>`);
  blocks.push(
    groupFigure({
      title: 'Recalled at least once',
      outcome: 'were recalled at least once',
      outcomeColumn: 'Recalled',
      comparison: r.comparison,
      shown: published.byGroup.recall,
      policy,
    }),
  );
  blocks.push(
    kmFigure({
      title: 'Time to first recall',
      subtitle: 'Kaplan–Meier estimate; people are followed until their service ends or follow-up ends',
      survivalTitle: 'Not yet recalled',
      timeTitle: 'Months since release',
      series: [{ label: 'Cohort', curve: r.timeToFirstRecall }],
      policy,
    }),
  );
  const keys = RECALLS_PER_PERSON;
  const dist = counts.perPerson;
  const distTable = table({
    caption: 'Recalls per person in the window',
    head: ['Recalls', 'People'],
    rows: [...keys.map((k, i) => [k, formatCount(dist.parts[i], policy)]), ['Everyone', formatCount(dist.total, policy)]],
    totalRows: [keys.length],
  });
  blocks.push(
    fig(
      countBarsChart({
        title: 'Recalls per person',
        categoryTitle: 'Recalls in the window',
        countTitle: 'People',
        bars: keys.map((k, i) => ({ label: k === '1' ? '1 recall' : `${k} recalls`, count: dist.parts[i] })),
        policy,
      }),
      [distTable],
      [`Mean recalls per person: ${mean} (${formatCount(recalls, policy)} recalls in the window).`],
    ),
  );
  if (Object.keys(r.reasons).length && r.recallsInWindow > 0) {
    const rows = counts.reasons.map((x) => ({ label: wordOf(RECALL_REASON_WORDS, x.key), count: x.count }));
    blocks.push(
      fig(recallReasonsChart(counts.reasons, recalls, policy), [
        table({
          caption: 'Recalls giving each reason (a recall may give several)',
          head: ['Reason', 'Recalls'],
          rows: rows.map((x) => [x.label, formatCount(x.count, policy)]),
        }),
      ]),
    );
  }
  return { id: 'recall', heading: 'Recall to custody', blocks };
}
