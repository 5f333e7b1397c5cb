/**
 * The Jacobson plot of change.md, "Outputs" (analyst profile only): each
 * analysed person's first score (across) against their last (up), with the
 * line of no change, the band of no reliable change (±z·S_diff about it) and
 * the clinical cut-off on both axes. Points are coloured and shaped by
 * category. The public profile never draws a person's score (pages call this
 * only for analyst pages; it refuses a public policy).
 */
import type { DisclosurePolicy } from '../disclosure/cells.js';
import type { InstrumentChange } from '../measures/types.js';
import { CHANGE_CATEGORIES, CHANGE_CATEGORY_SHORT, betterWords } from '../words/change.js';
import { decimal } from '../words/format.js';
import { chartTitle, CONFIG, MUTED, SCHEMA, SERIES_COLOURS, type ChartLayer, type ChartSpec } from './theme.js';

const SHAPES = ['triangle-up', 'diamond', 'circle', 'triangle-down'];
const COLOURS = [SERIES_COLOURS[5], SERIES_COLOURS[0], SERIES_COLOURS[2], SERIES_COLOURS[4]];

/** Builds the pre-against-post chart of one instrument. */
export function jacobsonChart(name: string, x: InstrumentChange, policy: DisclosurePolicy): ChartSpec {
  if (policy.profile !== 'analyst') throw new Error('The Jacobson plot shows each person’s scores: analyst pages only');
  const { pre, post, category } = x.pairs;
  const all = [...pre, ...post, ...(x.cutOff ? [x.cutOff.value] : [])];
  const lo = all.length ? Math.min(...all) : 0;
  const hi = all.length ? Math.max(...all) : 1;
  const pad = Math.max(1, (hi - lo) * 0.05);
  const domain = [Math.floor(lo - pad), Math.ceil(hi + pad)];
  const scale = { domain, nice: false, zero: false };
  const band = x.reliableChange ?? 0;
  const shown = CHANGE_CATEGORIES.filter((k) => k !== 'recovered' || x.cutOff !== null);
  const labels = shown.map((k) => CHANGE_CATEGORY_SHORT[k]);
  const values = pre.map((p, i) => ({ pre: p, post: post[i], category: category[i] === null ? 'Not classified' : CHANGE_CATEGORY_SHORT[category[i]!] }));
  const better = x.better === 'lower' ? 'below' : 'above';
  const description =
    `Each analysed person's first ${name} score (across) against their last (up); ${betterWords(x.better)}, so improvement lies ${better} the diagonal line of no change. ` +
    (x.reliableChange === null ? '' : `The shaded band, ±${decimal(x.reliableChange, 2)} points about the line, is the change too small to be reliable. `) +
    (x.cutOff ? `The dashed lines mark the clinical cut-off, ${decimal(x.cutOff.value, 2)}. ` : 'No clinical cut-off: the instrument has no norms. ') +
    `${values.length} people.`;
  const axis = (title: string) => ({ title, grid: false });
  const layers: ChartLayer[] = [
    {
      data: {
        values: [
          { a: domain[0], lo: domain[0] - band, hi: domain[0] + band },
          { a: domain[1], lo: domain[1] - band, hi: domain[1] + band },
        ],
      },
      mark: { type: 'area', color: '#dddddd', opacity: 0.7, clip: true },
      encoding: { x: { field: 'a', type: 'quantitative', scale }, y: { field: 'lo', type: 'quantitative', scale }, y2: { field: 'hi' } },
    },
    {
      data: { values: [{ a: domain[0] }, { a: domain[1] }] },
      mark: { type: 'line', color: MUTED, strokeWidth: 1 },
      encoding: { x: { field: 'a', type: 'quantitative', scale }, y: { field: 'a', type: 'quantitative', scale } },
    },
  ];
  if (x.cutOff) {
    const c = x.cutOff.value;
    layers.push(
      {
        data: { values: [{ c }] },
        mark: { type: 'rule', color: MUTED, strokeDash: [5, 4] },
        encoding: { x: { field: 'c', type: 'quantitative', scale } },
      },
      {
        data: { values: [{ c }] },
        mark: { type: 'rule', color: MUTED, strokeDash: [5, 4] },
        encoding: { y: { field: 'c', type: 'quantitative', scale } },
      },
      {
        data: { values: [{ c, top: domain[1], t: `cut-off ${decimal(c, 1)}` }] },
        mark: { type: 'text', align: 'left', baseline: 'top', dx: 3, dy: 2, color: MUTED, fontSize: 11 },
        encoding: { x: { field: 'c', type: 'quantitative', scale }, y: { field: 'top', type: 'quantitative', scale }, text: { field: 't' } },
      },
    );
  }
  layers.push(
    {
      data: {
        values: [
          { x: domain[1], y: domain[0], t: x.better === 'lower' ? 'below the line: lower (better) at the end' : 'below the line: lower (worse) at the end' },
        ],
      },
      mark: { type: 'text', align: 'right', baseline: 'bottom', dx: -4, dy: -4, color: MUTED, fontSize: 11 },
      encoding: { x: { field: 'x', type: 'quantitative', scale }, y: { field: 'y', type: 'quantitative', scale }, text: { field: 't' } },
    },
    {
      data: { values },
      mark: { type: 'point', filled: true, opacity: 0.8, size: 45 },
      encoding: {
        x: { field: 'pre', type: 'quantitative', scale, axis: axis(`First ${name} score`) },
        y: { field: 'post', type: 'quantitative', scale, axis: axis(`Last ${name} score`) },
        color: {
          field: 'category',
          type: 'nominal',
          scale: { domain: labels, range: COLOURS.slice(4 - shown.length) },
          legend: { title: null, orient: 'right', direction: 'vertical', columns: 1, labelLimit: 200 },
        },
        shape: {
          field: 'category',
          type: 'nominal',
          scale: { domain: labels, range: SHAPES.slice(4 - shown.length) },
          legend: { title: null, orient: 'right', direction: 'vertical', columns: 1, labelLimit: 200 },
        },
      },
    },
  );
  return {
    $schema: SCHEMA,
    title: chartTitle(`${name}: first and last score of each person`, [
      `${betterWords(x.better)[0].toUpperCase()}${betterWords(x.better).slice(1)}; the shaded band is change too small to be reliable${x.cutOff ? '; dashed lines: the clinical cut-off' : ''}`,
    ]),
    description,
    config: CONFIG,
    width: 380,
    height: 380,
    layer: layers,
  } satisfies ChartSpec;
}
