/**
 * The flow of both sides of a matched comparison (comparison.md, "Who is
 * compared": people → in the cohort / pool → eligible → complete → matched,
 * and for the service "no comparison within the caliper", for the pool "not
 * used"): one panel per side, each stage a bar, the people who leave at a
 * stage in the lighter colour. Counts come published from
 * disclosure/matched.ts; a withheld count has no bar.
 */
import { formatCount, type Count, type DisclosurePolicy } from '../disclosure/cells.js';
import type { ShownPoolFlow, ShownServiceFlow } from '../disclosure/matched.js';
import { covariateWords } from '../words/comparison.js';
import { CONFIG, DARK, LIGHT, MUTED, SCHEMA, chartTitle, type ChartSpec } from './theme.js';

interface Stage {
  side: string;
  order: number;
  label: string;
  kind: 'stays' | 'leaves';
  value: number | null;
  /** Where the count's text sits: after the bar, or at 0 when the count is withheld. */
  at: number;
  text: string;
}

export const SERVICE_SIDE = 'Received the service';
export const POOL_SIDE = 'Comparison pool';
/** The pool's side once matched (or weighted). */
export const COMPARISON_SIDE = 'Comparison group';

/** The stages of each side in flow order, as published. */
export function comparisonFlowStages(flow: { service: ShownServiceFlow; pool: ShownPoolFlow }, policy: DisclosurePolicy): Stage[] {
  const stages: Stage[] = [];
  const add = (side: string, label: string, kind: Stage['kind'], c: Count) =>
    stages.push({ side, order: stages.length, label, kind, value: c.hidden ? null : c.value, at: c.hidden ? 0 : c.value, text: formatCount(c, policy) });
  const s = flow.service;
  add(SERVICE_SIDE, 'In the follow-up cohort', 'stays', s.cohort);
  add(SERVICE_SIDE, 'Follow-up too short', 'leaves', s.tooShort);
  // the pipeline lists every covariate; a stage nobody left at is not drawn
  for (const m of s.missingCovariate.filter((x) => x.count.value > 0)) add(SERVICE_SIDE, `No ${covariateWords(m.covariate)} recorded`, 'leaves', m.count);
  add(SERVICE_SIDE, 'Eligible, covariates complete', 'stays', s.complete);
  add(SERVICE_SIDE, 'No comparison within the caliper', 'leaves', s.noMatchInCaliper);
  add(SERVICE_SIDE, 'Matched', 'stays', s.matched);
  const p = flow.pool;
  add(POOL_SIDE, "In the pool's records", 'stays', p.people);
  add(POOL_SIDE, 'Not included or not released', 'leaves', p.outside);
  add(POOL_SIDE, 'In the pool', 'stays', p.pool);
  add(POOL_SIDE, 'Follow-up too short', 'leaves', p.tooShort);
  for (const m of p.missingCovariate.filter((x) => x.count.value > 0)) add(POOL_SIDE, `No ${covariateWords(m.covariate)} recorded`, 'leaves', m.count);
  add(POOL_SIDE, 'Eligible, covariates complete', 'stays', p.complete);
  add(POOL_SIDE, 'Not used', 'leaves', p.notUsed);
  add(POOL_SIDE, 'Matched', 'stays', p.matched);
  return stages;
}

/** Builds the flow chart of both sides. */
export function comparisonFlowChart(flow: { service: ShownServiceFlow; pool: ShownPoolFlow }, policy: DisclosurePolicy): ChartSpec {
  const stages = comparisonFlowStages(flow, policy);
  const describe = (side: string) =>
    `${side}: ` +
    stages
      .filter((s) => s.side === side)
      .map((s) => `${s.label.toLowerCase()} ${s.text}`)
      .join(', ');
  const y = { field: 'label', type: 'nominal' as const, sort: { field: 'order', op: 'min' as const }, title: null, axis: { labelLimit: 400 } };
  return {
    $schema: SCHEMA,
    title: chartTitle('Who was compared', 'People at each stage on each side; lighter bars: people who left at that stage'),
    description: `Flow of both sides of the matched comparison. ${describe(SERVICE_SIDE)}. ${describe(POOL_SIDE)}.`,
    config: {
      ...CONFIG,
      axisY: { labelLimit: 400 },
      header: { labelFontSize: 12, labelFontWeight: 'bold', title: null, labelOrient: 'top', labelAnchor: 'start' },
    },
    data: { values: stages },
    facet: { row: { field: 'side', type: 'nominal', sort: [SERVICE_SIDE, POOL_SIDE], title: null } },
    resolve: { scale: { x: 'independent', y: 'independent' } },
    spacing: 16,
    spec: {
      width: 300,
      layer: [
        {
          // a withheld count has a null value: vega-lite draws no bar for it
          mark: { type: 'bar', height: 14 },
          encoding: {
            y,
            x: { field: 'value', type: 'quantitative', title: 'People', axis: { tickCount: 4, format: ',d' } },
            color: { field: 'kind', type: 'nominal', scale: { domain: ['stays', 'leaves'], range: [DARK, LIGHT] }, legend: null },
          },
        },
        {
          mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: MUTED },
          encoding: { y, x: { field: 'at', type: 'quantitative' }, text: { field: 'text' } },
        },
      ],
    },
  } satisfies ChartSpec;
}
