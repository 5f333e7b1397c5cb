/**
 * Secondary suppression made fast for 1,500 services (issue 14): the interval
 * propagation (givenAway in src/disclosure/cells.ts) keeps each relation's sums
 * as it goes instead of adding them up afresh for every part. This test keeps
 * the algorithm as it was before (copied below, unchanged) and asserts that the
 * new one hides exactly the same cells on seeded random tables of the shapes
 * the pages publish (tables with row and column totals and withheld columns,
 * proportions with an overall row and people outside the denominator, parts
 * and their total) and on random overlapping relations.
 */
import { describe, expect, it } from 'vitest';
import { type DisclosurePolicy, isSmallCount, type Relation, suppressCells } from '../../src/disclosure/cells.js';

/** A seeded generator (Park–Miller), so a failing case can be rerun by its seed. */
function generator(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 16807) % 2147483647;
    return Math.floor((state / 2147483647) * n);
  };
}

/** Counts as the pages see them: many zeros and small counts, some large. */
function count(rand: (n: number) => number): number {
  const kind = rand(10);
  return kind < 2 ? 0 : kind < 6 ? 1 + rand(6) : 5 + rand(60);
}

interface Case {
  values: number[];
  relations: Relation[];
  keep: number[];
  forced: number[];
}

function tableCase(rand: (n: number) => number): Case {
  const rows = 1 + rand(6);
  const cols = 1 + rand(5);
  const cells = Array.from({ length: rows }, () => Array.from({ length: cols }, () => count(rand)));
  const values = cells.flat();
  const rowTotal0 = values.length;
  for (const row of cells) values.push(row.reduce((a, b) => a + b, 0));
  const colTotal0 = values.length;
  for (let c = 0; c < cols; c++) values.push(cells.reduce((a, row) => a + row[c], 0));
  const grand = values.length;
  values.push(values.slice(0, rowTotal0).reduce((a, b) => a + b, 0));
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const relations: Relation[] = [
    ...range(rows).map((r) => ({ parts: range(cols).map((c) => r * cols + c), total: rowTotal0 + r })),
    ...range(cols).map((c) => ({ parts: range(rows).map((r) => r * cols + c), total: colTotal0 + c })),
    { parts: range(rows).map((r) => rowTotal0 + r), total: grand },
    { parts: range(cols).map((c) => colTotal0 + c), total: grand },
  ];
  const withheld = rand(3) === 0 ? [rand(cols)] : [];
  const forced = withheld.flatMap((c) => [...range(rows).map((r) => r * cols + c), colTotal0 + c]);
  return { values, relations, keep: [grand], forced };
}

function proportionsCase(rand: (n: number) => number, groups: number): Case {
  const values: number[] = [];
  const relations: Relation[] = [];
  const keep: number[] = [];
  const forced: number[] = [];
  const ks: number[] = [];
  const ns: number[] = [];
  for (let g = 0; g < groups; g++) {
    const n = count(rand);
    const k = n === 0 ? 0 : rand(n + 1);
    ks.push(k);
    ns.push(n);
  }
  const all = [...ks.map((k, i) => [k, ns[i]]), [ks.reduce((a, b) => a + b, 0), ns.reduce((a, b) => a + b, 0)]];
  for (const [k, n] of all) values.push(k, n - k, n);
  all.forEach((_, i) => relations.push({ parts: [3 * i, 3 * i + 1], total: 3 * i + 2 }));
  const o = groups;
  const idx = Array.from({ length: groups }, (_, i) => i);
  for (const j of [0, 1, 2]) relations.push({ parts: idx.map((i) => 3 * i + j), total: 3 * o + j });
  const outside = values.length;
  const outsideRows = idx.map(() => count(rand));
  const outsideAll = outsideRows.reduce((a, b) => a + b, 0);
  values.push(outsideAll, outsideAll + all[o][1]);
  relations.push({ parts: [3 * o + 2, outside], total: outside + 1 });
  keep.push(outside + 1);
  const rowOutside = idx.map((i) => {
    const at = values.length;
    values.push(outsideRows[i], outsideRows[i] + ns[i]);
    relations.push({ parts: [3 * i + 2, at], total: at + 1 });
    keep.push(at + 1);
    return at;
  });
  relations.push({ parts: rowOutside, total: outside });
  for (const i of idx) {
    if (rand(4) !== 0) continue;
    keep.push(3 * i + 2);
    if (rand(2) === 0) forced.push(3 * i + 2);
  }
  return { values, relations, keep, forced };
}

/** Random overlapping relations: each total the sum of distinct earlier cells, some cells in several. */
function randomCase(rand: (n: number) => number): Case {
  const values = Array.from({ length: 3 + rand(8) }, () => count(rand));
  const relations: Relation[] = [];
  for (let r = 0, m = 1 + rand(6); r < m; r++) {
    const pool = values.map((_, i) => i);
    const parts: number[] = [];
    for (let p = 0, size = 2 + rand(4); p < size && pool.length > 0; p++) parts.push(pool.splice(rand(pool.length), 1)[0]);
    relations.push({ parts, total: values.length });
    values.push(parts.reduce((a, i) => a + values[i], 0));
  }
  const keep = rand(2) === 0 ? [values.length - 1] : [];
  const forced = rand(4) === 0 ? [rand(values.length)] : [];
  return { values, relations, keep, forced };
}

const POLICIES: DisclosurePolicy[] = [
  { profile: 'public', minCell: 5 },
  { profile: 'public', minCell: 3 },
  { profile: 'public', minCell: 10 },
];

