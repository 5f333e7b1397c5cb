import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type StudyError, loadStudy, type LoadOptions } from '../../src/records/index.js';
import { readCsvBytes } from '../../src/records/csv-reader.js';
import type { Problem } from '../../src/study/study.js';
import { day, studyError as loadFailure } from './helpers.js';

const dir = 'tests/fixtures/records/malformed';
const offences = 'tests/fixtures/records/offences.csv';
const summary = (p: Problem) => [p.kind, p.table, p.line, p.column, p.value];
const errorsOf = (e: StudyError) => e.problems.filter((p) => p.severity === 'error').map(summary);

const studyError = (people: string, events: string, options: LoadOptions = {}) =>
  loadFailure({ people: `${dir}/${people}`, events: `${dir}/${events}`, offences }, options);

const quarantineDir = () => mkdtempSync(join(tmpdir(), 'records-m-'));
const quarantineLines = (path: string | null) => readFileSync(path!, 'utf8').trimEnd().split('\n');

describe('malformed CSV', () => {
  it('reports rows with too few and too many fields', async () => {
    const e = await studyError('people-ragged.csv', 'events.csv');
    expect(errorsOf(e)).toEqual([
      ['malformed_csv', 'people', 3, null, null],
      ['malformed_csv', 'people', 4, null, null],
    ]);
    expect(e.problems[0].expected).toBe('4 fields as in the header, found 3 (too few)');
    expect(e.problems[1].expected).toBe('4 fields as in the header, found 5 (too many)');
  });

  it('sets ragged rows aside in quarantine mode, raw row included', async () => {
    const out = quarantineDir();
    const s = await loadStudy({ people: `${dir}/people-ragged.csv`, events: `${dir}/events.csv`, offences }, { quarantineDir: out });
    expect(s.quality.people).toEqual({ read: 4, used: 2, quarantined: 2 });
    expect(Array.from(s.people.column('person_id') as unknown as string[])).toEqual(['P01', 'P04']);
    const lines = quarantineLines(s.quality.quarantineFile);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 5).join(','))).toEqual([
      `people,${dir}/people-ragged.csv,3,,malformed_csv`,
      `people,${dir}/people-ragged.csv,4,,malformed_csv`,
    ]);
    expect(lines[2].endsWith(',"P03,S,VIO1,2019-01-01,extra"')).toBe(true);
  });

  it('reports a quote left open at the end of the file on the line its record starts', async () => {
    const e = await studyError('people.csv', 'events-unclosed.csv');
    expect(errorsOf(e)).toEqual([['malformed_csv', 'events', 4, null, null]]);
    expect(e.problems[0].expected).toMatch(/closing quote/);
    expect(e.quality.events).toEqual({ read: 3, used: 2, quarantined: 1 });
  });

  it('reports text after a closing quote and goes on with the next record', async () => {
    const e = await studyError('people.csv', 'events-text-after-quote.csv');
    expect(errorsOf(e)).toEqual([['malformed_csv', 'events', 3, null, null]]);
    expect(e.quality.events).toEqual({ read: 3, used: 2, quarantined: 1 });
  });

  it('strips a byte-order mark, accepts CRLF, quoted commas and doubled quotes, and matches column names ignoring case and spaces', async () => {
    const s = await loadStudy({ people: `${dir}/people-bom-crlf.csv`, events: `${dir}/events-crlf-no-final-newline.csv`, offences });
    expect(Array.from(s.people.column('person_id') as unknown as string[])).toEqual(['P01', 'P02']);
    expect(Array.from(s.people.column('service') as unknown as string[])).toEqual(['North, East', 'Say "hi"']);
    expect(Array.from(s.people.column('included') as unknown as boolean[])).toEqual([true, false]);
    expect(Array.from(s.people.column('exclusion_reason') as unknown as string[])).toEqual([null, 'left']);
    expect(Array.from(s.events.column('type') as unknown as Uint8Array)).toEqual([0, 1]);
    expect(Array.from(s.events.column('date') as unknown as Float64Array)).toEqual([day('2019-03-01'), day('2019-04-01')]);
    expect(s.quality.events.read).toBe(2);
  });

  it('numbers a record by its first line, so a quoted field spanning lines shifts the next record', async () => {
    const e = await studyError('people-multiline.csv', 'events.csv');
    // P02's exclusion_reason spans lines 3–5; a blank line 7 is skipped.
    expect(errorsOf(e)).toEqual([
      ['invalid_date', 'people', 6, 'release_date', '2019-02-30'],
      ['invalid_date', 'people', 8, 'release_date', '2019-13-01'],
    ]);
    expect(e.quality.people.read).toBe(4);
    const s = await loadStudy({ people: `${dir}/people-multiline.csv`, events: `${dir}/events.csv`, offences }, { quarantineDir: quarantineDir() });
    expect(Array.from(s.people.column('exclusion_reason') as unknown as string[])).toEqual([null, 'moved\nout of\narea']);
  });

  it('refuses a 0-byte people file, naming it', async () => {
    const e = await studyError('empty.csv', 'events.csv');
    expect(errorsOf(e)).toEqual([['empty_file', 'people', 0, null, null]]);
    expect(e.problems[0].file).toBe(`${dir}/empty.csv`);
    expect(e.message).toContain(`${dir}/empty.csv — expected a header row naming the columns (the file is empty)`);
  });

  it('refuses a 0-byte events file even in quarantine mode (there is no header to go on with)', async () => {
    const e = await studyError('people.csv', 'empty.csv', { quarantineDir: quarantineDir() });
    expect(errorsOf(e)).toEqual([['empty_file', 'events', 0, null, null]]);
  });

  it('refuses a people file with a header only: a study needs people', async () => {
    const e = await studyError('people-header-only.csv', 'events-header-only.csv');
    expect(errorsOf(e)).toEqual([['empty_file', 'people', 0, null, null]]);
    expect(e.problems[0].expected).toBe('at least one person row after the header');
  });

  it('stops in quarantine mode when every person was set aside', async () => {
    const e = await studyError('people-all-bad.csv', 'events.csv', { quarantineDir: quarantineDir() });
    expect(errorsOf(e)).toEqual([
      ['empty_file', 'people', 0, null, null],
      ['missing_value', 'people', 2, 'service', ''],
      ['unknown_offence', 'people', 3, 'index_offence', 'NOPE'],
      ['person_quarantined', 'events', 2, 'person_id', 'P01'],
    ]);
    expect(e.problems[0].expected).toBe('at least one usable person row (every row has errors and was set aside)');
    expect(e.quality.people).toEqual({ read: 2, used: 0, quarantined: 2 });
  });

  it('accepts an events file with a header only: no events', async () => {
    const s = await loadStudy({ people: `${dir}/people.csv`, events: `${dir}/events-header-only.csv`, offences });
    expect(s.events.numRows()).toBe(0);
    expect(s.quality.events).toEqual({ read: 0, used: 0, quarantined: 0 });
    expect(Array.from(s.personStart)).toEqual([0, 0, 0]);
  });

  it('refuses a column named twice (ignoring case and spaces); unnamed columns are no clash', async () => {
    const e = await loadStudy({ people: 'tests/fixtures/records/valid/people.csv', events: `${dir}/events-duplicate-column.csv`, offences }).catch(
      (x: unknown) => x,
    );
    expect(errorsOf(e as StudyError)).toEqual([['duplicate_column', 'events', 1, 'date', null]]);
  });

  it('refuses a column the loader makes itself', async () => {
    const e = await loadStudy({ people: 'tests/fixtures/records/valid/people.csv', events: `${dir}/events-person-column.csv`, offences }).catch(
      (x: unknown) => x,
    );
    expect(errorsOf(e as StudyError)).toEqual([['duplicate_column', 'events', 1, 'person', null]]);
  });

  it('reports a missing required column once, as a problem of the file', async () => {
    const e = await studyError('people.csv', 'people.csv');
    expect(errorsOf(e)).toEqual([
      ['missing_column', 'events', 1, 'type', null],
      ['missing_column', 'events', 1, 'date', null],
    ]);
  });
});

