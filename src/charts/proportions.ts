/**
 * Proportions with their 95% confidence intervals, one row per group: a point
 * at k/n and a bar from the lower to the upper limit. Withheld groups keep
 * their row, with the word "withheld" instead of a point.
 */
import type { ShownProportion } from '../disclosure/cells.js';
import { CHART_WIDTH, chartTitle, CONFIG, DARK, INK, MUTED, SCHEMA, titledAxis, type ChartSpec } from './theme.js';
import { percent } from '../words/format.js';

interface ProportionChartInput {
  title: string;
  subtitle?: string;
  /** The outcome in words, completing "share of people who …": "were recalled at least once". */
  outcome: string;
  /** What the rows are, in words: "Index offence category". */
  groupTitle: string;
  rows: ShownProportion[];
  /** The whole cohort, drawn as the last row with a diamond. */
  overall?: ShownProportion | null;
}

/** Builds the chart of proportions and their intervals by group. */
export function proportionsChart(input: ProportionChartInput): ChartSpec {
  const all = [...input.rows, ...(input.overall ? [{ ...input.overall, label: input.overall.label }] : [])];
  const order = all.map((r) => r.label);
  const values = all.map((r, i) => ({
    label: r.label,
    isOverall: input.overall != null && i === all.length - 1,
    p: r.hidden ? null : r.proportion,
    lo: r.hidden || !r.ci ? null : r.ci[0],
    hi: r.hidden || !r.ci ? null : r.ci[1],
    text: r.hidden ? 'withheld (small numbers)' : r.proportion == null ? 'no one in this group' : `${r.k.value} of ${r.n.value}`,
  }));
  const drawn = values.filter((v) => v.p != null);
  const notDrawn = values.filter((v) => v.p == null);
  const height = Math.max(60, 34 * all.length);
  const description =
    `Share of people who ${input.outcome}, by ${input.groupTitle.toLowerCase()}, with 95% confidence intervals. ` +
    all.map((r) => describeRow(r)).join('; ') +
    '.';
  const y = { field: 'label', type: 'nominal' as const, scale: { domain: order }, ...titledAxis(input.groupTitle, GROUP_AXIS) };
  const x = { scale: { domain: [0, 1] }, axis: { format: '.0%', title: `Share who ${input.outcome} (95% CI)` } };
  return {
    $schema: SCHEMA,
    title: chartTitle(input.title, input.subtitle),
    description,
    config: CONFIG,
    width: CHART_WIDTH - 220,
    height,
    layer: [
      {
        data: { values: drawn },
        mark: { type: 'rule', color: DARK, strokeWidth: 2 },
        encoding: { y, x: { field: 'lo', type: 'quantitative', ...x }, x2: { field: 'hi' } },
      },
      {
        data: { values: drawn },
        mark: { type: 'point', filled: true, color: DARK, size: 90 },
        encoding: {
          y,
          x: { field: 'p', type: 'quantitative', ...x },
          shape: {
            field: 'isOverall',
            type: 'nominal',
            scale: { domain: [false, true], range: ['circle', 'diamond'] },
            legend: null,
          },
        },
      },
      {
        data: { values: drawn },
        mark: { type: 'text', align: 'left', dx: 6, dy: -10, color: INK, fontSize: 11 },
        encoding: { y, x: { field: 'p', type: 'quantitative', ...x }, text: { field: 'text' } },
      },
      ...(notDrawn.length
        ? [
            {
              data: { values: notDrawn },
              mark: { type: 'text' as const, align: 'left' as const, color: MUTED, fontStyle: 'italic', fontSize: 11 },
              encoding: { y, x: { datum: 0, type: 'quantitative' as const, ...x }, text: { field: 'text' } },
            },
          ]
        : []),
    ],
  } satisfies ChartSpec;
}

/** A horizontal group-axis title above the labels, so a short chart does not grow to fit a rotated title. */
export const GROUP_AXIS = {
  labelLimit: 320,
  titleAngle: 0,
  titleAlign: 'right',
  titleAnchor: 'end',
  titleX: -6,
  titleY: -6,
  titleBaseline: 'bottom',
  titleFontWeight: 'bold',
} as const;

function describeRow(r: ShownProportion): string {
  if (r.hidden) return `${r.label}: withheld because the numbers are small`;
  if (r.proportion == null || !r.ci) return `${r.label}: no one`;
  return `${r.label} ${r.k.value} of ${r.n.value} (${percent(r.proportion)}, 95% CI ${percent(r.ci[0])} to ${percent(r.ci[1])})`;
}
