/**
 * What a reader can work out about withheld cells from what a page publishes
 * (measures.md, "Disclosure control"): the tightest bounds the shown cells,
 * the marks of the withheld ones and the table's sums allow. A sentence may
 * print these bounds, since they disclose nothing a reader of the table does
 * not already know.
 */
import { isSmallCount, type DisclosurePolicy, type Relation } from './cells.js';

/**
 * Each cell's bounds [least, most] as a reader knows them: a shown cell
 * exactly; "<minCell" from 1 to minCell − 1; "[c]" at least minCell; a cell in
 * `forced` (withheld whole, or because another table withholds it) at least 0.
 * The bounds are narrowed through every relation (a total lies between the
 * sums of its parts' bounds, a part between the total's bounds less the other
 * parts') until they stop changing: interval constraint propagation, the
 * reader that secondary suppression defends against. Hidden values are read
 * only to tell "<minCell" from "[c]", as the page's marks do.
 */
export function readerBounds(
  values: readonly number[],
  relations: readonly Relation[],
  hidden: readonly boolean[],
  policy: DisclosurePolicy,
  forced: readonly number[] = [],
): [number, number][] {
  const isForced = new Set(forced);
  const L = values.map((v, i) => (!hidden[i] ? v : isForced.has(i) ? 0 : isSmallCount(v, policy) ? 1 : policy.minCell));
  const H = values.map((v, i) => (!hidden[i] ? v : isForced.has(i) || !isSmallCount(v, policy) ? Infinity : policy.minCell - 1));
  // Bounds only narrow, in whole numbers; the cap guards against slow creeping in cycles.
  for (let pass = 0; pass < 200; pass++) {
    let changed = false;
    const narrow = (i: number, least: number, most: number) => {
      if (least > L[i]) {
        L[i] = least;
        changed = true;
      }
      if (most < H[i]) {
        H[i] = most;
        changed = true;
      }
    };
    for (const rel of relations) {
      const [sumL, sumH] = boundSums(rel.parts, L, H);
      narrow(rel.total, sumL, sumH);
      for (const p of rel.parts) {
        const [othersL, othersH] = boundSums(rel.parts, L, H, p);
        narrow(p, L[rel.total] - othersH, H[rel.total] - othersL);
      }
    }
    if (!changed) break;
  }
  return values.map((_, i) => [L[i], H[i]]);
}

/** Sums of the lower and upper bounds of `cells` but `skip`, added afresh (∞ − ∞ would be NaN). */
function boundSums(cells: readonly number[], L: readonly number[], H: readonly number[], skip = -1): [number, number] {
  let low = 0;
  let high = 0;
  for (const c of cells) {
    if (c === skip) continue;
    low += L[c];
    high += H[c];
  }
  return [low, high];
}
