/**
 * The one place for the words of each vocabulary the pages, charts and
 * narrative print (measures.md, "Cohort flow"; records.md, the vocabularies).
 */

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
