/**
 * Each reconvicted person's index offence severity against the severity of
 * their most serious reconviction, with the line of equal severity: points
 * below it are reconvictions less serious than the index offence.
 *
 * Nothing identifies a person: points are ordered and spread by value only
 * (people with the same pair of values sit side by side, in no particular
 * order). In the public profile a point is a pair of values shared by at
 * least minCell people, sized by their number; rarer pairs are not drawn and
 * the caption says how many people that leaves out. An analyst page draws
 * one point per person up to {@link MAX_PERSON_POINTS} reconvicted people;
 * beyond that it pools them into one circle per pair as the public page does
 * (every pair drawn), so that the page stays small at any size (a million
 * people made a 61 MB chart).
 */
import type { ReconvictionResult } from '../measures/types.js';
import { formatCount, type DisclosurePolicy } from '../disclosure/cells.js';
import type { SeriousnessRow } from '../disclosure/seriousness.js';
import { severityPoints, type PublishedSeverityPairs } from '../disclosure/severity.js';
import { chartTitle, CONFIG, DARK, MUTED, SCHEMA, type ChartSpec } from './theme.js';

/** Spacing of the grid of people sharing one pair, in natural-log units of severity. */
const SPREAD = 0.07;

/** Reconvicted people up to which the analyst chart draws each one as a point. */
export const MAX_PERSON_POINTS = 2000;

/** Builds the index-versus-reconviction severity chart. */
export function severityPairsChart(
  result: ReconvictionResult,
  pairs: PublishedSeverityPairs,
  /** The seriousness table's "All reconvicted" row as published: the people below, on and above the line. */
  allReconvicted: SeriousnessRow,
  policy: DisclosurePolicy,
  severitySource: string | null,
): ChartSpec {
  const points = severityPoints(result);
  const isPublic = policy.profile === 'public';
  const { shown, leftOut } = pairs;
  // Circles sized by their number of people: always in public, and on an analyst page with many people.
  const pooled = isPublic || result.severityPairs.length > MAX_PERSON_POINTS;
  const all = points.flatMap((p) => [p.index, p.reconviction]).filter((v) => v > 0);
  const lo = all.length ? Math.min(...all) : 1;
  const hi = all.length ? Math.max(...all) : 10;
  const useLog = hi / lo > 30;
  const domain = useLog ? [lo / 1.5, hi * 1.5] : [0, hi * 1.1];
  // One point per person in the analyst profile, spread sideways within a pair (by value, never by person).
  const values = pooled
    ? shown.map((p) => ({ index: p.index, reconviction: p.reconviction, people: p.people, label: `${p.people} people` }))
    : shown.flatMap((p) =>
        Array.from({ length: p.people }, (_, j) => {
          // people sharing a pair of values sit on a small square grid around it
          const side = Math.ceil(Math.sqrt(p.people));
          const dx = ((j % side) - (side - 1) / 2) * SPREAD;
          const dy = (Math.floor(j / side) - (Math.ceil(p.people / side) - 1) / 2) * SPREAD;
          const move = (v: number, d: number) => (useLog ? v * Math.exp(d) : v + d * (domain[1] - domain[0]) * 0.25);
          return { index: move(p.index, dx), reconviction: move(p.reconviction, dy), people: 1 };
        }),
      );
  const scale = useLog ? { type: 'log' as const, domain, nice: false } : { domain, nice: false };
  const sourceNote = severitySource ? `Severity weights: ${severitySource}.` : 'Severity weights from the offence lookup.';
  const description =
    `Severity of each reconvicted person's index offence (across) against their most serious reconviction (up), ` +
    `with the line of equal severity. ${countSides(allReconvicted, policy)} ` +
    (isPublic ? `Only pairs of values shared by at least ${policy.minCell} people are drawn; ${formatCount(leftOut, policy)} people are not drawn. ` : '') +
    sourceNote;
  const axisFormat = useLog ? { format: '~s', grid: false } : {};
  return {
    $schema: SCHEMA,
    title: chartTitle(
      'Index offence and most serious reconviction',
      isPublic
        ? `Circles sized by the number of people; pairs shared by fewer than ${policy.minCell} people (${formatCount(leftOut, policy)} people) not drawn`
        : pooled
          ? 'Circles sized by the number of people with each pair of values'
          : 'One point per reconvicted person; people with the same values sit side by side',
    ),
    description,
    config: CONFIG,
    width: 380,
    height: 320,
    layer: [
      {
        data: { values: [{ a: domain[0], b: domain[1] }] },
        mark: { type: 'rule', color: MUTED, strokeDash: [4, 4] },
        encoding: {
          x: { field: 'a', type: 'quantitative', scale },
          y: { field: 'a', type: 'quantitative', scale },
          x2: { field: 'b' },
          y2: { field: 'b' },
        },
      },
      {
        data: { values: [{ x: domain[1], y: domain[0], t: 'below the line: less serious' }] },
        mark: { type: 'text', align: 'right', baseline: 'bottom', dx: -4, dy: -4, color: MUTED, fontSize: 11 },
        encoding: { x: { field: 'x', type: 'quantitative', scale }, y: { field: 'y', type: 'quantitative', scale }, text: { field: 't' } },
      },
      {
        data: { values },
        mark: { type: 'point', filled: !pooled, color: DARK, opacity: pooled ? 1 : 0.7, strokeWidth: 1.5 },
        encoding: {
          x: { field: 'index', type: 'quantitative', scale, axis: { title: 'Index offence severity', ...axisFormat } },
          y: { field: 'reconviction', type: 'quantitative', scale, axis: { title: 'Most serious reconviction severity', ...axisFormat } },
          ...(pooled ? { size: { field: 'people', type: 'quantitative', scale: { range: [60, 600], zero: false }, legend: null } } : { size: { value: 40 } }),
        },
      },
      // Labels only where pairs are few enough to read (the public page's are: rare pairs are pooled away).
      ...(pooled && values.length <= 60
        ? [
            {
              data: { values },
              mark: { type: 'text' as const, align: 'left' as const, dx: 12, fontSize: 11, color: DARK },
              encoding: {
                x: { field: 'index', type: 'quantitative' as const, scale },
                y: { field: 'reconviction', type: 'quantitative' as const, scale },
                text: { field: 'label' },
              },
            },
          ]
        : []),
    ],
  } satisfies ChartSpec;
}

function countSides(row: SeriousnessRow, policy: DisclosurePolicy): string {
  const all = row.cells;
  return `Below the line (less serious): ${formatCount(all.less, policy)}; on it: ${formatCount(all.same, policy)}; above it: ${formatCount(all.more, policy)}.`;
}
