/**
 * Time in service: the distribution of in-reach and community time drawn as
 * box plots from their summaries (whiskers to the minimum and maximum, box
 * from Q1 to Q3, a bar at the median, a diamond at the mean), and how people's
 * time in the community ended.
 */
import type { TimeInServiceResult } from '../measures/types.js';
import { formatCount, type DisclosurePolicy } from '../disclosure/cells.js';
import type { PublishedTimeInService } from '../disclosure/time-in-service.js';
import { END_REASON_WORDS, wordOf } from '../words/labels.js';
import { countBarsChart } from './count-bars.js';
import { GROUP_AXIS } from './proportions.js';
import { CHART_WIDTH, chartTitle, CONFIG, DARK, INK, LIGHT, SCHEMA, type ChartSpec } from './theme.js';

/** Builds the box plots of in-reach and community time, in months. */
export function timeInServiceChart(result: TimeInServiceResult, published: PublishedTimeInService, policy: DisclosurePolicy): ChartSpec {
  const rows = [
    { label: 'In-reach', s: result.inReachMonths, ...published.inReach },
    { label: 'Community', s: result.communityMonths, ...published.community },
  ];
  const order = rows.map((r) => r.label);
  const values = rows.filter((r) => r.s.n > 0 && !r.withheld && r.s.min != null).map((r) => ({ label: r.label, ...r.s }));
  const max = Math.max(1, ...values.map((v) => v.max ?? 0));
  const x = { type: 'quantitative' as const, scale: { domain: [0, Math.ceil(max / 6) * 6] }, axis: { title: 'Months', tickMinStep: 1 } };
  const y = { field: 'label', type: 'nominal' as const, scale: { domain: order }, title: null, axis: GROUP_AXIS };
  const description =
    'Time in service in months. ' +
    rows
      .map((r) =>
        r.s.n === 0
          ? `${r.label}: no one`
          : r.withheld
            ? `${r.label}: withheld (fewer than ${policy.minCell} people)`
            : `${r.label}: ${formatCount(r.n, policy)} people, median ${fmt(r.s.median)} (quartiles ${fmt(r.s.q1)} to ${fmt(r.s.q3)}), mean ${fmt(r.s.mean)}, range ${fmt(r.s.min)} to ${fmt(r.s.max)}`,
      )
      .join('; ') +
    `. People still in the service (${formatCount(published.ends.find((r) => r.key === 'ongoing')!.count, policy)}) are not in the community summary.`;
  return {
    $schema: SCHEMA,
    title: chartTitle('Time in service', [
      'In-reach: first contact in custody to release; community: release to service end (people who have left).',
      'Whiskers: minimum to maximum; box: middle half; bar: median; diamond: mean',
    ]),
    description,
    config: CONFIG,
    width: CHART_WIDTH - 120,
    height: 90,
    data: { values },
    encoding: { y },
    layer: [
      { mark: { type: 'rule', color: INK }, encoding: { x: { field: 'min', ...x }, x2: { field: 'max' } } },
      { mark: { type: 'bar', fill: LIGHT, stroke: DARK, height: { band: 0.55 } }, encoding: { x: { field: 'q1', ...x }, x2: { field: 'q3' } } },
      { mark: { type: 'tick', color: DARK, thickness: 3, bandSize: 22 }, encoding: { x: { field: 'median', ...x } } },
      { mark: { type: 'point', shape: 'diamond', filled: true, color: INK, size: 50 }, encoding: { x: { field: 'mean', ...x } } },
    ],
  } satisfies ChartSpec;
}

/** Builds the bar chart of how time in the service ended. */
export function endReasonsChart(published: PublishedTimeInService, policy: DisclosurePolicy): ChartSpec {
  return countBarsChart({
    title: 'How time in the service ended',
    categoryTitle: 'End reason',
    countTitle: 'People',
    bars: published.ends.map((r) => ({ label: wordOf(END_REASON_WORDS, r.key), count: r.count })),
    policy,
  });
}

function fmt(v: number | null): string {
  return v == null ? 'not known' : v.toFixed(1);
}
