/** Who is in the cohort: the flow diagram and the cohort description. */
import { ONGOING } from '../../measures/flow.js';
import { cohortFlowChart } from '../../charts/cohort-flow.js';
import type { DescriptionColumn, DescriptionResult } from '../../measures/types.js';
import type { Summary } from '../../stats/types.js';
import { fig, type Block, type ReportContext, type Section } from '../context.js';
import { formatCount, type DisclosurePolicy, countAndShare } from '../../disclosure/cells.js';
import type { PublishedDescription } from '../../disclosure/description.js';
import { decimal, formatInteger, percent } from '../../words/format.js';
import { columnWords } from '../../words/labels.js';
import { html, type Html } from '../html.js';
import { table } from '../tables.js';
import { groupWords } from './common.js';

const NUMERIC: [keyof DescriptionColumn['numeric'], string][] = [
  ['age_at_release', `${columnWords('age_at_release')} (years)`],
  ['prior_convictions', columnWords('prior_convictions')],
  ['custody_years_before_release', columnWords('custody_years_before_release')],
  ['aces', `${columnWords('aces')} (ACEs)`],
];

export function cohortSection(ctx: ReportContext): Section {
  const { measures: m, policy, published } = ctx;
  const f = published.flow;
  const n = (c: { value: number; hidden: boolean }) => formatCount(c, policy);
  const flowRows: string[][] = [
    ['All people in the records', n(f.people)],
    ...f.excluded.map((e) => [`Excluded: ${e.reason}`, n(e.count)]),
    ['Included', n(f.included)],
    ['Not released (still in custody, or ended before release)', n(f.notYetReleased)],
    ['Follow-up cohort', n(f.cohort)],
    // An ongoing person is counted, only not averaged: "not usable" would say otherwise.
    ...f.unused.map((u) => [u.reason === ONGOING ? `${u.measure}: ${u.reason}` : `${u.measure}: not usable (${u.reason})`, n(u.count)]),
  ];
  const flowTable = table({
    caption: 'Cohort flow: people at each step',
    head: ['Step', 'People'],
    rows: flowRows,
    totalRows: [flowRows.findIndex((r) => r[0] === 'Follow-up cohort')],
  });
  const blocks: Block[] = [
    html`<p>Everyone in the records is counted once: under their exclusion reason if they were excluded; otherwise as included. Included people with no release date are not in the follow-up cohort. Each measure then says who it could not use.</p>`,
    fig(cohortFlowChart(f, policy), [flowTable]),
    html`<h3>Cohort description</h3>`,
    descriptionTables(m.description, published.description, policy),
  ];
  return { id: 'cohort', heading: 'Who is in the cohort', blocks };
}

/**
 * The cohort description: counts and percentages of each category (by group
 * when the description is split), and summaries of the numeric columns.
 * Counts of a variable add up to the group sizes, so each variable is one
 * table for secondary suppression.
 */
export function descriptionTables(d: DescriptionResult, shown: PublishedDescription, policy: DisclosurePolicy): Html {
  const split = shown.groupBy != null;
  const columns: DescriptionColumn[] = split ? [...d.byGroup, d.overall] : [d.overall];
  const published = shown.columns;
  const colNames = published.map((c) => c.label);
  const catRows: string[][] = [];
  for (const category of shown.categories) {
    catRows.push([columnWords(category.key), ...colNames.map(() => '')]);
    for (const v of category.values) {
      const row = [`  ${v.value}`];
      v.cells.forEach((cell, c) => row.push(published[c].withheld ? 'withheld' : countAndShare(cell, category.columnTotals[c], policy)));
      if (v.total) row.push(countAndShare(v.total, category.grandTotal, policy));
      catRows.push(row);
    }
  }
  const nRow = ['People', ...published.map((c) => formatCount(c.n, policy))];
  const numRows: string[][] = [];
  for (const [key, label] of NUMERIC) {
    numRows.push([label, ...colNames.map(() => '')]);
    const col = (f: (c: DescriptionColumn, i: number) => string) => columns.map((c, i) => (published[i].withheld ? 'withheld' : f(c, i)));
    const summary = (c: DescriptionColumn, i: number, f: (s: Summary) => string) => summaryText(c.numeric[key], published[i].numeric[key].summaryWithheld, f);
    numRows.push(['  recorded for', ...col((_, i) => formatCount(published[i].numeric[key].recorded, policy))]);
    numRows.push(['  mean (SD)', ...col((c, i) => summary(c, i, (s) => `${decimal(s.mean)} (${decimal(s.sd)})`))]);
    numRows.push(['  median (Q1–Q3)', ...col((c, i) => summary(c, i, (s) => `${decimal(s.median)} (${decimal(s.q1)}–${decimal(s.q3)})`))]);
    numRows.push([
      '  range',
      ...col((c, i) =>
        summary(c, i, (s) =>
          Number.isInteger(s.min) && Number.isInteger(s.max) ? `${formatInteger(s.min!)}–${formatInteger(s.max!)}` : `${decimal(s.min)}–${decimal(s.max)}`,
        ),
      ),
    ]);
  }
  const aces = columns.map((c, i) => {
    if (published[i].withheld) return 'withheld';
    const recorded = c.numeric.aces.n;
    const { k, recordedHidden } = published[i].fourOrMoreAces;
    if (k.hidden) return formatCount(k, policy);
    // a percentage of a withheld number recorded would give that number back
    return recorded > 0 && !recordedHidden ? `${k.value} (${percent(k.value / recorded, 1)} of recorded)` : String(k.value);
  });
  numRows.push(['Four or more ACEs', ...aces]);
  const head = ['', ...colNames];
  const caption = d.groupBy
    ? `Cohort description by ${groupWords(d.groupBy).toLowerCase()}: count (per cent of the group)`
    : 'Cohort description: count (per cent of the cohort)';
  return html`${table({ caption, head, rows: [nRow, ...catRows], className: 'description' })}
${table({ caption: d.groupBy ? `Cohort description by ${groupWords(d.groupBy).toLowerCase()}: numbers` : 'Cohort description: numbers', head, rows: numRows, className: 'description' })}`;
}

function summaryText(s: Summary, withheld: boolean, f: (s: Summary) => string): string {
  if (s.n === 0) return '–';
  if (withheld) return 'withheld';
  return f(s);
}
