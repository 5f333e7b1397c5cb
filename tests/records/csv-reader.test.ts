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

const TEXT = '\uFEFFa,b,c\r\n' + '1,"two, with comma",3\r\n' + '"multi\nline ""quoted""",x,\n' + '\n' + 'é,ü,"ß"\r' + 'last,row,"ends without newline"';

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

  it('counts a lone CR inside a quoted field as a line end, as it does outside one', () => {
    const text = 'h1,h2\r"a\rb",c\rd,"e\r\nf"\r\ng,h\r';
    const expected = [
      { line: 1, fields: ['h1', 'h2'], fault: null },
      { line: 2, fields: ['a\rb', 'c'], fault: null },
      { line: 4, fields: ['d', 'e\r\nf'], fault: null },
      { line: 6, fields: ['g', 'h'], fault: null },
    ];
    const { records, sink } = collector();
    readCsvBytes(Buffer.from(text), sink);
    expect(records).toEqual(expected);
    const path = join(mkdtempSync(join(tmpdir(), 'csv-')), 'cr.csv');
    writeFileSync(path, text);
    for (let chunk = 1; chunk <= 8; chunk++) {
      const read = collector();
      readCsvFile(path, read.sink, chunk);
      expect(read.records, `chunk ${chunk}`).toEqual(expected);
    }
  });

  it('reads records of more fields than it first makes room for (64), doubled quotes included', () => {
    const fields = Array.from({ length: 150 }, (_, i) => (i % 50 === 49 ? `say "${i}"` : `f${i}`));
    const { records, sink } = collector();
    readCsvBytes(
      Buffer.from(`${fields.map((f) => (f.includes('"') ? `"${f.replace(/"/g, '""')}"` : f)).join(',')}\n${fields.map((_, i) => i).join(',')}\n`),
      sink,
    );
    expect(records).toEqual([
      { line: 1, fields, fault: null },
      { line: 2, fields: fields.map((_, i) => String(i)), fault: null },
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

describe('the CSV reader on random input', () => {
  /** A small deterministic generator (LCG), so that a failure can be reproduced. */
  function lcg(seed: number): () => number {
    let x = seed;
    return () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
  }

  it('reads written-out fields back exactly, whatever the chunk size', () => {
    const next = lcg(7);
    const alphabet = ['a', 'b', 'é', ',', '"', '\n', '\r\n', ' '];
    const dir = mkdtempSync(join(tmpdir(), 'csv-fuzz-'));
    for (let trial = 0; trial < 40; trial++) {
      const rows: string[][] = [];
      const nRows = 1 + Math.floor(next() * 5);
      const nFields = 1 + Math.floor(next() * 4);
      for (let r = 0; r < nRows; r++) {
        const row: string[] = [];
        for (let f = 0; f < nFields; f++) {
          let field = '';
          const length = Math.floor(next() * 5);
          for (let k = 0; k < length; k++) field += alphabet[Math.floor(next() * alphabet.length)];
          row.push(field);
        }
        // A record of one empty field would be a blank line, which is skipped.
        if (nFields === 1 && row[0] === '') row[0] = 'x';
        rows.push(row);
      }
      const quote = (f: string) => (/[",\r\n]/.test(f) || next() < 0.3 ? `"${f.replace(/"/g, '""')}"` : f);
      const eol = next() < 0.5 ? '\n' : '\r\n';
      const text = rows.map((r) => r.map(quote).join(',')).join(eol) + (next() < 0.5 ? eol : '');
      const path = join(dir, `t${trial}.csv`);
      writeFileSync(path, text);
      // Expected line numbers: each record starts after the line breaks of those before it.
      let line = 1;
      const expected = rows.map((r) => {
        const at = line;
        line += r.join(',').split('\n').length - 1 + 1;
        return { line: at, fields: r, fault: null };
      });
      for (const chunk of [1, 2, 3, 5, 8, 64]) {
        const { records, sink } = collector();
        readCsvFile(path, sink, chunk);
        expect(records, `trial ${trial}, chunk ${chunk}: ${JSON.stringify(text)}`).toEqual(expected);
      }
    }
  });
});
