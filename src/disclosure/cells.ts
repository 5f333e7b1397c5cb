/**
 * Statistical disclosure control for published reports (measures.md,
 * "Disclosure control").
 *
 * Public profile: a count from 1 to minCell − 1 is suppressed (shown as
 * "<minCell"), so is every percentage or rate derived from it, and secondary
 * suppression hides a further cell wherever a suppressed cell could otherwise
 * be recovered by subtraction from a published total. Zero is shown. The
 * analyst profile suppresses nothing.
 *
 * Everything here is pure: counts in, masks out. Tables and charts both take
 * their masks from these functions, so a cell hidden in a table is never drawn.
 */
import type { Proportion } from '../stats/types.js';
import type { ReportProfile } from '../study/options.js';
import { formatInteger, percent } from '../words/format.js';

export interface DisclosurePolicy {
  profile: ReportProfile;
  /** Counts from 1 to minCell − 1 are suppressed in the public profile. */
  minCell: number;
}

/** A published count and whether it must be hidden. */
export interface Count {
  value: number;
  hidden: boolean;
}

/**
 * One additive relation a reader could use to recover a hidden cell:
 * the cells at `parts` add up to the cell at `total` (indices into the cell list).
 */
export interface Relation {
  parts: number[];
  total: number;
}

/** True when the policy suppresses this count on its own (primary suppression). */
export function isSmallCount(value: number, policy: DisclosurePolicy): boolean {
  return policy.profile === 'public' && value >= 1 && value < policy.minCell;
}

/**
 * Primary and secondary suppression over a list of cells linked by additive
 * relations. Primary: every count from 1 to minCell − 1. Secondary: while a
 * reader could work out some hidden cell exactly, hide one more cell, and
 * repeat until none can be.
 *
 * What a reader knows: shown cells exactly; a cell shown as "<minCell" lies in
 * [1, minCell − 1]; a cell withheld by secondary suppression ("[c]") is at
 * least minCell (zero is never hidden); a cell in `forced` (a column withheld
 * whole, printed "withheld") is at least 0; a cell in `printed` (withheld by another
 * table, printed with the same marks) is read by its mark. The reader's best bounds on each hidden cell are found
 * by propagating these intervals through every relation until they stop
 * narrowing (interval constraint propagation); a hidden cell whose interval
 * closes to one value is given away. Two "<5" cells adding up to 2 are both 1;
 * a "<5" total above two hidden parts caps them both.
 *
 * Which cell to hide next, in a relation holding a given-away cell: a non-zero
 * part, preferring one that sits in more relations holding given-away cells,
 * then the smallest, then the first; cells listed in `keep` (such as the
 * cohort size, printed everywhere) only when nothing else will do; the
 * relation's total last.
 */
