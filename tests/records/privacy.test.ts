import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFUSED_COLUMNS, StudyError, formatProblem, loadStudy, studyFromRows } from '../../src/records/index.js';
import { identifierShape, maskValue, mayBeIdentifierBytes } from '../../src/records/privacy.js';
import type { Problem } from '../../src/study/study.js';

const offences = [{ code: 'VIO1', label: 'Assault', group: 'violence against the person', category: 'violent', mode_of_trial: 'either_way', severity: 300 }];
const person = { person_id: 'P01', service: 'S', index_offence: 'VIO1', release_date: '2019-01-01' };
const event = { person_id: 'P01', type: 'recall', date: '2019-03-01' };
const summary = (p: Problem) => [p.kind, p.table, p.line, p.column, p.value];

function problemsOf(run: () => unknown): Problem[] {
  try {
    run();
  } catch (error) {
    if (error instanceof StudyError) return error.problems.filter((p) => p.severity === 'error');
    throw error;
  }
  throw new Error('expected a StudyError');
}

describe('refused column names', () => {
  it.each(REFUSED_COLUMNS)('refuses a people column named %s', (name) => {
    const problems = problemsOf(() => studyFromRows({ people: [{ ...person, [name]: 'x' }], events: [event], offences }));
    expect(problems.map(summary)).toEqual([['privacy_column', 'people', 1, name, null]]);
  });

  it('refuses an identifying events column, matching the name ignoring case and spaces', () => {
    const problems = problemsOf(() => studyFromRows({ people: [person], events: [{ ...event, ' Surname ': 'x' }], offences }));
    expect(problems.map(summary)).toEqual([['privacy_column', 'events', 1, 'surname', null]]);
  });

  it('refuses spelling variants with spaces, hyphens or dots', () => {
    const problems = problemsOf(() =>
      studyFromRows({ people: [{ ...person, 'First Name': 'x', 'Date-of-Birth': 'y', 'n.i. number': 'z' }], events: [event], offences }),
    );
    expect(problems.map(summary)).toEqual([
      ['privacy_column', 'people', 1, 'first_name', null],
      ['privacy_column', 'people', 1, 'date_of_birth', null],
      ['privacy_column', 'people', 1, 'n.i._number', null],
    ]);
  });

  it('lets an allowed column through, values unchecked', () => {
    const s = studyFromRows({ people: [{ ...person, postcode: 'SW1A 1AA' }], events: [event], offences }, { allowColumns: ['Postcode'] });
    expect(Array.from(s.people.column('postcode') as unknown as string[])).toEqual(['SW1A 1AA']);
    expect(s.allowColumns).toEqual(['Postcode']);
  });

  it('in quarantine mode drops a refused column and goes on', () => {
    const s = studyFromRows({ people: [{ ...person, dob: '1980-01-01' }], events: [event], offences }, { quarantine: true });
    expect(s.people.columnNames()).not.toContain('dob');
    expect(s.quality.people).toEqual({ read: 1, used: 1, quarantined: 0 });
    expect(s.quality.problems.map(summary)).toEqual([['privacy_column', 'people', 1, 'dob', null]]);
  });
});

/** Identifier-shaped values and how they are shown: first two and last two characters. */
const SHAPES: [string, string, string][] = [
  ['a PNC ID', '2004/0123456X', '20•••6X'],
  ['a PNC ID', '04/123456Z', '04•••6Z'],
  ['a National Insurance number', 'QQ123456C', 'QQ•••6C'],
  ['a National Insurance number', 'qq 12 34 56 c', 'qq••• c'],
  ['a prison (NOMIS) number', 'A1234BC', 'A1•••BC'],
  ['an nDelius case reference (CRN)', 'X123456', 'X1•••56'],
  ['an email address', 'someone@example.org', 'so•••rg'],
  ['a UK postcode', 'SW1A 1AA', 'SW•••AA'],
  ['a UK postcode', 'M1 1AE', '•••'],
  ['a UK postcode', 'see CF10 3AT for details', 'se•••ls'],
];

