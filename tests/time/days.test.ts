import { describe, expect, test } from 'vitest';
import { addMonths, daysToMonths, formatDay, parseISODate } from '../../src/time/days.js';

const day = (iso: string) => {
  const d = parseISODate(iso);
  if (d === undefined) throw new Error(`bad test date ${iso}`);
  return d;
};

describe('calendar days', () => {
  test('day numbers count from 1970-01-01', () => {
    expect(parseISODate('1970-01-01')).toBe(0);
    expect(parseISODate('1969-12-31')).toBe(-1);
    expect(parseISODate('2020-02-29')).toBe(18321);
    expect(day('2024-01-30') - day('2023-01-30')).toBe(365);
  });

  test('years below 100 are years of the common era, not 1900 + year', () => {
    // 0019-01-01 is 712,588 days before 1970-01-01 (Python: date(1970,1,1).toordinal() - date(19,1,1).toordinal()).
    expect(parseISODate('0019-01-01')).toBe(-712588);
    expect(formatDay(-712588)).toBe('0019-01-01');
    expect(formatDay(addMonths(day('0099-12-31'), 2))).toBe('0100-02-28');
  });

  test.each(['2023-02-29', '2023-02-30', '2024-04-31', '2024-13-01', '2024-00-10', '2024-1-01', '2024-01-01T00:00', ' 2024-01-01', ''])('refuses %j', (text) =>
    expect(parseISODate(text)).toBeUndefined(),
  );

  test('formats back, and a missing day as null', () => {
    expect(formatDay(18321)).toBe('2020-02-29');
    expect(formatDay(-1)).toBe('1969-12-31');
    expect(formatDay(Number.NaN)).toBeNull();
  });

  test.each([
    ['2020-01-31', 1, '2020-02-29'],
    ['2019-01-31', 1, '2019-02-28'],
    ['2020-02-29', 12, '2021-02-28'],
    ['2020-02-29', 48, '2024-02-29'],
    ['2020-08-31', 1, '2020-09-30'],
    ['2020-11-30', 3, '2021-02-28'],
    ['2020-03-31', -1, '2020-02-29'],
    ['2021-01-15', -13, '2019-12-15'],
    ['2020-05-10', 0, '2020-05-10'],
  ])('%s + %i months = %s (clamped to the month end)', (from, months, to) => {
    expect(formatDay(addMonths(day(from), months))).toBe(to);
  });

  test('two additions are not one: the clamp of the first carries into the second', () => {
    // measures.md adds W months, then 6 more (w, then c); from a month end the order matters.
    expect(formatDay(addMonths(addMonths(day('2019-01-31'), 1), 1))).toBe('2019-03-28');
    expect(formatDay(addMonths(day('2019-01-31'), 2))).toBe('2019-03-31');
  });

  test('months are days / 30.4375', () => {
    expect(daysToMonths(30.4375 * 19)).toBe(19);
    expect(daysToMonths(365.25)).toBe(12); // a year of 365.25 days is 12 months
    expect(daysToMonths(365)).toBeCloseTo(11.99178645, 8);
  });
});
