/** The headline figures, first on the page, in plain words. */
import type { ReportContext, Section } from '../context.js';
import { formatCount, type Count } from '../../disclosure/cells.js';
import { withheldAsSmall } from '../../disclosure/marks.js';
import { decimal, percent, formatInteger, longDate } from '../../words/format.js';
import { html } from '../html.js';
import { desistanceFromWords, headline, recallWindowWords, reconvictionWindowWords } from './words.js';

/** Builds the headline list. */
export function headlinesSection(ctx: ReportContext): Section {
  const { measures: m, policy, published } = ctx;
  const items: string[] = [];
  const flow = published.flow;
  items.push(
    `The follow-up cohort is ${formatCount(flow.cohort, policy)} of the ${formatCount(flow.people, policy)} people in the records: ` +
      `those included in the study and released into the community under the service.`,
  );
  items.push(headline(published.recall, `were recalled to custody at least once ${recallWindowWords(m.recall.window)}`, policy));
  items.push(
    headline(
      published.reconviction,
      `were reconvicted ${reconvictionWindowWords(m.reconviction.window)}${m.reconviction.includeCautions ? ' (cautions counted)' : ''}`,
      policy,
    ),
  );
  if (m.reconviction.overall.k > 0) {
    const sentence = seriousnessSentence(ctx);
    if (sentence) items.push(sentence);
    const ind = published.indictable.ofCohort;
    const indR = published.indictable.ofReconvicted;
    items.push(
      headline(ind, 'were reconvicted of an indictable offence (indictable-only or either-way)', policy) +
        (indR.hidden || indR.proportion == null
          ? ''
          : ` As a share of those reconvicted: ${formatInteger(indR.k.value)} of ${formatInteger(indR.n.value)} (${percent(indR.proportion)}).`),
    );
  }
  const d = m.desistance;
  const fu = d.followUpMonths;
  items.push(
    headline(ctx.published.desistance, `had no further conviction ${desistanceFromWords(d.from)}`, policy) +
      (fu.median != null ? ` Follow-up lengths differ: from ${decimal(fu.min)} to ${decimal(fu.max)} months (median ${decimal(fu.median)}).` : ''),
  );
  const pr = m.provenReoffending;
  if (pr.eligible > 0) {
    items.push(
      headline(
        { ...ctx.published.provenReoffending, label: 'proven' },
        `reoffended within ${pr.windowMonths} months, proven by a conviction within a further ${pr.waitingMonths} months (the Ministry of Justice proven-reoffending measure)`,
        policy,
        'people followed up long enough',
      ),
    );
  }
  const tis = m.timeInService;
  const community = published.timeInService.community;
  const communityN = community.n;
  if (tis.communityMonths.n > 0 && !community.withheld && tis.communityMonths.mean != null) {
    items.push(
      `People who have left the service spent a mean of ${decimal(tis.communityMonths.mean)} months in it in the community (median ${decimal(tis.communityMonths.median)}${communityN.hidden ? '' : `, ${formatInteger(communityN.value)} people`})` +
        (tis.kmMedianMonths != null ? `; counting those still in the service, the Kaplan–Meier median is ${decimal(tis.kmMedianMonths)} months.` : '.'),
    );
  }
  if (m.snapshot) {
    const s = published.snapshot!.total;
    if (!s.total.hidden) {
      const share = (c: typeof s.inCustody) => (c.hidden || s.total.value === 0 ? '' : ` (${percent(c.value / s.total.value)})`);
      items.push(
        `On ${longDate(m.snapshot.date)}, ${formatInteger(s.total.value)} people were accessing the services: ${formatCount(s.inCustody, policy)} in custody${share(s.inCustody)} ` +
          `and ${formatCount(s.inCommunity, policy)} in the community${share(s.inCommunity)}.`,
      );
    }
  }
  return {
    id: 'headlines',
    heading: 'Headline figures',
    blocks: [html`<ul class="headlines">${items.map((t) => html`<li>${t}</li>`)}</ul>`],
  };
}

/**
 * The seriousness of the people reconvicted in one sentence: the exact split
 * when the "less serious" count is published; otherwise the tightest bounds
 * on it that the published seriousness table allows (what a reader of the
 * table can already work out, so printing them discloses nothing more).
 */
function seriousnessSentence(ctx: ReportContext): string | null {
  const { policy, published } = ctx;
  const { rows, allBounds } = published.seriousness;
  const all = rows[rows.length - 1];
  if (all.total.hidden) return null;
  const { less, same, more } = all.cells;
  const of = `Of the ${formatInteger(all.total.value)} people reconvicted,`;
  if (!less.hidden) {
    return `${of} ${formatInteger(less.value)} had a most serious reconviction less serious than their index offence, ${formatCount(same, policy)} as serious and ${formatCount(more, policy)} more serious.`;
  }
  const [least, most] = allBounds.less;
  const why = (c: Count) => (withheldAsSmall(c, policy) ? 'small' : 'withheld');
  const reason =
    why(same) === 'small' && why(more) === 'small'
      ? 'are small, so the exact split is withheld'
      : 'are withheld so that small counts cannot be worked out, so the exact split is withheld';
  if (least <= 0) return `${of} the split by seriousness compared with the index offence is withheld because some of its groups are small.`;
  const range = most >= all.total.value ? `at least ${formatInteger(least)}` : `between ${formatInteger(least)} and ${formatInteger(most)}`;
  return `${of} ${range} had a most serious reconviction less serious than their index offence; the numbers as serious (${formatCount(same, policy)}) and more serious (${formatCount(more, policy)}) ${reason}.`;
}
