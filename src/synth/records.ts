/**
 * The synthetic records as the generator builds them: dates as day numbers,
 * optional fields left undefined (written as blank cells). The shapes follow
 * records.md column for column.
 */
import type { Day } from '../time/days.js';
import type { EndReason, EventType, RecallReason, Sex } from '../study/vocabulary.js';

export interface SynthPerson {
  personId: string;
  service: string;
  tier?: string;
  sex?: Sex;
  ethnicity?: string;
  ageAtRelease?: number;
  indexOffence: string;
  priorConvictions?: number;
  custodyYearsBeforeRelease?: number;
  aces?: number;
  referralDate?: Day;
  inReachStart?: Day;
  releaseDate?: Day;
  serviceEnd?: Day;
  endReason?: EndReason;
  included: boolean;
  exclusionReason?: string;
  followUpEnd?: Day;
}

export interface SynthEvent {
  personId: string;
  type: EventType;
  date: Day;
  convictionDate?: Day;
  offence?: string;
  recallReasons?: RecallReason[];
}

/** One completed questionnaire (records.md, "assessments"). */
export interface SynthAssessment {
  personId: string;
  instrument: string;
  date: Day;
  score: number;
}

/** What the study file of a sample says (study-file.md). */
export interface SynthStudy {
  title: string;
  extractionDate: string;
  snapshotDate?: string;
  options?: Record<string, string | number | boolean>;
  /** The instruments of the assessments table (change.md), when the sample has one. */
  instruments?: Record<string, unknown>;
  /** The study file's `value` key (value.md), written as given. */
  value?: Record<string, string | number>;
}

/** A complete sample: its two tables and its study settings. */
export interface Sample {
  people: SynthPerson[];
  events: SynthEvent[];
  study: SynthStudy;
  /** Questionnaires for individual change (change.md), when the sample has them. */
  assessments?: SynthAssessment[];
  /** A comparison pool (comparison.md), written to pool/ beside the sample. */
  pool?: SamplePool;
}

/** A comparison pool's tables and the study file that names them with the `comparison` key. */
interface SamplePool {
  people: SynthPerson[];
  events: SynthEvent[];
  /** The study file carrying the `comparison` key (`study.json` to make it the sample's own). */
  studyFile: string;
  title: string;
  comparison: Record<string, unknown>;
}

const TYPE_ORDER: Record<EventType, number> = { recall: 0, rerelease: 1, conviction: 2, caution: 3, breach: 4, death: 5 };

/**
 * Events in a stable order: by person, then date, then type with a recall
 * before a rerelease on the same day (the order measures.md assumes).
 */
export function sortEvents(events: SynthEvent[]): SynthEvent[] {
  return events
    .slice()
    .sort(
      (a, b) =>
        (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0) ||
        a.date - b.date ||
        TYPE_ORDER[a.type] - TYPE_ORDER[b.type] ||
        (a.convictionDate ?? 0) - (b.convictionDate ?? 0) ||
        (a.offence ?? '').localeCompare(b.offence ?? ''),
    );
}

/** Pseudonymous study identifiers `p00001`, … : one lower-case letter and five digits, a shape no real identifier has. */
export function studyId(n: number): string {
  if (n < 1 || n > 99_999) throw new RangeError(`study id number ${n} out of range 1–99999`);
  return `p${String(n).padStart(5, '0')}`;
}
