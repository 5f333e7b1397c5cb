/**
 * The measure options in force: defaults filled in, undefined entries ignored
 * (a caller may pass `{ groupBy: undefined }`), and each value checked so that a
 * typo fails loudly instead of silently falling back to a default reading.
 */
import { choicesWords, DEFAULT_MEASURE_OPTIONS, isChoice, MEASURE_OPTION_CHOICES, type MeasureOptions } from '../study/options.js';

/** A measure option the study cannot use (a usage error: the CLI exits with status 2). */
export class MeasureOptionError extends Error {
  override name = 'MeasureOptionError';
}

/** Defaults plus the given options, checked; throws naming the option and the value. */
export function resolveOptions(partial: Partial<MeasureOptions> = {}): MeasureOptions {
  const opts: MeasureOptions = { ...DEFAULT_MEASURE_OPTIONS };
  for (const [key, value] of Object.entries(partial)) {
    if (value !== undefined) (opts as unknown as Record<string, unknown>)[key] = value;
  }
  for (const [key, allowed] of Object.entries(MEASURE_OPTION_CHOICES)) {
    const value: unknown = opts[key as keyof typeof MEASURE_OPTION_CHOICES];
    if (!isChoice(allowed, value)) {
      throw new MeasureOptionError(`Option ${key} must be one of ${choicesWords(allowed)}; got ${JSON.stringify(value)}.`);
    }
  }
  if (typeof opts.includeCautions !== 'boolean') {
    throw new MeasureOptionError(`Option includeCautions must be true or false; got ${JSON.stringify(opts.includeCautions)}.`);
  }
  const w = opts.provenWindowMonths;
  if (!Number.isInteger(w) || w < 1 || w > 120) {
    throw new MeasureOptionError(`Option provenWindowMonths must be a whole number from 1 to 120; got ${JSON.stringify(w)}.`);
  }
  if (typeof opts.groupBy !== 'string' || opts.groupBy.trim() === '') {
    throw new MeasureOptionError(`Option groupBy must name a column; got ${JSON.stringify(opts.groupBy)}.`);
  }
  const mix = opts.caseMix;
  if (mix !== undefined && !(Array.isArray(mix) && mix.length > 0 && mix.every((c) => typeof c === 'string' && c.trim() !== ''))) {
    throw new MeasureOptionError(`Option caseMix must be a non-empty list of column names; got ${JSON.stringify(mix)}.`);
  }
  return opts;
}
