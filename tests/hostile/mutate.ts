/**
 * A seeded fuzzer of studies (records.md, "Validation" and "Privacy guard"):
 * a small valid study cut from the Resettle sample, mutated by one to three
 * hostile edits — hostile cell values (identifiers, controls, huge numbers,
 * long cells, lookalikes), lost or renamed columns, stray quotes, other line
 * ends, JSON, truncation. The same seed gives the same study.
 */
import { readFileSync } from 'node:fs';

/** mulberry32: a small seeded generator, enough for choosing mutations. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Identifiers put into cells: none may appear as written in any output. */
export const IDENTIFIERS = [
  'A1234BC',
  'AB123456C',
  '2004/0123456X',
  'SW1A 1AA',
  'jo.bloggs@example.com',
  '943 476 5919',
  '07700 900123',
  'А1234ВС',
  'X123456',
  'dob 01/02/1980',
];

const HOSTILE_VALUES = [
  ...IDENTIFIERS,
  '',
  ' ',
  '"',
  '""',
  'a"b',
  'line\nbreak',
  'cr\ronly',
  'nul\u0000',
  'bell\u0007',
  'bidi\u202eevil',
  'iso\u2067x',
  'sep\u2028x',
  'para\u2029x',
  '1e999',
  '-1e999',
  '1e300',
  'NaN',
  'Infinity',
  '-0',
  '0x10',
  '1,000',
  '  7  ',
  '2023-02-30',
  '2023-2-3',
  '31/12/2019',
  '9999-12-31',
  '0000-01-01',
  'x@' + 'a'.repeat(20_000),
  'z'.repeat(50_000),
  '{"a":'.repeat(50) + '1' + '}'.repeat(50),
  '\ufeffbom',
  'ｆｕｌｌ',
  'risk\\"level',
  "it's",
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${x}` in the data, in case a writer interpolates a value into a template.
  '${x}',
  '%s%n',
];

const HOSTILE_NAMES = [
  'risk\\"level',
  'full name',
  'NHS number',
  'DateOfBirth',
  'e-mail',
  'nDelius CRN',
  'x\u2028y',
  'a"b',
  '',
  ' service ',
  'SERVICE',
  'person_id',
  'index_offence_row',
  'ｎａｍｅ',
];

const SAMPLE = 'data-samples/resettle';

/** A CSV field quoted when it needs it. */
function field(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A table as a header and rows of strings. */
export interface Grid {
  head: string[];
  rows: string[][];
}

function parseSimpleCsv(text: string): Grid {
  // The sample is written plainly (no quotes), so splitting on commas is exact here.
  const lines = text.trim().split('\n');
  return { head: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

let base: { people: Grid; events: Grid } | null = null;

/** The first 40 people of the Resettle sample and their events. */
export function baseStudy(): { people: Grid; events: Grid } {
  if (base) return base;
  const people = parseSimpleCsv(readFileSync(`${SAMPLE}/people.csv`, 'utf8'));
  const events = parseSimpleCsv(readFileSync(`${SAMPLE}/events.csv`, 'utf8'));
  people.rows = people.rows.slice(0, 40);
  const ids = new Set(people.rows.map((r) => r[0]));
  events.rows = events.rows.filter((r) => ids.has(r[0]));
  base = { people, events };
  return base;
}

/** The person_ids of the base study: none may appear in any output. */
export function personIds(): string[] {
  return baseStudy().people.rows.map((r) => r[0]);
}

export interface MutatedStudy {
  people: { name: string; text: string };
  events: { name: string; text: string };
  edits: string[];
}

const clone = (g: Grid): Grid => ({ head: [...g.head], rows: g.rows.map((r) => [...r]) });

function toCsv(g: Grid): string {
  return [g.head, ...g.rows].map((r) => r.map(field).join(',')).join('\n') + '\n';
}

function toJson(g: Grid, oneLine: boolean): string {
  const objects = g.rows.map((r) => Object.fromEntries(g.head.map((h, i) => [h, r[i] ?? ''])));
  return oneLine ? JSON.stringify(objects) : JSON.stringify(objects, null, 1);
}

/** Study number `seed`, mutated. */
export function mutatedStudy(seed: number): MutatedStudy {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const study = { people: clone(baseStudy().people), events: clone(baseStudy().events) };
  const edits: string[] = [];
  const formats = { people: 'csv', events: 'csv' } as Record<'people' | 'events', string>;
  const textEdits: ((t: string) => string)[] = [];
  const n = 1 + Math.floor(random() * 3);
  for (let k = 0; k < n; k++) {
    const table = random() < 0.5 ? 'people' : 'events';
    const g = study[table];
    const kind = Math.floor(random() * 10);
    if (kind <= 3 && g.rows.length > 0) {
      const r = Math.floor(random() * g.rows.length),
        c = Math.floor(random() * g.head.length);
      const v = pick(HOSTILE_VALUES);
      g.rows[r][c] = v;
      edits.push(`${table} cell ${r},${g.head[c]} = ${JSON.stringify(v.slice(0, 30))}`);
    } else if (kind === 4) {
      const c = Math.floor(random() * g.head.length);
      edits.push(`${table} drop column ${g.head[c]}`);
      g.head.splice(c, 1);
      for (const r of g.rows) r.splice(c, 1);
    } else if (kind === 5) {
      const c = Math.floor(random() * g.head.length);
      const name = pick(HOSTILE_NAMES);
      edits.push(`${table} rename ${g.head[c]} to ${JSON.stringify(name)}`);
      g.head[c] = name;
    } else if (kind === 6 && g.rows.length > 0) {
      const r = Math.floor(random() * g.rows.length);
      edits.push(`${table} duplicate row ${r}`);
      g.rows.splice(r, 0, [...g.rows[r]]);
    } else if (kind === 7) {
      const f = pick(['json', 'json-line']);
      formats[table] = f;
      edits.push(`${table} as ${f}`);
    } else if (kind === 8) {
      const where = random();
      const what = pick(['"', '\u0000', '{', ']', ',', '\n', 'P0001']);
      edits.push(`${table} insert ${JSON.stringify(what)} at ${where.toFixed(3)}`);
      textEdits.push((t) => (table === currentTable ? t.slice(0, Math.floor(where * t.length)) + what + t.slice(Math.floor(where * t.length)) : t));
    } else {
      const how = pick(['cr', 'crlf', 'truncate', 'bom']);
      const at = random();
      edits.push(`${table} ${how}`);
      textEdits.push((t) => {
        if (table !== currentTable) return t;
        if (how === 'cr') return t.replace(/\n/g, '\r');
        if (how === 'crlf') return t.replace(/\n/g, '\r\n');
        if (how === 'bom') return '\ufeff' + t;
        return t.slice(0, Math.floor(at * t.length));
      });
    }
  }
  let currentTable: 'people' | 'events' = 'people';
  const render = (table: 'people' | 'events') => {
    currentTable = table;
    const f = formats[table];
    let text = f === 'csv' ? toCsv(study[table]) : toJson(study[table], f === 'json-line');
    for (const e of textEdits) text = e(text);
    return { name: `${table}.${f === 'csv' ? 'csv' : 'json'}`, text };
  };
  return { people: render('people'), events: render('events'), edits };
}
