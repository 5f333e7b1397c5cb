/**
 * Kaplan–Meier curves as step functions with their confidence bands, and the
 * numbers at risk beneath the plot as a text row per curve.
 *
 * Public profile: a curve is drawn only while at least minCell people are at
 * risk (an estimate resting on fewer people reveals them), and numbers at risk
 * from 1 to minCell − 1 show as "<minCell".
 */
import type { Curve } from '../stats/types.js';
import { atRisk } from '../stats/kaplan-meier.js';
import { DAYS_PER_MONTH } from '../time/days.js';
import { formatCount, type DisclosurePolicy } from '../disclosure/cells.js';
import { atRiskCount, drawnWhileAtRisk } from '../disclosure/curves.js';
import {
  CHART_WIDTH,
  chartTitle,
  CONFIG,
  DARK,
  SCHEMA,
  SERIES_COLOURS,
  SERIES_DASHES,
  SORT_LIST_MAX,
  type ChartLayer,
  type ChartPart,
  type ChartSpec,
} from './theme.js';
import { percent } from '../words/format.js';

/** Beyond this many curves the chart becomes small multiples. */
export const MAX_OVERLAID_CURVES = 5;

interface KmSeries {
  label: string;
  curve: Curve;
}

interface KmChartInput {
  title: string;
  subtitle?: string;
  /** What survival means here, for the y axis: "Not yet recalled". */
  survivalTitle: string;
  /** What time is counted from, for the x axis: "Months since release". */
  timeTitle: string;
  series: KmSeries[];
  policy: DisclosurePolicy;
}

interface KmPoint {
  series: string;
  month: number;
  survival: number;
  lower: number | null;
  upper: number | null;
}

/** The number at risk of each curve at chosen months; `text` is what a reader sees. */
interface AtRiskRow {
  series: string;
  cells: { month: number; value: number; text: string }[];
}

/**
 * The drawn points of a curve: (0, 1) then the listed times, in months; in the
 * public profile only while nRisk ≥ minCell. A step line and its band change
 * only at events, so times with censorings alone are dropped (except the last
 * drawn time, where the line ends); values are rounded to what a chart can show.
 */
export function kmPoints(series: KmSeries, policy: DisclosurePolicy): KmPoint[] {
  const c = series.curve;
  const points: KmPoint[] = [];
  const point = (month: number, survival: number, lower: number | null, upper: number | null): KmPoint => ({
    series: series.label,
    month: round(month, 3),
    survival: round(survival, 5),
    lower: lower == null ? null : round(lower, 5),
    upper: upper == null ? null : round(upper, 5),
  });
  if (c.time.length === 0 || c.time[0] > 0) points.push(point(0, 1, 1, 1));
  let last = -1;
  for (let i = 0; i < c.time.length; i++) {
    if (!drawnWhileAtRisk(c.nRisk[i], policy)) break;
    last = i;
  }
  for (let i = 0; i <= last; i++) {
    if (c.nEvent[i] > 0 || i === last || i === 0) points.push(point(c.time[i] / DAYS_PER_MONTH, c.survival[i], c.lower[i], c.upper[i]));
  }
  return points;
}

/**
 * Keeps, of the points falling in one `step`-wide column, the first and the
 * last (the value the step line reaches), plus the curve's first and last.
 */
