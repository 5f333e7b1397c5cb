/**
 * Forest plots comparing services, one panel per measure: each service's
 * proportion and 95% interval, the pooled proportion as a dashed line, a
 * square sized by the number of people. Withheld services keep their row,
 * with no square.
 */
import type { ServiceComparison } from '../measures/types.js';
import { chartTitle, CONFIG, DARK, MUTED, SCHEMA, type ChartSpec } from './theme.js';
import { percent } from '../words/format.js';
import { COMPARED_MEASURE_WORDS } from '../words/labels.js';
import type { PublishedServices } from '../disclosure/publish.js';

/**
 * The forest plots of several measures side by side, one panel per measure,
 * services in the same order down every panel: one figure instead of four.
 */
export function forestPanelsChart(
  comparisons: ServiceComparison[],
  /** Each comparison's services as the page publishes them (Published.services, in the same order). */
  shownAll: readonly Pick<PublishedServices, 'rows' | 'pooled'>[],
): ChartSpec {
  const services = comparisons[0]?.byService.map((s) => s.group) ?? [];
  const measures = comparisons.map((c) => COMPARED_MEASURE_WORDS[c.measure].title);
  const published = comparisons.map((c, i) => ({ c, ...shownAll[i] }));
  const rows = published.flatMap(({ c, rows: shown, pooled }) => {
    const title = COMPARED_MEASURE_WORDS[c.measure].title;
    const pooledP = pooled.hidden ? null : pooled.proportion;
    return shown.map((r) => ({
      measure: title,
      label: r.label,
      p: r.hidden ? null : r.proportion,
      lo: r.hidden || !r.ci ? null : r.ci[0],
      hi: r.hidden || !r.ci ? null : r.ci[1],
      n: r.n.value,
      pooled: pooledP,
      withheld: r.hidden ? 'withheld' : r.proportion == null ? 'no one' : null,
    }));
  });
  const x = { type: 'quantitative' as const, scale: { domain: [0, 1] }, axis: { format: '.0%', title: null, tickCount: 4, labelFontSize: 10 } };
  const y = { field: 'label', type: 'nominal' as const, scale: { domain: services }, title: null, axis: { labelLimit: 320 } };
  const describe = ({ c, rows: shown, pooled }: (typeof published)[number]) => {
    const w = COMPARED_MEASURE_WORDS[c.measure];
    const pooledText = pooled.hidden || pooled.proportion == null ? 'withheld' : `${percent(pooled.proportion)} overall`;
    return (
      `${w.title} (share who ${w.outcome}; ${pooledText}): ` +
      shown
        .map((r) =>
          r.hidden
            ? `${r.label} withheld`
            : r.proportion == null || !r.ci
              ? `${r.label} no one`
              : `${r.label} ${percent(r.proportion)} (${percent(r.ci[0])} to ${percent(r.ci[1])})`,
        )
        .join(', ')
    );
  };
  return {
    $schema: SCHEMA,
    title: chartTitle(
      'Services compared on each measure',
      'Share of each service\u2019s people with 95% confidence intervals; dashed line: all services together; squares sized by the number of people',
    ),
    description: `Forest plots of ${measures.length} measures by service. ` + published.map(describe).join('. ') + '.',
    config: { ...CONFIG, header: { labelFontSize: 12, labelFontWeight: 'bold', title: null, labelOrient: 'top' } },
    data: { values: rows },
    facet: { column: { field: 'measure', type: 'nominal', sort: measures, title: null } },
    spacing: 14,
    spec: {
      width: 125,
      height: Math.max(50, 18 * services.length),
      layer: [
        {
          transform: [{ filter: 'isValid(datum.pooled)' }],
          mark: { type: 'rule', color: MUTED, strokeDash: [4, 3] },
          encoding: { x: { field: 'pooled', ...x } },
        },
        {
          transform: [{ filter: 'isValid(datum.p)' }],
          mark: { type: 'rule', color: DARK, strokeWidth: 1.6 },
          encoding: { y, x: { field: 'lo', ...x }, x2: { field: 'hi' } },
        },
        {
          transform: [{ filter: 'isValid(datum.p)' }],
          mark: { type: 'square', color: DARK, opacity: 1 },
          encoding: { y, x: { field: 'p', ...x }, size: { field: 'n', type: 'quantitative', scale: { range: [15, 140] }, legend: null } },
        },
        {
          transform: [{ filter: 'isValid(datum.withheld)' }],
          mark: { type: 'text', align: 'left', fontStyle: 'italic', fontSize: 10, color: MUTED },
          encoding: { y, x: { datum: 0, ...x }, text: { field: 'withheld' } },
        },
      ],
    },
  } satisfies ChartSpec;
}
