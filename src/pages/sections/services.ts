/** Services compared: forest and funnel plots per measure, conviction-free curves by service. */
import { COMPARED_MEASURE_WORDS, forestChart, shownServices } from '../../charts/forest.js';
import { funnelChart, funnelPosition } from '../../charts/funnel.js';
import { fig, type Block, type ReportContext, type Section } from '../context.js';
import { pPhrase, decimal } from '../format.js';
import { html } from '../html.js';
import { proportionTable } from './common.js';
import { kmFigure } from './km.js';
import { listWords } from '../../charts/theme.js';

export function servicesSection(ctx: ReportContext): Section {
  const { measures: m, policy } = ctx;
  const s = m.services;
  const blocks: Block[] = [];
  blocks.push(
    html`<p>${`${s.services.length} services compared. A forest plot shows each service's proportion with its 95% confidence interval; a funnel plot sets it against the number of people, with control limits around the pooled proportion (p0 ± z·√(p0(1 − p0)/n), z = 1.96 for 95% and 3.09 for 99.8%). Services differ in whom they take on, so differences are not effects of the services.`}</p>`,
  );
  for (const c of s.measures) {
    const w = COMPARED_MEASURE_WORDS[c.measure];
    const { rows, pooled } = shownServices(c, policy);
    const t = proportionTable(`${w.title} by service`, 'Service', w.column, rows, pooled, policy);
    const anyHidden = rows.some((r) => r.hidden);
    const placed = rows.filter((r) => !r.hidden && r.proportion != null).map((r) => ({ label: r.label, at: funnelPosition(r.proportion!, r.n.value, c) }));
    const named = (at: string) => listWords(placed.filter((p) => p.at === at).map((p) => p.label)) || 'none';
    const positions = `Outside the 99.8% limits: ${named('outside 99.8%')}. Between the 95% and 99.8% limits: ${named('between 95% and 99.8%')}. Within the 95% limits: ${placed.filter((p) => p.at === 'within 95%').length} of ${placed.length} services shown.`;
    const test = anyHidden ? "Fisher's exact test withheld (a service is too small to publish)." : c.fisherP == null ? "Fisher's exact test not computed (too many people and services for an exact test)." : `Fisher's exact test across services: ${pPhrase(c.fisherP)}.`;
    blocks.push(html`<h3>${w.title}</h3>`);
    blocks.push(fig(forestChart(c, policy), [t], [test]));
    blocks.push(fig(funnelChart(c, policy), [], [positions]));
  }
  if (s.convictionFree.length > 1) {
    const lr = s.logRank;
    blocks.push(html`<h3>Conviction-free by service</h3>`);
    blocks.push(
      kmFigure({
        title: 'Conviction-free over time by service',
        subtitle: 'Kaplan–Meier estimates from release',
        survivalTitle: 'Conviction-free',
        timeTitle: 'Months since release',
        series: s.convictionFree.map((x) => ({ label: x.service, curve: x.curve })),
        reference: m.desistance.from === 'release' ? { label: 'All services', curve: m.desistance.convictionFree } : null,
        policy,
        notes: [lr ? `Log-rank test: chi-square ${decimal(lr.chiSquare, 2)} on ${lr.df} degree${lr.df === 1 ? '' : 's'} of freedom, ${pPhrase(lr.p)}.` : 'Log-rank test not computed.'],
      }),
    );
  }
  return { id: 'services', heading: 'Services compared', blocks };
}
