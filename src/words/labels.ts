/**
 * The one place for the words of each vocabulary the pages, charts, text and
 * narrative print (measures.md, "Cohort flow", "Recall", "Reconviction",
 * "Time in service"; records.md, the vocabularies). A label is written once,
 * capitalised as a table row or legend shows it; text output that puts it
 * mid-sentence lower-cases its first letter (`inSentence`). The order of a
 * vocabulary's categories is the order of its list in study/vocabulary.ts (or
 * here, for the words' own lists), in every table and chart.
 */
import { END_REASONS, RECALL_REASONS, type ComparedMeasure, type EndReason, type RecallReason } from '../study/vocabulary.js';

/** Plain names of the measures, for "could not be used by" lines. */
export const MEASURE_WORDS: Record<string, string> = {
  recall: 'Recall',
  reconviction: 'Reconviction',
  desistance: 'Desistance',
  provenReoffending: 'Proven reoffending',
  timeInService: 'Time in service',
  inReachTime: 'In-reach time',
  communityTime: 'Community time',
};

/**
 * Plain names of the columns a page groups by, describes or matches on
 * (records.md, "people"; the offence lookup's columns; comparison.md's
 * `release_year`), as a table row or heading shows them.
 */
export const COLUMN_WORDS: Readonly<Record<string, string>> = {
  service: 'Service',
  tier: 'Tier',
  sex: 'Sex',
  ethnicity: 'Ethnicity',
  age_at_release: 'Age at release',
  prior_convictions: 'Previous convictions',
  custody_years_before_release: 'Years in custody before release',
  aces: 'Adverse childhood experiences',
  category: 'Index offence category',
  group: 'Index offence group',
  mode_of_trial: 'Index offence mode of trial',
  severity: 'Index offence severity',
  release_year: 'Year of release',
};

/** A column in words; a column without a name here by its own, underscores as spaces, capitalised. */
export function columnWords(column: string): string {
  return Object.hasOwn(COLUMN_WORDS, column) ? COLUMN_WORDS[column] : column.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** Plain words for the compared measures: a title, the outcome completing "share who …", and a table column. */
export const COMPARED_MEASURE_WORDS: Record<ComparedMeasure, { title: string; outcome: string; column: string }> = {
  recall: { title: 'Recall', outcome: 'were recalled at least once', column: 'Recalled' },
  reconviction: { title: 'Reconviction', outcome: 'were reconvicted', column: 'Reconvicted' },
  desistance: { title: 'Desistance', outcome: 'had no further conviction', column: 'No further conviction' },
  provenReoffending: { title: 'Proven reoffending', outcome: 'reoffended (proven, fixed window)', column: 'Reoffended' },
};

/** The key of recalls that gave no reason (measures.md, "Recall": `reasons.none`). */
const NO_RECALL_REASON = 'none';

/** Plain words for the recall reasons of the official licence recall statistics, and for none recorded. */
export const RECALL_REASON_WORDS = {
  further_charge: 'Further charge',
  non_compliance: 'Non-compliance',
  failed_to_keep_in_touch: 'Failed to keep in touch',
  failed_to_reside: 'Failed to reside',
  drugs_alcohol: 'Drugs or alcohol',
  other: 'Other reason',
  none: 'No reason recorded',
} as const satisfies Record<RecallReason | typeof NO_RECALL_REASON, string>;

/**
 * The keys of a recall-reasons count in display order: the vocabulary's
 * reasons, then any other key by name, then "none" last.
 */
export function recallReasonOrder(reasons: Record<string, number>): string[] {
  const known = RECALL_REASONS as readonly string[];
  return [
    ...RECALL_REASONS.filter((r) => r in reasons),
    ...Object.keys(reasons)
      .filter((k) => k !== NO_RECALL_REASON && !known.includes(k))
      .sort(),
    ...(NO_RECALL_REASON in reasons ? [NO_RECALL_REASON] : []),
  ];
}

/** The key of people whose service had not ended (measures.md, "Time in service": `ongoing`). */
export const ONGOING_END = 'ongoing';

/** Plain words for the end reasons, and for a service not yet ended. */
export const END_REASON_WORDS = {
  completed: 'Completed',
  recalled: 'Recalled',
  disengaged: 'Disengaged',
  transferred: 'Transferred',
  died: 'Died',
  other: 'Other',
  ongoing: 'Still in the service',
} as const satisfies Record<EndReason | typeof ONGOING_END, string>;

/** The keys of an end-reasons count in display order: the vocabulary's, then any other by name. */
export function endReasonOrder(ends: Record<string, number>): string[] {
  const known = END_REASONS as readonly string[];
  return [
    ...END_REASONS.filter((r) => r in ends),
    ...Object.keys(ends)
      .filter((k) => !known.includes(k))
      .sort(),
  ];
}

/**
 * A reconviction's seriousness against the index offence (measures.md,
 * "Reconviction": most serious reconviction's severity below, equal to or
 * above the index offence's), in the order every table, chart and line shows.
 */
export const SERIOUSNESS_LEVELS = ['less', 'same', 'more'] as const;
export type Seriousness = (typeof SERIOUSNESS_LEVELS)[number];

export const SERIOUSNESS_WORDS = { less: 'Less serious', same: 'As serious', more: 'More serious' } as const satisfies Record<Seriousness, string>;

/** The label of `key` in `words`, or the key itself when the vocabulary lacks it (a value read as recorded). */
export function wordOf(words: Readonly<Record<string, string>>, key: string): string {
  return Object.hasOwn(words, key) ? words[key] : key;
}

/** A label as it reads inside a sentence: "Drugs or alcohol" → "drugs or alcohol". */
export function inSentence(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}