export function suppressCells(
  values: readonly number[],
  relations: readonly Relation[],
  policy: DisclosurePolicy,
  keep: readonly number[] = [],
  /** Cells hidden whatever their value and printed "withheld" (a whole column withheld): a reader knows only that they are ≥ 0. */
  forced: readonly number[] = [],
  /**
   * Cells hidden whatever their value but printed as any withheld count (a count another
   * table of the page withholds): "<minCell" is read as 1 to minCell − 1, "[c]" as at least
   * minCell, except a zero, printed "[c]", known only as ≥ 0.
   */
  printed: readonly number[] = [],
): boolean[] {
  const small = values.map((v) => isSmallCount(v, policy));
  const hidden = [...small];
  if (policy.profile !== 'public') return hidden;
  const isForced = new Set(forced);
  for (const i of forced) hidden[i] = true;
  const isPrinted = new Set(printed);
  for (const i of printed) hidden[i] = true;
  // What a reader knows of each cell if hidden, worked out once for every round.
  const lo = values.map((v, i) => (isForced.has(i) ? 0 : small[i] ? 1 : isPrinted.has(i) && v === 0 ? 0 : policy.minCell));
  const hi = values.map((_, i) => (isForced.has(i) ? Infinity : small[i] ? policy.minCell - 1 : Infinity));
  const relationsOf: number[][] = values.map(() => []);
  relations.forEach((rel, r) => {
    for (const i of [...rel.parts, rel.total]) relationsOf[i].push(r);
  });
  const keepSet = new Set(keep);
  // Each round hides one more cell, so there are at most as many rounds as cells.
  for (let round = 0; round <= values.length; round++) {
    const pinned = givenAway(values, relations, relationsOf, hidden, lo, hi);
    if (pinned.length === 0) break;
    const pinnedRelations = new Set(pinned.flatMap((i) => relationsOf[i]));
    const bonus = (cell: number) => relationsOf[cell].filter((r) => pinnedRelations.has(r)).length;
    // The relation that pins a cell most tightly on its own (with what a reader knows before
    // combining relations) is where hiding another cell helps.
    // A width is the sum of the other cells' spans; each relation's parts' spans are added up once
    // a round (finite and infinite apart, as in BoundSums), so a width costs one step, not the relation's size.
    const span = (i: number) => (hidden[i] ? hi[i] - lo[i] : 0);
    const partSpans = new Map<number, SpanSum>();
    const width = (cell: number, r: number): number => {
      const rel = relations[r];
      let parts = partSpans.get(r);
      if (!parts) partSpans.set(r, (parts = spanSum(rel.parts.map(span))));
      if (rel.total === cell) return parts.infinite > 0 ? Infinity : parts.finite;
      const own = span(cell);
      const infinite = parts.infinite - (own === Infinity ? 1 : 0) + (span(rel.total) === Infinity ? 1 : 0);
      return infinite > 0 ? Infinity : parts.finite - (own === Infinity ? 0 : own) + span(rel.total);
    };
    let pick = -1;
    // cells pinned by one relation on its own first: the others are often pinned only through them
    // (each cell's widths worked out once: a width costs its relation's size, and sorting asks often)
    const widths = new Map(pinned.map((cell) => [cell, new Map(relationsOf[cell].map((r) => [r, width(cell, r)]))]));
    const tightest = new Map(pinned.map((cell) => [cell, Math.min(...widths.get(cell)!.values())]));
    const byTightness = [...pinned].sort((a, b) => tightest.get(a)! - tightest.get(b)! || a - b);
    for (const cell of byTightness) {
      const widthIn = widths.get(cell)!;
      const order = [...relationsOf[cell]].sort((a, b) => widthIn.get(a)! - widthIn.get(b)! || a - b);
      for (const r of order) {
        const rel = relations[r];
        const candidates = [...rel.parts, rel.total].filter((i) => !hidden[i] && values[i] !== 0);
        let best: [number, number, number] = [Infinity, Infinity, Infinity];
        for (const i of candidates) {
          const rank: [number, number, number] = [(keepSet.has(i) ? 2 : 0) + (i === rel.total ? 1 : 0), -bonus(i), values[i]];
          if (rank[0] < best[0] || (rank[0] === best[0] && (rank[1] < best[1] || (rank[1] === best[1] && rank[2] < best[2])))) {
            best = rank;
            pick = i;
          }
        }
        if (pick >= 0) break;
      }
      if (pick >= 0) break;
    }
    if (pick < 0) break; // only zeros left to hide: they would tell nothing new
    hidden[pick] = true;
  }
  return hidden;
}

/** A sum of spans that may be ∞: the finite ones added, the infinite ones counted (∞ − ∞ would be NaN). */
interface SpanSum {
  finite: number;
  infinite: number;
}

function spanSum(spans: readonly number[]): SpanSum {
  const sum: SpanSum = { finite: 0, infinite: 0 };
  for (const s of spans) {
    if (s === Infinity) sum.infinite++;
    else sum.finite += s;
  }
  return sum;
}

