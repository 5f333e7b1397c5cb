/**
 * Quarantine mode's output: every problem of every row set aside, one line
 * per problem, with the row as written (privacy-refused values masked).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../study/study.js';
import type { QuarantinedRow } from './table-reader.js';

export const QUARANTINE_FILE_NAME = 'quarantine.csv';

/** Quotes a CSV field when it needs it (RFC 4180). */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A row's fields joined back into one CSV line, as it stood in the file. */
function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

/**
 * The quarantine CSV: columns table, file, line, column, kind, value,
 * expected, row (the set-aside row itself as one CSV line; empty for a problem
 * of a whole file such as a refused column). Rows in file order.
 */
function quarantineCsv(fileProblems: readonly Problem[], rows: readonly QuarantinedRow[]): string {
  const out = [csvLine(['table', 'file', 'line', 'column', 'kind', 'value', 'expected', 'row'])];
  const line = (p: Problem, row: string) => csvLine([p.table, p.file, String(p.line), p.column ?? '', p.kind, p.value ?? '', p.expected, row]);
  for (const p of fileProblems) out.push(line(p, ''));
  for (const r of rows) {
    const raw = csvLine(r.fields);
    for (const p of r.problems) out.push(line(p, raw));
  }
  return out.join('\n') + '\n';
}

/** Writes `<dir>/quarantine.csv` (creating dir) and returns its path. */
export function writeQuarantine(dir: string, fileProblems: readonly Problem[], rows: readonly QuarantinedRow[]): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, QUARANTINE_FILE_NAME);
  writeFileSync(path, quarantineCsv(fileProblems, rows));
  return path;
}
