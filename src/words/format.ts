/**
 * The one place for number and date formats (pages, charts, narrative). Headline sentences give whole
 * percentages; tables give one decimal place. Rounding is half away from zero
 * on the decimal value, so 0.125 → 12.5% → "13%".
 */
import type { Estimate } from '../stats/types.js';
import { parseISODate, partsOfDay } from '../time/days.js';

function round(x: number, digits: number): string {
  const f = 10 ** digits;
  // toFixed rounds binary fractions inconsistently; nudge by a relative epsilon first.
  const r = Math.round(Math.abs(x) * f * (1 + 1e-12)) / f;
  return (x < 0 && r !== 0 ? '-' : '') + r.toFixed(digits);
}

/** A proportion as a percentage: "60%" (digits = 0) or "60.0%". */
export function percent(p: number, digits = 0): string {
  return `${round(p * 100, digits)}%`;
}

/** A 95% interval of proportions: "45%–73%". */
export function percentInterval(ci: [number, number], digits = 0): string {
  return `${percent(ci[0], digits)}–${percent(ci[1], digits)}`;
}

/** A number with a fixed number of decimals; "–" when missing. */
export function decimal(x: number | null | undefined, digits = 1): string {
  return x == null || !Number.isFinite(x) ? '–' : round(x, digits);
}

/** A p-value as statisticians print it: "<0.001", else two significant figures. */
export function pValue(p: number | null | undefined): string {
  if (p == null || !Number.isFinite(p)) return 'not computed';
  if (p < 0.001) return '<0.001';
  return Number(p.toPrecision(2)).toString();
}

/** "p = 0.18", "p < 0.001", or "p not computed". */
export function pPhrase(p: number | null | undefined): string {
  const text = pValue(p);
  if (text === 'not computed') return 'p not computed';
  return text.startsWith('<') ? `p ${text.replace('<', '< ')}` : `p = ${text}`;
}

/** A difference of proportions in percentage points with its interval. */
export function pointsPhrase(e: Estimate): string {
  if (e.estimate == null) return 'not computed';
  const pp = (x: number) => round(x * 100, 0).replace(/^-/, '−');
  return `${pp(e.estimate)} percentage points${e.ci ? ` (95% CI ${pp(e.ci[0])} to ${pp(e.ci[1])})` : ''}`;
}

/** A ratio with its interval: "2.10 (95% CI 1.05 to 4.20)". */
export function ratioPhrase(e: Estimate): string {
  if (e.estimate == null) return 'not computed';
  return `${decimal(e.estimate, 2)}${e.ci ? ` (95% CI ${decimal(e.ci[0], 2)} to ${decimal(e.ci[1], 2)})` : ''}`;
}

/** A whole number with thousands separators (en-GB style, locale-independent). */
export function formatInteger(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.abs(Math.round(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A YYYY-MM-DD date in words, "30 January 2024"; anything else (a date-time, a date that does not exist) is returned as it is. */
export function longDate(iso: string): string {
  const day = parseISODate(iso);
  if (day === undefined) return iso;
  const p = partsOfDay(day);
  return `${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
}

/** Plain sentence listing, "a, b and c". */
export function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
