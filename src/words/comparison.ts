/**
 * The words of a matched comparison (comparison.md, "Reporting"): effects in
 * the Justice Data Lab's manner, "For every 100 people who received the
 * service, between 3 and 21 fewer reoffended within a year than in a matched
 * comparison group", with both ends of the interval; covariates and terms in
 * plain words.
 */
import { listWords } from './format.js';
import { COLUMN_WORDS, inSentence } from './labels.js';

/** A covariate in words, as a sentence reads it (labels.ts's column words); an unknown column by its name with underscores as spaces. */
export function covariateWords(name: string): string {
  return Object.hasOwn(COLUMN_WORDS, name) ? inSentence(COLUMN_WORDS[name]) : name.replace(/_/g, ' ');
}

/** A balance or model term in words: `distance`, a covariate, or `name=level` as "index offence category: sexual". */
export function termWords(term: string): string {
  if (term === 'distance') return 'propensity score (distance)';
  if (term === '(Intercept)') return 'intercept';
  const at = term.indexOf('=');
  if (at < 0) return covariateWords(term);
  return `${covariateWords(term.slice(0, at))}: ${term.slice(at + 1).replace(/_/g, ' ')}`;
}

/** The covariates of a comparison as a list in words. */
export function covariateList(names: readonly string[]): string {
  return listWords(names.map(covariateWords));
}

/** A number of people per 100 as the sentence prints it: whole numbers, one decimal below 1 so that a small end does not read as 0. */
function per100(x: number): string {
  const a = Math.abs(x * 100);
  if (a > 0 && a < 0.95) return (Math.round(a * 10) / 10).toFixed(1);
  return String(Math.round(a));
}

/** What the sentence counts: who "reoffended", "were recalled", or reoffences. */
interface EffectOutcome {
  /** "reoffended within a year", "were recalled within a year": completes "between 3 and 21 fewer …". */
  verb: string;
  /** For a count of events (frequency), what is counted: "reoffences" gives "there were between 9 fewer and 4 more reoffences …". */
  events?: string;
  /** The comparison group: `matched` (nearest) or `weighted` (weighting); matched when absent. */
  group?: 'matched' | 'weighted';
}

/** A window of whole months in words: "a year", "18 months". */
export function windowWords(months: number): string {
  if (months === 12) return 'a year';
  if (months % 12 === 0) return `${months / 12} years`;
  return `${months} months`;
}

/** A window as the text output phrases it: "within a year", "within 18 months". */
export function windowPhrase(months: number): string {
  return `within ${windowWords(months)}`;
}

/**
 * The effect on the treated in the Justice Data Lab's words, from the 95%
 * interval of the difference service − comparison (a share or a mean per
 * person): "between a and b fewer" (interval below zero), "between a and b
 * more" (above), "between a fewer and b more …; the difference could be zero"
 * (across it).
 */
export function per100Sentence(ci: readonly [number, number], outcome: EffectOutcome): string {
  const [lo, hi] = ci;
  const what = outcome.events ? ` ${outcome.events}` : '';
  const tail = ` ${outcome.verb} than in a ${outcome.group ?? 'matched'} comparison group`;
  const start = outcome.events ? 'For every 100 people who received the service there were' : 'For every 100 people who received the service,';
  if (hi < 0) return `${start} between ${per100(-hi)} and ${per100(-lo)} fewer${what}${tail}.`;
  if (lo > 0) return `${start} between ${per100(lo)} and ${per100(hi)} more${what}${tail}.`;
  return `${start} between ${per100(-lo)} fewer and ${per100(hi)} more${what}${tail}; the difference could be zero.`;
}
