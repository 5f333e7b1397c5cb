/**
 * The terms of the balance table, comparison.md "Balance" and its readings: each numeric
 * covariate by its name, and each level of a categorical covariate, the first included, as
 * a 0/1 term `name=level`, levels in code-point order (as MatchIt's `summary()` lists them).
 */
import { compareCodePoints } from '../code-point-order.js';

/** One covariate's values on each side (eligible, complete people, file order). */
export interface BalanceCovariate {
  name: string;
  service: ArrayLike<number | string>;
  pool: ArrayLike<number | string>;
}

/** A term: its values on each side; `binary` for a level of a categorical covariate. */
export interface BalanceTerm {
  term: string;
  binary: boolean;
  service: Float64Array;
  pool: Float64Array;
}

function allNumbers(values: ArrayLike<number | string>): boolean {
  for (let i = 0; i < values.length; i++) if (typeof values[i] !== 'number') return false;
  return true;
}

/**
 * A covariate whose values on both sides are all numbers is one numeric term; any other is
 * categorical: its values as strings, one 0/1 term per level (every level, the first too),
 * levels sorted by code point.
 */
export function balanceTerms(covariates: readonly BalanceCovariate[]): BalanceTerm[] {
  const terms: BalanceTerm[] = [];
  for (const { name, service, pool } of covariates) {
    if (allNumbers(service) && allNumbers(pool)) {
      const s = Float64Array.from(service as ArrayLike<number>);
      const p = Float64Array.from(pool as ArrayLike<number>);
      for (const [side, values] of [
        ['service', s],
        ['pool', p],
      ] as const) {
        const bad = values.findIndex((v) => !Number.isFinite(v));
        if (bad >= 0) throw new RangeError(`balanceTerms: ${name} on the ${side} side at index ${bad} is ${values[bad]}, expected a finite number`);
      }
      terms.push({ term: name, binary: false, service: s, pool: p });
      continue;
    }
    const s = Array.from(service, String);
    const p = Array.from(pool, String);
    const levels = [...new Set([...s, ...p])].sort(compareCodePoints);
    for (const level of levels) {
      terms.push({
        term: `${name}=${level}`,
        binary: true,
        service: Float64Array.from(s, (v) => (v === level ? 1 : 0)),
        pool: Float64Array.from(p, (v) => (v === level ? 1 : 0)),
      });
    }
  }
  return terms;
}
