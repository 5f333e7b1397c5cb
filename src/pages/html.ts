/**
 * HTML text helpers. Everything that comes from the data (service names,
 * labels, exclusion reasons, narrative) passes through `esc` before it reaches
 * the page; `html` marks text that is already safe markup.
 */

/** Markup that is already escaped or built from escaped parts. */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

/** Escapes text for an HTML text node or a double-quoted attribute value. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or markup as markup: strings are escaped, Html is kept. */
function asHtml(part: string | number | Html): string {
  return part instanceof Html ? part.markup : esc(part);
}

/** Tagged template: interpolated strings are escaped, Html values and arrays of them are inserted as they are. */
export function html(strings: TemplateStringsArray, ...values: (string | number | Html | (string | Html)[] | null | undefined)[]): Html {
  let out = strings[0];
  values.forEach((v, i) => {
    if (v == null) out += '';
    else if (Array.isArray(v)) out += v.map(asHtml).join('');
    else out += asHtml(v);
    out += strings[i + 1];
  });
  return new Html(out);
}

/** Joins markup. */
export function join(parts: (Html | string)[], separator = '\n'): Html {
  return new Html(parts.map(asHtml).join(separator));
}

/**
 * JSON for a `<script type="application/json">` block: `<`, `>` and `&` as
 * unicode escapes so the data can never close the script element, and the
 * line and paragraph separators escaped for older parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A URL-safe file name from a title: lower case, words joined by hyphens. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug || 'study';
}
