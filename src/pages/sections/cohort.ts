/** Who is in the cohort: the flow diagram and the cohort description. */
import { ONGOING } from '../../measures/flow.js';
import { cohortFlowChart } from '../../charts/cohort-flow.js';
import type { CategoryCount, DescriptionColumn, DescriptionResult } from '../../measures/types.js';
import type { Summary } from '../../stats/types.js';
import { fig, type Block, type ReportContext, type Section } from '../context.js';
import { countOfWhole, formatCount, isSmallCount, sharedSizes, suppressTable, type DisclosurePolicy, countAndShare } from '../../disclosure/cells.js';
import { decimal, formatInteger, percent } from '../../words/format.js';
import { columnWords } from '../../words/labels.js';
import { html, type Html } from '../html.js';
import { table } from '../tables.js';
import { groupWords } from './common.js';
import { flowCounts } from '../../disclosure/flow.js';

const CATEGORICAL: [keyof DescriptionColumn['categorical'], string][] = (['sex', 'ethnicity', 'tier', 'category', 'group'] as const).map((c) => [
  c,
  columnWords(c),
]);

const NUMERIC: [keyof DescriptionColumn['numeric'], string][] = [
  ['age_at_release', `${columnWords('age_at_release')} (years)`],
  ['prior_convictions', columnWords('prior_convictions')],
  ['custody_years_before_release', columnWords('custody_years_before_release')],
  ['aces', `${columnWords('aces')} (ACEs)`],
];

export function cohortSection(ctx: ReportContext): Section {
  const { measures: m, policy } = ctx;
  const f = flowCounts(m.flow, policy);
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
    fig(cohortFlowChart(m.flow, policy), [flowTable]),
    html`<h3>Cohort description</h3>`,
    descriptionTables(m.description, policy),
  ];
  return { id: 'cohort', heading: 'Who is in the cohort', blocks };
}

/**
 * The cohort description: counts and percentages of each category (by group
 * when the description is split), and summaries of the numeric columns.
 * Counts of a variable add up to the group sizes, so each variable is one
 * table for secondary suppression.
 */
export function descriptionTables(d: DescriptionResult, policy: DisclosurePolicy): Html {
  const columns: DescriptionColumn[] = d.groupBy && d.byGroup.length ? [...d.byGroup, d.overall] : [d.overall];
  const colNames = columns.map((c) => (c.group == null ? 'Cohort' : c.group));
  // Group sizes add up to the cohort: a group whose size is withheld is withheld whole, in every table.
  const sizes = sharedSizes(
    columns.slice(0, -1).map((c) => ({ label: c.group ?? '', n: c.n })),
    policy,
  );
  const groupSizes = columns.length > 1 ? columns.slice(0, -1).map((c) => sizes.get(c.group ?? '')!) : [];
  const withheldGroups = groupSizes.map((g, i) => (g.hidden ? i : -1)).filter((i) => i >= 0);
  const withheldColumn = (i: number) => withheldGroups.includes(i);
  const catRows: string[][] = [];
  for (const [key, label] of CATEGORICAL) {
    // split by this very column, the block would only repeat the group sizes
    if (columns.length > 1 && d.groupBy === key) continue;
    const values = unique(columns.flatMap((c) => c.categorical[key].map((v) => v.value)));
    if (values.length === 0) continue;
    const groups = columns.length > 1 ? columns.slice(0, -1) : columns;
    const cells = values.map((v) => groups.map((g) => countOf(g.categorical[key], v)));
    const mask = suppressTable(cells, policy, columns.length > 1 ? withheldGroups : []);
    catRows.push([label, ...colNames.map(() => '')]);
    values.forEach((v, r) => {
      const row = [`  ${v}`];
      groups.forEach((g, c) =>
        row.push(
          withheldColumn(c)
            ? 'withheld'
            : countAndShare({ value: cells[r][c], hidden: mask.cells[r][c] }, { value: g.n, hidden: mask.columnTotals[c] }, policy),
        ),
      );
      if (columns.length > 1)
        row.push(
          countAndShare(
            { value: countOf(columns[columns.length - 1].categorical[key], v), hidden: mask.rowTotals[r] },
            { value: d.overall.n, hidden: mask.grandTotal },
            policy,
          ),
        );
      catRows.push(row);
    });
  }
  const nRow = [
    'People',
    ...columns.map((c, i) => formatCount(i < groupSizes.length ? groupSizes[i] : { value: c.n, hidden: isSmallCount(c.n, policy) }, policy)),
  ];
  const numRows: string[][] = [];
  for (const [key, label] of NUMERIC) {
    numRows.push([label, ...colNames.map(() => '')]);
    const col = (f: (c: DescriptionColumn) => string) => columns.map((c, i) => (withheldColumn(i) ? 'withheld' : f(c)));
    numRows.push(['  recorded for', ...col((c) => formatCount(countOfWhole(c.numeric[key].n, c.n, policy), policy))]);
    numRows.push(['  mean (SD)', ...col((c) => summaryText(c.numeric[key], policy, (s) => `${decimal(s.mean)} (${decimal(s.sd)})`))]);
    numRows.push(['  median (Q1–Q3)', ...col((c) => summaryText(c.numeric[key], policy, (s) => `${decimal(s.median)} (${decimal(s.q1)}–${decimal(s.q3)})`))]);
    numRows.push([
      '  range',
      ...col((c) =>
        summaryText(c.numeric[key], policy, (s) =>
          Number.isInteger(s.min) && Number.isInteger(s.max) ? `${formatInteger(s.min!)}–${formatInteger(s.max!)}` : `${decimal(s.min)}–${decimal(s.max)}`,
        ),
      ),
    ]);
  }
  const aces = columns.map((c, i) => {
    if (withheldColumn(i)) return 'withheld';
    const recorded = c.numeric.aces.n;
    const k = countOfWhole(c.fourOrMoreAces, recorded, policy);
    if (k.hidden) return formatCount(k, policy);
    // a percentage of a withheld number recorded would give that number back
    const recordedHidden = countOfWhole(recorded, c.n, policy).hidden;
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

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

function countOf(list: CategoryCount[], value: string): number {
  return list.find((c) => c.value === value)?.count ?? 0;
}

function summaryText(s: Summary, policy: DisclosurePolicy, f: (s: Summary) => string): string {
  if (s.n === 0) return '–';
  if (isSmallCount(s.n, policy)) return 'withheld';
  return f(s);
}
