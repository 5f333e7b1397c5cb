import { describe, expect, it } from 'vitest';
import { StudyError, studyFromRows } from '../../src/records/index.js';
import { editDistance, nearColumn, normaliseColumnName } from '../../src/records/headers.js';
import { PEOPLE_COLUMNS } from '../../src/study/vocabulary.js';
import { computeMeasures } from '../../src/measures/index.js';
import type { Problem } from '../../src/study/study.js';

const offences = [{ code: 'VIO1', label: 'Assault', group: 'violence against the person', category: 'violent', mode_of_trial: 'either_way', severity: 300 }];
const event = { person_id: 'P01', type: 'recall', date: '2019-03-01' };
const summary = (p: Problem) => [p.severity, p.kind, p.line, p.column, p.expected];

function errorsOf(run: () => unknown): Problem[] {
  try {
    run();
  } catch (error) {
    if (error instanceof StudyError) return error.problems.filter((p) => p.severity === 'error');
    throw error;
  }
  throw new Error('expected a StudyError');
}

describe('column names as spreadsheets write them', () => {
  it('normalises case, surrounding space, inner spaces and hyphens', () => {
    expect(normaliseColumnName(' Release Date ')).toBe('release_date');
    expect(normaliseColumnName('Service-End')).toBe('service_end');
    expect(normaliseColumnName('End  reason')).toBe('end_reason');
    expect(normaliseColumnName('person_id')).toBe('person_id');
  });

  it('reads Release Date, Service End and End reason as the format columns', () => {
    const s = studyFromRows({
      people: [
        { 'Person ID': 'P01', Service: 'S', 'Index Offence': 'VIO1', 'Release Date': '2019-01-01', 'Service End': '2019-06-01', 'End reason': 'Completed' },
      ],
      events: [event],
      offences,
    });
    expect(Array.from(s.people.column('release_date') as unknown as number[])).toEqual([Date.UTC(2019, 0, 1) / 864e5]);
    expect(Array.from(s.people.column('end_reason') as unknown as string[])).toEqual(['completed']);
    expect(computeMeasures(s).flow.cohort).toBe(1);
  });

  it('finds the known column an unknown name stands for', () => {
    expect(editDistance('release_date', 'relase_date')).toBe(1);
    expect(nearColumn('relase_date', PEOPLE_COLUMNS)).toBe('release_date');
    expect(nearColumn('releasedate', PEOPLE_COLUMNS)).toBe('release_date');
    expect(nearColumn('index_offense', PEOPLE_COLUMNS)).toBe('index_offence');
    expect(nearColumn('gender', PEOPLE_COLUMNS)).toBe('sex');
    expect(nearColumn('site', PEOPLE_COLUMNS)).toBe(null);
  });

  it('refuses a people file without release_date (never a silent empty cohort), naming the column that looks like it', () => {
    const errors = errorsOf(() =>
      studyFromRows({ people: [{ person_id: 'P01', service: 'S', index_offence: 'VIO1', releasedate: '2019-01-01' }], events: [event], offences }),
    );
    expect(errors.map(summary)).toEqual([
      [
        'error',
        'missing_column',
        1,
        'release_date',
        "a release_date column (needed for the follow-up cohort; leave a cell blank for a person not yet released); the file has a column 'releasedate', which looks like it: rename it release_date",
      ],
    ]);
  });

  it('warns of an extra column that looks like a missing optional one, naming both', () => {
    const s = studyFromRows({
      people: [{ person_id: 'P01', service: 'S', index_offence: 'VIO1', release_date: '2019-01-01', etnicity: 'White' }],
      events: [event],
      offences,
    });
    expect(s.quality.problems.map(summary)).toEqual([
      [
        'warning',
        'similar_column',
        1,
        'etnicity',
        "ethnicity (the file has no ethnicity column, and 'etnicity' looks like it: rename it ethnicity if it is; it is kept as an extra column)",
      ],
    ]);
  });

  it('refuses to group by a column the people file does not have', () => {
    const s = studyFromRows({ people: [{ person_id: 'P01', service: 'S', index_offence: 'VIO1', release_date: '2019-01-01' }], events: [event], offences });
    expect(() => computeMeasures(s, { groupBy: 'tier' })).toThrow(
      'Cannot group by "tier": the people file has no tier column. Add it to the file, or group by another column.',
    );
  });
});
