/**
 * Kaplan–Meier curves by the grouping column with the log-rank test on the page
 * (measures.md "Kaplan–Meier": two or more groups are compared with the log-rank
 * test; issue 10: the terminal printed it, the page did not). A curve gives its
 * group's size back (its number at risk at 0), so a group whose size the
 * disclosure rules withhold is not drawn, and the test is withheld with it.
 */
import type { Count, DisclosurePolicy } from '../../disclosure/cells.js';
import { withheldAsSmall } from '../../disclosure/marks.js';
import type { Curve } from '../../stats/types.js';
import type { GroupCurves } from '../../measures/types.js';
import { decimal, listWords, pPhrase } from '../../words/format.js';
import type { Block } from '../context.js';
import { html } from '../html.js';
import { kmFigure } from './km.js';

interface GroupCurvesInput {
  title: string;
  subtitle: string;
  survivalTitle: string;
  timeTitle: string;
  groups: GroupCurves | undefined;
  /** Each group's size as the page publishes it (Published.desistanceCurveGroups). */
  sizes: Map<string, Count>;
  reference: Curve;
  policy: DisclosurePolicy;
}

/** The heading, the figure of the groups' curves and the log-rank sentence; nothing with fewer than two groups. */
export function groupCurvesBlocks(input: GroupCurvesInput): Block[] {
  const g = input.groups;
  if (!g || g.curves.length < 2) return [];
  const sizes = input.sizes;
  const withheld = g.curves.filter((c) => sizes.get(c.group)?.hidden === true).map((c) => c.group);
  const small = g.curves.some((c) => withheldAsSmall(sizes.get(c.group)!, input.policy));
  const lr = g.logRank;
  const notes = [
    withheld.length > 0
      ? small
        ? 'Log-rank test withheld: a group is too small to publish.'
        : "Log-rank test withheld: a group's size is withheld so that a small count cannot be worked out from the totals."
      : lr
        ? `Log-rank test across the ${g.groupBy} groups: chi-square ${decimal(lr.chiSquare, 2)} on ${lr.df} degree${lr.df === 1 ? '' : 's'} of freedom, ${pPhrase(lr.p)}.`
        : 'Log-rank test not computed.',
  ];
  if (withheld.length) notes.push(`Not drawn, because the number of people is withheld: ${listWords(withheld)}.`);
  const drawn = g.curves.filter((c) => !withheld.includes(c.group)).map((c) => ({ label: c.group, curve: c.curve }));
  const blocks: Block[] = [html`<h3>${`${input.title} by ${g.groupBy}`}</h3>`];
  if (drawn.length === 0) blocks.push(html`<p class="note">${notes.join(' ')}</p>`);
  else
    blocks.push(
      kmFigure({
        title: `${input.title} by ${g.groupBy}`,
        subtitle: input.subtitle,
        survivalTitle: input.survivalTitle,
        timeTitle: input.timeTitle,
        series: drawn,
        reference: { label: 'The whole cohort', curve: input.reference },
        policy: input.policy,
        notes,
      }),
    );
  return blocks;
}
