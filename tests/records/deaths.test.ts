/**
 * records.md "Validation": the checks a death brings, and measures.md "Competing
 * risks": F = min(F, death) in every measure.
 */
import { describe, expect, it } from 'vitest';
import { studyFromRows } from '../../src/records/index.js';
import { columnsOf } from '../../src/measures/columns.js';
import { caseloadSnapshot } from '../../src/measures/snapshot.js';
import { formatProblem } from '../../src/records/problems.js';
import { conviction, days, makeStudy, OFFENCES, person, recall, type Row } from '../measures/helpers.js';
import { parseISODate } from '../../src/time/days.js';

const death = (id: string, date: string): Row => ({ person_id: id, type: 'death', date, conviction_date: '', offence: '', recall_reasons: '' });

function errorsOf(people: Row[], events: Row[]): string[] {
  try {
    studyFromRows({ people, events, offences: OFFENCES }, { extractionDate: '2024-01-01' });
  } catch (error) {
    return (error as { problems: { severity: string }[] }).problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p as never));
  }
  return [];
}

describe('death events: validation', () => {
  it('accepts one death per person and reads it as type death', () => {
    const study = makeStudy(
      [person('a', { release_date: '2020-01-01' })],
      [conviction('a', '2020-03-01', '2020-04-01', 'T1'), death('a', '2020-04-01')],
      '2024-01-01',
    );
    expect(study.quality.events).toEqual({ read: 2, used: 2, quarantined: 0 });
    const p = columnsOf(study).people;
    expect(p.deathDate[0]).toBe(parseISODate('2020-04-01'));
    expect(p.followUpEnd[0]).toBe(parseISODate('2020-04-01'));
  });

  it('a second death is an error in its event row, naming file, line, column and value', () => {
    const errors = errorsOf([person('a', { release_date: '2020-01-01' })], [death('a', '2020-05-01'), death('a', '2020-06-01')]);
    expect(errors).toEqual(["<events rows> line 3, column type: value 'death' — expected one death per person (this person's death is on line 2, 2020-05-01)"]);
  });

  it('an event dated after the death, or convicted after it, is an error in the event row', () => {
    const errors = errorsOf(
      [person('a', { release_date: '2020-01-01' })],
      [recall('a', '2020-07-01'), conviction('a', '2020-03-01', '2020-06-02', 'T1'), death('a', '2020-06-01')],
    );
    expect(errors).toEqual([
      "<events rows> line 2, column date: value '2020-07-01' — expected a date on or before the person's death (2020-06-01, line 4)",
      "<events rows> line 3, column conviction_date: value '2020-06-02' — expected a conviction_date on or before the person's death (2020-06-01, line 4)",
    ]);
  });

  it('a release_date or service_end after the death is an error in the people row; quarantine sets the person aside with their events', () => {
    const people = [person('a', { release_date: '2020-01-01', service_end: '2020-08-01' }), person('b', { release_date: '2020-01-01' })];
    const events = [death('a', '2020-06-01'), recall('b', '2020-02-01')];
    expect(errorsOf(people, events)).toEqual([
      "<people rows> line 2, column service_end: value '2020-08-01' — expected a service_end on or before the person's death (2020-06-01, events line 2)",
      "<events rows> line 2, column person_id — expected a person whose row in people is usable (this person's row has errors, so their events are set aside with it)",
    ]);
    const study = studyFromRows({ people, events, offences: OFFENCES }, { extractionDate: '2024-01-01', quarantine: true });
    expect(study.quality.people).toEqual({ read: 2, used: 1, quarantined: 1 });
    expect(study.quality.events).toEqual({ read: 2, used: 1, quarantined: 1 });
    expect(study.people.column('person_id')?.at(0)).toBe('b');
    expect([...study.personStart]).toEqual([0, 1]);
    expect([...(study.events.column('person') as unknown as Int32Array)]).toEqual([0]);
  });

  it('a death after follow_up_end is a warning and ignored; a death on the release day gives F = r', () => {
    const study = makeStudy(
      [person('a', { release_date: '2020-01-01', follow_up_end: '2021-01-01' }), person('b', { release_date: '2020-01-01' })],
      [death('a', '2021-02-01'), death('b', '2020-01-01')],
      '2024-01-01',
    );
    expect(study.quality.warnings.event_after_follow_up_end).toBe(1);
    const p = columnsOf(study).people;
    expect(Number.isNaN(p.deathDate[0])).toBe(true);
    expect(p.followUpEnd[0]).toBe(parseISODate('2021-01-01'));
    expect(p.followUpEnd[1] - p.releaseDate[1]).toBe(0);
  });

  it('the snapshot leaves out people who died before D, not on D', () => {
    const study = makeStudy(
      [person('a', { release_date: '2020-01-01' }), person('b', { release_date: '2020-01-01' }), person('c', { release_date: '2020-01-01' })],
      [death('a', '2020-05-31'), death('b', '2020-06-01')],
      '2024-01-01',
    );
    expect(caseloadSnapshot(study, '2020-06-01').inCommunity).toBe(2);
    expect(days('2020-01-01', '2020-06-01')).toBe(152);
  });
});
