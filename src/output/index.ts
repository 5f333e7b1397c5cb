/**
 * The measures written out (json-output.md; study-file.md, "follow-up
 * measures"): the JSON document other tools read, and the plain-text summary.
 * Output, not measurement: measures/ stays free of formatting.
 */
export { toJsonDocument } from './json.js';
export { formatMeasuresText, formatProportion } from './text.js';
