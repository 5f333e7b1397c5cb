import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadStudy } from '../../src/records/index.js';
import type { Problem } from '../../src/study/study.js';
import { day, studyError } from './helpers.js';

const dir = 'tests/fixtures/records';
const files = { people: `${dir}/errors/people.csv`, events: `${dir}/errors/events.csv`, offences: `${dir}/offences.csv` };

const summary = (p: Problem) => [p.kind, p.line, p.column, p.value];

/** One row per line of errors/people.csv: [kind, line, column, value as written]. */
const PEOPLE_ERRORS = [
  ['missing_value', 3, 'service', ''],
  ['wrong_type', 4, 'sex', 'alien'],
  ['out_of_range', 5, 'age_at_release', '9'],
  ['wrong_type', 6, 'age_at_release', 'thirty'],
  ['invalid_date', 7, 'release_date', '2023-02-30'],
  ['duplicate_person_id', 8, 'person_id', 'P01'],
  ['unknown_offence', 9, 'index_offence', 'XXX9'],
  ['dates_out_of_order', 10, 'in_reach_start', '2019-05-01'],
  ['dates_out_of_order', 11, 'service_end', '2019-02-01'],
  ['dates_out_of_order', 12, 'service_end', '2019-02-01'],
  ['missing_value', 13, 'end_reason', ''],
  ['missing_value', 14, 'exclusion_reason', ''],
  ['dates_out_of_order', 15, 'release_date', '2020-03-01'],
  ['dates_out_of_order', 16, 'service_end', '2020-03-01'],
  ['out_of_range', 17, 'prior_convictions', '-1'],
  ['wrong_type', 18, 'custody_years_before_release', 'x'],
  ['out_of_range', 19, 'aces', '11'],
  ['wrong_type', 20, 'included', 'maybe'],
  ['missing_value', 22, 'person_id', ''],
  ['wrong_type', 23, 'end_reason', 'fired'],
  ['wrong_type', 24, 'age_at_release', '30.5'],
  ['missing_value', 25, 'end_reason', ''],
];

const EVENT_ERRORS = [
  ['unknown_person', 3, 'person_id', 'P99'],
  ['person_quarantined', 4, 'person_id', 'P06'],
  ['wrong_type', 5, 'type', 'arrest'],
  ['missing_value', 6, 'type', ''],
  ['missing_value', 7, 'date', ''],
  ['invalid_date', 8, 'date', '2019-13-01'],
  ['missing_value', 9, 'conviction_date', ''],
  ['missing_value', 10, 'offence', ''],
  ['dates_out_of_order', 11, 'conviction_date', '2019-04-01'],
  ['unknown_offence', 12, 'offence', 'ZZZ'],
  ['wrong_type', 13, 'recall_reasons', 'bad_reason'],
  ['missing_value', 14, 'person_id', ''],
];

const EVENT_WARNINGS = [
  ['duplicate_event', 15, null, null],
  ['recall_reasons_on_non_recall', 16, 'recall_reasons', 'further_charge'],
  ['event_before_release', 17, 'date', '2019-02-01'],
  ['event_after_follow_up_end', 18, 'date', '2021-01-15'],
  ['recall_without_rerelease', 21, 'type', 'recall'],
];

