/**
 * Horizontal bars of counts by category (end reasons, recall reasons, recalls
 * per person). Withheld counts keep their row, labelled "<minCell", with no bar.
 */
import type { Count, DisclosurePolicy } from '../disclosure/cells.js';
import { formatCount } from '../disclosure/cells.js';
import { GROUP_AXIS } from './proportions.js';
import { CHART_WIDTH, chartTitle, CONFIG, DARK, INK, MUTED, SCHEMA, titledAxis, type ChartSpec } from './theme.js';

interface CountBar {
  label: string;
  count: Count;
}

interface CountBarsInput {
  title: string;
  subtitle?: string;
  /** What the rows are: "Reason for ending". */
  categoryTitle: string;
  /** What is counted: "People". */
  countTitle: string;
  bars: CountBar[];
  policy: DisclosurePolicy;
  /** Extra sentence for the accessible description (e.g. that reasons overlap). */
  note?: string;
}

/** Builds a horizontal bar chart of counts. */
export function countBarsChart(input: CountBarsInput): ChartSpec {
  const order = input.bars.map((b) => b.label);
  const values = input.bars.map((b) => ({ label: b.label, count: b.count.hidden ? null : b.count.value, text: formatCount(b.count, input.policy) }));
  const y = { field: 'label', type: 'nominal' as const, scale: { domain: order }, ...titledAxis(input.categoryTitle, GROUP_AXIS) };
  const max = Math.max(1, ...values.map((v) => v.count ?? 0));
  const description =
    `${input.countTitle} by ${input.categoryTitle.toLowerCase()}: ` +
    values.map((v) => `${v.label} ${v.text}`).join('; ') +
    '.' +
    (input.note ? ' ' + input.note : '');
  return {
    $schema: SCHEMA,
    title: chartTitle(input.title, input.subtitle),
    description,
    config: CONFIG,
    width: CHART_WIDTH - 200,
    height: Math.max(40, 26 * values.length),
    data: { values },
    encoding: { y },
    layer: [
      {
        transform: [{ filter: 'datum.count != null' }],
        mark: { type: 'bar', color: DARK, height: { band: 0.7 } },
        encoding: {
          x: { field: 'count', type: 'quantitative', scale: { domain: [0, max * 1.15] }, axis: { title: input.countTitle, tickMinStep: 1, format: 'd' } },
        },
      },
      {
        // withheld rows get their "<5" at zero
        transform: [{ calculate: 'datum.count == null ? 0 : datum.count', as: 'at' }],
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 },
        encoding: {
          x: { field: 'at', type: 'quantitative' },
          text: { field: 'text' },
          color: { condition: { test: 'datum.count == null', value: MUTED }, value: INK },
        },
      },
    ],
  } satisfies ChartSpec;
}
