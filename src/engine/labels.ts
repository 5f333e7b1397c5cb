/**
 * Group labels from the raw values the engine returns, as the in-memory
 * measures label a column (measures' groups.ts: numbers as numbers, dates as
 * YYYY-MM-DD, included as yes/no, blanks "not recorded"), in the same order.
 */
import { groupOrder, NOT_RECORDED } from '../measures/groups.js';
import { formatDay, parseISODate } from '../time/days.js';

const NUMBER_COLUMNS = new Set(['age_at_release', 'prior_convictions', 'custody_years_before_release', 'aces', 'severity']);
const DATE_COLUMNS = new Set(['referral_date', 'in_reach_start', 'release_date', 'service_end', 'follow_up_end']);
const WORD_COLUMNS = new Set(['sex', 'end_reason', 'category', 'mode_of_trial']);

/** The label and numeric sort key of one raw value of `column`. */
export function labelOf(column: string, raw: string | null): { label: string; sortKey: number } {
  if (column === 'included') {
    const v = (raw ?? 'true').toLowerCase();
    return { label: v === 'true' || v === 'yes' || v === '1' ? 'yes' : 'no', sortKey: NaN };
  }
  if (raw === null || raw.trim() === '') return { label: column === 'sex' ? 'unknown' : NOT_RECORDED, sortKey: NaN };
  const text = raw.trim();
  if (NUMBER_COLUMNS.has(column)) {
    const v = Number(text);
    return Number.isNaN(v) ? { label: NOT_RECORDED, sortKey: NaN } : { label: String(v), sortKey: v };
  }
  if (DATE_COLUMNS.has(column)) {
    const day = parseISODate(text);
    return day === undefined ? { label: NOT_RECORDED, sortKey: NaN } : { label: formatDay(day) as string, sortKey: day };
  }
  return { label: WORD_COLUMNS.has(column) ? text.toLowerCase() : text, sortKey: NaN };
}

/** A grouping column as the measures use it: display-ordered names and the code of each raw value. */
export interface Labels {
  names: string[];
  codeOf: (raw: unknown) => number;
}

/** The labels of the distinct raw values of `column`, in display order. */
export function labelsOf(column: string, raws: readonly unknown[]): Labels {
  const labelIndex = new Map<string, number>();
  const values: string[] = [];
  const keys: number[] = [];
  const indexOfRaw = new Map<string | null, number>();
  for (const r of raws) {
    const raw = r === null || r === undefined ? null : String(r);
    if (indexOfRaw.has(raw)) continue;
    const { label, sortKey } = labelOf(column, raw);
    let at = labelIndex.get(label);
    if (at === undefined) {
      at = values.length;
      labelIndex.set(label, at);
      values.push(label);
      keys.push(sortKey);
    }
    indexOfRaw.set(raw, at);
  }
  const order = groupOrder(column, values, keys);
  const code = new Int32Array(values.length);
  order.forEach((old, k) => (code[old] = k));
  return {
    names: order.map((k) => values[k]),
    codeOf: (r) => {
      const at = indexOfRaw.get(r === null || r === undefined ? null : String(r));
      if (at === undefined) throw new Error(`The engine returned a value of ${column} it did not list.`);
      return code[at];
    },
  };
}
