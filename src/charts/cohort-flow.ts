/**
 * The cohort flow diagram (measures.md, "Cohort flow"): all people → each
 * exclusion reason → included → not released → follow-up cohort → people each
 * measure could not use. Boxes and arrows drawn with Vega-Lite marks on a
 * fixed pixel grid.
 */
import { formatCount, type Count, type DisclosurePolicy } from '../disclosure/cells.js';
import { CHART_WIDTH, CONFIG, DARK, INK, SCHEMA, wrapWords, type ChartSpec } from './theme.js';
import { formatInteger } from '../words/format.js';
import type { FlowCounts } from '../disclosure/flow.js';

interface Box {
  x: number;
  x2: number;
  y: number;
  y2: number;
  lines: string[];
  main: boolean;
}

const LINE = 16;
/** Characters per line in a side box: vega estimates text widths without a canvas, generously. */
const SIDE_CHARS = 34;
/** Continuation lines of a side box are indented, so each count's line is told from the next. */
const INDENT = '   ';

const PAD = 9;

/** Builds the cohort flow diagram. */
/** `f`: the flow's counts as the page publishes them (Published.flow). */
export function cohortFlowChart(f: FlowCounts, policy: DisclosurePolicy): ChartSpec {
  const n = (c: Count) => formatCount(c, policy);
  const W = CHART_WIDTH;
  const mainX = [0, W * 0.42];
  const sideX = [W * 0.5, W];
  const boxes: Box[] = [];
  const arrows: { x: number; y: number; x2: number; y2: number }[] = [];
  const heads: { x: number; y: number; dir: 'down' | 'right' }[] = [];
  let y = 0;
  const place = (lines: string[], main: boolean): Box => {
    const h = lines.length * LINE + 2 * PAD;
    const [x, x2] = main ? mainX : sideX;
    const b = { x, x2, y, y2: y + h, lines, main };
    boxes.push(b);
    y += h + 18;
    return b;
  };
  const mid = (mainX[0] + mainX[1]) / 2;
  const down = (from: Box, to: Box) => {
    arrows.push({ x: mid, y: from.y2, x2: mid, y2: to.y - 2 });
    heads.push({ x: mid, y: to.y - 4, dir: 'down' });
  };
  const side = (b: Box) => {
    const yy = (b.y + b.y2) / 2;
    arrows.push({ x: mid, y: yy, x2: b.x - 2, y2: yy });
    heads.push({ x: b.x - 5, y: yy, dir: 'right' });
  };
  const all = place([`All people in the records: ${n(f.people)}`], true);
  let excludedBox: Box | null = null;
  if (f.excluded.length) {
    const total = f.excluded.reduce((a, e) => a + e.count.value, 0);
    const anyHidden = f.excluded.some((e) => e.count.hidden);
    const head = anyHidden ? 'Excluded:' : `Excluded: ${formatInteger(total)}`;
    excludedBox = place([head, ...f.excluded.flatMap((e) => wrapWords(`${e.reason}: ${n(e.count)}`, SIDE_CHARS, INDENT))], false);
  }
  const included = place([`Included: ${n(f.included)}`], true);
  const notReleased = place(['Not released (still in custody,', `or ended before release): ${n(f.notYetReleased)}`], false);
  const cohort = place([`Follow-up cohort: ${n(f.cohort)}`], true);
  let unusedBox: Box | null = null;
  if (f.unused.length)
    unusedBox = place(
      ['Not usable by a measure:', ...f.unused.flatMap((u) => wrapWords(`${u.measure}: ${u.reason}: ${n(u.count)}`, SIDE_CHARS, INDENT))],
      false,
    );
  down(all, included);
  if (excludedBox) side(excludedBox);
  down(included, cohort);
  side(notReleased);
  if (unusedBox) {
    arrows.push({ x: mid, y: cohort.y2, x2: mid, y2: (unusedBox.y + unusedBox.y2) / 2 });
    side(unusedBox);
  }
  const H = y - 18;
  const scaleX = { domain: [0, W], range: [0, W] };
  const scaleY = { domain: [0, H], range: [0, H] };
  const axisOff = { axis: null };
  const text = boxes.map((b) => ({ x: b.x + PAD, y: b.y + PAD, lines: b.lines.join('\n'), main: b.main }));
  const description =
    `Cohort flow. All people in the records: ${n(f.people)}. ` +
    (f.excluded.length ? `Excluded: ${f.excluded.map((e) => `${e.reason} ${n(e.count)}`).join(', ')}. ` : 'No one excluded. ') +
    `Included: ${n(f.included)}. Not released: ${n(f.notYetReleased)}. Follow-up cohort: ${n(f.cohort)}.` +
    (f.unused.length ? ` Not usable by a measure: ${f.unused.map((u) => `${u.measure}, ${u.reason}: ${n(u.count)}`).join('; ')}.` : '');
  return {
    $schema: SCHEMA,
    title: 'Who is in the follow-up cohort',
    description,
    config: CONFIG,
    width: W,
    height: H,
    layer: [
      {
        data: { values: boxes.map(({ lines: _l, ...b }) => b) },
        mark: { type: 'rect', strokeWidth: 1.5, cornerRadius: 3 },
        encoding: {
          x: { field: 'x', type: 'quantitative', scale: scaleX, ...axisOff },
          x2: { field: 'x2' },
          y: { field: 'y', type: 'quantitative', scale: scaleY, ...axisOff },
          y2: { field: 'y2' },
          fill: { condition: { test: 'datum.main', value: '#e3eef7' }, value: '#f7f7f7' },
          stroke: { condition: { test: 'datum.main', value: DARK }, value: '#777777' },
        },
      },
      {
        data: { values: arrows },
        mark: { type: 'rule', color: INK, strokeWidth: 1.2 },
        encoding: {
          x: { field: 'x', type: 'quantitative', scale: scaleX, ...axisOff },
          x2: { field: 'x2' },
          y: { field: 'y', type: 'quantitative', scale: scaleY, ...axisOff },
          y2: { field: 'y2' },
        },
      },
      {
        data: { values: heads },
        mark: { type: 'point', filled: true, color: INK, size: 45 },
        encoding: {
          x: { field: 'x', type: 'quantitative', scale: scaleX, ...axisOff },
          y: { field: 'y', type: 'quantitative', scale: scaleY, ...axisOff },
          shape: { field: 'dir', type: 'nominal', scale: { domain: ['down', 'right'], range: ['triangle-down', 'triangle-right'] }, legend: null },
        },
      },
      {
        data: { values: text },
        mark: { type: 'text', align: 'left', baseline: 'top', lineBreak: '\n', lineHeight: LINE, fontSize: 12.5, color: INK },
        encoding: {
          x: { field: 'x', type: 'quantitative', scale: scaleX, ...axisOff },
          y: { field: 'y', type: 'quantitative', scale: scaleY, ...axisOff },
          text: { field: 'lines' },
        },
      },
    ],
  } satisfies ChartSpec;
}
