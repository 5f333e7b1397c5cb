/**
 * The weighted conviction-free curves of both sides of a matched comparison
 * (comparison.md, "Time to reconviction over the whole follow-up"): step
 * lines with their 95% bands, months since release. The curves arrive
 * published (disclosure/matched.ts cuts each where fewer than minCell are at
 * risk); this file only draws them.
 */
import type { ShownCurve } from '../disclosure/matched.js';
import { DAYS_PER_MONTH } from '../time/days.js';
import { percent } from '../words/format.js';
import { CHART_WIDTH, CONFIG, SCHEMA, SERIES_COLOURS, SERIES_DASHES, chartTitle, type ChartSpec } from './theme.js';
import { COMPARISON_SIDE as POOL_SIDE, SERVICE_SIDE } from './comparison-flow.js';

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The drawn points of a curve: (0, 1), then every time with an event, and the last row where the line ends. */
function points(side: string, colour: string, c: ShownCurve) {
  const out = [{ side, colour, month: 0, survival: 1, lower: 1 as number | null, upper: 1 as number | null }];
  const last = c.time.length - 1;
  c.time.forEach((t, i) => {
    if (c.nEvent[i] > 0 || i === last)
      out.push({
        side,
        colour,
        month: round(t / DAYS_PER_MONTH, 3),
        survival: round(c.survival[i], 5),
        lower: c.lower[i] == null ? null : round(c.lower[i]!, 5),
        upper: c.upper[i] == null ? null : round(c.upper[i]!, 5),
      });
  });
  return out;
}

/** Builds the chart of both sides' curves. */
export function comparisonCurvesChart(curves: { service: ShownCurve; pool: ShownCurve }): ChartSpec {
  const sides = [SERVICE_SIDE, POOL_SIDE];
  const data = [...points(SERVICE_SIDE, SERIES_COLOURS[0], curves.service), ...points(POOL_SIDE, SERIES_COLOURS[1], curves.pool)];
  const maxMonth = Math.max(1, ...data.map((p) => p.month));
  const step = maxMonth > 72 ? 24 : maxMonth > 36 ? 12 : 6;
  const ticks = Array.from({ length: Math.floor(maxMonth / step) + 1 }, (_, i) => i * step);
  const x = {
    field: 'month',
    type: 'quantitative' as const,
    scale: { domain: [0, maxMonth], nice: false },
    axis: { title: 'Months since release', values: ticks, format: 'd' },
  };
  const yScale = { domain: [0, 1] };
  const colour = { field: 'side', type: 'nominal' as const, scale: { domain: sides, range: SERIES_COLOURS.slice(0, 2) } };
  const describe = sides
    .map((s) => {
      const pts = data.filter((p) => p.side === s);
      const end = pts[pts.length - 1];
      const c = s === SERVICE_SIDE ? curves.service : curves.pool;
      return `${s}: ${percent(end.survival)} conviction-free at ${end.month.toFixed(1)} months${c.cut ? ' (drawn while enough people were at risk)' : ''}, median ${c.median == null ? 'not reached' : `${(c.median / DAYS_PER_MONTH).toFixed(1)} months`}`;
    })
    .join('; ');
  return {
    $schema: SCHEMA,
    title: chartTitle('Conviction-free after release, both sides', 'Weighted Kaplan–Meier curves of the matched sample, 95% confidence bands shaded'),
    description: `Conviction-free curves of the matched comparison. ${describe}.`,
    config: { ...CONFIG, axisY: { labelLimit: 400 }, legend: { ...CONFIG.legend, labelLimit: 400 } },
    width: CHART_WIDTH,
    height: 260,
    data: { values: data },
    layer: [
      {
        transform: [{ filter: 'isValid(datum.lower) && isValid(datum.upper)' }],
        mark: { type: 'area', interpolate: 'step-after', opacity: 0.15 },
        encoding: {
          x,
          y: { field: 'lower', type: 'quantitative', scale: yScale },
          y2: { field: 'upper' },
          fill: { field: 'colour', type: 'nominal', scale: null },
          detail: { field: 'side' },
        },
      },
      {
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
        encoding: {
          x,
          y: { field: 'survival', type: 'quantitative', scale: yScale, axis: { format: '.0%', title: 'No reconviction yet (95% CI shaded)' } },
          color: { ...colour, legend: { title: null, orient: 'top', symbolType: 'stroke', symbolSize: 400 } },
          strokeDash: { field: 'side', type: 'nominal', scale: { domain: sides, range: SERIES_DASHES.slice(0, 2) }, legend: null },
        },
      },
    ],
  } satisfies ChartSpec;
}
