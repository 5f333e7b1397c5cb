/**
 * The closed vocabularies of the record format (records.md). Enum columns are
 * stored as these lower-case words, or as small integer codes where a column
 * can have millions of rows (event type, recall reasons).
 */

export const SEXES = ['male', 'female', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const END_REASONS = ['completed', 'recalled', 'disengaged', 'transferred', 'died', 'other'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** Event types; an event's `type` column holds the index into this list. */
export const EVENT_TYPES = ['recall', 'rerelease', 'conviction', 'caution', 'breach', 'death'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT = {
  recall: 0,
  rerelease: 1,
  conviction: 2,
  caution: 3,
  breach: 4,
  death: 5,
} as const satisfies Record<EventType, number>;

/**
 * Recall reasons, the categories of the official licence recall statistics.
 * An event's `recall_reasons` column is a bit mask: bit i set means reason i.
 */
export const RECALL_REASONS = ['further_charge', 'non_compliance', 'failed_to_keep_in_touch', 'failed_to_reside', 'drugs_alcohol', 'other'] as const;
export type RecallReason = (typeof RECALL_REASONS)[number];

export const OFFENCE_CATEGORIES = ['violent', 'sexual', 'acquisitive', 'drugs', 'weapons', 'public_order', 'motoring', 'other'] as const;
export type OffenceCategory = (typeof OFFENCE_CATEGORIES)[number];

export const MODES_OF_TRIAL = ['indictable_only', 'either_way', 'summary'] as const;
export type ModeOfTrial = (typeof MODES_OF_TRIAL)[number];

/** The measures compared across services (measures.md, "Services compared"), in the order the pages show them. */
const COMPARED_MEASURES = ['recall', 'reconviction', 'desistance', 'provenReoffending'] as const;
export type ComparedMeasure = (typeof COMPARED_MEASURES)[number];

/** The people table's columns (records.md "people"), in the order the samples write them. */
export const PEOPLE_COLUMNS = [
  'person_id',
  'service',
  'tier',
  'sex',
  'ethnicity',
  'age_at_release',
  'index_offence',
  'prior_convictions',
  'custody_years_before_release',
  'aces',
  'referral_date',
  'in_reach_start',
  'release_date',
  'service_end',
  'end_reason',
  'included',
  'exclusion_reason',
  'follow_up_end',
] as const;
