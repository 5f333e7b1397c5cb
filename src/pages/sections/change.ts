/**
 * Individual change (change.md, "Outputs"): per instrument, who was analysed,
 * the mean change, the counts of each category with their Wilson intervals
 * (every profile, disclosure-controlled), and the Jacobson plot of each
 * person's first against last score (analyst profile only: the public page
 * shows no person's score).
 */
import { countBarsChart } from '../../charts/count-bars.js';
import { jacobsonChart } from '../../charts/jacobson.js';
import { formatCount, type DisclosurePolicy } from '../../disclosure/cells.js';
import type { ShownChange } from '../../disclosure/change.js';
import type { InstrumentChange } from '../../measures/types.js';
import { CHANGE_CATEGORY_SHORT, CHANGE_CATEGORY_WORDS, CUT_OFF_WORDS, betterWords, sSourceWords } from '../../words/change.js';
import { decimal, pPhrase, percent } from '../../words/format.js';
import { fig, type Block, type ReportContext, type Section } from '../context.js';
import { html } from '../html.js';
import { table } from '../tables.js';

const cellText = (c: ShownChange['categories'][number], policy: DisclosurePolicy) => [
  formatCount(c.count, policy),
  c.share === null ? (c.count.hidden ? 'withheld' : '–') : percent(c.share, 1),
  c.ci ? `${percent(c.ci[0], 1)}–${percent(c.ci[1], 1)}` : '–',
];

function categoriesTable(name: string, shown: ShownChange, policy: DisclosurePolicy) {
  return table({
    caption: `${name}: people in each category, of the ${formatCount(shown.n, policy)} analysed (95% Wilson interval)`,
    head: ['Category', 'People', 'Per cent', '95% CI'],
    rows: shown.categories.map((c) => [CHANGE_CATEGORY_WORDS[c.key] + (c.key === 'notClinicalAtStart' ? ' (also counted above)' : ''), ...cellText(c, policy)]),
  });
}

function byGroupTable(name: string, x: InstrumentChange, shownGroups: ShownChange[], policy: DisclosurePolicy) {
  const keys = shownGroups.length ? shownGroups[0].categories.map((c) => c.key) : [];
  const rows = x.byGroup.map((g, i) => {
    const s = shownGroups[i];
    const mean = s.n.hidden || g.meanChange === null ? '–' : `${decimal(g.meanChange, 1)}${g.ci ? ` (${decimal(g.ci[0], 1)} to ${decimal(g.ci[1], 1)})` : ''}`;
    return [g.group, formatCount(s.cohort, policy), formatCount(s.n, policy), mean, ...s.categories.map((c) => formatCount(c.count, policy))];
  });
  return table({
    caption: `${name} by ${x.groupBy}: people analysed, mean change (95% CI) and the people in each category`,
    head: [x.groupBy, 'Cohort', 'Analysed', 'Mean change', ...keys.map((k) => CHANGE_CATEGORY_SHORT[k])],
    rows,
    className: 'wide',
  });
}

function instrumentBlocks(name: string, x: InstrumentChange, published: { overall: ShownChange; byGroup: ShownChange[] }, policy: DisclosurePolicy): Block[] {
  const shown = published.overall;
  const o = x.overall;
  const blocks: Block[] = [html`<h3>${name} (${betterWords(x.better)})</h3>`];
  blocks.push(
    html`<p class="source">${x.source ? `Reliability and norms: ${x.source}` : 'The study file gives no source for this instrument’s reliability, and no norms: recovery is not reported.'}</p>`,
  );
  const lead =
    `Of ${formatCount(shown.cohort, policy)} people in the follow-up cohort, ${formatCount(shown.n, policy)} completed a first and a later ${name} questionnaire ` +
    `and are analysed; ${formatCount(shown.noAssessment, policy)} had none and ${formatCount(shown.oneDayOnly, policy)} had questionnaires on one day only.`;
  blocks.push(html`<p class="lead">${lead}</p>`);
  if (o.n > 0) {
    const mean =
      shown.n.hidden || o.meanChange === null
        ? 'The mean change is withheld: too few people were analysed to publish it.'
        : `Mean first score ${decimal(o.meanPre, 1)}, mean last ${decimal(o.meanPost, 1)}: a mean change of ${decimal(o.meanChange, 1)} points` +
          (o.ci
            ? ` (95% CI ${decimal(o.ci[0], 1)} to ${decimal(o.ci[1], 1)}; paired t-test, ${pPhrase(o.p)}).`
            : ' (no interval: fewer than two people, or every change equal).');
    blocks.push(html`<p>${mean}</p>`);
  }
  const method = [
    x.sDiff === null
      ? 'Reliable change cannot be judged: no reference SD is given and fewer than two first scores (or all equal) were found.'
      : `A change is reliable when it is larger than ${decimal(x.reliableChange, 2)} points (1.96 × S_diff, S_diff = ${decimal(x.sDiff, 2)} from reliability ${x.reliability} and s = ${decimal(x.s, 2)}, ${sSourceWords(x.sSource)}).`,
    x.cutOff ? `The clinical cut-off is ${decimal(x.cutOff.value, 2)} (rule ${CUT_OFF_WORDS[x.cutOff.rule]}); a score on it counts as clinical.` : '',
  ].filter(Boolean);
  if (shown.categories.length > 0) {
    const bars = shown.categories
      .filter((c) => c.key !== 'notClinicalAtStart')
      .map((c) => ({ label: CHANGE_CATEGORY_SHORT[c.key as keyof typeof CHANGE_CATEGORY_SHORT], count: c.count }));
    blocks.push(
      fig(
        countBarsChart({ title: `${name}: reliable change`, categoryTitle: 'Category', countTitle: 'People', bars, policy }),
        [categoriesTable(name, shown, policy)],
        method,
      ),
    );
  } else blocks.push(html`<p>${method.join(' ')}</p>`);
  if (policy.profile === 'analyst' && o.n > 0) {
    blocks.push(
      fig(
        jacobsonChart(name, x, policy),
        x.byGroup.length > 1 ? [byGroupTable(name, x, published.byGroup, policy)] : [],
        [],
        `${name}: each person’s first score against their last (analyst page only)`,
      ),
    );
  }
  return blocks;
}

/** The section, or null when the study has no instruments and assessments. */
export function changeSection(ctx: ReportContext): Section | null {
  const change = ctx.measures.change;
  if (!change) return null;
  const blocks: Block[] = [
    html`<p>Each person’s first questionnaire (in custody or in the community) is compared with their last, on a later day. A change larger than the instrument’s measurement error is <em>reliable</em> (Jacobson and Truax, 1991); a reliable improvement that also takes a person from the clinical into the functional range is <em>recovery</em>.${ctx.policy.profile === 'public' ? ' This public page shows the counts only, never a person’s scores.' : ''}</p>`,
  ];
  for (const [name, x] of Object.entries(change)) blocks.push(...instrumentBlocks(name, x, ctx.published.change![name], ctx.policy));
  return { id: 'change', heading: 'Individual change', blocks };
}
