/** Services compared: forest and funnel plots per measure, conviction-free curves by service. */
import { forestPanelsChart } from '../../charts/forest.js';
import { COMPARED_MEASURE_WORDS } from '../../words/labels.js';
import { funnelPanelsChart } from '../../charts/funnel.js';
import { fig, type Block, type ReportContext, type Section } from '../context.js';
import { pPhrase, decimal, percent, formatInteger, listWords } from '../../words/format.js';
import { formatCount, type DisclosurePolicy, type ShownProportion } from '../../disclosure/cells.js';
import { testsWithheldReason } from '../../disclosure/marks.js';
import type { ServiceComparison } from '../../measures/types.js';
import { table } from '../tables.js';
import { html, type Html } from '../html.js';
import { kmFigure } from './km.js';
import { adjustedServicesBlocks } from './adjusted-services.js';
import { funnelPosition } from '../../disclosure/services.js';
import type { PublishedServices } from '../../disclosure/publish.js';

/** A compared measure with its services and pooled proportion as published. */
type PublishedComparison = { c: ServiceComparison } & Pick<PublishedServices, 'rows' | 'pooled'>;

/**
 * Every compared measure by service in one table: "k of n, p% (lo–hi)" per
 * cell, withheld cells as the disclosure rules say, all services last.
 */
function servicesTable(published: PublishedComparison[], policy: DisclosurePolicy): Html {
  const services = published[0]?.c.byService.map((b) => b.group) ?? [];
  // The first measure's n is the service's cohort; a measure counting fewer people (proven reoffending) says "of n".
  const cell = (p: ShownProportion, n: ShownProportion['n']) => {
    const of = p.n.value === n.value && p.n.hidden === n.hidden ? '' : ` of ${formatCount(p.n, policy)}`;
    if (p.hidden) return `${formatCount(p.k, policy)}${of}, withheld`;
    if (p.proportion == null || !p.ci) return `0${of}`;
    return `${formatInteger(p.k.value)}${of}: ${percent(p.proportion, 1)}\n(${percent(p.ci[0], 1)}–${percent(p.ci[1], 1)})`;
  };
  const rows = services.map((name, i) => [name, formatCount(published[0].rows[i].n, policy), ...published.map((s) => cell(s.rows[i], published[0].rows[i].n))]);
  rows.push(['All services', formatCount(published[0].pooled.n, policy), ...published.map((s) => cell(s.pooled, published[0].pooled.n))]);
  return table({
    caption: 'Each measure by service: people with the outcome, per cent, and the 95% CI beneath',
    head: ['Service', 'People', ...published.map(({ c }) => COMPARED_MEASURE_WORDS[c.measure].column)],
    rows,
    totalRows: [rows.length - 1],
    className: 'wide',
  });
}

export function servicesSection(ctx: ReportContext): Section {
  const { measures: m, policy } = ctx;
  const s = m.services;
  const blocks: Block[] = [];
  blocks.push(
    html`<p>${`${s.services.length} services compared. A forest plot shows each service's proportion with its 95% confidence interval; a funnel plot sets it against the number of people, with control limits around the pooled proportion (p0 ± z·√(p0(1 − p0)/n), z = 1.96 for 95% and 3.09 for 99.8%). Services differ in whom they take on, so differences are not effects of the services.`}</p>`,
  );
  // One figure of forest plots and one of funnel plots, every measure side by side.
  const published = s.measures.map((c, i): PublishedComparison => ({ c, rows: ctx.published.services[i].rows, pooled: ctx.published.services[i].pooled }));
  const tables = [servicesTable(published, policy)];
  const tests = published.map(({ c, rows }) => {
    const w = COMPARED_MEASURE_WORDS[c.measure];
    const withheld = testsWithheldReason(rows, policy, 'service');
    if (withheld) return `${w.title}: Fisher's exact test withheld (${withheld}).`;
    return c.fisherP == null
      ? `${w.title}: Fisher's exact test not computed (too many people and services for an exact test).`
      : `${w.title}: Fisher's exact test across services, ${pPhrase(c.fisherP)}.`;
  });
  if (s.measures.length > 0) {
    blocks.push(fig(forestPanelsChart(s.measures, ctx.published.services), tables, tests));
    const positions = published.map(({ c, rows }) => {
      const w = COMPARED_MEASURE_WORDS[c.measure];
      const placed = rows.filter((r) => !r.hidden && r.proportion != null).map((r) => ({ label: r.label, at: funnelPosition(r.proportion!, r.n.value, c) }));
      const named = (at: string) => listWords(placed.filter((p) => p.at === at).map((p) => p.label)) || 'none';
      return `${w.title}: outside the 99.8% limits, ${named('outside 99.8%')}; between the 95% and 99.8% limits, ${named('between 95% and 99.8%')}; within the 95% limits, ${placed.filter((p) => p.at === 'within 95%').length} of ${placed.length} services shown.`;
    });
    blocks.push(fig(funnelPanelsChart(s.measures, ctx.published.services), [], positions));
  }
  if (s.convictionFree.length > 1) {
    const lr = s.logRank;
    // A curve gives its service's size back (its number at risk at 0, the size of its first steps), so a
    // service whose size the tables withhold is not drawn.
    const sizes = ctx.published.serviceSizes;
    const sizeWithheld = (service: string) => sizes?.get(service)?.hidden === true;
    const notDrawn = s.convictionFree.filter((x) => sizeWithheld(x.service)).map((x) => x.service);
    const notes = [
      lr
        ? `Log-rank test: chi-square ${decimal(lr.chiSquare, 2)} on ${lr.df} degree${lr.df === 1 ? '' : 's'} of freedom, ${pPhrase(lr.p)}.`
        : 'Log-rank test not computed.',
    ];
    if (notDrawn.length) notes.push(`Not drawn, because the number of people is withheld: ${listWords(notDrawn)}.`);
    const drawn = s.convictionFree.filter((x) => !sizeWithheld(x.service)).map((x) => ({ label: x.service, curve: x.curve }));
    blocks.push(html`<h3>Conviction-free by service</h3>`);
    if (drawn.length === 0) blocks.push(html`<p class="note">${notes.join(' ')}</p>`);
    else {
      blocks.push(
        kmFigure({
          title: 'Conviction-free over time by service',
          subtitle: 'Kaplan–Meier estimates from release',
          survivalTitle: 'Conviction-free',
          timeTitle: 'Months since release',
          series: drawn,
          reference: m.desistance.from === 'release' ? { label: 'All services', curve: m.desistance.convictionFree } : null,
          policy,
          notes,
        }),
      );
    }
  }
  blocks.push(...adjustedServicesBlocks(ctx));
  return { id: 'services', heading: 'Services compared', blocks };
}
