/**
 * Money in words (value.md "Reporting"): pounds with thousands separators, a true minus
 * sign, pence only where they matter ("£1.65 for every £1", "£7,500", "−£420").
 */
import { decimal, formatInteger } from './format.js';

/**
 * Pounds: whole pounds with separators when |x| ≥ 100 ("£7,500", "−£12,340"), else two
 * decimals ("£0.40", "£41.20"). "–" when missing.
 */
export function pounds(x: number | null | undefined): string {
  if (x == null || !Number.isFinite(x)) return '–';
  const body = Math.abs(x) >= 99.995 ? formatInteger(Math.abs(x)) : decimal(Math.abs(x), 2);
  const zero = body === '0' || body === '0.00';
  // A word joiner keeps the minus on the line of its £.
  return `${x < 0 && !zero ? '\u2212\u2060' : ''}£${body}`;
}

/** A return per £1, always with pence: "£1.65", "−£0.40". */
export function poundsPerPound(x: number | null | undefined): string {
  if (x == null || !Number.isFinite(x)) return '–';
  const body = decimal(Math.abs(x), 2);
  return `${x < 0 && body !== '0.00' ? '\u2212\u2060' : ''}£${body}`;
}

/** A discount rate as a percentage without trailing zeros: 0.035 → "3.5%", 0.1 → "10%". */
export function ratePercent(rate: number): string {
  return `${Number((rate * 100).toFixed(6)).toString()}%`;
}
