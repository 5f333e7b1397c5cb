/**
 * regression.md, "Design matrix"; comparison.md, "Covariates and the propensity score";
 * json-output.md, "Term" (term names).
 */

import { compareCodePoints } from './code-point-order.js';

/** One covariate: numbers enter as they are, strings as categories. */
export interface Covariate {
  name: string;
  values: readonly number[] | readonly string[];
}

/** The model matrix: column-major, n rows, one column per term. */
export interface DesignMatrix {
  n: number;
  terms: string[];
  /** Column-major n × terms.length. */
  x: Float64Array;
  /** For each categorical covariate, its levels in code-point order (the first is the reference). */
  levels: Record<string, string[]>;
}

/**
 * The design matrix of R `model.matrix(~ a + b + ...)` with treatment contrasts: an
 * intercept column of 1s named `(Intercept)`, each numeric covariate as it is (named by
 * itself), each categorical covariate as one 0/1 column per level but the first, levels
 * sorted by code point (R `factor(x, levels = sort(unique(x), method = "radix"))`), named
 * `name=level`. Aliased columns are found by the fit (pivotedQR), as in R. With `shared`, the
 * matrix is in shared memory, so a worker thread reads it without a copy.
 */
export function designMatrix(covariates: readonly Covariate[], options: { n?: number; intercept?: boolean; shared?: boolean } = {}): DesignMatrix {
  const n = options.n ?? (covariates.length > 0 ? covariates[0].values.length : undefined);
  if (n === undefined) throw new RangeError('designMatrix: no covariates, so the number of rows must be given');
  // Columns are filled straight into one column-major buffer: one pass and one level lookup per row.
  const fills: ((x: Float64Array, at: number) => number)[] = [];
  const terms: string[] = [];
  const levels: Record<string, string[]> = {};
  if (options.intercept ?? true) {
    terms.push('(Intercept)');
    fills.push((x, at) => {
      x.fill(1, at, at + n);
      return 1;
    });
  }
  for (const c of covariates) {
    if (c.values.length !== n) {
      throw new RangeError(`designMatrix: covariate ${c.name} has ${c.values.length} values, expected ${n}`);
    }
    if (n > 0 && typeof c.values[0] === 'number') {
      const vals = c.values as readonly number[];
      for (let i = 0; i < n; i++) {
        const v = vals[i];
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          throw new RangeError(`designMatrix: covariate ${c.name}, row ${i + 1}: value ${String(v)} is not a finite number`);
        }
      }
      terms.push(c.name);
      fills.push((x, at) => {
        for (let i = 0; i < n; i++) x[at + i] = vals[i];
        return 1;
      });
      continue;
    }
    const vals = c.values as readonly string[];
    for (let i = 0; i < n; i++) {
      if (typeof vals[i] !== 'string') {
        throw new RangeError(`designMatrix: covariate ${c.name}, row ${i + 1}: value ${String(vals[i])} is not a string level`);
      }
    }
    const lv = [...new Set(vals)].sort(compareCodePoints);
    levels[c.name] = lv;
    const index = new Map(lv.map((l, i) => [l, i]));
    for (let j = 1; j < lv.length; j++) terms.push(`${c.name}=${lv[j]}`);
    fills.push((x, at) => {
      // Level j (j ≥ 1) is column at + (j − 1)·n.
      for (let i = 0; i < n; i++) {
        const j = index.get(vals[i]) as number;
        if (j > 0) x[at + (j - 1) * n + i] = 1;
      }
      return lv.length - 1;
    });
  }
  const x = options.shared ? new Float64Array(new SharedArrayBuffer(8 * n * terms.length)) : new Float64Array(n * terms.length);
  let column = 0;
  for (const fill of fills) column += fill(x, column * n);
  return { n, terms, x, levels };
}
