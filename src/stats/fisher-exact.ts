import { checkContingencyTable } from './contingency-table.js';
import { logFactorialTable } from './log-gamma.js';

export interface FisherResult {
  /** Two-sided p-value; null where it could not be computed exactly. */
  p: number | null;
  /** Why p is null; null when p is a number. */
  note: string | null;
}

/** R fisher.test's allowance for rounding when comparing table probabilities. */
const FISHER_RELATIVE_TOLERANCE = 1e-7;
/** Upper limit on partial tables examined for an r × 2 table (about a second of work). */
const FISHER_WORK_BUDGET = 4_000_000;
/** Largest subset-sum table (rows × people) built for the exact lower bound at one stage. */
const MAX_SUBSET_SUM_CELLS = 2_000_000;

/**
 * Fisher's exact test on an r × 2 table (rows are groups, columns [yes, no]), two-sided
 * as R `fisher.test`: the sum of the probabilities, under the hypergeometric law given
 * both margins, of every table whose probability is ≤ the observed one × (1 + 1e-7).
 *
 * Rows with no people are dropped (they add no information). A 2 × 2 table is summed
 * over its whole support; larger tables use a network algorithm whose cost grows with
 * the table, and p is null with a note when it would exceed the work budget
 * (options.workBudget, default FISHER_WORK_BUDGET).
 * p is 1 when the margins allow only one table (no yes, or no no, or a single group
 * with people); null with a note when the table has fewer than two rows.
 */
export function fisherExact(table: number[][], options: { workBudget?: number } = {}): FisherResult {
  const budget = options.workBudget ?? FISHER_WORK_BUDGET;
  checkContingencyTable(table);
  if (table.length > 0 && table[0].length !== 2) {
    throw new RangeError(`fisherExact: table must have 2 columns [yes, no], got ${table[0].length}`);
  }
  if (table.length < 2) return { p: null, note: "Fisher's exact test needs at least two groups." };
  const rows = table.filter((row) => row[0] + row[1] > 0);
  const sizes = rows.map((row) => row[0] + row[1]);
  const yes = rows.map((row) => row[0]);
  const totalYes = yes.reduce((s, v) => s + v, 0);
  const total = sizes.reduce((s, v) => s + v, 0);
  if (rows.length < 2 || totalYes === 0 || totalYes === total) return { p: 1, note: null };

  const logFactorial = logFactorialTable(total);
  const logChoose = (n: number, k: number) => logFactorial[n] - logFactorial[k] - logFactorial[n - k];
  let logObserved = 0;
  for (let i = 0; i < rows.length; i++) logObserved += logChoose(sizes[i], yes[i]);
  const threshold = logObserved + Math.log1p(FISHER_RELATIVE_TOLERANCE);

  if (rows.length === 2) {
    // As R does for 2 × 2: normalise by the sum over the support, so rounding cancels.
    const [n1, n2] = sizes;
    const from = Math.max(0, totalYes - n2);
    const to = Math.min(n1, totalYes);
    const mode = modeOfRow(n1, n2, totalYes);
    const logMode = logChoose(n1, mode) + logChoose(n2, totalYes - mode);
    let all = 0;
    let extreme = 0;
    for (let x = from; x <= to; x++) {
      const logP = logChoose(n1, x) + logChoose(n2, totalYes - x);
      const weight = Math.exp(logP - logMode);
      all += weight;
      if (logP <= threshold) extreme += weight;
    }
    return { p: Math.min(1, extreme / all), note: null };
  }
  const p = networkPValue(sizes, totalYes, threshold, logChoose, budget);
  if (p === null) {
    return {
      p: null,
      note:
        `Fisher's exact test not computed: the ${rows.length} × 2 table with ${total} people needs more than ` +
        `${budget.toLocaleString('en-GB')} partial tables; see the chi-square test.`,
    };
  }
  return { p: Math.min(1, p), note: null };
}

/** The most likely count in the first row of a 2 × 2 table with these margins (hypergeometric mode). */
function modeOfRow(n1: number, n2: number, totalYes: number): number {
  const mode = Math.floor(((totalYes + 1) * (n1 + 1)) / (n1 + n2 + 2));
  return Math.min(Math.max(mode, Math.max(0, totalYes - n2)), Math.min(n1, totalYes));
}

/** The paths reaching one node, sorted by past, equal pasts merged. */
interface NodePaths {
  /** log Π C(n_i, x_i) over the rows placed so far, ascending. */
  past: Float64Array;
  /** Probability of all tables that continue each path. */
  mass: Float64Array;
  /** Running sums of mass, so that any prefix of paths can be added at once. */
  cumulativeMass: Float64Array;
}

