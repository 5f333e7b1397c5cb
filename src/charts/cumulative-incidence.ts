/**
 * Cumulative incidence curves (measures.md "Competing risks"): the cause and
 * death by the Aalen–Johansen estimator as solid step lines, and 1 − Kaplan–Meier
 * of the cause (death censored) dashed beside them, so the overstatement of
 * 1 − KM can be seen.
 *
 * Public profile: as the Kaplan–Meier charts, every line is drawn only while at
 * least minCell people are at risk.
 */
import type { IncidenceCurve } from '../stats/aalen-johansen.js';
import type { Curve } from '../stats/types.js';
import { DAYS_PER_MONTH } from '../time/days.js';
import type { DisclosurePolicy } from '../disclosure/cells.js';
import { percent } from '../words/format.js';
import { CHART_WIDTH, chartTitle, CONFIG, SCHEMA, SERIES_COLOURS, type ChartSpec } from './theme.js';

interface CumulativeIncidenceInput {
  title: string;
  subtitle?: string;
  /** The cause's name for the legend: "Reconviction". */
  causeLabel: string;
  /** Null when its line is not drawn (disclosure: its events are a small count). */
  cause: IncidenceCurve | null;
  death: IncidenceCurve | null;
  km: Curve | null;
  timeTitle: string;
  policy: DisclosurePolicy;
}

interface Point {
  series: string;
  month: number;
  value: number;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Drawn steps of one line: (0, 0), then each time with an event, to the last time drawn (nRisk ≥ minCell in public). */
function steps(series: string, time: number[], nRisk: number[], nEvent: number[], value: number[], policy: DisclosurePolicy): Point[] {
  const out: Point[] = [];
  if (time.length === 0 || time[0] > 0) out.push({ series, month: 0, value: 0 });
  let last = -1;
  for (let i = 0; i < time.length; i++) {
    if (policy.profile === 'public' && nRisk[i] < policy.minCell) break;
    last = i;
  }
  for (let i = 0; i <= last; i++) {
    if (nEvent[i] > 0 || i === last || i === 0) out.push({ series, month: round(time[i] / DAYS_PER_MONTH, 3), value: round(value[i], 5) });
  }
  return out;
}

/** The labels of the three lines, in legend order. */
function incidenceLabels(causeLabel: string): [string, string, string] {
  return [`${causeLabel}: cumulative incidence`, 'Death: cumulative incidence', `${causeLabel}: 1 − Kaplan–Meier`];
}

/** Builds the chart of the cause's and death's cumulative incidence with 1 − KM dashed. */
export function cumulativeIncidenceChart(input: CumulativeIncidenceInput): ChartSpec {
  const [causeName, deathName, kmName] = incidenceLabels(input.causeLabel);
  const { cause, death, km, policy } = input;
  const points = [
    ...(cause ? steps(causeName, cause.time, cause.nRisk, cause.nEvent, cause.cumulativeIncidence, policy) : []),
    ...(death ? steps(deathName, death.time, death.nRisk, death.nEvent, death.cumulativeIncidence, policy) : []),
    ...(km
      ? steps(
          kmName,
          km.time,
          km.nRisk,
          km.nEvent,
          km.survival.map((s) => 1 - s),
          policy,
        )
      : []),
  ];
  const maxMonth = Math.max(1, ...points.map((p) => p.month));
  const top = Math.min(1, Math.max(0.1, Math.ceil((Math.max(...points.map((p) => p.value)) + 0.05) * 10) / 10));
  // All three stay in the legend (vega-lite draws a two-entry dash scale as solid lines); one not drawn says so.
  const all = [
    { label: causeName, colour: SERIES_COLOURS[0], dash: [1, 0] },
    { label: deathName, colour: SERIES_COLOURS[4], dash: [1, 0] },
    { label: kmName, colour: SERIES_COLOURS[0], dash: [6, 4] },
  ].map((x) => (points.some((p) => p.series === x.label) ? x : { ...x, label: `${x.label} (not drawn)` }));
  const labels = all.map((x) => x.label);
  const colours = all.map((x) => x.colour);
  const legend = { orient: 'top', direction: 'vertical', title: null, symbolType: 'stroke', symbolSize: 400, labelLimit: 420 } as const;
  const end = (name: string) => points.filter((p) => p.series === name).pop();
  const describe = labels
    .map((l) => {
      const p = end(l);
      return p ? `${l}: ${percent(p.value, 1)} at ${p.month.toFixed(1)} months` : `${l}: not drawn`;
    })
    .join('; ');
  return {
    $schema: SCHEMA,
    title: chartTitle(input.title, input.subtitle),
    description:
      `Cumulative incidence (Aalen–Johansen, death as the competing event) of ${input.causeLabel.toLowerCase()} and of death against ${input.timeTitle.toLowerCase()}, as step lines, ` +
      `with 1 − Kaplan–Meier of ${input.causeLabel.toLowerCase()} (deaths censored) dashed${policy.profile === 'public' ? `; drawn while at least ${policy.minCell} people were at risk` : ''}. ${describe}.`,
    config: CONFIG,
    width: CHART_WIDTH,
    height: 260,
    data: { values: points },
    mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
    encoding: {
      x: {
        field: 'month',
        type: 'quantitative',
        scale: { domain: [0, maxMonth], nice: false, zero: true },
        axis: { title: input.timeTitle, format: 'd', values: monthTicks(maxMonth) },
      },
      y: { field: 'value', type: 'quantitative', scale: { domain: [0, top] }, axis: { format: '.0%', title: 'Cumulative share of people' } },
      color: { field: 'series', type: 'nominal', sort: labels, scale: { domain: labels, range: colours }, legend },
      // The same legend for colour and dash, so vega-lite draws one legend whose strokes show both.
      strokeDash: {
        field: 'series',
        type: 'nominal',
        sort: labels,
        scale: {
          domain: labels,
          range: [
            [1, 0],
            [1, 0],
            [6, 4],
          ],
        },
        legend,
      },
      detail: { field: 'series' },
    },
  } satisfies ChartSpec;
}

/** Ticks every 6 months (12 beyond 3 years, 24 beyond 6), as the Kaplan–Meier charts. */
function monthTicks(maxMonth: number): number[] {
  const step = maxMonth > 72 ? 24 : maxMonth > 36 ? 12 : 6;
  const ticks: number[] = [];
  for (let m = 0; m <= maxMonth + 1e-9; m += step) ticks.push(m);
  return ticks;
}
