/**
 * The propensity score of both sides before and after matching (comparison.md,
 * "Reporting": "the propensity score distributions of both sides before and
 * after matching"). The JSON of `follow-up compare --json` carries no score
 * per person, only the balance row of the `distance` (each side's mean, the
 * SMD and the variance ratio), so the chart shows those: each side's mean
 * score before and after, joined by a line whose length is the gap matching
 * has to close, with the SMD and variance ratio printed beside it.
 */
import type { ShownBalanceRow } from '../disclosure/matched.js';
import { decimal } from '../words/format.js';
import { CHART_WIDTH, CONFIG, MUTED, SCHEMA, SERIES_COLOURS, chartTitle, type ChartSpec } from './theme.js';
import { COMPARISON_SIDE as POOL_SIDE, SERVICE_SIDE } from './comparison-flow.js';

/** Builds the chart from the balance table's `distance` row; `scale` names the distance ("logit" or "probability"). */
export function propensityBalanceChart(distance: ShownBalanceRow, scale: 'logit' | 'probability', matchedWord: 'matching' | 'weighting'): ChartSpec {
  const when = [`Before ${matchedWord}`, `After ${matchedWord}`];
  const sides = [SERVICE_SIDE, POOL_SIDE];
  const rows = [distance.before, distance.after];
  const points = rows.flatMap((b, i) =>
    [
      { when: when[i], side: SERVICE_SIDE, mean: b.meanService },
      { when: when[i], side: POOL_SIDE, mean: b.meanPool },
    ].flatMap((p) => (p.mean == null ? [] : [{ ...p, mean: p.mean }])),
  );
  const spans = rows.flatMap((b, i) =>
    b.meanService == null || b.meanPool == null
      ? []
      : [
          {
            when: when[i],
            lo: Math.min(b.meanService, b.meanPool),
            hi: Math.max(b.meanService, b.meanPool),
            text: `SMD ${decimal(b.smd, 2)}${b.varianceRatio == null ? '' : `, variance ratio ${decimal(b.varianceRatio, 2)}`}`,
          },
        ],
  );
  const all = points.length ? points.map((p) => p.mean) : [0];
  const pad = (Math.max(...all) - Math.min(...all)) * 0.15 || 0.1;
  const domain = [Math.min(...all) - pad, Math.max(...all) + pad];
  const x = {
    type: 'quantitative' as const,
    scale: { domain, nice: false, zero: false },
    axis: { title: `Mean propensity score (${scale === 'logit' ? 'log-odds' : 'probability'})`, tickCount: 5 },
  };
  const y = { field: 'when', type: 'nominal' as const, sort: when, scale: { domain: when }, title: null };
  const describe = rows
    .map((b, i) => `${when[i]}: service mean ${decimal(b.meanService, 2)}, comparison mean ${decimal(b.meanPool, 2)}, SMD ${decimal(b.smd, 2)}`)
    .join('; ');
  return {
    $schema: SCHEMA,
    title: chartTitle(
      'Propensity score of both sides',
      `Mean score of each side before and after ${matchedWord}, with the standardised mean difference; the scores of single people are not published`,
    ),
    description: `Propensity score (distance, ${scale}) by side. ${describe}.`,
    config: { ...CONFIG, axisY: { labelLimit: 400 }, legend: { ...CONFIG.legend, labelLimit: 400 } },
    width: CHART_WIDTH - 160,
    height: 90,
    layer: [
      { data: { values: spans }, mark: { type: 'rule', color: '#aaaaaa', strokeWidth: 2 }, encoding: { y, x: { field: 'lo', ...x }, x2: { field: 'hi' } } },
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 90, opacity: 1 },
        encoding: {
          y,
          x: { field: 'mean', ...x },
          color: { field: 'side', type: 'nominal', scale: { domain: sides, range: SERIES_COLOURS.slice(0, 2) }, legend: { title: null, orient: 'top' } },
          shape: { field: 'side', type: 'nominal', scale: { domain: sides, range: ['circle', 'square'] }, legend: { title: null, orient: 'top' } },
        },
      },
      {
        data: { values: spans },
        mark: { type: 'text', dy: -12, fontSize: 11, color: MUTED },
        encoding: { y, x: { field: 'hi', ...x }, text: { field: 'text' } },
      },
    ],
  } satisfies ChartSpec;
}
