/** The headline figures, first on the page, in plain words. */
import type { ReportContext, Section } from '../context.js';
import { formatCount, isSmallCount, suppressProportion } from '../../disclosure/cells.js';
import { decimal, percent, formatInteger, longDate } from '../../words/format.js';
import { html } from '../html.js';
import { summaryWithheld, timeInServiceCounts } from '../../charts/time-in-service.js';
import { seriousnessTable } from '../../charts/seriousness.js';
import { desistanceFromWords, headline, recallWindowWords, reconvictionWindowWords } from './words.js';
import { flowCounts } from '../../disclosure/flow.js';
import { snapshotTable } from '../../disclosure/snapshot.js';

/** Builds the headline list. */
export function headlinesSection(ctx: ReportContext): Section {
  const { measures: m, policy } = ctx;
  const items: string[] = [];
  const flow = flowCounts(m.flow, policy);
  items.push(
    `The follow-up cohort is ${formatCount(flow.cohort, policy)} of the ${formatCount(flow.people, policy)} people in the records: ` +
      `those included in the study and released into the community under the service.`,
  );
  items.push(
    headline(suppressProportion(m.recall.overall, 'recall', policy), `were recalled to custody at least once ${recallWindowWords(m.recall.window)}`, policy),
  );
  const rc = suppressProportion(m.reconviction.overall, 'reconviction', policy);
  items.push(
    headline(rc, `were reconvicted ${reconvictionWindowWords(m.reconviction.window)}${m.reconviction.includeCautions ? ' (cautions counted)' : ''}`, policy),
  );
  if (m.reconviction.overall.k > 0) {
    const ser = seriousnessTable(m.reconviction, policy);
    const all = ser[ser.length - 1];
    if (!all.total.hidden) {
      const { less, same, more } = all.cells;
      if (!less.hidden) {
        items.push(
          `Of the ${formatInteger(all.total.value)} people reconvicted, ${formatInteger(less.value)} had a most serious reconviction less serious than their index offence, ` +
            `${formatCount(same, policy)} as serious and ${formatCount(more, policy)} more serious.`,
        );
      } else {
        // Only what a reader can already work out: the total less the largest the other cells can be.
        const most = (c: typeof same) => (!c.hidden ? c.value : isSmallCount(c.value, policy) ? policy.minCell - 1 : Infinity);
        const atLeast = all.total.value - most(same) - most(more);
        items.push(
          atLeast > 0
            ? `Of the ${formatInteger(all.total.value)} people reconvicted, at least ${formatInteger(atLeast)} had a most serious reconviction less serious than their index offence; the numbers as serious (${formatCount(same, policy)}) and more serious (${formatCount(more, policy)}) are small, so the exact split is withheld.`
            : `Of the ${formatInteger(all.total.value)} people reconvicted, the split by seriousness compared with the index offence is withheld because some of its groups are small.`,
        );
      }
    }
    const ind = suppressProportion(m.reconviction.indictable.ofCohort, 'indictable', policy);
    const indR = suppressProportion(m.reconviction.indictable.ofReconvicted, 'indictable', policy);
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
  const communityN = timeInServiceCounts(tis, policy).communityN;
  if (tis.communityMonths.n > 0 && !summaryWithheld(tis.communityMonths, policy) && tis.communityMonths.mean != null) {
    items.push(
      `People who have left the service spent a mean of ${decimal(tis.communityMonths.mean)} months in it in the community (median ${decimal(tis.communityMonths.median)}${communityN.hidden ? '' : `, ${formatInteger(communityN.value)} people`})` +
        (tis.kmMedianMonths != null ? `; counting those still in the service, the Kaplan–Meier median is ${decimal(tis.kmMedianMonths)} months.` : '.'),
    );
  }
  if (m.snapshot) {
    const s = snapshotTable(m.snapshot, policy).total;
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
