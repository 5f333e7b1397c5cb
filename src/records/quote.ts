/**
 * One bounded, escaped, masked way of quoting a value in a message (records.md,
 * "Validation": the value as written; "Privacy guard": never an identifier).
 * A value from a file can be megabytes long, hold line ends that would forge
 * lines of a one-problem-a-line report, or carry an identifier: every message
 * quotes values through {@link quoteValue} only.
 */
import { identifierShape, maskValue } from './privacy.js';

/** Characters of a value shown at most; the rest is counted, not shown. */
const QUOTE_LIMIT = 60;

/** Escapes control, line-separator, bidi and zero-width characters as \n, \t, \u{...}. */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\\]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    if (c === '\\') return '\\\\';
    return `\\u{${c.charCodeAt(0).toString(16).padStart(4, '0')}}`;
  });
}

/**
 * A value as a message shows it: masked whole when it has an identifier's
 * shape anywhere, otherwise its first {@link QUOTE_LIMIT} characters (with the
 * number of characters left out) with control characters escaped.
 */
export function quoteValue(text: string): string {
  const cut = text.length > 4 * QUOTE_LIMIT ? text.slice(0, 4 * QUOTE_LIMIT) : text;
  if (identifierShape(cut) !== null) return maskValue(text.length > 1000 ? text.slice(0, 1000) : text);
  const chars = Array.from(cut);
  const shown = chars.length > QUOTE_LIMIT ? chars.slice(0, QUOTE_LIMIT).join('') : cut;
  const more = text.length - shown.length;
  return escapeControls(shown) + (more > 0 ? `… (${more} more characters)` : '');
}
