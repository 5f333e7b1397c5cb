/**
 * A deliberately separate, minimal RFC 4180 reader for the synth tests, so the
 * published figures are checked without the toolkit's own loader or the
 * generator's code.
 */
import { readFileSync } from 'node:fs';

export type Row = Record<string, string>;

/** Rows of a CSV file as objects keyed by header; `#` lines before the header are skipped. */
export function readCsv(path: string): Row[] {
  const text = readFileSync(path, 'utf8');
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const body = records.filter((r) => !(r.length >= 1 && r[0].startsWith('#')));
  const [header, ...rows] = body;
  return rows.map((r) => {
    if (r.length !== header.length) throw new Error(`${path}: a row has ${r.length} fields, the header ${header.length}`);
    return Object.fromEntries(header.map((h, i) => [h, r[i]]));
  });
}

/** Days since 1970-01-01 of a YYYY-MM-DD date; NaN when blank. */
export function dayOf(iso: string): number {
  if (iso === '') return NaN;
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}
