import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { loadStudy, studyFromRows } from '../../src/records/index.js';
import type { Study } from '../../src/study/study.js';
import { eventsInOrder } from '../../src/records/sorting.js';
import type { EventColumns } from '../../src/records/events-reader.js';
import { day } from './helpers.js';

const dir = 'tests/fixtures/records';
const col = (s: Study, table: 'people' | 'events', name: string) => Array.from(s[table].column(name) as unknown as ArrayLike<unknown>);

/** The typed columns of the valid fixture, worked out by hand from the CSV text. */
function expectValidStudy(s: Study): void {
  expect(s.people.numRows()).toBe(3);
  expect(col(s, 'people', 'person_id')).toEqual(['P01', 'P02', 'P03']);
  expect(col(s, 'people', 'service')).toEqual(['North East', 'North East', 'South Wales']);
  expect(col(s, 'people', 'tier')).toEqual(['standard', 'enhanced', 'Tier 2']);
  expect(col(s, 'people', 'sex')).toEqual(['male', 'female', 'unknown']);
  expect(col(s, 'people', 'ethnicity')).toEqual(['White British', null, 'Black']);
  expect(col(s, 'people', 'age_at_release')).toEqual([34, 27, 45]);
  expect(col(s, 'people', 'index_offence')).toEqual(['VIO1', 'SEX1', 'ROB1']);
  expect(col(s, 'people', 'index_offence_row')).toEqual([0, 1, 3]);
  expect(col(s, 'people', 'prior_convictions')).toEqual([12, 3, 20]);
  expect(col(s, 'people', 'custody_years_before_release')).toEqual([8.5, 2, 11]);
  expect(col(s, 'people', 'aces')).toEqual([4, NaN, 6]);
  expect(col(s, 'people', 'referral_date')).toEqual([day('2018-01-10'), day('2018-03-05'), day('2018-05-01')]);
  expect(col(s, 'people', 'in_reach_start')).toEqual([day('2018-02-01'), day('2018-04-01'), NaN]);
  expect(col(s, 'people', 'release_date')).toEqual([day('2018-08-01'), day('2018-10-15'), NaN]);
  expect(col(s, 'people', 'service_end')).toEqual([day('2019-12-31'), NaN, NaN]);
  expect(col(s, 'people', 'end_reason')).toEqual(['completed', null, null]);
  expect(col(s, 'people', 'included')).toEqual([true, true, false]);
  expect(col(s, 'people', 'exclusion_reason')).toEqual([null, null, 'moved out of area']);
  // No extraction date given: the latest date in the records is the breach on 2020-07-01.
  expect(s.extractionDate).toBe(day('2020-07-01'));
  expect(s.extractionDateInferred).toBe(true);
  expect(col(s, 'people', 'follow_up_end')).toEqual([day('2020-07-01'), day('2020-06-30'), day('2020-07-01')]);
  expect(col(s, 'people', 'site_code')).toEqual(['NE-A', 'NE-B', null]);
  expect(s.people.column('release_date')).toBeInstanceOf(Float64Array);
  expect(s.people.column('index_offence_row')).toBeInstanceOf(Int32Array);

  // Sorted by person, date, type: P01's recall of 2019-02-10 comes before the rerelease that day.
  expect(col(s, 'events', 'person')).toEqual([0, 0, 0, 1, 1, 1]);
  expect(col(s, 'events', 'type')).toEqual([0, 0, 1, 2, 3, 4]);
  expect(col(s, 'events', 'date')).toEqual(['2018-12-24', '2019-02-10', '2019-02-10', '2019-03-01', '2019-03-01', '2020-07-01'].map(day));
  expect(col(s, 'events', 'conviction_date')).toEqual([NaN, NaN, NaN, day('2019-05-20'), day('2019-03-02'), NaN]);
  expect(col(s, 'events', 'offence')).toEqual([-1, -1, -1, 2, 2, -1]);
  // non_compliance is bit 1, failed_to_reside bit 3: 2 + 8.
  expect(col(s, 'events', 'recall_reasons')).toEqual([10, 0, 0, 0, 0, 0]);
  expect(s.events.column('type')).toBeInstanceOf(Uint8Array);
  expect(Array.from(s.personStart)).toEqual([0, 3, 6, 6]);

  expect(s.quality.people).toEqual({ read: 3, used: 3, quarantined: 0 });
  expect(s.quality.events).toEqual({ read: 6, used: 6, quarantined: 0 });
  // P02's breach on 2020-07-01 is after their follow_up_end 2020-06-30.
  expect(s.quality.warnings).toEqual({ event_after_follow_up_end: 1 });
  expect(s.quality.problems.map((p) => [p.kind, p.line, p.column])).toEqual([['event_after_follow_up_end', 7, 'date']]);
}

