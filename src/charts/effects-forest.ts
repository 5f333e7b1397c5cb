/**
 * The effects of a matched comparison as a forest of differences
 * (comparison.md, "Outcomes and effects"; "Reporting"): each outcome's
 * difference service − comparison per 100 people with its 95% interval, the
 * no-difference line at 0. Proven reoffending and recall are people per 100,
 * frequency reoffences per 100, so one axis serves all three. Withheld effects
 * (disclosure/matched.ts) keep their row with a note.
 */
import type { ShownEffect } from '../disclosure/matched.js';
import { decimal } from '../words/format.js';
import { CHART_WIDTH, CONFIG, DARK, MUTED, SCHEMA, chartTitle, type ChartSpec } from './theme.js';

interface ForestRow {
  label: string;
  effect: ShownEffect;
}

/** Builds the forest of differences. */
export function effectsForestChart(rows: readonly ForestRow[]): ChartSpec {
  const labels = rows.map((r) => r.label);
  const shown = rows.filter((r) => !r.effect.hidden && r.effect.ci);
  const values = shown.map((r) => ({ label: r.label, d: 100 * r.effect.difference!, lo: 100 * r.effect.ci![0], hi: 100 * r.effect.ci![1] }));
  const notes = rows.filter((r) => r.effect.hidden).map((r) => ({ label: r.label, note: 'withheld (small counts)' }));
  const reach = Math.max(10, ...values.map((v) => Math.max(Math.abs(v.lo), Math.abs(v.hi))));
  const edge = Math.ceil(reach / 10) * 10;
  const x = {
    type: 'quantitative' as const,
    scale: { domain: [-edge, edge], nice: false },
    axis: { title: 'Difference per 100 people (service − comparison)', tickCount: 6 },
  };
  const y = { field: 'label', type: 'nominal' as const, sort: labels, scale: { domain: labels }, title: null, axis: { labelLimit: 400 } };
  const describe = rows
    .map((r) =>
      r.effect.hidden || !r.effect.ci
        ? `${r.label} withheld`
        : `${r.label} ${decimal(100 * r.effect.difference!, 1)} (95% CI ${decimal(100 * r.effect.ci[0], 1)} to ${decimal(100 * r.effect.ci[1], 1)})`,
    )
    .join('; ');
  return {
    $schema: SCHEMA,
    title: chartTitle(
      'Differences from the matched comparison group',
      'Per 100 people, with 95% confidence intervals; left of the line: fewer among people who received the service',
    ),
    description: `Forest plot of the effects on the people who received the service. ${describe}.`,
    config: { ...CONFIG, axisY: { labelLimit: 400 }, legend: { ...CONFIG.legend, labelLimit: 400 } },
    width: CHART_WIDTH - 240,
    height: Math.max(60, 30 * labels.length),
    layer: [
      { data: { values: [{ at: 0 }] }, mark: { type: 'rule', color: MUTED, strokeDash: [4, 3] }, encoding: { x: { field: 'at', ...x } } },
      { data: { values }, mark: { type: 'rule', color: DARK, strokeWidth: 1.8 }, encoding: { y, x: { field: 'lo', ...x }, x2: { field: 'hi' } } },
      { data: { values }, mark: { type: 'square', color: DARK, size: 90, opacity: 1 }, encoding: { y, x: { field: 'd', ...x } } },
      {
        data: { values: notes },
        mark: { type: 'text', align: 'left', fontStyle: 'italic', fontSize: 10, color: MUTED },
        encoding: { y, x: { datum: -edge, ...x }, text: { field: 'note' } },
      },
    ],
  } satisfies ChartSpec;
}