/**
 * The hidden cells a reader can pin to a single value: start from the known
 * intervals (shown cells exact, hidden cells [lo, hi]) and tighten them with
 * every relation (a total lies between the sums of its parts' bounds; a part
 * between the total's bounds less the other parts') until nothing changes.
 *
 * Each pass visits the relations in order and tightens in place, as a reader
 * working through the tables would. A relation's sums are kept as it goes
 * (see BoundSums) rather than added up afresh for every part, so a visit costs
 * the relation's size: a relation of 1,500 services is 1,500 steps, not 1,500².
 * A relation that narrowed nothing on its last visit, none of whose cells has
 * narrowed since, would narrow nothing again and is passed over; so a pass
 * after the first costs only the relations near a change, and the bounds found
 * are the same number for number, pass for pass.
 */
function givenAway(
  values: readonly number[],
  relations: readonly Relation[],
  relationsOf: readonly (readonly number[])[],
  hidden: readonly boolean[],
  lo: readonly number[],
  hi: readonly number[],
): number[] {
  const L = values.map((v, i) => (hidden[i] ? lo[i] : v));
  const H = values.map((v, i) => (hidden[i] ? hi[i] : v));
  const sums = new BoundSums();
  const quiet = new Uint8Array(relations.length);
  const narrowed = (cell: number) => {
    for (const r of relationsOf[cell]) quiet[r] = 0;
  };
  // Bounds only narrow, in whole numbers; the cap guards against slow creeping in cycles.
  for (let pass = 0; pass < 200; pass++) {
    let changed = false;
    for (let r = 0; r < relations.length; r++) {
      if (quiet[r]) continue;
      const rel = relations[r];
      let changedHere = false;
      sums.of(rel.parts, L, H);
      const t = rel.total;
      const sumL = sums.low();
      const sumH = sums.high();
      if (sumL > L[t]) {
        L[t] = sumL;
        changedHere = true;
        narrowed(t);
      }
      if (sumH < H[t]) {
        H[t] = sumH;
        changedHere = true;
        narrowed(t);
      }
      for (const p of rel.parts) {
        if (!hidden[p]) continue;
        const least = L[t] - sums.highWithout(H[p]);
        const most = H[t] - sums.lowWithout(L[p]);
        if (least > L[p]) {
          sums.replaceLow(L[p], least);
          L[p] = least;
          changedHere = true;
          narrowed(p);
        }
        if (most < H[p]) {
          sums.replaceHigh(H[p], most);
          H[p] = most;
          changedHere = true;
          narrowed(p);
        }
      }
      if (changedHere) changed = true;
      else quiet[r] = 1;
    }
    if (!changed) break;
  }
  return values.map((_, i) => i).filter((i) => hidden[i] && L[i] >= H[i]);
}

/**
 * The sums of a relation's parts' lower and upper bounds, kept up to date as
 * single bounds change, and read with one part left out. Upper bounds may be
 * ∞, and ∞ − ∞ would be NaN, so the finite upper bounds are summed apart and
 * the infinite ones only counted: the sum without a part is ∞ while another
 * part's bound is. Bounds are whole numbers far below 2⁵³, so adding and
 * subtracting is exact and gives what adding up afresh would.
 */
class BoundSums {
  private lowSum = 0;
  private finiteHigh = 0;
  private infiniteHigh = 0;

  of(cells: readonly number[], L: readonly number[], H: readonly number[]): void {
    this.lowSum = 0;
    this.finiteHigh = 0;
    this.infiniteHigh = 0;
    for (const c of cells) {
      this.lowSum += L[c];
      this.addHigh(H[c], 1);
    }
  }

  low(): number {
    return this.lowSum;
  }

  high(): number {
    return this.infiniteHigh > 0 ? Infinity : this.finiteHigh;
  }

  /** The sum of the lower bounds without one part whose lower bound is `own`. */
  lowWithout(own: number): number {
    return this.lowSum - own;
  }