describe('a valid tiny study', () => {
  it('loads from CSV files with every typed column right', async () => {
    const s = await loadStudy({ people: `${dir}/valid/people.csv`, events: `${dir}/valid/events.csv`, offences: `${dir}/offences.csv` });
    expectValidStudy(s);
    expect(s.offences.code).toEqual(['VIO1', 'SEX1', 'THF1', 'ROB1']);
    expect(s.offences.severitySource).toBe('made-up weights for tests only.');
    expect(s.inputs.map((f) => [f.role, f.bytes])).toEqual([
      ['people', 543],
      ['events', 276],
      ['offences', 387],
    ]);
    expect(s.inputs[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('loads the same study from JSON files', async () => {
    const s = await loadStudy({ people: `${dir}/valid/people.json`, events: `${dir}/valid/events.json`, offences: `${dir}/offences.csv` });
    expectValidStudy(s);
  });

  it('uses a given extraction date as the default follow_up_end', async () => {
    const s = await loadStudy(
      { people: `${dir}/valid/people.csv`, events: `${dir}/valid/events.csv`, offences: `${dir}/offences.csv` },
      { extractionDate: '2020-12-31', snapshotDate: '2019-06-30', title: 'T' },
    );
    expect(s.extractionDate).toBe(day('2020-12-31'));
    expect(s.extractionDateInferred).toBe(false);
    expect(s.snapshotDate).toBe(day('2019-06-30'));
    expect(s.title).toBe('T');
    expect(col(s, 'people', 'follow_up_end')).toEqual([day('2020-12-31'), day('2020-06-30'), day('2020-12-31')]);
  });
});

const peopleObjects = [
  { person_id: 'A', service: 'S1', index_offence: 'VIO1', release_date: '2019-01-01', sex: 'Male', age_at_release: 30 },
  {
    person_id: 'B',
    service: 'S2',
    index_offence: 'THF1',
    release_date: new Date(Date.UTC(2019, 5, 30)),
    included: false,
    exclusion_reason: 'consent withdrawn',
  },
];
const eventObjects = [
  { person_id: 'B', type: 'RECALL', date: new Date(Date.UTC(2019, 8, 1)), recall_reasons: 'other' },
  { person_id: 'A', type: 'conviction', date: '2019-05-01', conviction_date: '2019-07-01', offence: 'SEX1' },
];
const offenceObjects = [
  { code: 'VIO1', label: 'Assault', group: 'violence against the person', category: 'violent', mode_of_trial: 'either_way', severity: 300 },
  { code: 'SEX1', label: 'Sexual assault', group: 'sexual offences', category: 'sexual', mode_of_trial: 'either_way', severity: 900 },
  { code: 'THF1', label: 'Shoplifting', group: 'theft offences', category: 'acquisitive', mode_of_trial: 'summary', severity: 20 },
];

function expectFromRows(s: Study): void {
  expect(col(s, 'people', 'person_id')).toEqual(['A', 'B']);
  expect(col(s, 'people', 'sex')).toEqual(['male', 'unknown']);
  expect(col(s, 'people', 'age_at_release')).toEqual([30, NaN]);
  expect(col(s, 'people', 'release_date')).toEqual([day('2019-01-01'), day('2019-06-30')]);
  expect(col(s, 'people', 'included')).toEqual([true, false]);
  expect(col(s, 'people', 'index_offence_row')).toEqual([0, 2]);
  expect(col(s, 'events', 'person')).toEqual([0, 1]);
  expect(col(s, 'events', 'type')).toEqual([2, 0]);
  expect(col(s, 'events', 'date')).toEqual([day('2019-05-01'), day('2019-09-01')]);
  expect(col(s, 'events', 'offence')).toEqual([1, -1]);
  expect(col(s, 'events', 'recall_reasons')).toEqual([0, 32]);
  expect(s.extractionDate).toBe(day('2019-09-01'));
  expect(s.quality.people.read).toBe(2);
  expect(s.quality.events.read).toBe(2);
  expect(s.inputs).toEqual([]);
}

describe('studyFromRows', () => {
  it('takes plain objects (Dates as UTC calendar days)', () => {
    expectFromRows(studyFromRows({ people: peopleObjects, events: eventObjects, offences: offenceObjects }));
  });

  it('takes arquero tables', () => {
    // aq.from takes column names from the first object unless told them.
    const table = (rows: Record<string, unknown>[]) => aq.from(rows, [...new Set(rows.flatMap((r) => Object.keys(r)))]);
    expectFromRows(studyFromRows({ people: table(peopleObjects), events: table(eventObjects), offences: table(offenceObjects) }));
  });

  it('takes { columns, values } (a data frame shape)', () => {
    const frame = (rows: Record<string, unknown>[]) => {
      const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
      return { columns, values: rows.map((r) => columns.map((c) => r[c] ?? null)) };
    };
    expectFromRows(studyFromRows({ people: frame(peopleObjects), events: frame(eventObjects), offences: frame(offenceObjects) }));
  });

  it('numbers in-memory rows as index + 2 in <people rows>', () => {
    const people = [...peopleObjects, { person_id: 'A', service: 'S1', index_offence: 'VIO1' }];
    const s = studyFromRows({ people, events: [], offences: offenceObjects }, { quarantine: true });
    expect(s.quality.problems).toMatchObject([{ kind: 'duplicate_person_id', file: '<people rows>', line: 4, column: 'person_id', value: 'A' }]);
    expect(s.quality.people).toEqual({ read: 3, used: 2, quarantined: 1 });
  });

  it('keeps extra event columns, sorted with their events, and merges rows identical in every column', () => {
    const events = [
      { person_id: 'A', type: 'breach', date: '2019-06-01', source: 'nDelius' },
      { person_id: 'A', type: 'recall', date: '2019-06-01', source: 'PPUD' },
      { person_id: 'A', type: 'breach', date: '2019-06-01', source: 'nDelius' },
      { person_id: 'A', type: 'breach', date: '2019-06-01', source: 'court' },
    ];
    const s = studyFromRows({ people: peopleObjects, events, offences: offenceObjects });
    expect(col(s, 'events', 'type')).toEqual([0, 4, 4]);
    expect(col(s, 'events', 'source')).toEqual(['PPUD', 'nDelius', 'court']);
    expect(s.quality.events).toEqual({ read: 4, used: 4, quarantined: 0 });
    expect(s.quality.problems).toMatchObject([{ kind: 'duplicate_event', line: 4, column: null }]);
    expect(s.quality.problems[0].expected).toBe('one row per event (identical in every column to line 2; counted once)');
  });

  it('matches enum and boolean values ignoring case, booleans written every way the format allows', () => {
    const written = ['1', 'FALSE', 'Yes', 'NO', 'True', '0', true, false];
    const ends = ['COMPLETED', 'Died', 'recalled', 'Disengaged', 'TRANSFERRED', 'Other', 'completed', 'died'];
    const people = written.map((included, i) => ({
      person_id: `P${i}`,
      service: 'S',
      index_offence: 'VIO1',
      release_date: '2019-01-01',
      service_end: '2019-06-01',
      end_reason: ends[i],
      included,
      exclusion_reason: included === false || /^(false|no|0)$/i.test(String(included)) ? 'withdrew' : null,
      sex: ['MALE', 'Female', 'oThEr', 'UNKNOWN', '', 'male', 'FEMALE', 'Other'][i],
    }));
    const events = [
      { person_id: 'P0', type: 'RECALL', date: '2019-02-01', recall_reasons: 'FURTHER_CHARGE; Drugs_Alcohol' },
      { person_id: 'P0', type: 'ReRelease', date: '2019-03-01' },
      { person_id: 'P0', type: 'Caution', date: '2019-04-01', conviction_date: '2019-04-02', offence: 'VIO1' },
      { person_id: 'P0', type: 'BREACH', date: '2019-05-01' },
    ];
    const s = studyFromRows({ people, events, offences: offenceObjects });
    expect(col(s, 'people', 'included')).toEqual([true, false, true, false, true, false, true, false]);
    expect(col(s, 'people', 'end_reason')).toEqual(['completed', 'died', 'recalled', 'disengaged', 'transferred', 'other', 'completed', 'died']);
    expect(col(s, 'people', 'sex')).toEqual(['male', 'female', 'other', 'unknown', 'unknown', 'male', 'female', 'other']);
    // EVENT codes: recall 0, rerelease 1, caution 3, breach 4; further_charge bit 0 and drugs_alcohol bit 4: 1 + 16.
    expect(col(s, 'events', 'type')).toEqual([0, 1, 3, 4]);
    expect(col(s, 'events', 'recall_reasons')).toEqual([17, 0, 0, 0]);
    expect(s.quality.problems).toEqual([]);
  });

  it('uses the default offence lookup when none is given', () => {
    const s = studyFromRows({ people: [{ person_id: 'A', service: 'S', index_offence: 'VAP-MURDER', release_date: '2019-01-01' }], events: [] });
    expect(s.offences.code.length).toBeGreaterThan(50);
    expect(s.offences.severitySource).toMatch(/Crime Severity Score/);
    expect(col(s, 'people', 'index_offence_row')).toEqual([s.offences.rowOf.get('VAP-MURDER')]);
  });
});

describe('event order', () => {
  const columns = (person: number[], date: number[], type: number[]): EventColumns => ({
    count: person.length,
    person: Int32Array.from(person),
    type: Uint8Array.from(type),
    date: Float64Array.from(date),
    conviction_date: Float64Array.from(date, (d) => d + 100),
    offence: Int32Array.from(person, (_, i) => 10 + i),
    recall_reasons: Uint8Array.from(person, (_, i) => i),
    line: Int32Array.from(person, (_, i) => i + 2),
  });

  it('keeps rows already in order as they are, with each person’s first row found in the same pass', () => {
    // Person 1 has no events, nor has person 3 (the last).
    const c = columns([0, 0, 2, 2, 2], [1, 2, 1, 1, 3], [0, 1, 2, 3, 0]);
    const s = eventsInOrder(4, c, []);
    expect(s.moved).toBe(false);
    expect(s.columns).toBe(c);
    expect(Array.from(s.personStart)).toEqual([0, 2, 2, 5, 5]);
  });

  it('moves rows out of order (every column and extra) by person, date and type, ties in file order', () => {
    const s = eventsInOrder(3, columns([2, 0, 0, 0], [1, 5, 3, 5], [0, 1, 0, 1]), [{ values: ['a', 'b', null, 'd'] }]);
    expect(s.moved).toBe(true);
    expect(Array.from(s.columns.line)).toEqual([4, 3, 5, 2]);
    expect(Array.from(s.columns.person)).toEqual([0, 0, 0, 2]);
    expect(Array.from(s.columns.date)).toEqual([3, 5, 5, 1]);
    expect(Array.from(s.columns.conviction_date)).toEqual([103, 105, 105, 101]);
    expect(Array.from(s.columns.offence)).toEqual([12, 11, 13, 10]);
    expect(Array.from(s.columns.recall_reasons)).toEqual([2, 1, 3, 0]);
    expect(s.extras[0]).toEqual([null, 'b', 'd', 'a']);
    expect(Array.from(s.personStart)).toEqual([0, 3, 3, 4]);
  });

  it('puts a long run of one person (more than 16 rows, in reverse order) in order, ties in file order', () => {
    const n = 40;
    const date = Array.from({ length: n }, (_, i) => Math.floor((n - i) / 2));
    const s = eventsInOrder(1, columns(new Array(n).fill(0), date, new Array(n).fill(0)), []);
    const lines = Array.from(s.columns.line);
    for (let k = 1; k < n; k++) {
      const a = s.columns.date[k - 1],
        b = s.columns.date[k];
      expect(a < b || (a === b && lines[k - 1] < lines[k])).toBe(true);
    }
  });
});
