/**
 * Matching a file's header to the record format (records.md: "Column names are
 * snake_case; matching is case-insensitive and ignores surrounding
 * whitespace"), read the way a spreadsheet writes names: `Release Date`,
 * `release-date` and ` RELEASE_DATE ` are all `release_date`. A name that is
 * still unknown but close to a known one is named beside it (a warning), so a
 * misspelt column is never silently kept as an extra.
 */

/**
 * A column name as the format matches it: surrounding space trimmed, lower
 * case, and each run of inner spaces, tabs or hyphens one underscore.
 */
export function normaliseColumnName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Levenshtein distance of two short strings (column names), stopping early beyond `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** Spellings that mean the same word in a column name (American and British, and one common synonym). */
const VARIANTS: [RegExp, string][] = [
  [/offense/g, 'offence'],
  [/licence|license/g, 'licence'],
  [/^gender$/, 'sex'],
];

/** The name with separators removed and spelling variants unified: what two names share when they mean one column. */
function skeleton(name: string): string {
  let s = name;
  for (const [from, to] of VARIANTS) s = s.replace(from, to);
  return s.replace(/_/g, '');
}

/**
 * The known column an unknown name most likely stands for: one whose
 * skeleton (separators removed, spelling variants unified) is the same, or
 * within edit distance 1 (names up to 6 letters) or 2 (longer names); null
 * when none is close or two are equally close.
 */
export function nearColumn(name: string, known: readonly string[]): string | null {
  const s = skeleton(name);
  if (s.length < 3) return null;
  const max = s.length <= 6 ? 1 : 2;
  let best: string | null = null;
  let bestDistance = max + 1;
  let tie = false;
  for (const k of known) {
    const d = editDistance(s, skeleton(k), max);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) tie = true;
  }
  return bestDistance <= max && !tie ? best : null;
}

/** "a" or "an" before a column name, by its first letter (`an index_offence column`). */
export function article(name: string): string {
  return /^[aeiou]/i.test(name) ? 'an' : 'a';
}
