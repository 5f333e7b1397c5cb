/**
 * Calendar dates as whole day numbers (days since 1970-01-01, UTC), the only
 * representation of a date inside the toolkit. Records have no times and no time
 * zones, so a day number is exact and durations are plain subtraction.
 *
 * A missing date is `NaN`, so that date columns can live in a `Float64Array`
 * and arquero treats them as missing.
 */

/** A calendar date as days since 1970-01-01; `NaN` when not recorded. */
export type Day = number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The day number of a valid year, month (1–12) and day of month. */
export function dayFromParts(year: number, month: number, day: number): Day {
  // Date.UTC reads years 0–99 as 1900–1999; setting the full year does not.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.floor(date.getTime() / MS_PER_DAY);
}

/**
 * Parses a strict `YYYY-MM-DD` date; returns `undefined` for anything else,
 * including dates that do not exist (2023-02-30).
 *
 * @example parseISODate('2020-02-29') // 18321
 */
export function parseISODate(text: string): Day | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayFromParts(year, month, day);
}

/** Formats a day number as `YYYY-MM-DD`; `null` for a missing day. */
export function formatDay(day: Day): string | null {
  if (!Number.isFinite(day)) return null;
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Year, month (1–12) and day of month of a day number. */
export function partsOfDay(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * Calendar addition of whole months with the day clamped to the end of the
 * month (measures.md, "Time"): 2020-01-31 + 1 month = 2020-02-29.
 */
export function addMonths(day: Day, months: number): Day {
  const p = partsOfDay(day);
  const zeroBased = p.month - 1 + months;
  const year = p.year + Math.floor(zeroBased / 12);
  const month = (((zeroBased % 12) + 12) % 12) + 1;
  return dayFromParts(year, month, Math.min(p.day, daysInMonth(year, month)));
}

/** Days as months in outputs: days / 30.4375 (measures.md, "Time"). */
export const DAYS_PER_MONTH = 30.4375;

export function daysToMonths(days: number): number {
  return days / DAYS_PER_MONTH;
}