describe('every error and warning of records.md', () => {
  it('stops the load and lists every error, in file order, with kind, line, column and value', async () => {
    const error = await studyError(files);
    const errors = error.problems.filter((p) => p.severity === 'error');
    expect(errors.filter((p) => p.table === 'people').map(summary)).toEqual(PEOPLE_ERRORS);
    expect(errors.filter((p) => p.table === 'events').map(summary)).toEqual(EVENT_ERRORS);
    expect(error.problems.filter((p) => p.severity === 'warning').map(summary)).toEqual(EVENT_WARNINGS);
    for (const p of errors) expect(p.file).toBe(p.table === 'people' ? files.people : files.events);
    // The message lists every error, one per line.
    expect(error.message.split('\n').length).toBe(1 + PEOPLE_ERRORS.length + EVENT_ERRORS.length);
    expect(error.message).toContain(`${files.people} line 7, column release_date: value '2023-02-30' — expected a date that exists, written YYYY-MM-DD`);
    expect(error.quality.people).toEqual({ read: 24, used: 2, quarantined: 22 });
    expect(error.quality.events).toEqual({ read: 21, used: 9, quarantined: 12 });
  });

  it('says what was expected, with the other date when dates are out of order', async () => {
    const error = await studyError(files);
    const at = (line: number, table = 'people') => error.problems.find((p) => p.line === line && p.table === table)!;
    expect(at(10).expected).toBe('a date on or before release_date (2019-03-01)');
    expect(at(11).expected).toBe('a date on or after release_date (2019-03-01)');
    expect(at(12).expected).toBe('a date on or after in_reach_start (2019-03-01), as the person was never released');
    expect(at(15).expected).toBe('a date on or before follow_up_end (2020-01-31)');
    expect(at(8).expected).toBe('a person_id used only once (first used on line 2, which is kept)');
    expect(at(11, 'events').expected).toBe('a date on or after the offence date (2019-05-01)');
  });

  it('never prints a person_id', async () => {
    const error = await studyError(files);
    expect(error.message).not.toMatch(/'P0[16]'|'P99'/);
    const blank = error.problems.find((p) => p.line === 22 && p.table === 'people')!;
    expect(formatProblem(blank)).toBe(`${files.people} line 22, column person_id: blank — expected a person_id (required)`);
    const duplicate = error.problems.find((p) => p.kind === 'duplicate_person_id')!;
    expect(formatProblem(duplicate)).toBe(
      `${files.people} line 8, column person_id: value withheld (a person_id is never printed) — expected a person_id used only once (first used on line 2, which is kept)`,
    );
  });

  it('in quarantine mode sets the bad rows aside, goes on, and writes them with their reasons', async () => {
    const out = mkdtempSync(join(tmpdir(), 'records-q-'));
    const s = await loadStudy(files, { quarantineDir: out });
    const q = s.quality;
    expect(q.people).toEqual({ read: 24, used: 2, quarantined: 22 });
    expect(q.events).toEqual({ read: 21, used: 9, quarantined: 12 });
    // read = used + quarantined, with the rows used counted in the study itself (one duplicate event merged into another).
    expect(s.people.numRows() + q.people.quarantined).toBe(q.people.read);
    expect(s.events.numRows() + q.warnings.duplicate_event + q.events.quarantined).toBe(q.events.read);
    expect(q.warnings).toEqual({
      duplicate_event: 1,
      recall_reasons_on_non_recall: 1,
      event_before_release: 1,
      event_after_follow_up_end: 1,
      recall_without_rerelease: 1,
    });
    expect(q.quarantineFile).toBe(join(out, 'quarantine.csv'));

    // The usable rest: P01 and P20, and their 9 used events less the one duplicate.
    expect(Array.from(s.people.column('person_id') as unknown as string[])).toEqual(['P01', 'P20']);
    expect(s.events.numRows()).toBe(8);
    expect(Array.from(s.personStart)).toEqual([0, 4, 8]);
    expect(Array.from(s.events.column('date') as unknown as Float64Array)).toEqual(
      ['2019-02-01', '2019-04-01', '2019-07-01', '2021-01-15', '2019-03-01', '2019-04-01', '2019-06-01', '2019-08-01'].map(day),
    );
    // drugs_alcohol (bit 4) and other (bit 5), matched ignoring case and spaces.
    expect(Array.from(s.events.column('recall_reasons') as unknown as Uint8Array)).toEqual([0, 0, 1, 0, 0, 0, 48, 0]);
    expect(s.extractionDate).toBe(day('2021-01-15'));

    const lines = readFileSync(q.quarantineFile!, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('table,file,line,column,kind,value,expected,row');
    expect(lines.length).toBe(1 + PEOPLE_ERRORS.length + EVENT_ERRORS.length);
    expect(lines[5]).toBe(
      `people,${files.people},7,release_date,invalid_date,2023-02-30,"a date that exists, written YYYY-MM-DD",` + '"P06,S,,,VIO1,,,,,2023-02-30,,,,,"',
    );
    expect(lines.at(-1)).toBe(`events,${files.events},14,person_id,missing_value,,a person_id (required),",recall,2019-06-01,,,"`);
  });
});

describe('dates against the extraction date', () => {
  it('refuses a release or service end after a given extraction date (the default follow_up_end)', async () => {
    const error = await studyError(
      { people: `${dir}/valid/people.csv`, events: `${dir}/valid/events.csv`, offences: `${dir}/offences.csv` },
      { extractionDate: '2019-06-30' },
    );
    expect(error.problems.filter((p) => p.severity === 'error').map(summary)).toEqual([
      ['dates_out_of_order', 2, 'service_end', '2019-12-31'],
      // P01's events go with P01's row.
      ['person_quarantined', 3, 'person_id', 'P01'],
      ['person_quarantined', 4, 'person_id', 'P01'],
      ['person_quarantined', 5, 'person_id', 'P01'],
    ]);
    expect(error.problems[0].expected).toBe('a date on or before the extraction date, the default follow_up_end (2019-06-30)');
    // P02's own follow_up_end (2020-06-30) is after the extraction date: kept, with a warning.
    expect(error.problems.filter((p) => p.severity === 'warning').map(summary)).toEqual([
      ['follow_up_end_after_extraction', 3, 'follow_up_end', '2020-06-30'],
      ['event_after_follow_up_end', 7, 'date', '2020-07-01'],
    ]);
  });

  it('rejects an extraction date that does not exist', async () => {
    await expect(loadStudy({ people: `${dir}/valid/people.csv`, events: `${dir}/valid/events.csv` }, { extractionDate: '2019-02-29' })).rejects.toThrow(
      "extractionDate '2019-02-29' is not a date that exists",
    );
  });
});
