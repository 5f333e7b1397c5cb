/**
 * Funnel plot: each service's proportion against its number of people, with
 * the pooled proportion and its 95% (dashed) and 99.8% (dotted) control
 * limits p0 ± z·sqrt(p0(1 − p0)/n). A service outside the 99.8% limits differs
 * from the pooled figure by more than chance would usually give.
 */
import type { ServiceComparison } from '../measures/types.js';
import type { DisclosurePolicy } from '../pages/disclosure.js';
import { COMPARED_MEASURE_WORDS, shownServices } from './forest.js';
import { CHART_WIDTH, chartTitle, CONFIG, DARK, INK, LIMIT95, LIMIT998, MUTED, SCHEMA, pct, type ChartSpec } from './theme.js';

/** Where a service sits against the control limits. */
export function funnelPosition(p: number, n: number, c: ServiceComparison): 'within 95%' | 'between 95% and 99.8%' | 'outside 99.8%' {
  const lim = c.funnel.find((f) => f.n === n) ?? nearest(c, n);
  if (!lim) return 'within 95%';
  if (p < lim.lower998 || p > lim.upper998) return 'outside 99.8%';
  if (p < lim.lower95 || p > lim.upper95) return 'between 95% and 99.8%';
  return 'within 95%';
}

function nearest(c: ServiceComparison, n: number) {
  let best = c.funnel[0];
  for (const f of c.funnel) if (Math.abs(f.n - n) < Math.abs(best.n - n)) best = f;
  return best;
}

/**
 * The control limits at about 80 sizes spread evenly on a square-root scale
 * (where the limits curve most), plus the services' own sizes: enough for a
 * smooth line without a point for every n up to the largest service.
 */
export function thinFunnel(funnel: ServiceComparison['funnel'], keep: number[]): ServiceComparison['funnel'] {
  if (funnel.length <= 100) return funnel;
  const maxN = funnel[funnel.length - 1].n;
  const wanted = new Set(keep);
  for (let i = 0; i <= 80; i++) wanted.add(Math.max(1, Math.round((Math.sqrt(maxN) * i / 80) ** 2)));
  const r = (x: number) => Math.round(x * 1e5) / 1e5;
  return funnel.filter((f) => wanted.has(f.n)).map((f) => ({ n: f.n, lower95: r(f.lower95), upper95: r(f.upper95), lower998: r(f.lower998), upper998: r(f.upper998) }));
}

/** Builds the funnel plot of one measure across services. */
export function funnelChart(c: ServiceComparison, policy: DisclosurePolicy): ChartSpec {
  const words = COMPARED_MEASURE_WORDS[c.measure];
  const { rows, pooled } = shownServices(c, policy);
  const drawn = rows.filter((r) => !r.hidden && r.proportion != null).map((r) => ({ label: r.label, n: r.n.value, p: r.proportion!, position: funnelPosition(r.proportion!, r.n.value, c) }));
  const withheld = rows.filter((r) => r.hidden).length;
  const limits = thinFunnel(c.funnel, drawn.map((d) => d.n)).flatMap((f) => [
    { n: f.n, limit: '95% limits', side: 'lower', v: f.lower95 },
    { n: f.n, limit: '95% limits', side: 'upper', v: f.upper95 },
    { n: f.n, limit: '99.8% limits', side: 'lower', v: f.lower998 },
    { n: f.n, limit: '99.8% limits', side: 'upper', v: f.upper998 },
  ]);
  const maxN = Math.max(1, ...c.funnel.map((f) => f.n), ...drawn.map((d) => d.n));
  const x = { type: 'quantitative' as const, scale: { domain: [0, maxN], nice: false }, axis: { title: 'People in the service (n)', tickMinStep: 1, format: 'd' } };
  const y = { type: 'quantitative' as const, scale: { domain: [0, 1] }, axis: { format: '.0%', title: `Share who ${words.outcome}` } };
  const pooledOk = !pooled.hidden && pooled.proportion != null;
  const description =
    `Funnel plot of ${words.title.toLowerCase()} by service size: share who ${words.outcome} against the number of people, ` +
    `with the pooled proportion${pooledOk ? ` (${pct(pooled.proportion!)})` : ''} and its 95% and 99.8% control limits. ` +
    drawn.map((d) => `${d.label}: ${pct(d.p)} of ${d.n}, ${d.position}`).join('; ') +
    (withheld ? `; ${withheld} service${withheld === 1 ? '' : 's'} withheld (small numbers) and not drawn.` : '.');
  return {
    $schema: SCHEMA,
    title: chartTitle(`${words.title}: funnel plot by service size`, 'Solid: pooled proportion; dashed: 95% limits; dotted: 99.8% limits. Services outside the 95% limits are named.'),
    description,
    config: CONFIG,
    width: CHART_WIDTH - 120,
    height: 300,
    layer: [
      {
        data: { values: limits },
        mark: { type: 'line', strokeWidth: 1.3 },
        encoding: {
          x: { field: 'n', ...x },
          y: { field: 'v', ...y },
          detail: { field: 'side' },
          color: { field: 'limit', type: 'nominal', scale: { domain: ['95% limits', '99.8% limits'], range: [LIMIT95, LIMIT998] }, legend: { title: null } },
          strokeDash: { field: 'limit', type: 'nominal', scale: { domain: ['95% limits', '99.8% limits'], range: [[6, 3], [2, 2]] }, legend: { title: null } },
        },
      },
      ...(pooledOk ? [{ data: { values: [{ p: pooled.proportion }] }, mark: { type: 'rule' as const, color: INK, strokeWidth: 1.3 }, encoding: { y: { field: 'p', ...y } } }] : []),
      {
        data: { values: drawn },
        mark: { type: 'point', filled: true, color: DARK, size: 80, stroke: 'white', strokeWidth: 0.8 },
        encoding: {
          x: { field: 'n', ...x },
          y: { field: 'p', ...y },
          shape: { field: 'position', type: 'nominal', scale: { domain: ['within 95%', 'between 95% and 99.8%', 'outside 99.8%'], range: ['circle', 'square', 'triangle-up'] }, legend: { title: null, labelLimit: 320 } },
        },
      },
      // Only services outside the 95% limits are named: twenty labels on one plot cannot be read.
      { data: { values: drawn.filter((d) => d.position !== 'within 95%') }, mark: { type: 'text', align: 'right', dx: -7, dy: -7, fontSize: 11, color: INK }, encoding: { x: { field: 'n', ...x }, y: { field: 'p', ...y }, text: { field: 'label' } } },
    ],
  } as unknown as ChartSpec;
}
