/**
 * Funnel plots, one panel per measure: each service's proportion against its number of people, with
 * the pooled proportion and its 95% (dashed) and 99.8% (dotted) control
 * limits p0 ± z·sqrt(p0(1 − p0)/n). A service outside the 99.8% limits differs
 * from the pooled figure by more than chance would usually give.
 */
import type { ServiceComparison } from '../measures/types.js';
import { COMPARED_MEASURE_WORDS } from '../words/labels.js';
import { chartTitle, CONFIG, DARK, INK, LIMIT95, LIMIT998, SCHEMA, type ChartSpec } from './theme.js';
import { percent } from '../words/format.js';
import type { PublishedServices } from '../disclosure/publish.js';
import { funnelPosition } from '../disclosure/services.js';

/**
 * The control limits at about `steps` sizes (80 by default) spread evenly on a square-root scale
 * (where the limits curve most), plus the services' own sizes: enough for a
 * smooth line without a point for every n up to the largest service.
 */
export function thinFunnel(funnel: ServiceComparison['funnel'], keep: number[], steps = 80): ServiceComparison['funnel'] {
  if (funnel.length <= steps + 20) return funnel;
  const maxN = funnel[funnel.length - 1].n;
  const wanted = new Set(keep);
  for (let i = 0; i <= steps; i++) wanted.add(Math.max(1, Math.round(((Math.sqrt(maxN) * i) / steps) ** 2)));
  const r = (x: number) => Math.round(x * 1e5) / 1e5;
  return funnel
    .filter((f) => wanted.has(f.n))
    .map((f) => ({ n: f.n, lower95: r(f.lower95), upper95: r(f.upper95), lower998: r(f.lower998), upper998: r(f.upper998) }));
}

/** Funnel plots of several measures as panels, two to a row: one figure instead of four. */
export function funnelPanelsChart(
  comparisons: ServiceComparison[],
  /** Each comparison's services as the page publishes them (Published.services, in the same order). */
  shownAll: readonly Pick<PublishedServices, 'rows' | 'pooled'>[],
): ChartSpec {
  const measures = comparisons.map((c) => COMPARED_MEASURE_WORDS[c.measure].title);
  const maxN = Math.max(1, ...comparisons.flatMap((c) => [...c.funnel.map((f) => f.n), ...c.byService.map((s) => s.n)]));
  type Row = { measure: string; kind: string; n?: number; v?: number | null; side?: string; label?: string; position?: string };
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const [i, c] of comparisons.entries()) {
    const measure = COMPARED_MEASURE_WORDS[c.measure].title;
    const { rows: shown, pooled } = shownAll[i];
    const drawn = shown.filter((r) => !r.hidden && r.proportion != null);
    for (const f of thinFunnel(
      c.funnel,
      drawn.map((d) => d.n.value),
      40,
    )) {
      rows.push({ measure, kind: '95% limits', side: 'lower', n: f.n, v: f.lower95 }, { measure, kind: '95% limits', side: 'upper', n: f.n, v: f.upper95 });
      rows.push(
        { measure, kind: '99.8% limits', side: 'lower', n: f.n, v: f.lower998 },
        { measure, kind: '99.8% limits', side: 'upper', n: f.n, v: f.upper998 },
      );
    }
    if (!pooled.hidden && pooled.proportion != null) rows.push({ measure, kind: 'pooled', v: pooled.proportion });
    const placed = drawn.map((r) => ({ label: r.label, n: r.n.value, p: r.proportion!, position: funnelPosition(r.proportion!, r.n.value, c) }));
    for (const d of placed) rows.push({ measure, kind: 'service', n: d.n, v: d.p, label: d.label, position: d.position });
    const out = placed.filter((d) => d.position !== 'within 95%');
    notes.push(
      `${measure}: ${pooled.hidden || pooled.proportion == null ? 'pooled proportion withheld' : `pooled ${percent(pooled.proportion)}`}; ` +
        (out.length ? out.map((d) => `${d.label} ${percent(d.p)} of ${d.n}, ${d.position}`).join('; ') : 'every service shown within the 95% limits') +
        (shown.length > drawn.length ? `; ${shown.length - drawn.length} withheld` : ''),
    );
  }
  const x = {
    field: 'n',
    type: 'quantitative' as const,
    scale: { domain: [0, maxN], nice: false },
    axis: { title: 'People in the service (n)', format: 'd', tickCount: 4, grid: false },
  };
  const y = {
    field: 'v',
    type: 'quantitative' as const,
    scale: { domain: [0, 1] },
    axis: { format: '.0%', title: 'Share of the service\u2019s people', tickCount: 5, grid: false },
  };
  return {
    $schema: SCHEMA,
    title: chartTitle(
      'Funnel plots: each service against the limits chance allows for its size',
      'Solid: all services together; dashed: 95% limits; dotted: 99.8% limits; services outside the 99.8% limits are named',
    ),
    description:
      `Funnel plots of ${measures.length} measures: each service's share against its number of people, with the pooled proportion and its 95% and 99.8% control limits. ` +
      notes.join('. ') +
      '.',
    config: { ...CONFIG, header: { labelFontSize: 12, labelFontWeight: 'bold', title: null } },
    data: { values: rows },
    facet: { field: 'measure', type: 'nominal', sort: measures, title: null },
    columns: 2,
    // lay panels out by their plotting areas only, so service names do not push them apart
    bounds: 'flush',
    spacing: { row: 40, column: 40 },
    spec: {
      width: 250,
      height: 170,
      layer: [
        funnelLimitLines(x, y),
        { transform: [{ filter: "datum.kind == 'pooled'" }], mark: { type: 'rule', color: INK, strokeWidth: 1.2 }, encoding: { y } },
        ...funnelServiceLayers(x, y, 'n', maxN),
      ],
    },
  } satisfies ChartSpec;
}

