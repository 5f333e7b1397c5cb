/**
 * Exact-matching strata, comparison.md "Nearest-neighbour matching", step 3: "equal on
 * every `exact` covariate". People are equal when every exact column holds the same value
 * (numbers by value, so 2 and 2.0 agree; strings exactly).
 */

interface ExactStrata {
  /** Number of strata found among the pool (at least 1). */
  count: number;
  /** Each service person's stratum, −1 when no pool person shares its values. */
  service: Int32Array;
  /** Each pool person's stratum, 0 … count − 1. */
  pool: Int32Array;
}

function key(columns: readonly ArrayLike<string | number>[], i: number): string {
  if (columns.length === 1) {
    const v = columns[0][i];
    return typeof v === 'number' ? `n${v}` : `s${v}`;
  }
  // A JSON array keeps columns apart whatever their values contain.
  return JSON.stringify(Array.from(columns, (c) => c[i]));
}

function check(columns: readonly ArrayLike<string | number>[] | undefined, n: number, side: string): readonly ArrayLike<string | number>[] {
  const list = columns ?? [];
  for (const [j, c] of list.entries()) {
    if (c.length !== n) throw new RangeError(`nearestMatch: ${side} exact column ${j} has ${c.length} values for ${n} people`);
  }
  return list;
}

/** Strata numbered in the order their first pool person appears. */
export function exactStrata(
  serviceColumns: readonly ArrayLike<string | number>[] | undefined,
  poolColumns: readonly ArrayLike<string | number>[] | undefined,
  nService: number,
  nPool: number,
): ExactStrata {
  const s = check(serviceColumns, nService, 'service');
  const p = check(poolColumns, nPool, 'pool');
  if (s.length !== p.length) throw new RangeError(`nearestMatch: ${s.length} exact columns for the service but ${p.length} for the pool`);
  const service = new Int32Array(nService);
  const pool = new Int32Array(nPool);
  if (s.length === 0) return { count: 1, service, pool };
  const ids = new Map<string | number, number>();
  // One column: its values are the keys (a number and a string never collide in a Map).
  const keyOf = s.length === 1 ? (columns: readonly ArrayLike<string | number>[], i: number) => columns[0][i] : key;
  for (let i = 0; i < nPool; i++) {
    const k = keyOf(p, i);
    let id = ids.get(k);
    if (id === undefined) {
      id = ids.size;
      ids.set(k, id);
    }
    pool[i] = id;
  }
  for (let i = 0; i < nService; i++) service[i] = ids.get(keyOf(s, i)) ?? -1;
  return { count: Math.max(ids.size, 1), service, pool };
}
