/**
 * The propensity score distributions of both sides before and after matching
 * (comparison.md "Reporting"): for each side the share of its people (before)
 * or of its weights (after) in each band of the score, drawn as a density (a
 * band's area is its share, as bands may differ in width), the two sides
 * overlaid, one panel before and one after. The bands are disclosure's (bins
 * joined on public pages until no band holds a small count).
 */
import type { ShownPropensityHistogram } from '../disclosure/matched.js';
import { decimal, percent } from '../words/format.js';
import { COMPARISON_SIDE as POOL_SIDE, SERVICE_SIDE } from './comparison-flow.js';
import { CHART_WIDTH, CONFIG, SCHEMA, SERIES_COLOURS, chartTitle, type ChartSpec } from './theme.js';

/** Builds the chart; `scale` names the distance ("logit" or "probability"). */
export function propensityHistogramChart(h: ShownPropensityHistogram, scale: 'logit' | 'probability', matchedWord: 'matching' | 'weighting'): ChartSpec {
  const when = [`Before ${matchedWord}`, `After ${matchedWord}`];
  const sides = [SERVICE_SIDE, POOL_SIDE];
  const values = h.breaks.slice(0, -1).flatMap((lo, b) =>
    [
      { when: when[0], side: SERVICE_SIDE, share: h.before.service[b] },
      { when: when[0], side: POOL_SIDE, share: h.before.pool[b] },
      { when: when[1], side: SERVICE_SIDE, share: h.after.service[b] },
      { when: when[1], side: POOL_SIDE, share: h.after.pool[b] },
    ].map((v) => ({ ...v, lo, hi: h.breaks[b + 1], density: v.share / (h.breaks[b + 1] - lo || 1) })),
  );
  const peak = Math.max(...values.map((v) => v.density)) || 1;
  const describe = when
    .map((w, i) => {
      const side = i === 0 ? h.before : h.after;
      const mode = (xs: number[]) => xs.indexOf(Math.max(...xs));
      const at = (b: number) => `${decimal(h.breaks[b], 2)} to ${decimal(h.breaks[b + 1], 2)}`;
      return `${w}: the service's largest bin ${at(mode(side.service))} (${percent(Math.max(...side.service), 0)}), the comparison's ${at(mode(side.pool))} (${percent(Math.max(...side.pool), 0)})`;
    })
    .join('; ');
  return {
    $schema: SCHEMA,
    title: chartTitle(
      'Propensity score distributions of both sides',
      `Each side's share of its people per unit of the score (the bar's area is the share), before and after ${matchedWord} (after: weighted)${h.merged ? '; bands widened so that none holds a small count' : ''}`,
    ),
    description: `Propensity score (distance, ${scale}) by side, histograms. ${describe}.`,
    config: { ...CONFIG, legend: { ...CONFIG.legend, labelLimit: 400 } },
    data: { values },
    facet: {
      row: {
        field: 'when',
        type: 'nominal',
        sort: when,
        header: { title: null, labelOrient: 'top', labelAngle: 0, labelAnchor: 'start', labelFontWeight: 'bold' },
      },
    },
    spacing: 28,
    spec: {
      width: CHART_WIDTH - 120,
      height: 110,
      mark: { type: 'rect', opacity: 0.55, stroke: 'white', strokeWidth: 0.5 },
      encoding: {
        x: {
          field: 'lo',
          type: 'quantitative',
          scale: { zero: false, nice: false },
          axis: { title: `Propensity score (${scale === 'logit' ? 'log-odds' : 'probability'})`, tickCount: 6 },
        },
        x2: { field: 'hi' },
        y: { field: 'density', type: 'quantitative', scale: { domain: [0, peak] }, axis: { title: 'Share per unit', tickCount: 4 } },
        y2: { datum: 0 },
        color: { field: 'side', type: 'nominal', scale: { domain: sides, range: SERIES_COLOURS.slice(0, 2) }, legend: { title: null, orient: 'top' } },
      },
    },
  } satisfies ChartSpec;
}