/** Where a service's point lies against the limits, in the legend's order. */
const FUNNEL_POSITIONS = ['within 95%', 'between 95% and 99.8%', 'outside 99.8%'];

type Channel = Record<string, unknown>;

/** The 95% (dashed) and 99.8% (dotted) limit lines of a funnel; `clip` cuts them at the plot's edge. */
export function funnelLimitLines(x: Channel, y: Channel, clip = false) {
  return {
    transform: [{ filter: "datum.kind == '95% limits' || datum.kind == '99.8% limits'" }],
    mark: { type: 'line' as const, strokeWidth: 1.2, ...(clip ? { clip: true } : {}) },
    encoding: {
      x,
      y,
      detail: { field: 'side' },
      color: {
        field: 'kind',
        type: 'nominal' as const,
        scale: { domain: ['95% limits', '99.8% limits'], range: [LIMIT95, LIMIT998] },
        legend: { title: null },
      },
      strokeDash: {
        field: 'kind',
        type: 'nominal' as const,
        scale: {
          domain: ['95% limits', '99.8% limits'],
          range: [
            [6, 3],
            [2, 2],
          ],
        },
        legend: { title: null },
      },
    },
  };
}

/**
 * Each service's point, shaped by its position against the limits, and the names of the
 * services outside the 99.8% limits: to the right of the point in the left half of a panel
 * (`sizeField` up to half of `largest`), to the left in the right half. The note under the
 * figure lists the rest.
 */
export function funnelServiceLayers(x: Channel, y: Channel, sizeField: string, largest: number, clip = false) {
  return [
    {
      transform: [{ filter: "datum.kind == 'service'" }],
      mark: { type: 'point' as const, filled: true, color: DARK, size: 45, stroke: 'white', strokeWidth: 0.6, ...(clip ? { clip: true } : {}) },
      encoding: {
        x,
        y,
        shape: {
          field: 'position',
          type: 'nominal' as const,
          scale: { domain: FUNNEL_POSITIONS, range: ['circle', 'square', 'triangle-up'] },
          legend: { title: null, labelLimit: 320 },
        },
      },
    },
    ...(['left', 'right'] as const).map((align) => ({
      transform: [
        { filter: `datum.kind == 'service' && datum.position == 'outside 99.8%' && datum.${sizeField} ${align === 'left' ? '<=' : '>'} ${largest / 2}` },
      ],
      mark: { type: 'text' as const, align, dx: align === 'left' ? 6 : -6, dy: -6, fontSize: 10, color: INK },
      encoding: { x, y, text: { field: 'label' } },
    })),
  ];
}