/** Paths within this distance in log probability are merged (far inside R's 1e-7 tolerance). */
const MERGE_DISTANCE = 1e-9;

/**
 * Network algorithm (Mehta & Patel's idea, for two columns): rows are placed one at a
 * time, smallest first; a node is (rows placed, yes still to place). The rows still to
 * place can be completed in C(N', K') ways in total (Vandermonde), and each completion's
 * log probability lies between bounds computed per node, so a path whose every completion
 * is at most as probable as the observed table is added whole, one whose every completion
 * is more probable is dropped, and only the rest are extended. Paths reaching a node are
 * kept sorted by past probability, so for each step the added paths are a prefix (one
 * running sum) and the extended ones the next run. With two rows left, the completions
 * form one unimodal hypergeometric sequence, so each path adds two tail sums.
 */
function networkPValue(sizes: number[], totalYes: number, threshold: number, logChoose: (n: number, k: number) => number, budget: number): number | null {
  const order = sizes.slice().sort((a, b) => a - b);
  const r = order.length;
  const remaining = new Array<number>(r + 1).fill(0);
  for (let j = r - 1; j >= 0; j--) remaining[j] = remaining[j + 1] + order[j];

  const bounds = new NodeBounds(order, remaining, totalYes, logChoose);
  const lastPair = new LastPairTails(order[r - 2], order[r - 1], logChoose);
  let p = 0;
  let work = 0;
  const start: NodePaths = { past: Float64Array.of(0), mass: Float64Array.of(1), cumulativeMass: Float64Array.of(1) };
  let stage = new Map<number, NodePaths>([[totalYes, start]]);
  for (let j = 0; j < r - 2 && stage.size > 0; j++) {
    const pending = new Map<number, PathBuffer>();
    const n = order[j];
    for (const [left, node] of stage) {
      const logNodeTables = logChoose(remaining[j], left);
      const xFrom = Math.max(0, left - remaining[j + 1]);
      const xTo = Math.min(n, left);
      for (let x = xFrom; x <= xTo; x++) {
        const childLeft = left - x;
        const step = logChoose(n, x);
        const factor = Math.exp(step + logChoose(remaining[j + 1], childLeft) - logNodeTables);
        const added = countAtMost(node.past, threshold - step - bounds.max(j + 1, childLeft));
        const kept = countAtMost(node.past, threshold - step - bounds.min(j + 1, childLeft));
        if (added > 0) p += factor * node.cumulativeMass[added - 1];
        work += 1 + kept - added;
        if (work + bounds.cost > budget) return null;
        if (kept > added) {
          let child = pending.get(childLeft);
          if (!child) pending.set(childLeft, (child = new PathBuffer()));
          child.appendExtended(node, added, kept, step, factor);
        }
      }
    }
    stage = new Map();
    for (const [left, child] of pending) stage.set(left, mergedPaths(child));
  }
  for (const [left, node] of stage) {
    work += lastPair.prepare(left) + node.past.length;
    if (work + bounds.cost > budget) return null;
    for (let i = 0; i < node.past.length; i++) p += node.mass[i] * lastPair.tailMass(left, threshold - node.past[i]);
  }
  return p;
}

