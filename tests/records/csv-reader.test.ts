import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvBytes, readCsvFile, type CsvRecord } from '../../src/records/csv-reader.js';

type Read = { line: number; fields: string[]; fault: string | null };

function collector(): { records: Read[]; sink: (r: CsvRecord) => void } {
  const records: Read[] = [];
  const sink = (r: CsvRecord) => {
    const fields: string[] = [];
    for (let i = 0; i < r.count; i++) fields.push(r.buf.toString('utf8', r.starts[i], r.ends[i]));
    records.push({ line: r.line, fields, fault: r.fault });
  };
  return { records, sink };
}

const TEXT =
  '\uFEFFa,b,c\r\n' +
  '1,"two, with comma",3\r\n' +
  '"multi\nline ""quoted""",x,\n' +
  '\n' +
  'é,ü,"ß"\r' +
  'last,row,"ends without newline"';

const EXPECTED: Read[] = [
  { line: 1, fields: ['a', 'b', 'c'], fault: null },
  { line: 2, fields: ['1', 'two, with comma', '3'], fault: null },
  { line: 3, fields: ['multi\nline "quoted"', 'x', ''], fault: null },
  // line 5 was blank and is skipped
  { line: 6, fields: ['é', 'ü', 'ß'], fault: null },
  { line: 7, fields: ['last', 'row', 'ends without newline'], fault: null },
];

describe('the CSV reader', () => {
  it('parses quoting, CRLF, LF and lone CR, a BOM, UTF-8, and numbers records by their first line', () => {
    const { records, sink } = collector();
    readCsvBytes(Buffer.from(TEXT, 'utf8'), sink);
    expect(records).toEqual(EXPECTED);
  });

  it('gives the same records whatever the chunk size (records split across reads)', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'csv-')), 't.csv');
    writeFileSync(path, TEXT);
    for (let chunk = 1; chunk <= 24; chunk++) {
      const { records, sink } = collector();
      const info = readCsvFile(path, sink, chunk);
      expect(records, `chunk ${chunk}`).toEqual(EXPECTED);
      expect(info.bytes).toBe(Buffer.byteLength(TEXT));
    }
  });

  it('marks an unclosed quote and text after a closing quote', () => {
    const { records, sink } = collector();
    readCsvBytes(Buffer.from('h1,h2\n"a"b,c\nd,"e\nf'), sink);
    expect(records).toEqual([
      { line: 1, fields: ['h1', 'h2'], fault: null },
      { line: 2, fields: ['a', 'c'], fault: 'text_after_quote' },
      { line: 3, fields: ['d', 'e\nf'], fault: 'unclosed_quote' },
    ]);
  });

  it('reads nothing from an empty file', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'csv-')), 'empty.csv');
    writeFileSync(path, '');
    const { records, sink } = collector();
    expect(readCsvFile(path, sink).bytes).toBe(0);
    expect(records).toEqual([]);
  });
});