describe('secondary suppression: the linear propagation hides what the old one hid', () => {
  const shapes: [string, (rand: (n: number) => number) => Case][] = [
    ['tables with row and column totals', tableCase],
    ['proportions of a few groups', (rand) => proportionsCase(rand, 1 + rand(8))],
    ['proportions of many services', (rand) => proportionsCase(rand, 20 + rand(60))],
    ['random overlapping relations', randomCase],
  ];
  for (const [name, make] of shapes) {
    it(name, () => {
      const differences: string[] = [];
      let secondary = 0;
      const cases = name.includes('many') ? 30 : 600;
      for (let seed = 1; seed <= cases; seed++) {
        const rand = generator(seed * 7919 + name.length);
        const c = make(rand);
        const policy = POLICIES[seed % POLICIES.length];
        const before = oldSuppressCells(c.values, c.relations, policy, c.keep, c.forced);
        const after = suppressCells(c.values, c.relations, policy, c.keep, c.forced);
        if (JSON.stringify(after) !== JSON.stringify(before)) differences.push(`seed ${seed}: ${JSON.stringify(c)}`);
        secondary += after.filter((h, i) => h && !isSmallCount(c.values[i], policy) && !c.forced.includes(i)).length;
      }
      expect(differences.slice(0, 3)).toEqual([]);
      // the cases exercise secondary suppression, not only primary
      expect(secondary).toBeGreaterThan(cases / 10);
    });
  }
});

// The algorithm before the change, as it was in src/disclosure/cells.ts (commit 51f9bdb).
function oldSuppressCells(
  values: readonly number[],
  relations: readonly Relation[],
  policy: DisclosurePolicy,
  keep: readonly number[] = [],
  /** Cells hidden whatever their value (e.g. a whole column withheld); a reader knows only that they are ≥ 0. */
  forced: readonly number[] = [],
): boolean[] {
  const small = values.map((v) => isSmallCount(v, policy));
  const hidden = [...small];
  if (policy.profile !== 'public') return hidden;
  const isForced = new Set(forced);
  for (const i of forced) hidden[i] = true;
  const lo = (i: number) => (isForced.has(i) ? 0 : small[i] ? 1 : policy.minCell);
  const hi = (i: number) => (isForced.has(i) ? Infinity : small[i] ? policy.minCell - 1 : Infinity);
  const relationsOf: number[][] = values.map(() => []);
  relations.forEach((rel, r) => {
    for (const i of [...rel.parts, rel.total]) relationsOf[i].push(r);
  });
  const keepSet = new Set(keep);
  // Each round hides one more cell, so there are at most as many rounds as cells.
  for (let round = 0; round <= values.length; round++) {
    const pinned = givenAway(values, relations, hidden, lo, hi);
    if (pinned.length === 0) break;
    const pinnedRelations = new Set(pinned.flatMap((i) => relationsOf[i]));
    const bonus = (cell: number) => relationsOf[cell].filter((r) => pinnedRelations.has(r)).length;
    // The relation that pins a cell most tightly on its own (with what a reader knows before
    // combining relations) is where hiding another cell helps.
    const width = (cell: number, r: number): number => {
      const rel = relations[r];
      const span = (i: number) => (hidden[i] ? hi(i) - lo(i) : 0);
      if (rel.total === cell) return rel.parts.reduce((a, i) => a + span(i), 0);
      return rel.parts.reduce((a, i) => a + (i === cell ? 0 : span(i)), span(rel.total));
    };
    let pick = -1;
    // cells pinned by one relation on its own first: the others are often pinned only through them
    const tightest = (cell: number) => Math.min(...relationsOf[cell].map((r) => width(cell, r)));
    const byTightness = [...pinned].sort((a, b) => tightest(a) - tightest(b) || a - b);
    for (const cell of byTightness) {
      const order = [...relationsOf[cell]].sort((a, b) => width(cell, a) - width(cell, b) || a - b);
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

/**
 * The hidden cells a reader can pin to a single value: start from the known
 * intervals (shown cells exact, hidden cells [lo, hi]) and tighten them with
 * every relation (a total lies between the sums of its parts' bounds; a part
 * between the total's bounds less the other parts') until nothing changes.
 */
function givenAway(
  values: readonly number[],
  relations: readonly Relation[],
  hidden: readonly boolean[],
  lo: (i: number) => number,
  hi: (i: number) => number,
): number[] {
  const L = values.map((v, i) => (hidden[i] ? lo(i) : v));
  const H = values.map((v, i) => (hidden[i] ? hi(i) : v));
  // Bounds only narrow, in whole numbers; the cap guards against slow creeping in cycles.
  for (let pass = 0; pass < 200; pass++) {
    let changed = false;
    for (const rel of relations) {
      const [sumL, sumH] = boundSums(rel.parts, L, H);
      const t = rel.total;
      if (sumL > L[t]) {
        L[t] = sumL;
        changed = true;
      }
      if (sumH < H[t]) {
        H[t] = sumH;
        changed = true;
      }
      for (const p of rel.parts) {
        if (!hidden[p]) continue;
        const [othersL, othersH] = boundSums(rel.parts, L, H, p);
        const least = L[t] - othersH;
        const most = H[t] - othersL;
        if (least > L[p]) {
          L[p] = least;
          changed = true;
        }
        if (most < H[p]) {
          H[p] = most;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return values.map((_, i) => i).filter((i) => hidden[i] && L[i] >= H[i]);
}

/**
 * The sums of the lower and of the upper bounds of `cells`, leaving out the
 * cell `skip`: added up afresh each time, since subtracting a bound from a sum
 * would give ∞ − ∞ = NaN for unbounded cells.
 */
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
