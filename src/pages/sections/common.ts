/**
 * Pieces several sections share: a proportion-by-group figure with its table,
 * and the paragraph of comparison tests.
 */
import { proportionsChart } from '../../charts/proportions.js';
import type { GroupComparison } from '../../measures/types.js';
import { formatCount, type DisclosurePolicy, type ShownProportion } from '../../disclosure/cells.js';
import { testsWithheldReason } from '../../disclosure/marks.js';
import type { PublishedGroups } from '../../disclosure/publish.js';
import { decimal, percent, percentInterval, pointsPhrase, pPhrase, ratioPhrase } from '../../words/format.js';
import type { Html } from '../html.js';
import { table } from '../tables.js';
import { fig, type FigureRequest } from '../context.js';
import { columnWords } from '../../words/labels.js';

/** Words for a grouping column. */
export function groupWords(column: string): string {
  return columnWords(column);
}

/** Table of proportions: label, k, n, percentage, 95% CI. */
function proportionTable(
  caption: string,
  firstColumn: string,
  outcomeColumn: string,
  rows: ShownProportion[],
  overall: ShownProportion | null,
  policy: DisclosurePolicy,
): Html {
  const all = overall ? [...rows, overall] : rows;
  return table({
    caption,
    head: [firstColumn, outcomeColumn, 'People', 'Per cent', '95% CI'],
    rows: all.map((r) => [
      r.label,
      formatCount(r.k, policy),
      formatCount(r.n, policy),
      r.hidden || r.proportion == null ? (r.hidden ? 'withheld' : '–') : percent(r.proportion, 1),
      r.hidden || !r.ci ? (r.hidden ? 'withheld' : '–') : percentInterval(r.ci, 1),
    ]),
    totalRows: overall ? [all.length - 1] : [],
  });
}

/** The by-group figure of a binary measure, with its table and the comparison tests under it. */
export function groupFigure(opts: {
  title: string;
  outcome: string;
  outcomeColumn: string;
  comparison: GroupComparison;
  /** The groups and everyone as the page publishes them (Published.byGroup). */
  shown: PublishedGroups;
  policy: DisclosurePolicy;
}): FigureRequest {
  const { rows, overall } = opts.shown;
  const gw = groupWords(opts.comparison.groupBy);
  const spec = proportionsChart({
    title: opts.title,
    subtitle: `By ${gw.toLowerCase()}, with 95% confidence intervals`,
    outcome: opts.outcome,
    groupTitle: gw,
    rows,
    overall,
  });
  const t = proportionTable(`${opts.title} by ${gw.toLowerCase()}`, gw, opts.outcomeColumn, rows, overall, opts.policy);
  return fig(spec, [t], [comparisonSentence(opts.comparison, rows, opts.policy)]);
}

/**
 * The comparison tests in words. In the public profile they are withheld when
 * any group's count is withheld: a test statistic or a risk difference with its
 * interval is derived from every cell.
 */
export function comparisonSentence(c: GroupComparison, rows: ShownProportion[], policy: DisclosurePolicy): string {
  const used = rows.filter((r) => r.n.value > 0);
  if (used.length < 2) return 'Only one group has people in the cohort, so there is no comparison.';
  // Say the real reason: a small group, a group's size withheld to protect another cell, or a count within a group.
  const withheld = testsWithheldReason(rows, policy);
  if (withheld) return `Comparison tests are withheld because ${withheld}.`;
  const parts: string[] = [];
  parts.push(`Fisher's exact test: ${pPhrase(c.fisherP)}${c.fisherNote ? ` (${c.fisherNote})` : ''}`);
  if (c.chiSquare)
    parts.push(
      `Pearson's chi-square (no continuity correction) = ${decimal(c.chiSquare.statistic, 2)} on ${c.chiSquare.df} degree${c.chiSquare.df === 1 ? '' : 's'} of freedom, ${pPhrase(c.chiSquare.p)}`,
    );
  if (c.riskDifference && used.length === 2)
    parts.push(`risk difference (${used[0].label} minus ${used[1].label}) ${pointsPhrase(c.riskDifference)}, Newcombe hybrid score interval`);
  if (c.relativeRisk && used.length === 2) parts.push(`relative risk (${used[0].label} over ${used[1].label}) ${ratioPhrase(c.relativeRisk)}`);
  return parts.join('; ') + '.';
}
