import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { StudyError, studyFromRows, formatProblem } from '../../src/records/index.js';
import { dateParser, formatOfAll } from '../../src/records/date-formats.js';
import { BAD_DATE } from '../../src/records/bytes.js';
import { dateCellText } from '../../src/records/sources.js';
import { day } from './helpers.js';

const offences = [{ code: 'VIO1', label: 'Assault', group: 'violence against the person', category: 'violent', mode_of_trial: 'either_way', severity: 300 }];
const parse = (format: Parameters<typeof dateParser>[0], text: string) => {
  const b = Buffer.from(text);
  const d = dateParser(format)(b, 0, b.length);
  return d === BAD_DATE ? null : d;
};

function errorOf(run: () => unknown): StudyError {
  try {
    run();
  } catch (error) {
    if (error instanceof StudyError) return error;
    throw error;
  }
  throw new Error('expected a StudyError');
}

describe('date formats', () => {
  it('reads each format, and drops a time part of 00:00:00', () => {
    expect(parse('YYYY-MM-DD', '2020-06-15')).toBe(day('2020-06-15'));
    expect(parse('YYYY-MM-DD', '2020-06-15 00:00:00')).toBe(day('2020-06-15'));
    expect(parse('YYYY-MM-DD', '2020-06-15T00:00:00')).toBe(day('2020-06-15'));
    expect(parse('YYYY-MM-DD', '2020-06-15 13:45:00')).toBe(null);
    expect(parse('DD/MM/YYYY', '15/06/2020')).toBe(day('2020-06-15'));
    expect(parse('DD/MM/YYYY', '15/06/2020 00:00:00')).toBe(day('2020-06-15'));
    expect(parse('DD/MM/YYYY', '5/6/2020')).toBe(null);
    expect(parse('DD/MM/YYYY', '31/06/2020')).toBe(null);
    expect(parse('D/M/YYYY', '5/6/2020')).toBe(day('2020-06-05'));
    expect(parse('D/M/YYYY', '15/06/2020')).toBe(day('2020-06-15'));
    expect(parse('D/M/YYYY', '29/2/2019')).toBe(null);
  });

  it('names the format every failing value is written in', () => {
    expect(formatOfAll(['15/06/2020', '01/02/2019'], 'YYYY-MM-DD')).toBe('DD/MM/YYYY');
    expect(formatOfAll(['15/06/2020', '1/2/2019'], 'YYYY-MM-DD')).toBe('D/M/YYYY');
    expect(formatOfAll(['2020-06-15'], 'DD/MM/YYYY')).toBe('YYYY-MM-DD');
    expect(formatOfAll(['06/15/2020', '12/25/2019'], 'YYYY-MM-DD')).toBe('M/D/YYYY');
    expect(formatOfAll(['15/06/2020', 'soon'], 'YYYY-MM-DD')).toBe(null);
  });

  it('reads DD/MM/YYYY people and events with dateFormat set', () => {
    const s = studyFromRows(
      {
        people: [{ person_id: 'P01', service: 'S', index_offence: 'VIO1', release_date: '01/02/2019 00:00:00' }],
        events: [{ person_id: 'P01', type: 'recall', date: '15/06/2019' }],
        offences,
      },
      { dateFormat: 'DD/MM/YYYY' },
    );
    expect(Array.from(s.people.column('release_date') as unknown as number[])).toEqual([day('2019-02-01')]);
    expect(Array.from(s.events.column('date') as unknown as number[])).toEqual([day('2019-06-15')]);
  });

  it('gives one error naming the setting when a whole column is in another format', () => {
    const people = Array.from({ length: 1200 }, (_, i) => ({
      person_id: `P${i}`,
      service: 'S',
      index_offence: 'VIO1',
      release_date: `${String((i % 28) + 1).padStart(2, '0')}/06/2019`,
    }));
    const e = errorOf(() => studyFromRows({ people, events: [], offences }));
    const errors = e.problems.filter((p) => p.severity === 'error');
    expect(errors.map(formatProblem)).toEqual([
      '<people rows> line 2, column release_date: value \'01/06/2019\' — expected dates written YYYY-MM-DD (the dateFormat setting); all 1,200 dates that failed in this column are written DD/MM/YYYY: set "dateFormat": "DD/MM/YYYY" in the study file, or --date-format DD/MM/YYYY',
    ]);
  });

  it('keeps row errors when the failing dates are of no one format', () => {
    const people = [
      { person_id: 'P1', service: 'S', index_offence: 'VIO1', release_date: '15/06/2019' },
      { person_id: 'P2', service: 'S', index_offence: 'VIO1', release_date: 'June 2019' },
    ];
    const e = errorOf(() => studyFromRows({ people, events: [], offences }));
    expect(e.problems.map((p) => [p.kind, p.line, p.value])).toEqual([
      ['invalid_date', 2, '15/06/2019'],
      ['invalid_date', 3, 'June 2019'],
    ]);
  });

  it('reads a Date as the day it stands for, in UTC and under Europe/London alike', () => {
    const script = `
      import { dateCellText } from './src/records/sources.ts';
      console.log(JSON.stringify([dateCellText(new Date(2020, 5, 15)), dateCellText(new Date(Date.UTC(2020, 5, 15))), dateCellText(new Date(2020, 0, 15)), dateCellText(new Date('2020-06-15T13:45:00Z'))]));`;
    for (const tz of ['UTC', 'Europe/London', 'America/New_York', 'Asia/Tokyo']) {
      const out = execFileSync('npx', ['tsx', '-e', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
      expect(JSON.parse(out), tz).toEqual(['2020-06-15', '2020-06-15', '2020-01-15', '2020-06-15']);
    }
    expect(dateCellText(new Date(Date.UTC(2020, 5, 15)))).toBe('2020-06-15');
  });
});