/** Number of leading entries of an ascending array that are ≤ limit. */
function countAtMost(sorted: Float64Array, limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Paths collected for one node during a stage, in typed arrays that grow by doubling:
 * the hot loop then fills memory outside the garbage-collected heap instead of growing
 * JS arrays of doubles that every young-generation collection has to copy.
 */
class PathBuffer {
  past = new Float64Array(16);
  mass = new Float64Array(16);
  length = 0;

  /** Appends paths from … to − 1 of a node, extended by one row: past + step, mass × factor. */
  appendExtended(node: NodePaths, from: number, to: number, step: number, factor: number): void {
    this.reserve(to - from);
    const { past, mass } = this;
    let length = this.length;
    for (let i = from; i < to; i++) {
      past[length] = node.past[i] + step;
      mass[length++] = node.mass[i] * factor;
    }
    this.length = length;
  }

  private reserve(count: number): void {
    const needed = this.length + count;
    if (needed <= this.past.length) return;
    let capacity = this.past.length * 2;
    while (capacity < needed) capacity *= 2;
    const past = new Float64Array(capacity);
    const mass = new Float64Array(capacity);
    past.set(this.past.subarray(0, this.length));
    mass.set(this.mass.subarray(0, this.length));
    this.past = past;
    this.mass = mass;
  }
}

/** Sorts paths by past (ties keep their order) and merges those within MERGE_DISTANCE of a run's first. */
function mergedPaths(paths: PathBuffer): NodePaths {
  const { past, mass, length } = paths;
  const index = new Uint32Array(length);
  for (let i = 0; i < length; i++) index[i] = i;
  index.sort((a, b) => past[a] - past[b]);
  const mergedPast = new Float64Array(length);
  const mergedMass = new Float64Array(length);
  let count = 0;
  for (const i of index) {
    if (count > 0 && past[i] - mergedPast[count - 1] <= MERGE_DISTANCE) mergedMass[count - 1] += mass[i];
    else {
      mergedPast[count] = past[i];
      mergedMass[count++] = mass[i];
    }
  }
  const cumulativeMass = new Float64Array(count);
  let sum = 0;
  for (let i = 0; i < count; i++) cumulativeMass[i] = sum += mergedMass[i];
  return { past: mergedPast.subarray(0, count), mass: mergedMass.subarray(0, count), cumulativeMass };
}

/**
 * For the last two rows (sizes a, b) and K' yes left: the conditional probabilities
 * of x yes in the first, their cumulative sums from each end, and the mode, so that the
 * mass of completions with log C(a, x) + log C(b, K' − x) ≤ limit is two bisections.
 */
class LastPairTails {
  private readonly nodes = new Map<number, { from: number; mode: number; logTerm: Float64Array; fromLeft: Float64Array; fromRight: Float64Array }>();
  constructor(
    private readonly a: number,
    private readonly b: number,
    private readonly logChoose: (n: number, k: number) => number,
  ) {}

  /** Builds the node's arrays once; returns the work done. */
  prepare(left: number): number {
    if (this.nodes.has(left)) return 0;
    const { a, b, logChoose } = this;
    const from = Math.max(0, left - b);
    const to = Math.min(a, left);
    const size = to - from + 1;
    const logTerm = new Float64Array(size);
    let mode = 0;
    for (let i = 0; i < size; i++) {
      logTerm[i] = logChoose(a, from + i) + logChoose(b, left - from - i);
      if (logTerm[i] > logTerm[mode]) mode = i;
    }
    const logAll = logChoose(a + b, left);
    const fromLeft = new Float64Array(size);
    const fromRight = new Float64Array(size);
    let sum = 0;
    for (let i = 0; i < size; i++) fromLeft[i] = sum += Math.exp(logTerm[i] - logAll);
    sum = 0;
    for (let i = size - 1; i >= 0; i--) fromRight[i] = sum += Math.exp(logTerm[i] - logAll);
    this.nodes.set(left, { from, mode, logTerm, fromLeft, fromRight });
    return size;
  }

  /** Conditional probability of the completions whose log term is ≤ limit. */
  tailMass(left: number, limit: number): number {
    const node = this.nodes.get(left)!;
    const { mode, logTerm, fromLeft, fromRight } = node;
    const size = logTerm.length;
    // Left of the mode the terms rise: find the last index with term ≤ limit.
    let lo = 0;
    let hi = mode + 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (logTerm[mid] <= limit) lo = mid + 1;
      else hi = mid;
    }
    const leftMass = lo > 0 ? fromLeft[lo - 1] : 0;
    // Right of the mode they fall: find the first index with term ≤ limit.
    let rlo = mode + 1;
    let rhi = size;
    while (rlo < rhi) {
      const mid = (rlo + rhi) >>> 1;
      if (logTerm[mid] <= limit) rhi = mid;
      else rlo = mid + 1;
    }
    const rightMass = rlo < size ? fromRight[rlo] : 0;
    return leftMass + rightMass;
  }
}

/**
 * Per node (rows placed j, yes left K'), the largest log Π C(n_i, x_i) over completions
 * of the remaining rows (exact: the terms are concave in x_i, so greedy allocation plus
 * pairwise exchange is optimal) and the smallest: a concave function's minimum over the
 * allocation polytope is at a vertex, where all rows but one are empty or full, and with
 * integer margins every vertex is a table, so the vertex minimum is exact.
 */
class NodeBounds {
  private readonly maxCache: Float64Array;
  private readonly minCache: Float64Array;
  private readonly sumsCache = new Map<number, { next: Int32Array; previous: Int32Array }[] | null>();
  /**
   * Steps spent computing bounds. They count in the work budget with the partial tables:
   * a bound costs O(rows) (the minimum) to O(rows²) (the maximum's exchange passes), so with
   * 1,500 rows the bounds alone, uncounted, ran for minutes under a budget of 200,000 tables.
   */
  cost = 0;
  constructor(
    private readonly order: number[],
    private readonly remaining: number[],
    private readonly totalYes: number,
    private readonly logChoose: (n: number, k: number) => number,
  ) {
    this.maxCache = new Float64Array((order.length + 1) * (totalYes + 1)).fill(NaN);
    this.minCache = new Float64Array((order.length + 1) * (totalYes + 1)).fill(NaN);
  }

