/**
 * Vega-Lite spec → SVG text, headless in Node: vega's View with no renderer
 * (renderer 'none') and its toSVG(). Without node-canvas vega estimates text
 * widths from the font size, so the output is the same on every machine.
 * Charts use no dates on their axes (time is in months since a start), and the
 * toolkit runs with TZ=UTC, so no local time zone can leak into a chart.
 */
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';

/**
 * Compiles a Vega-Lite spec and renders it to a standalone SVG document string.
 * Element ids (vega numbers clip paths and gradients with a process-wide
 * counter) are renamed `<idPrefix>1`, `<idPrefix>2`, … in order of appearance,
 * so the same spec always gives the same SVG and several SVGs can share a page.
 */
export async function renderChartSvg(spec: TopLevelSpec, idPrefix = 'chart-'): Promise<string> {
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
  try {
    return roundPaths(renumberIds(await view.toSVG(), idPrefix));
  } finally {
    view.finalize();
  }
}

/** Renames every id in an SVG, and its url(#…) and href="#…" references, to prefix + ordinal. */
function renumberIds(svg: string, prefix: string): string {
  const names = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) if (!names.has(m[1])) names.set(m[1], `${prefix}${names.size + 1}`);
  if (names.size === 0) return svg;
  return svg
    .replace(/(\sid=")([^"]+)"/g, (_match, head: string, id: string) => `${head}${names.get(id) ?? id}"`)
    .replace(/url\(#([^)]+)\)/g, (_match, id: string) => `url(#${names.get(id) ?? id})`)
    .replace(/(href=")#([^"]+)"/g, (_match, head: string, id: string) => `${head}#${names.get(id) ?? id}"`);
}

/** Rounds the coordinates in path data to 0.1 px (vega writes three decimals): a smaller page, the same picture. */
function roundPaths(svg: string): string {
  return svg.replace(/\sd="[^"]*"/g, (attr) =>
    attr.replace(/-?\d+\.\d{2,}/g, (n) => {
      const r = Math.round(Number(n) * 10) / 10;
      return Object.is(r, -0) ? '0' : String(r);
    }),
  );
}
