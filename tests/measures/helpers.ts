/**
 * Hand-made studies for the measure tests, built with the loader's
 * studyFromRows from plain rows (CSV column names, string values).
 */
import { studyFromRows } from '../../src/records/index.js';
import type { Study } from '../../src/study/study.js';
import { parseISODate } from '../../src/time/days.js';

/** A small offence lookup whose severities make the comparisons easy to follow. */
export const OFFENCES = [
  { code: 'V1', label: 'Wounding with intent', group: 'violence against the person', category: 'violent', mode_of_trial: 'indictable_only', severity: '100' },
  { code: 'V2', label: 'Assault occasioning ABH', group: 'violence against the person', category: 'violent', mode_of_trial: 'either_way', severity: '50' },
  { code: 'S1', label: 'Rape', group: 'sexual offences', category: 'sexual', mode_of_trial: 'indictable_only', severity: '200' },
  { code: 'T1', label: 'Theft from a shop', group: 'theft', category: 'acquisitive', mode_of_trial: 'either_way', severity: '10' },
  { code: 'M1', label: 'Driving without insurance', group: 'motoring', category: 'motoring', mode_of_trial: 'summary', severity: '5' },
  { code: 'P1', label: 'Affray', group: 'public order', category: 'public_order', mode_of_trial: 'summary', severity: '50' },
];

export type Row = Record<string, string>;

const PERSON_DEFAULTS: Row = {
  service: 'Resettle',
  tier: '',
  sex: 'male',
  ethnicity: '',
  age_at_release: '',
  index_offence: 'V1',
  prior_convictions: '',
  custody_years_before_release: '',
  aces: '',
  referral_date: '',
  in_reach_start: '',
  release_date: '',
  service_end: '',
  end_reason: '',
  included: 'true',
  exclusion_reason: '',
  follow_up_end: '',
};

export function person(id: string, fields: Row = {}): Row {
  const row: Row = { person_id: id, ...PERSON_DEFAULTS, ...fields };
  if (row.service_end && !row.end_reason) row.end_reason = 'completed';
  return row;
}

export function recall(id: string, date: string, reasons = ''): Row {
  return { person_id: id, type: 'recall', date, conviction_date: '', offence: '', recall_reasons: reasons };
}

export function rerelease(id: string, date: string): Row {
  return { person_id: id, type: 'rerelease', date, conviction_date: '', offence: '', recall_reasons: '' };
}

export function conviction(id: string, date: string, convictionDate: string, offence: string): Row {
  return { person_id: id, type: 'conviction', date, conviction_date: convictionDate, offence, recall_reasons: '' };
}

export function caution(id: string, date: string, convictionDate: string, offence: string): Row {
  return { person_id: id, type: 'caution', date, conviction_date: convictionDate, offence, recall_reasons: '' };
}

export function makeStudy(people: Row[], events: Row[], extractionDate: string, snapshotDate?: string): Study {
  return studyFromRows({ people, events, offences: OFFENCES }, snapshotDate ? { extractionDate, snapshotDate } : { extractionDate });
}

/** Whole days from `a` to `b` (both YYYY-MM-DD). */
export function days(a: string, b: string): number {
  const x = parseISODate(a);
  const y = parseISODate(b);
  if (x === undefined || y === undefined) throw new Error(`bad date in test: ${a} or ${b}`);
  return y - x;
}

/** Wilson score interval, written out from its formula for the tests. */
export function wilson(k: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [k === 0 ? 0 : centre - half, k === n ? 1 : centre + half];
}
