import { describe, expect, it } from 'vitest';
import { formatProblem, studyFromRows } from '../../src/records/index.js';
import { formatValidation, validationJson } from '../../src/cli/commands/validate.js';

const offences = [{ code: 'VIO1', label: 'Assault', group: 'violence against the person', category: 'violent', mode_of_trial: 'either_way', severity: 300 }];
const people = [
  { person_id: 'P01', service: 'S', index_offence: 'VIO1', release_date: '2019-01-01', follow_up_end: '2020-06-30' },
  { person_id: 'P02', service: 'S', index_offence: 'VIO1', release_date: '2019-02-01' },
];
const events = [
  { person_id: 'P01', type: 'conviction', date: '2019-11-01', conviction_date: '2020-02-01', offence: 'VIO1' },
  { person_id: 'P01', type: 'recall', date: '2020-03-01' },
  { person_id: 'P02', type: 'recall', date: '2019-05-01' },
];

describe('dates against the extraction date', () => {
  it('warns of an event or conviction dated after a given extraction date', () => {
    const s = studyFromRows({ people, events, offences }, { extractionDate: '2019-12-31' });
    expect(s.quality.problems.filter((p) => p.table === 'events').map(formatProblem)).toEqual([
      "<events rows> line 2, column conviction_date: value '2020-02-01' — expected a conviction_date on or before the extraction date (2019-12-31); kept: check the date, or the extraction date",
      "<events rows> line 3, column date: value '2020-03-01' — expected a date on or before the extraction date (2019-12-31); kept: check the date, or the extraction date",
    ]);
  });

  it('says which rows an inferred extraction date came from', () => {
    const s = studyFromRows({ people, events, offences });
    expect(s.extractionDateInferred).toBe(true);
    expect(s.extractionDateSource).toBe('from <people rows> line 2, column follow_up_end');
  });

  it('summarises warnings by kind with the first few, and --json lists every one', () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ person_id: 'P02', type: 'breach', date: `2019-01-0${i + 1}` }));
    const s = studyFromRows({ people, events: many, offences }, { extractionDate: '2019-12-31' });
    const text = formatValidation(s.quality, []);
    expect(text).toContain('  event_before_release (6):');
    expect(text).toContain('    … and 3 more of this kind (validate --json lists them all)');
    expect(text.split('\n').filter((l) => l.startsWith('    <events rows>')).length).toBe(3);
    const json = JSON.parse(validationJson(s.quality, '2019-12-31', null));
    expect(json.problems.length).toBe(7);
    expect(json.warnings).toEqual({ event_before_release: 6, follow_up_end_after_extraction: 1 });
  });
});
