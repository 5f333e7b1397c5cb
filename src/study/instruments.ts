/**
 * The study file's `instruments` (change.md, "Instruments (study file)"): each
 * questionnaire's reliability, the direction of improvement, the optional
 * reference SD and the clinical and functional norms; and the assessments
 * table they are read with (records.md, "assessments").
 */

/** A norm of an instrument: the mean and SD of a clinical or functional population. */
interface Norm {
  mean: number;
  sd: number;
}

/** One questionnaire as the study file declares it. */
export interface Instrument {
  /** Test–retest or internal-consistency reliability, 0 < r < 1. */
  reliability: number;
  /** Which direction of the score is improvement. */
  better: 'lower' | 'higher';
  /** The reference SD for the error of change (S_diff only); null to use the SD of the pre scores. */
  sd: number | null;
  clinical: Norm | null;
  functional: Norm | null;
  /** Where the norms or sd come from; required when either is given. */
  source: string | null;
}

/**
 * The assessments table as loaded: one row per kept questionnaire, in file
 * order. `person` is the row in people, `instrument` an index into `names`
 * (the study file's instruments, in its order), `date` a day number.
 */
export interface AssessmentTable {
  names: string[];
  person: Int32Array;
  instrument: Int32Array;
  date: Float64Array;
  score: Float64Array;
}

/** An instruments block that cannot be used as written. */
export class InstrumentError extends Error {
  override name = 'InstrumentError';
}

const INSTRUMENT_KEYS = ['reliability', 'better', 'sd', 'clinical', 'functional', 'source'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function positive(value: unknown, where: string): number {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  throw new InstrumentError(`${where} is ${JSON.stringify(value)}; expected a number > 0`);
}

function norm(value: unknown, where: string): Norm | null {
  if (value === undefined) return null;
  if (!isObject(value)) throw new InstrumentError(`${where} must be an object { "mean": number, "sd": number }`);
  for (const key of Object.keys(value)) {
    if (key !== 'mean' && key !== 'sd') throw new InstrumentError(`${where} has an unknown key "${key}"; the keys are mean, sd`);
  }
  const mean = value.mean;
  if (typeof mean !== 'number' || !Number.isFinite(mean)) throw new InstrumentError(`${where}.mean is ${JSON.stringify(mean)}; expected a number`);
  return { mean, sd: positive(value.sd, `${where}.sd`) };
}

/**
 * Checks an `instruments` block: an object of named instruments, each with
 * `reliability` (0 < r < 1) and `better` (`lower`, `higher`) required, `sd`,
 * `clinical` and `functional` optional, and `source` required when norms or
 * `sd` are given. An unknown key is an error. `where` prefixes the messages.
 */
export function checkInstruments(value: unknown, where: string): Record<string, Instrument> {
  if (!isObject(value)) throw new InstrumentError(`${where} must be an object naming each instrument`);
  const out: Record<string, Instrument> = {};
  for (const [name, spec] of Object.entries(value)) {
    const at = `${where}.${name}`;
    if (name.trim() === '') throw new InstrumentError(`${where} has an instrument with an empty name`);
    if (!isObject(spec)) throw new InstrumentError(`${at} must be an object`);
    for (const key of Object.keys(spec)) {
      if (!INSTRUMENT_KEYS.includes(key)) throw new InstrumentError(`${at} has an unknown key "${key}"; the keys are ${INSTRUMENT_KEYS.join(', ')}`);
    }
    const r = spec.reliability;
    if (typeof r !== 'number' || !(r > 0 && r < 1)) {
      throw new InstrumentError(`${at}.reliability is ${JSON.stringify(r)}; expected a number between 0 and 1 (exclusive); it is required`);
    }
    if (spec.better !== 'lower' && spec.better !== 'higher') {
      throw new InstrumentError(`${at}.better is ${JSON.stringify(spec.better)}; expected "lower" or "higher"; it is required`);
    }
    const sd = spec.sd === undefined ? null : positive(spec.sd, `${at}.sd`);
    const clinical = norm(spec.clinical, `${at}.clinical`);
    const functional = norm(spec.functional, `${at}.functional`);
    let source: string | null = null;
    if (spec.source !== undefined) {
      if (typeof spec.source !== 'string' || spec.source.trim() === '') {
        throw new InstrumentError(`${at}.source is ${JSON.stringify(spec.source)}; expected a non-empty string`);
      }
      source = spec.source.trim();
    }
    if (source === null && (sd !== null || clinical !== null || functional !== null)) {
      throw new InstrumentError(`${at} has no "source"; it is required when norms or sd are given (say where the figures come from)`);
    }
    out[name] = { reliability: r, better: spec.better, sd, clinical, functional, source };
  }
  return out;
}