  /** The sum of the upper bounds without one part whose upper bound is `own`. */
  highWithout(own: number): number {
    if (own === Infinity) return this.infiniteHigh > 1 ? Infinity : this.finiteHigh;
    return this.infiniteHigh > 0 ? Infinity : this.finiteHigh - own;
  }

  replaceLow(before: number, after: number): void {
    this.lowSum += after - before;
  }

  replaceHigh(before: number, after: number): void {
    this.addHigh(before, -1);
    this.addHigh(after, 1);
  }

  private addHigh(bound: number, sign: 1 | -1): void {
    if (bound === Infinity) this.infiniteHigh += sign;
    else this.finiteHigh += sign * bound;
  }
}

/**
 * A table of counts as one list of cells with its additive relations: the cells row by
 * row (`at(r, c)`), then the row totals, the column totals and the grand total; each row
 * and column adds up to its total, and the row totals and the column totals to the grand
 * total.
 */
interface TableCells {
  values: number[];
  relations: Relation[];
  at: (r: number, c: number) => number;
  rowTotal0: number;
  colTotal0: number;
  grand: number;
}

/** The cells and relations of a table whose row, column and grand totals are printed. */
export function tableCells(cells: readonly (readonly number[])[]): TableCells {
  const rows = cells.length;
  const cols = rows > 0 ? cells[0].length : 0;
  const values: number[] = [];
  const at = (r: number, c: number) => r * cols + c;
  for (const row of cells) values.push(...row);
  const rowTotal0 = values.length;
  for (const row of cells) values.push(sum(row));
  const colTotal0 = values.length;
  for (let c = 0; c < cols; c++) values.push(sum(cells.map((row) => row[c])));
  const grand = values.length;
  values.push(sum(cells.map((row) => sum(row))));

  const relations: Relation[] = [];
  for (let r = 0; r < rows; r++) relations.push({ parts: range(cols).map((c) => at(r, c)), total: rowTotal0 + r });
  for (let c = 0; c < cols; c++) relations.push({ parts: range(rows).map((r) => at(r, c)), total: colTotal0 + c });
  relations.push({ parts: range(rows).map((r) => rowTotal0 + r), total: grand });
  relations.push({ parts: range(cols).map((c) => colTotal0 + c), total: grand });
  return { values, relations, at, rowTotal0, colTotal0, grand };
}

/**
 * Suppression for a table of counts whose row totals and column totals (and
 * grand total) are published. Returns masks for the cells, the row totals, the
 * column totals and the grand total.
 */
export function suppressTable(
  cells: readonly (readonly number[])[],
  policy: DisclosurePolicy,
  /** Columns withheld whole (e.g. a group too small to describe). */
  hiddenColumns: readonly number[] = [],
): { cells: boolean[][]; rowTotals: boolean[]; columnTotals: boolean[]; grandTotal: boolean } {
  const rows = cells.length;
  const cols = rows > 0 ? cells[0].length : 0;
  const { values, relations, at, rowTotal0, colTotal0, grand } = tableCells(cells);
  const forced = policy.profile === 'public' ? hiddenColumns.flatMap((c) => [...range(rows).map((r) => at(r, c)), colTotal0 + c]) : [];
  const hidden = suppressCells(values, relations, policy, [grand], forced);
  return {
    cells: range(rows).map((r) => range(cols).map((c) => hidden[at(r, c)])),
    rowTotals: range(rows).map((r) => hidden[rowTotal0 + r]),
    columnTotals: range(cols).map((c) => hidden[colTotal0 + c]),
    grandTotal: hidden[grand],
  };
}

/** Suppression for counts published together with their total (their sum). */
export function suppressWithTotal(parts: readonly number[], policy: DisclosurePolicy): { parts: Count[]; total: Count } {
  const values = [...parts, sum(parts)];
  const hidden = suppressCells(values, [{ parts: range(parts.length), total: parts.length }], policy);
  return {
    parts: parts.map((value, i) => ({ value, hidden: hidden[i] })),
    total: { value: values[parts.length], hidden: hidden[parts.length] },
  };
}