  max(j: number, left: number): number {
    const index = j * (this.totalYes + 1) + left;
    let value = this.maxCache[index];
    if (Number.isNaN(value)) this.maxCache[index] = value = this.computeMax(j, left);
    return value;
  }

  min(j: number, left: number): number {
    const index = j * (this.totalYes + 1) + left;
    let value = this.minCache[index];
    if (Number.isNaN(value)) this.minCache[index] = value = this.computeMin(j, left);
    return value;
  }

  private computeMin(j: number, left: number): number {
    const sums = this.otherRowSums(j);
    this.cost += this.order.length - j;
    let bound = Infinity;
    for (let i = j; i < this.order.length; i++) {
      const n = this.order[i];
      if (sums === null) {
        // Too large to enumerate: relax to any split of the other rows.
        const lo = Math.max(0, left - (this.remaining[j] - n));
        const hi = Math.min(n, left);
        bound = Math.min(bound, this.logChoose(n, lo), this.logChoose(n, hi));
        continue;
      }
      // Row i is the free one; the others are empty or full, summing to s in [left − n, left].
      const { next, previous } = sums[i - j];
      const smallest = next[Math.max(0, left - n)];
      if (smallest > left) continue;
      const largest = previous[left];
      bound = Math.min(bound, this.logChoose(n, left - smallest), this.logChoose(n, left - largest));
    }
    return bound === Infinity ? 0 : bound;
  }

  /**
   * For stage j and each remaining row i, which totals the other remaining rows reach
   * when each is empty or full (subset sums), as next/previous reachable total lookups.
   * Null when the tables would be too large (the bound then falls back to a relaxation).
   */
  private otherRowSums(j: number): { next: Int32Array; previous: Int32Array }[] | null {
    const cached = this.sumsCache.get(j);
    if (cached !== undefined) return cached;
    const m = this.order.length - j;
    const total = this.remaining[j];
    let result: { next: Int32Array; previous: Int32Array }[] | null = null;
    if (m * (total + 1) <= MAX_SUBSET_SUM_CELLS && m <= 64) {
      result = [];
      for (let i = j; i < this.order.length; i++) {
        const reach = new Uint8Array(total + 1);
        reach[0] = 1;
        for (let l = j; l < this.order.length; l++) {
          if (l === i) continue;
          const n = this.order[l];
          for (let s = total; s >= n; s--) if (reach[s - n]) reach[s] = 1;
        }
        const next = new Int32Array(total + 2);
        const previous = new Int32Array(total + 1);
        next[total + 1] = total + 1;
        for (let s = total; s >= 0; s--) next[s] = reach[s] ? s : next[s + 1];
        for (let s = 0; s <= total; s++) previous[s] = reach[s] ? s : s > 0 ? previous[s - 1] : -1;
        result.push({ next, previous });
      }
    }
    this.sumsCache.set(j, result);
    return result;
  }

  private computeMax(j: number, left: number): number {
    const sizes = this.order.slice(j);
    const m = sizes.length;
    if (m === 0) return 0;
    const total = this.remaining[j];
    const x = sizes.map((n) => Math.floor((n * left) / total));
    let unplaced = left - x.reduce((s, v) => s + v, 0);
    const up = (i: number) => (x[i] < sizes[i] ? Math.log((sizes[i] - x[i]) / (x[i] + 1)) : -Infinity);
    const down = (i: number) => (x[i] > 0 ? Math.log(x[i] / (sizes[i] - x[i] + 1)) : -Infinity);
    this.cost += m * (1 + Math.max(0, unplaced));
    while (unplaced > 0) {
      let best = -1;
      for (let i = 0; i < m; i++) if (x[i] < sizes[i] && (best < 0 || up(i) > up(best))) best = i;
      x[best]++;
      unplaced--;
    }
    for (let guard = 0; guard < 10 * m + 100; guard++) {
      let bestUp = 0;
      let bestDown = 0;
      for (let i = 1; i < m; i++) {
        if (up(i) > up(bestUp)) bestUp = i;
        if (down(i) > down(bestDown)) bestDown = i;
      }
      this.cost += m;
      if (bestUp === bestDown || !(up(bestUp) + down(bestDown) > 1e-12)) break;
      x[bestUp]++;
      x[bestDown]--;
    }
    let value = 0;
    for (let i = 0; i < m; i++) value += this.logChoose(sizes[i], x[i]);
    return value;
  }
}
