/**
 * The words of individual outcome change (change.md): the category names, the
 * cut-off rules, where s came from and the direction of improvement, used by
 * the text output, the page and the chart alike.
 */

/** The categories in the order they are shown, and what each is called. */
export const CHANGE_CATEGORIES = ['recovered', 'improved', 'noReliableChange', 'deteriorated'] as const;

export const CHANGE_CATEGORY_WORDS: Record<(typeof CHANGE_CATEGORIES)[number] | 'notClinicalAtStart', string> = {
  recovered: 'Recovered (reliably improved and moved from the clinical into the functional range)',
  improved: 'Reliably improved',
  noReliableChange: 'No reliable change',
  deteriorated: 'Reliably deteriorated',
  notClinicalAtStart: 'Not in the clinical range at the start',
};

/** Short category names, for a chart's legend or a table's column. */
export const CHANGE_CATEGORY_SHORT: Record<(typeof CHANGE_CATEGORIES)[number] | 'notClinicalAtStart', string> = {
  recovered: 'Recovered',
  improved: 'Improved',
  noReliableChange: 'No reliable change',
  deteriorated: 'Deteriorated',
  notClinicalAtStart: 'Not clinical at start',
};

/** How the cut-off was found, by its rule. */
export const CUT_OFF_WORDS: Record<'c' | 'a' | 'b', string> = {
  c: 'c, between the clinical and the functional means, weighted by their SDs',
  a: 'a, 2 SD from the clinical mean toward the functional range (no functional norm given)',
  b: 'b, 2 SD from the functional mean toward the clinical range (no clinical norm given)',
};

/** Where s, behind S_diff, came from. */
export function sSourceWords(source: 'instrument' | 'preScores'): string {
  return source === 'instrument' ? "the instrument's reference SD (the study file's sd)" : "the SD of the analysed people's first scores";
}

/** "lower scores are better". */
export function betterWords(better: 'lower' | 'higher'): string {
  return `${better} scores are better`;
}