/** Suppression for counts published without any total (only primary suppression applies). */
export function suppressEach(values: readonly number[], policy: DisclosurePolicy): Count[] {
  return values.map((value) => ({ value, hidden: isSmallCount(value, policy) }));
}

/** A proportion as published: its counts, and the rate hidden when derived from a hidden count. */
export interface ShownProportion {
  label: string;
  k: Count;
  n: Count;
  proportion: number | null;
  ci: [number, number] | null;
  /** True when the proportion and its interval must not be published. */
  hidden: boolean;
}

/**
 * A set of labelled proportions k/n (groups of a comparison, services, ...),
 * optionally with the overall proportion they add up to. Each is treated as a
 * row [k, n − k] with row total n: the people without the outcome are a cell a
 * reader can compute as n − k, so a small n − k (e.g. 43 of 45) is suppressed
 * like a small k, by hiding k. With an overall proportion, the groups' k, n − k
 * and n add up to its k, n − k and n, and secondary suppression works across
 * groups so that no group's hidden k is the overall k minus the others.
 */
export function suppressProportions(
  rows: readonly (Proportion & { label: string })[],
  policy: DisclosurePolicy,
  overall?: Proportion & { label: string },
  outside?: Outside,
  /**
   * The rows' n as every table of the page publishes them (see sharedSizes): a
   * row's n is then kept as given there (withheld or shown) and never picked
   * for secondary suppression here, so tables agree on group sizes.
   */
  sizes?: (Count | null)[],
): { rows: ShownProportion[]; overall: ShownProportion | null; outside: Count | null } {
  const all = overall ? [...rows, overall] : [...rows];
  // cells: per row k, n − k, n
  const values: number[] = [];
  for (const p of all) values.push(p.k, p.n - p.k, p.n);
  const K = (i: number) => 3 * i;
  const NK = (i: number) => 3 * i + 1;
  const N = (i: number) => 3 * i + 2;
  const relations: Relation[] = all.map((_, i) => ({ parts: [K(i), NK(i)], total: N(i) }));
  if (overall && rows.length > 0) {
    const o = rows.length;
    const idx = range(rows.length);
    relations.push({ parts: idx.map(K), total: K(o) });
    relations.push({ parts: idx.map(NK), total: NK(o) });
    relations.push({ parts: idx.map(N), total: N(o) });
  }
  // The denominator and the people outside it add up to the cohort, which is printed everywhere.
  const top = all.length - 1;
  let keep = overall ? [N(top)] : [];
  let O = -1;
  if (outside && all.length > 0) {
    O = values.length;
    values.push(outside.count, outside.count + all[top].n);
    relations.push({ parts: [N(top), O], total: O + 1 });
    keep = [O + 1];
    if (outside.rows && overall && outside.rows.length === rows.length) {
      // each row's denominator and its outsiders make that row's cohort, printed elsewhere
      const rowOutside = rows.map((r, i) => {
        const o = values.length;
        values.push(outside.rows![i], outside.rows![i] + r.n);
        relations.push({ parts: [N(i), o], total: o + 1 });
        keep.push(o + 1);
        return o;
      });
      relations.push({ parts: rowOutside, total: O });
    }
  }
  // A group size another table withholds is printed there with its mark ("<5" or "[c]").
  const printed: number[] = [];
  sizes?.forEach((size, i) => {
    if (!size || i >= rows.length) return;
    keep.push(N(i));
    if (size.hidden) printed.push(N(i));
  });
  const hidden = suppressCells(values, relations, policy, keep, [], printed);
  const shown = all.map((p, i): ShownProportion => {
    // The complement n − k is never printed, so hiding it means hiding k.
    const kHidden = hidden[K(i)] || hidden[NK(i)];
    const nHidden = hidden[N(i)];
    const rateHidden = kHidden || nHidden;
    return {
      label: p.label,
      k: { value: p.k, hidden: kHidden },
      n: { value: p.n, hidden: nHidden },
      proportion: rateHidden ? null : p.proportion,
      ci: rateHidden ? null : p.ci,
      hidden: rateHidden,
    };
  });
  return {
    rows: overall ? shown.slice(0, -1) : shown,
    overall: overall ? shown[shown.length - 1] : null,
    outside: O < 0 ? null : { value: values[O], hidden: hidden[O] },
  };
}

