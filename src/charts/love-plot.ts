/**
 * The love plot of a matched comparison (comparison.md, "Reporting": "|SMD|
 * before and after for every term, the 0.1 line"): one row per balance term
 * in the balance table's order, a hollow circle before and a filled one after
 * matching, the 0.1 threshold dashed. Rows withheld by disclosure control
 * (disclosure/matched.ts) and terms without an SMD keep their row with a note.
 */
import type { ShownBalanceRow } from '../disclosure/matched.js';
import { decimal } from '../words/format.js';
import { termWords } from '../words/comparison.js';
import { CHART_WIDTH, CONFIG, DARK, MUTED, SCHEMA, chartTitle, type ChartSpec } from './theme.js';

/** MatchIt's and cobalt's usual threshold for balance. */
export const SMD_THRESHOLD = 0.1;

/** Builds the love plot; `matchedWord` is "matching" or "weighting". */
export function lovePlotChart(rows: readonly ShownBalanceRow[], matchedWord: 'matching' | 'weighting'): ChartSpec {
  const labels = rows.map((r) => termWords(r.term));
  const abs = (x: number | null) => (x == null ? null : Math.abs(x));
  const points = rows.flatMap((r, i) =>
    r.hidden
      ? []
      : [
          { label: labels[i], when: `Before ${matchedWord}`, smd: abs(r.before.smd) },
          { label: labels[i], when: `After ${matchedWord}`, smd: abs(r.after.smd) },
        ].filter((p) => p.smd != null),
  );
  const spans = rows.flatMap((r, i) =>
    r.hidden || r.before.smd == null || r.after.smd == null ? [] : [{ label: labels[i], lo: abs(r.before.smd), hi: abs(r.after.smd) }],
  );
  const notes = rows.flatMap((r, i) =>
    r.hidden
      ? [{ label: labels[i], note: 'withheld (small counts)' }]
      : r.after.smd == null
        ? [{ label: labels[i], note: 'no SMD: constant among service people' }]
        : [],
  );
  const max = Math.max(0.5, ...points.map((p) => p.smd!));
  const xMax = Math.ceil((max + 0.05) * 10) / 10;
  const x = {
    type: 'quantitative' as const,
    scale: { domain: [0, xMax], nice: false },
    axis: { title: 'Absolute standardised mean difference', tickCount: 5 },
  };
  const y = { field: 'label', type: 'nominal' as const, sort: labels, scale: { domain: labels }, title: null, axis: { labelLimit: 400 } };
  const whenDomain = [`Before ${matchedWord}`, `After ${matchedWord}`];
  const describe = rows
    .map((r, i) =>
      r.hidden
        ? `${labels[i]} withheld`
        : `${labels[i]} ${r.before.smd == null ? 'no SMD' : decimal(Math.abs(r.before.smd), 2)} before, ${r.after.smd == null ? 'no SMD' : decimal(Math.abs(r.after.smd), 2)} after`,
    )
    .join('; ');
  return {
    $schema: SCHEMA,
    title: chartTitle(
      'Balance of the covariates',
      `Absolute standardised mean difference of each term before and after ${matchedWord}; dashed line: the 0.1 threshold`,
    ),
    description: `Love plot. ${describe}.`,
    config: { ...CONFIG, axisY: { labelLimit: 400 }, legend: { ...CONFIG.legend, labelLimit: 400 } },
    width: CHART_WIDTH - 260,
    height: Math.max(60, 22 * labels.length),
    layer: [
      { data: { values: [{ at: SMD_THRESHOLD }] }, mark: { type: 'rule', color: MUTED, strokeDash: [4, 3] }, encoding: { x: { field: 'at', ...x } } },
      { data: { values: spans }, mark: { type: 'rule', color: '#bbbbbb' }, encoding: { y, x: { field: 'lo', ...x }, x2: { field: 'hi' } } },
      {
        data: { values: points },
        mark: { type: 'point', size: 60, strokeWidth: 1.6, opacity: 1 },
        encoding: {
          y,
          x: { field: 'smd', ...x },
          shape: { field: 'when', type: 'nominal', scale: { domain: whenDomain, range: ['circle', 'circle'] }, legend: { title: null, orient: 'top' } },
          fill: { field: 'when', type: 'nominal', scale: { domain: whenDomain, range: ['white', DARK] }, legend: { title: null, orient: 'top' } },
          color: { value: DARK },
        },
      },
      {
        data: { values: notes },
        mark: { type: 'text', align: 'left', fontStyle: 'italic', fontSize: 10, color: MUTED, dx: 2 },
        encoding: { y, x: { datum: 0, ...x }, text: { field: 'note' } },
      },
    ],
  } satisfies ChartSpec;
}