describe('JSON input', () => {
  it('numbers each object by the line of its opening brace, and reports an element that is not an object', async () => {
    const e = await studyError('people-lines.json', 'events-lines.json');
    expect(errorsOf(e)).toEqual([
      ['invalid_date', 'people', 8, 'release_date', '2019-02-30'],
      ['malformed_json', 'people', 10, null, null],
      // A number is not a date written YYYY-MM-DD.
      ['invalid_date', 'events', 3, 'date', '20190401'],
    ]);
    expect(e.quality.people).toEqual({ read: 4, used: 2, quarantined: 2 });
    const s = await loadStudy({ people: `${dir}/people-lines.json`, events: `${dir}/events-lines.json`, offences }, { quarantineDir: quarantineDir() });
    expect(Array.from(s.people.column('person_id') as unknown as string[])).toEqual(['P01', 'P03']);
    expect(Array.from(s.people.column('age_at_release') as unknown as Float64Array)).toEqual([NaN, 30]);
    expect(Array.from(s.people.column('release_date') as unknown as Float64Array)).toEqual([day('2019-01-01'), NaN]);
  });

  it('treats a blank JSON file as empty, and an empty array as a table without rows', async () => {
    expect(errorsOf(await studyError('people.csv', 'blank.json'))).toEqual([['empty_file', 'events', 0, null, null]]);
    const s = await loadStudy({ people: `${dir}/people.csv`, events: `${dir}/empty-array.json`, offences });
    expect(s.quality.events).toEqual({ read: 0, used: 0, quarantined: 0 });
    expect(errorsOf(await studyError('empty-array.json', 'events.csv'))).toEqual([['empty_file', 'people', 0, null, null]]);
  });

  it('reports JSON that does not parse', async () => {
    const e = await studyError('people.csv', 'events-broken.json');
    expect(errorsOf(e)).toEqual([['malformed_json', 'events', 1, null, null]]);
  });
});