/**
 * People of the cohort outside a measure's denominator (e.g. follow-up too
 * short for proven reoffending): the denominator plus these make the cohort,
 * so a small count of them is protected like any other cell.
 */
export interface Outside {
  /** Outside the overall (or only) proportion's denominator. */
  count: number;
  /** Outside each row's denominator, when the rows are parts of the cohort too (services). */
  rows?: number[];
}

/**
 * Group sizes as every table of a page publishes them: the sizes add up to the
 * cohort, so a small one is withheld with another (secondary suppression). The
 * result depends only on the labels and sizes, not on their order, so each
 * table that prints them gets the same answer.
 */
export function sharedSizes(groups: readonly { label: string; n: number }[], policy: DisclosurePolicy): Map<string, Count> {
  const sorted = [...groups].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const shown = suppressWithTotal(
    sorted.map((g) => g.n),
    policy,
  );
  return new Map(sorted.map((g, i) => [g.label, shown.parts[i]]));
}

/** A single proportion with no breakdown (and, optionally, the cohort members outside its denominator). */
export function suppressProportion(p: Proportion, label: string, policy: DisclosurePolicy, outside?: Outside): ShownProportion {
  return suppressProportions([{ ...p, label }], policy, undefined, outside).rows[0];
}

/**
 * A count of part of a published whole whose other part is printed nowhere
 * (people with an in-reach start, of the cohort): hidden when either part is
 * small, since the whole minus it would give the other part.
 */
export function countOfWhole(n: number, whole: number, policy: DisclosurePolicy): Count {
  return { value: n, hidden: isSmallCount(n, policy) || isSmallCount(whole - n, policy) };
}

/** The mark of a count withheld by secondary suppression (the Office for National Statistics' "[c]", confidential). */
const SECONDARY_MARK = '[c]';

/**
 * The text a published count shows: the number; "<minCell" when it is small
 * (primary suppression); "[c]" when it was withheld only so that a small count
 * cannot be worked out from a total (secondary suppression).
 */
export function formatCount(c: Count, policy: DisclosurePolicy): string {
  if (!c.hidden) return formatInteger(c.value);
  return c.value >= 1 && c.value < policy.minCell ? `<${policy.minCell}` : SECONDARY_MARK;
}

/** A count with its share of a total for a table cell, "12 (26.7%)"; the count alone when either is withheld or zero. */
export function countAndShare(c: Count, total: Count, policy: DisclosurePolicy): string {
  const text = formatCount(c, policy);
  if (c.hidden || total.hidden || total.value === 0 || c.value === 0) return text;
  return `${text} (${percent(c.value / total.value, 1)})`;
}

/** One sentence saying which disclosure profile a report uses. */
export function profileStatement(policy: DisclosurePolicy): string {
  if (policy.profile === 'analyst') {
    return 'Analyst report: small counts are not suppressed. Do not publish this report as it stands.';
  }
  return (
    `Public report: counts from 1 to ${policy.minCell - 1} are shown as "<${policy.minCell}", ` +
    'percentages and rates derived from them are withheld, and further cells are withheld where a hidden count ' +
    `could otherwise be worked out from a total (shown as "${SECONDARY_MARK}"). Zero is shown. Withheld values are not drawn in the charts.`
  );
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
