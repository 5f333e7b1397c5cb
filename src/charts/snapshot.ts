/**
 * The caseload snapshot on a date: people in each service, split into those in
 * custody (preparing for release or recalled) and those in the community, as
 * stacked bars (custody dark, community light). Withheld cells are not drawn.
 */
import type { SnapshotResult } from '../measures/types.js';
import { formatCount, type DisclosurePolicy } from '../disclosure/cells.js';
import { GROUP_AXIS } from './proportions.js';
import { CHART_WIDTH, chartTitle, CONFIG, DARK, LIGHT, SCHEMA, type ChartSpec } from './theme.js';
import { longDate } from '../words/format.js';
import type { SnapshotTableRow } from '../disclosure/snapshot.js';

/** Builds the stacked bars of the caseload by service on the snapshot date. */
export function snapshotChart(
  s: SnapshotResult,
  /** The snapshot table as the page publishes it (Published.snapshot). */
  table: { rows: SnapshotTableRow[]; total: SnapshotTableRow },
  policy: DisclosurePolicy,
): ChartSpec {
  const order = table.rows.map((r) => r.service);
  const places = ['In custody', 'In the community'];
  const values = table.rows.flatMap((r) => [
    ...(r.inCustody.hidden ? [] : [{ service: r.service, place: places[0], order: 0, people: r.inCustody.value }]),
    ...(r.inCommunity.hidden ? [] : [{ service: r.service, place: places[1], order: 1, people: r.inCommunity.value }]),
  ]);
  const labels = table.rows.map((r) => ({
    service: r.service,
    text: r.total.hidden ? `total ${formatCount(r.total, policy)}` : String(r.total.value),
    x: r.inCustody.hidden || r.inCommunity.hidden ? 0 : r.total.value,
  }));
  const t = table.total;
  const description =
    `People accessing each service on ${longDate(s.date)}, in custody or in the community. All services: ${formatCount(t.total, policy)} people, ` +
    `${formatCount(t.inCustody, policy)} in custody and ${formatCount(t.inCommunity, policy)} in the community. ` +
    table.rows.map((r) => `${r.service}: ${formatCount(r.inCustody, policy)} in custody, ${formatCount(r.inCommunity, policy)} in the community`).join('; ') +
    '.';
  const y = { field: 'service', type: 'nominal' as const, scale: { domain: order }, title: 'Service', axis: GROUP_AXIS };
  return {
    $schema: SCHEMA,
    title: chartTitle(`Caseload on ${longDate(s.date)} by service`, 'Dark: in custody (preparing for release or recalled); light: in the community'),
    description,
    config: CONFIG,
    width: CHART_WIDTH - 200,
    height: Math.max(40, 24 * order.length),
    layer: [
      {
        data: { values },
        mark: { type: 'bar', stroke: 'white', strokeWidth: 0.5, height: { band: 0.75 } },
        encoding: {
          y,
          x: { field: 'people', type: 'quantitative', stack: 'zero', axis: { title: 'People', tickMinStep: 1, format: 'd' } },
          color: { field: 'place', type: 'nominal', scale: { domain: places, range: [DARK, LIGHT] }, legend: { title: null } },
          order: { field: 'order' },
        },
      },
      {
        data: { values: labels },
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 },
        encoding: { y, x: { field: 'x', type: 'quantitative' }, text: { field: 'text' } },
      },
    ],
  } satisfies ChartSpec;
}
