/**
 * Shared look of every chart: a colour-blind-safe palette (Okabe–Ito) whose
 * colours also differ in lightness, so a chart printed in greyscale still
 * separates its series; dash patterns and shapes back the colours up.
 */
import type { TopLevelSpec } from 'vega-lite';

/** A Vega-Lite spec as the builders return it: always titled and described. */
export type ChartSpec = TopLevelSpec & { title: string | { text: string; subtitle?: string | string[] }; description: string };

/** One layer of a layered chart, for builders that assemble the layers before the spec. */
export type ChartLayer = Extract<TopLevelSpec, { layer: unknown }>['layer'][number];

/** One chart of a vertical concatenation (a chart over its numbers-at-risk rows). */
export type ChartPart = Extract<TopLevelSpec, { vconcat: unknown }>['vconcat'][number];

/** Characters per subtitle line: vega sizes a chart to its longest line. */
const SUBTITLE_CHARS = 78;

/** A chart title with its subtitle broken into lines, so a long subtitle does not widen (and so shrink) the chart. */
export function chartTitle(text: string, subtitle?: string | string[]): string | { text: string; subtitle: string[] } {
  if (!subtitle) return text;
  const lines = (Array.isArray(subtitle) ? subtitle : [subtitle]).flatMap((s) => wrapWords(s, SUBTITLE_CHARS));
  return { text, subtitle: lines };
}

/**
 * Breaks text into lines of at most `width` characters at spaces (a longer
 * word gets a line of its own); lines after the first start with `indent`,
 * which counts towards the width.
 */
export function wrapWords(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Text as it must be written inside a Vega expression's double-quoted string:
 * backslashes doubled and line breaks (LF, CR, U+2028, U+2029) as escapes.
 * Vega-Lite writes a field's title into the tooltip and ARIA description
 * expressions as `"title: "`, escaping only `"` itself (which it still does
 * after this), so a title such as a grouping column named `risk\"level` would
 * otherwise end the string early and break the chart.
 */
function inVegaString(text: string): string {
  return text.replace(/[\\\n\r\u2028\u2029]/g, (c) => VEGA_STRING_ESCAPES[c]);
}

const VEGA_STRING_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/**
 * A field's title and its axis: the title as Vega-Lite's expressions need it
 * (see inVegaString), and the axis titled with the text itself, since an axis
 * title is drawn as it is, never read as an expression. Text with nothing to
 * escape is the field's title as before, so ordinary charts are unchanged.
 */
export function titledAxis<A extends object>(title: string, axis: A): { title: string; axis: A | (A & { title: string }) } {
  const escaped = inVegaString(title);
  return escaped === title ? { title, axis } : { title: escaped, axis: { ...axis, title } };
}

/**
 * Longest list of values a chart gives Vega-Lite as a sort order: it compiles
 * one into a single nested conditional expression, one level per value, and
 * Vega's expression parser runs out of stack at about 1,500 (a service per
 * panel of a large study). Longer orders go by a field holding each value's place.
 */
export const SORT_LIST_MAX = 200;

/** Okabe–Ito colours ordered dark to light, so neighbouring series contrast in greyscale too. */
export const SERIES_COLOURS = ['#0072B2', '#E69F00', '#000000', '#56B4E9', '#D55E00', '#009E73', '#CC79A7', '#F0E442'];
/** Dash patterns paired with SERIES_COLOURS, for line charts read in greyscale. */
export const SERIES_DASHES: number[][] = [
  [1, 0],
  [6, 3],
  [2, 2],
  [8, 2, 2, 2],
  [4, 4],
  [1, 3],
  [10, 4],
  [3, 1],
];

/** Two-part fills: dark and light, for stacked bars of two categories (e.g. custody and community). */
export const DARK = '#0b3d63';
export const LIGHT = '#9ccbe8';
/** Three-step ordinal fills, light to dark, for ordered categories (less / same / more serious). */
export const ORDINAL3 = ['#9ecae1', '#3b7fbf', '#08306b'];
export const INK = '#222222';
export const MUTED = '#666666';
export const LIMIT95 = '#555555';
export const LIMIT998 = '#999999';

/** Width of a single chart's plotting area in CSS pixels (fits a printed A4 page). */
export const CHART_WIDTH = 560;

/** Vega-Lite config shared by every chart: system fonts only, readable sizes, no interaction. */
export const CONFIG = {
  // A short generic name: vega repeats it on every text element; the page's CSS sets the real stack.
  font: 'sans-serif',
  background: 'white',
  padding: 8,
  view: { stroke: null },
  title: { fontSize: 15, anchor: 'start', color: INK, subtitleColor: MUTED, subtitleFontSize: 12, offset: 10 },
  axis: {
    labelFontSize: 12,
    titleFontSize: 12,
    titleColor: INK,
    labelColor: INK,
    gridColor: '#e4e4e4',
    domainColor: '#888',
    tickColor: '#888',
    titleFontWeight: 'normal',
  },
  legend: { labelFontSize: 12, titleFontSize: 12, orient: 'bottom', direction: 'horizontal', titleFontWeight: 'normal', symbolStrokeWidth: 2 },
  header: { labelFontSize: 12, titleFontSize: 12 },
  text: { fontSize: 12, color: INK },
} as const;

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
