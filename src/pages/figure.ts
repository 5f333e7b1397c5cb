/**
 * A chart on the page: `<figure role="group">` holding the SVG (role="img",
 * labelled by the spec's description), the numbers as an HTML table, and a
 * caption; the Vega-Lite spec follows as JSON so it can be reused.
 */
import type { ChartSpec } from '../charts/theme.js';
import { Html, esc, html, jsonForScript } from './html.js';

/** Plain text of a spec's title. */
export function titleText(spec: ChartSpec): string {
  return typeof spec.title === 'string' ? spec.title : spec.title.text;
}

/** Makes a vega SVG an accessible image: role="img" with the description as its aria-label (the accessible name), plus <title> and <desc>. */
function accessibleSvg(svg: string, title: string, description: string, id: string): string {
  const open = svg.indexOf('<svg');
  const close = svg.indexOf('>', open);
  if (open < 0 || close < 0) throw new Error('renderer returned no <svg> element');
  const tag = svg
    .slice(open, close)
    .replace(/\sclass="marks"/, ' class="marks chart"')
    .concat(` role="img" aria-label="${esc(description)}" focusable="false"`);
  return `${tag}><title>${esc(title)}</title><desc id="${id}-desc">${esc(description)}</desc>${svg.slice(close + 1)}`;
}

interface FigureParts {
  id: string;
  spec: ChartSpec;
  svg: string;
  /** The chart's numbers: one or more tables. */
  tables: Html[];
  /** Caption text (plain); the spec's title is used when absent. */
  caption?: string;
  /** Extra notes under the table (plain text). */
  notes?: string[];
}

/** Assembles a figure with its table, caption and embedded spec. */
export function figure(parts: FigureParts): Html {
  const title = titleText(parts.spec);
  const caption = parts.caption ?? title;
  return html`<figure role="group" aria-label="${title}" id="${parts.id}">
<div class="chart-frame">${new Html(accessibleSvg(parts.svg, title, parts.spec.description, parts.id))}</div>
${parts.tables}
${(parts.notes ?? []).map((n) => html`<p class="note">${n}</p>`)}
<figcaption>${caption}</figcaption>
</figure>
<script type="application/json" class="vega-lite-spec" data-figure="${parts.id}">${new Html(jsonForScript(parts.spec))}</script>`;
}
