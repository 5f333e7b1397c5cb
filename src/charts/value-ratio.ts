/**
 * The benefit–cost ratio against £1 (value.md "Reporting"): the cost of reoffending
 * avoided for every £1 spent, its 95% interval as a bar, the central estimate as a point,
 * a solid line at £1 (the service pays for itself) and a dashed line at £0 (no cost
 * avoided). Takes json-output.md's `value` object; it shows no count.
 */
import type { ValueForMoney } from '../measures/value/types.js';
import { poundsPerPound } from '../words/money.js';
import { CHART_WIDTH, chartTitle, CONFIG, DARK, INK, MUTED, SCHEMA, type ChartSpec } from './theme.js';

/** The axis: £0, £1 and the interval in view, ticks on a round £ step through £0 (and £1 when the step allows). */
function axisScale(values: number[]): { domain: [number, number]; ticks: number[] } {
  const lo = Math.min(0, ...values);
  const hi = Math.max(1, ...values);
  const range = hi - lo;
  const step = range <= 3 ? 0.5 : range <= 10 ? 1 : range <= 30 ? 5 : range <= 100 ? 10 : 10 ** Math.ceil(Math.log10(range / 10));
  const pad = range * 0.06;
  const from = Math.floor((lo - pad) / step);
  const to = Math.ceil((hi + pad) / step);
  const ticks = Array.from({ length: to - from + 1 }, (_, i) => Number(((from + i) * step).toFixed(6)));
  // Far from £1 its tick would crowd £0's; the £1 line carries its own label.
  if (step <= 1 && !ticks.includes(1)) ticks.push(1);
  return { domain: [from * step, to * step], ticks: ticks.sort((a, b) => a - b) };
}

/** The ratio's interval against £1 and £0, one row. */
export function valueRatioChart(v: ValueForMoney): ChartSpec {
  const r = v.benefitCostRatio;
  const horizon = v.horizonYears === 1 ? 'within a year' : `over ${v.horizonYears} years (discounted)`;
  const ends = r.ci === null ? [r.estimate] : [r.ci[0], r.ci[1], r.estimate];
  const { domain, ticks } = axisScale(ends);
  const x = {
    type: 'quantitative' as const,
    scale: { domain, nice: false },
    axis: { format: '$,.2~f', title: `Cost of reoffending avoided per £1 spent, ${horizon}`, values: ticks },
  };
  const row = { label: 'Return per £1', estimate: r.estimate, lo: r.ci?.[0] ?? null, hi: r.ci?.[1] ?? null };
  const interval = r.ci === null ? 'interval not computed' : `95% interval ${poundsPerPound(r.ci[0])} to ${poundsPerPound(r.ci[1])}`;
  const verdict =
    r.ci === null
      ? ''
      : r.ci[0] > 1
        ? ' The whole interval is above £1: the service more than paid for itself.'
        : r.ci[1] < 1
          ? ' The whole interval is below £1: the cost avoided was less than the service cost.'
          : ' The interval includes £1: the service may or may not have paid for itself.';
  return {
    $schema: SCHEMA,
    title: chartTitle(
      'Return for every £1 spent',
      `Cost of reoffending avoided per £1 of service cost, ${horizon}, with its 95% interval; solid line £1 (pays for itself), dashed £0`,
    ),
    description: `Benefit–cost ratio: central estimate ${poundsPerPound(r.estimate)} for every £1, ${interval}.${verdict}`,
    config: {
      ...CONFIG,
      axisY: { labels: false, ticks: false, domain: false, title: null },
      locale: { number: { decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''], minus: '\u2212' } },
    },
    width: CHART_WIDTH,
    height: 70,
    data: { values: [row] },
    layer: [
      { data: { values: [{ at: 0 }] }, mark: { type: 'rule', color: MUTED, strokeDash: [4, 3] }, encoding: { x: { field: 'at', ...x } } },
      { data: { values: [{ at: 1 }] }, mark: { type: 'rule', color: INK, strokeWidth: 1.5 }, encoding: { x: { field: 'at', ...x } } },
      {
        data: { values: [{ at: 1, text: '£1: pays for itself' }] },
        mark: { type: 'text', align: 'left', dx: 4, dy: -26, color: INK, fontSize: 11 },
        encoding: { x: { field: 'at', ...x }, text: { field: 'text' } },
      },
      {
        transform: [{ filter: 'isValid(datum.lo)' }],
        mark: { type: 'rule', color: DARK, strokeWidth: 6, strokeCap: 'round', opacity: 0.45 },
        encoding: { x: { field: 'lo', ...x }, x2: { field: 'hi' } },
      },
      { mark: { type: 'point', filled: true, color: DARK, size: 110, shape: 'diamond', opacity: 1 }, encoding: { x: { field: 'estimate', ...x } } },
      {
        mark: { type: 'text', dy: 18, color: INK, fontSize: 12, fontWeight: 'bold' },
        encoding: { x: { field: 'estimate', ...x }, text: { field: 'estimate', type: 'quantitative', format: '$.2f' } },
      },
    ],
  } satisfies ChartSpec;
}
