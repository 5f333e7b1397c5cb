/**
 * Disclosure of the individual change counts (change.md, "Outputs"; measures.md,
 * "Disclosure control"): the categories add up to the people analysed, and they
 * with the people without a follow-up assessment add up to the cohort; the
 * people not in the clinical range at the start and the rest add up to those
 * analysed too. Primary and secondary suppression over those relations
 * (cells.ts), the cohort kept, so no hidden count can be worked out.
 */
import type { ChangeSummary } from '../measures/types.js';
import { wilsonInterval } from '../stats/proportion.js';
import { suppressCells, type Count, type DisclosurePolicy } from './cells.js';

type ChangeCell = 'recovered' | 'improved' | 'noReliableChange' | 'deteriorated' | 'notClinicalAtStart';

interface ShownChangeCount {
  key: ChangeCell;
  count: Count;
  /** Share of the people analysed and its Wilson interval; null when withheld or nobody was analysed. */
  share: number | null;
  ci: [number, number] | null;
}

export interface ShownChange {
  cohort: Count;
  noAssessment: Count;
  oneDayOnly: Count;
  n: Count;
  /** The categories of the summary (recovered only with a cut-off), then notClinicalAtStart when there is a cut-off. */
  categories: ShownChangeCount[];
}

/** The summary's counts as a page under `policy` may publish them; null categories (no S_diff) give none. */
export function publishChange(s: ChangeSummary, policy: DisclosurePolicy): ShownChange {
  const c = s.categories;
  const keys: ChangeCell[] = c ? (['recovered', 'improved', 'noReliableChange', 'deteriorated'] as const).filter((k) => c[k] !== null) : [];
  const notClinical = c?.notClinicalAtStart ?? null;
  // cells: cohort, noAssessment, oneDayOnly, n, the categories…, then notClinical and its complement.
  const values = [s.cohort, s.noAssessment, s.oneDayOnly, s.n, ...keys.map((k) => c![k as Exclude<ChangeCell, 'notClinicalAtStart'>]!.k)];
  const first = 4;
  const relations = [{ parts: [1, 2, 3], total: 0 }];
  if (keys.length > 0) relations.push({ parts: keys.map((_, i) => first + i), total: 3 });
  let nc = -1;
  if (notClinical) {
    nc = values.length;
    values.push(notClinical.k, s.n - notClinical.k);
    relations.push({ parts: [nc, nc + 1], total: 3 });
  }
  const hidden = suppressCells(values, relations, policy, [0]);
  const count = (i: number): Count => ({ value: values[i], hidden: hidden[i] });
  const shown = (key: ChangeCell, i: number): ShownChangeCount => {
    const withheld = hidden[i] || hidden[3] || s.n === 0;
    return { key, count: count(i), share: withheld ? null : values[i] / s.n, ci: withheld ? null : wilsonInterval(values[i], s.n) };
  };
  const categories = keys.map((k, i) => shown(k, first + i));
  if (notClinical) categories.push(shown('notClinicalAtStart', nc));
  return { cohort: count(0), noAssessment: count(1), oneDayOnly: count(2), n: count(3), categories };
}