export function thinSteps(points: KmPoint[], step: number): KmPoint[] {
  if (points.length <= 2 || !(step > 0)) return points;
  const out: KmPoint[] = [points[0]];
  for (let i = 1; i < points.length; i++) {
    const p = points[i];
    const prev = out[out.length - 1];
    const sameColumn =
      Math.floor(p.month / step) === Math.floor(prev.month / step) &&
      out.length > 1 &&
      Math.floor(out[out.length - 2].month / step) === Math.floor(prev.month / step);
    if (sameColumn && i < points.length - 1) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

/** How vega reads the curves' inline CSV: the curve columns as numbers, the rest as text. */
const CSV_FORMAT = { type: 'csv', parse: { month: 'number', survival: 'number', lower: 'number', upper: 'number' } } as const;

/** A text field of inline CSV, quoted when it holds a quote, comma or line break (a service name may). */
function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Inline CSV data (a quarter of the size of JSON objects for long curves). */
function csvData(points: KmPoint[], colourOf: (series: string) => string): { values: string; format: typeof CSV_FORMAT } {
  const lines = [
    'series,colour,month,survival,lower,upper',
    ...points.map((p) => `${csvField(p.series)},${colourOf(p.series)},${p.month},${p.survival},${p.lower ?? ''},${p.upper ?? ''}`),
  ];
  return { values: lines.join('\n'), format: CSV_FORMAT };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * Months at which to tabulate the number at risk: every 6 months (12 beyond 3
 * years, 24 beyond 6) up to the end of what is drawn; in the public profile
 * that is where the curves stop, not the last censoring, so the chart is not
 * mostly empty.
 */
export function riskMonths(series: KmSeries[], policy?: DisclosurePolicy): number[] {
  const maxMonth = drawnMonths(series, policy);
  const step = maxMonth > 72 ? 24 : maxMonth > 36 ? 12 : 6;
  const months: number[] = [];
  for (let m = 0; m <= maxMonth + 1e-9; m += step) months.push(m);
  return months;
}

/** The last month drawn over all curves (the last listed time in the analyst profile). */
function drawnMonths(series: KmSeries[], policy?: DisclosurePolicy): number {
  let max = 0;
  for (const s of series) {
    if (policy) {
      const pts = kmPoints(s, policy);
      if (pts.length) max = Math.max(max, pts[pts.length - 1].month);
    } else max = Math.max(max, lastMonth(s.curve));
  }
  return max;
}

/** The numbers-at-risk table: each curve at each of `months`, small counts masked in the public profile. */
export function atRiskTable(series: KmSeries[], months: number[], policy: DisclosurePolicy): AtRiskRow[] {
  return series.map((s) => ({
    series: s.label,
    cells: atRisk(
      s.curve,
      months.map((month) => month * DAYS_PER_MONTH),
    ).map((value, i) => {
      const shown = atRiskCount(value, policy);
      return { month: months[i], value, text: shown.hidden ? formatCount(shown, policy) : String(value) };
    }),
  }));
}

/** Builds the Kaplan–Meier chart with its numbers-at-risk rows. */
export function kaplanMeierChart(input: KmChartInput): ChartSpec {
  const months = riskMonths(input.series, input.policy);
  const maxMonth = Math.max(drawnMonths(input.series, input.policy), months[months.length - 1] ?? 0, 1);
  // One point per pixel column at most: finer steps cannot be seen and only bloat the page.
  const points = input.series.flatMap((s) => thinSteps(kmPoints(s, input.policy), maxMonth / CHART_WIDTH));
  const band = points.filter((p) => p.lower != null && p.upper != null);
  const risk = atRiskTable(input.series, months, input.policy).flatMap((row) => row.cells.map((c) => ({ series: row.series, month: c.month, text: c.text })));
  const labels = input.series.map((s) => s.label);
  const many = labels.length > 1;
  const legend = { orient: 'top', direction: 'horizontal', title: null, symbolType: 'stroke', symbolSize: 400, labelLimit: 240 };
  const colour = many
    ? { field: 'series', type: 'nominal' as const, scale: { domain: labels, range: SERIES_COLOURS.slice(0, labels.length) }, legend }
    : { value: DARK };
  const dash = many ? { field: 'series', type: 'nominal' as const, scale: { domain: labels, range: SERIES_DASHES.slice(0, labels.length) } } : undefined;
  const colourOf = (series: string) => (many ? SERIES_COLOURS[labels.indexOf(series) % SERIES_COLOURS.length] : DARK);
  const ends = labels
    .map((l) => points.filter((p) => p.series === l).pop())
    .filter((p): p is KmPoint => p != null)
    .map((p) => ({ series: p.series, month: p.month, survival: p.survival, colour: colourOf(p.series) }));
  const xScale = { domain: [0, maxMonth], nice: false, zero: true };
  const x = { field: 'month', type: 'quantitative' as const, scale: xScale, axis: { title: input.timeTitle, values: months, format: 'd' } };
  const description = describeKm(input, months);
  const top: ChartPart = {
    width: CHART_WIDTH,
    height: 260,
    layer: [
      {
        data: csvData(band, colourOf),
        mark: { type: 'area', interpolate: 'step-after', opacity: 0.18 },
        encoding: {
          x,
          y: { field: 'lower', type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%', title: `${input.survivalTitle} (95% CI shaded)` } },
          y2: { field: 'upper' },
          // the band takes its series' colour literally (no scale), so it adds no legend of its own
          fill: { field: 'colour', type: 'nominal', scale: null },
          detail: { field: 'series' },
        },
      },
      {
        data: csvData(points, colourOf),
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
        encoding: {
          x,
          y: { field: 'survival', type: 'quantitative', scale: { domain: [0, 1] } },
          color: colour,
          ...(dash ? { strokeDash: { ...dash, legend: null } } : {}),
          detail: { field: 'series' },
        },
      },
      // Several curves: each is also named at its end, so it can be told apart without colour.
      ...(many
        ? [
            {
              data: { values: ends },
              mark: { type: 'text', align: 'left', dx: 4, dy: -6, fontSize: 11, limit: 150 },
              encoding: {
                x: { field: 'month', type: 'quantitative', scale: xScale },
                y: { field: 'survival', type: 'quantitative', scale: { domain: [0, 1] } },
                text: { field: 'series' },
                color: { field: 'colour', type: 'nominal', scale: null },
              },
            } satisfies ChartLayer,
          ]
        : []),
    ],
  };
  const bottom: ChartPart = {
    width: CHART_WIDTH,
    height: 18 * Math.max(1, labels.length),
    title: { text: 'Number at risk', fontSize: 12, fontWeight: 'normal', anchor: 'start', offset: 4 },
    data: { values: risk },
    mark: { type: 'text', fontSize: 11 },
    encoding: {
      x: { field: 'month', type: 'quantitative', scale: xScale, axis: null },
      y: { field: 'series', type: 'nominal', sort: labels, axis: many ? { title: null, domain: false, ticks: false, labelLimit: 200, offset: 16 } : null },
      text: { field: 'text' },
    },
  };
  return {
    $schema: SCHEMA,
    title: chartTitle(input.title, input.subtitle),
    description,
    config: CONFIG,
    vconcat: [top, bottom],
    spacing: 6,
    resolve: { scale: { color: 'independent', y: 'independent' } },
  } satisfies ChartSpec;
}

function lastMonth(c: Curve): number {
  return c.time.length ? c.time[c.time.length - 1] / DAYS_PER_MONTH : 0;
}

function describeKm(input: KmChartInput, months: number[]): string {
  const parts = input.series.map((s) => {
    const pts = kmPoints(s, input.policy);
    const end = pts[pts.length - 1];
    const median = s.curve.median == null ? 'median not reached' : `median ${(s.curve.median / DAYS_PER_MONTH).toFixed(1)} months`;
    const cut = s.curve.nRisk.some((r) => !drawnWhileAtRisk(r, input.policy));
    return `${s.label}: ${percent(end.survival)} at ${end.month.toFixed(1)} months${cut ? ' (drawn while at least ' + input.policy.minCell + ' people were at risk)' : ''}, ${median}`;
  });
  return (
    `Kaplan–Meier estimate of the share ${input.survivalTitle.toLowerCase()} against ${input.timeTitle.toLowerCase()}, ` +
    `as a step line with its 95% confidence band; numbers at risk at ${months.join(', ')} months beneath. ` +
    parts.join('; ') +
    '.'
  );
}

export interface KmPanelsInput extends KmChartInput {
  /** A curve drawn faintly in every panel for comparison (e.g. all services together). */
  reference?: KmSeries | null;
}

/**
 * Small multiples for many curves (one panel per series, four to a row), each
 * with its band and the reference curve in grey: twenty overlaid curves cannot
 * be told apart. The numbers at risk go in the table under the chart.
 */
export function kaplanMeierPanels(input: KmPanelsInput): ChartSpec {
  const PANEL_W = 125;
  const labels = input.series.map((s) => s.label);
  const months = riskMonths(input.series, input.policy);
  const maxMonth = Math.max(drawnMonths(input.series, input.policy), months[months.length - 1] ?? 0, 1);
  const step = maxMonth / PANEL_W;
  const rows: (KmPoint & { panel: string; role: string })[] = [];
  const reference = input.reference ? thinSteps(kmPoints(input.reference, input.policy), 3 * step).filter((p) => p.month <= maxMonth) : [];
  for (const s of input.series) {
    for (const p of thinSteps(kmPoints(s, input.policy), step)) rows.push({ ...p, panel: s.label, role: 'service' });
    // the reference is a faint guide: one step per three pixel columns is enough
    for (const p of reference) rows.push({ ...p, panel: s.label, role: 'reference' });
  }
  // panels are 125 px wide and 90 px tall: two decimals of a month and three of a proportion are finer than a pixel
  const r = (x: number | null, digits: number) => (x == null ? '' : String(round(x, digits)));
  // Many panels are put in order by a column of their places (see SORT_LIST_MAX).
  const placeOf = labels.length > SORT_LIST_MAX ? new Map(labels.map((l, i) => [l, i])) : null;
  const csv = [
    `panel,role,month,survival,lower,upper${placeOf ? ',place' : ''}`,
    ...rows.map(
      (p) =>
        `${csvField(p.panel)},${p.role === 'service' ? 's' : 'r'},${r(p.month, 2)},${r(p.survival, 3)},${r(p.lower, 3)},${r(p.upper, 3)}` +
        (placeOf ? `,${placeOf.get(p.panel)}` : ''),
    ),
  ].join('\n');
  const x = {
    field: 'month',
    type: 'quantitative' as const,
    scale: { domain: [0, maxMonth], nice: false },
    axis: { title: input.timeTitle, values: months.filter((_, i) => i % 2 === 0), format: 'd', labelFontSize: 10, titleFontSize: 11, grid: false },
  };
  // no grid lines in small panels: twenty panels of them cost more to draw than they help
  const y = {
    type: 'quantitative' as const,
    scale: { domain: [0, 1] },
    axis: { format: '.0%', title: input.survivalTitle, values: [0, 0.5, 1], labelFontSize: 10, titleFontSize: 11, grid: false },
  };
  const description =
    describeKm(input, months) +
    (input.reference ? ` Each panel shows one curve with its band; the grey line is ${input.reference.label.toLowerCase()} together.` : '');
  return {
    $schema: SCHEMA,
    title: chartTitle(
      input.title,
      [
        input.subtitle ?? '',
        input.reference ? `Grey line: ${input.reference.label.toLowerCase()}; shading: 95% confidence band` : 'Shading: 95% confidence band',
      ]
        .filter(Boolean)
        .join('. '),
    ),
    description,
    config: { ...CONFIG, header: { labelFontSize: 10.5, labelLimit: PANEL_W + 70, title: null } },
    data: { values: csv, format: placeOf ? { ...CSV_FORMAT, parse: { ...CSV_FORMAT.parse, place: 'number' } } : CSV_FORMAT },
    columns: 4,
    facet: { field: 'panel', type: 'nominal', sort: placeOf ? { field: 'place', op: 'min' } : labels, title: null },
    spacing: { row: 14, column: 12 },
    spec: {
      width: PANEL_W,
      height: 90,
      layer: [
        {
          transform: [{ filter: "datum.role == 's' && isValid(datum.lower)" }],
          mark: { type: 'area', interpolate: 'step-after', opacity: 0.25, color: SERIES_COLOURS[0] },
          encoding: { x, y: { field: 'lower', ...y }, y2: { field: 'upper' } },
        },
        {
          transform: [{ filter: "datum.role == 'r'" }],
          mark: { type: 'line', interpolate: 'step-after', strokeWidth: 1.2, color: '#9a9a9a', strokeDash: [3, 2] },
          encoding: { x, y: { field: 'survival', ...y } },
        },
        {
          transform: [{ filter: "datum.role == 's'" }],
          mark: { type: 'line', interpolate: 'step-after', strokeWidth: 1.8, color: DARK },
          encoding: { x, y: { field: 'survival', ...y } },
        },
      ],
    },
  } satisfies ChartSpec;
}
