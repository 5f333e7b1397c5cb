/**
 * The measure options in force: defaults filled in, undefined entries ignored
 * (a caller may pass `{ groupBy: undefined }`), and each value checked so that a
 * typo fails loudly instead of silently falling back to a default reading.
 */
import { DEFAULT_MEASURE_OPTIONS, type MeasureOptions } from '../study/options.js';

/** A measure option the study cannot use (a usage error: the CLI exits with status 2). */
export class MeasureOptionError extends Error {
  override name = 'MeasureOptionError';
}

const CHOICES: { [K in keyof MeasureOptions]?: readonly string[] } = {
  recallWindow: ['intervention', 'licence'],
  reconvictionWindow: ['since_release', 'during_intervention', 'after_intervention'],
  desistanceFrom: ['release', 'service_end'],
  interval: ['wilson', 'clopper-pearson'],
  kmConfType: ['log', 'log-log', 'plain'],
};

/** Defaults plus the given options, checked; throws naming the option and the value. */
export function resolveOptions(partial: Partial<MeasureOptions> = {}): MeasureOptions {
  const opts: MeasureOptions = { ...DEFAULT_MEASURE_OPTIONS };
  for (const [key, value] of Object.entries(partial)) {
    if (value !== undefined) (opts as unknown as Record<string, unknown>)[key] = value;
  }
  for (const [key, allowed] of Object.entries(CHOICES)) {
    const value = (opts as unknown as Record<string, unknown>)[key];
    if (!allowed!.includes(value as string)) {
      throw new MeasureOptionError(`Option ${key} must be one of ${allowed!.join(', ')}; got ${JSON.stringify(value)}.`);
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