describe('identifier-shaped values', () => {
  it.each(SHAPES)('refuses %s (%s) in an extra column, masked', (shape, value, masked) => {
    const problems = problemsOf(() => studyFromRows({ people: [person, { ...person, person_id: 'P02', note: value }], events: [event], offences }));
    expect(problems.map(summary)).toEqual([['privacy_value', 'people', 3, 'note', masked]]);
    expect(problems[0].expected).toBe(`no value shaped like ${shape} (records must be anonymised)`);
    expect(formatProblem(problems[0])).not.toContain(value);
  });

  it.each(SHAPES)('lets %s (%s) past the byte pre-filter, which only rules out values of no shape', (shape, value) => {
    const bytes = Buffer.from(value, 'utf8');
    expect(mayBeIdentifierBytes(bytes, 0, bytes.length)).toBe(true);
    expect(identifierShape(value)).toBe(shape);
  });

  it.each(SHAPES)('refuses %s (%s) as an events person_id', (_shape, value, masked) => {
    const problems = problemsOf(() => studyFromRows({ people: [person], events: [{ ...event, person_id: value }], offences }));
    expect(problems.map(summary)).toEqual([['privacy_value', 'events', 2, 'person_id', masked]]);
  });

  it('refuses an identifier in a typed column instead of reporting the type, so the value is not repeated', () => {
    const problems = problemsOf(() => studyFromRows({ people: [{ ...person, release_date: 'A1234BC' }], events: [], offences }));
    expect(problems.map(summary)).toEqual([['privacy_value', 'people', 2, 'release_date', 'A1•••BC']]);
  });

  it('refuses a person_id shaped like an identifier, and sets that person’s events aside with it', () => {
    const problems = problemsOf(() => studyFromRows({ people: [{ ...person, person_id: 'X123456' }], events: [{ ...event, person_id: 'X123456' }], offences }));
    expect(problems.map(summary)).toEqual([
      ['privacy_value', 'people', 2, 'person_id', 'X1•••56'],
      ['privacy_value', 'events', 2, 'person_id', 'X1•••56'],
      ['person_quarantined', 'events', 2, 'person_id', null],
    ]);
  });

  it('lets through values that only look a little like identifiers', () => {
    const values = ['2019-01-01', 'P0001', 'P00001', 'Tier 2', 'North East', 'VAP-GBH-S18', '12.5', 'AB12 CD', 'A12345', 'ABC1234DE', 'standard'];
    for (const v of values) expect(identifierShape(v), v).toBeNull();
    const codes = readFileSync('data-samples/offences.csv', 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .slice(1)
      .map((l) => l.split(',')[0]);
    expect(codes.length).toBeGreaterThan(50);
    for (const code of codes) expect(identifierShape(code), code).toBeNull();
  });

  it('masks short values whole', () => {
    expect(maskValue('A1234BC')).toBe('A1•••BC');
    expect(maskValue('M11AE')).toBe('•••');
    expect(maskValue('')).toBe('');
  });
});

describe('the privacy guard on files', () => {
  const files = {
    people: 'tests/fixtures/records/privacy/people.csv',
    events: 'tests/fixtures/records/privacy/events.csv',
    offences: 'tests/fixtures/records/offences.csv',
  };

  it('names the column and line of every refused column and value', async () => {
    const error = await loadStudy(files).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StudyError);
    expect((error as StudyError).problems.filter((p) => p.severity === 'error').map(summary)).toEqual([
      ['privacy_column', 'people', 1, 'dob', null],
      ['privacy_value', 'people', 3, 'tier', 'li•••AA'],
      // One error per cell: the privacy error stands for the unknown person too.
      ['privacy_value', 'events', 3, 'person_id', 'A1•••BC'],
      ['privacy_value', 'events', 4, 'notes', 'ma•••rg'],
      ['privacy_value', 'events', 5, 'date', 'X1•••56'],
    ]);
  });

  it('in quarantine mode writes the bad rows with every refused value masked', async () => {
    const out = mkdtempSync(join(tmpdir(), 'records-p-'));
    const s = await loadStudy(files, { quarantineDir: out });
    expect(s.quality.people).toEqual({ read: 3, used: 2, quarantined: 1 });
    expect(s.quality.events).toEqual({ read: 4, used: 1, quarantined: 3 });
    expect(s.people.columnNames()).not.toContain('dob');
    const text = readFileSync(s.quality.quarantineFile!, 'utf8');
    for (const secret of ['SW1A', 'A1234BC', 'j.smith', 'X123456', '1981-02-02']) expect(text).not.toContain(secret);
    const lines = text.trimEnd().split('\n');
    expect(lines[1]).toBe(
      `people,${files.people},1,dob,privacy_column,,"no column that identifies a person: remove it, or name it in allowColumns if it does not identify anyone",`,
    );
    // The row as written, with the refused dob and the postcode masked.
    expect(lines[2].endsWith(',"P02,S,VIO1,2019-01-01,li•••AA,19•••02,"')).toBe(true);
  });
});