describe('the same malformed inputs in quarantine mode', () => {
  const cases: [string, string][] = [
    ['people-ragged.csv', 'events.csv'],
    ['people.csv', 'events-unclosed.csv'],
    ['people.csv', 'events-text-after-quote.csv'],
    ['people-multiline.csv', 'events.csv'],
    ['people-lines.json', 'events-lines.json'],
  ];
  it.each(cases)('%s + %s: the rest goes on, counts add up, every error is in the quarantine file', async (people, events) => {
    const failed = await studyError(people, events);
    const errors = failed.problems.filter((p) => p.severity === 'error');
    const out = quarantineDir();
    const s = await loadStudy({ people: `${dir}/${people}`, events: `${dir}/${events}`, offences }, { quarantineDir: out });
    for (const table of ['people', 'events'] as const) {
      const c = s.quality[table];
      expect(c).toEqual(failed.quality[table]);
    }
    // read = used + quarantined, with the rows used counted in the study itself.
    expect(s.people.numRows() + s.quality.people.quarantined).toBe(s.quality.people.read);
    expect(s.events.numRows() + (s.quality.warnings.duplicate_event ?? 0) + s.quality.events.quarantined).toBe(s.quality.events.read);
    // Parsed as CSV: a raw row may hold line breaks inside quotes.
    const records: string[][] = [];
    readCsvBytes(readFileSync(s.quality.quarantineFile!), (r) => {
      const fields: string[] = [];
      for (let i = 0; i < r.count; i++) fields.push(r.buf.toString('utf8', r.starts[i], r.ends[i]));
      records.push(fields);
    });
    expect(records[0]).toEqual(['table', 'file', 'line', 'column', 'kind', 'value', 'expected', 'row']);
    expect(records.slice(1).map((r) => r.slice(0, 5).join(','))).toEqual(errors.map((p) => [p.table, p.file, p.line, p.column ?? '', p.kind].join(',')));
  });
});
