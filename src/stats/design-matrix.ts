/**
 * regression.md, "Design matrix"; comparison.md, "Covariates and the propensity score";
 * json-output.md, "Term" (term names).
 */

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

/** Compares strings by Unicode code point (JS `<` compares UTF-16 units), as R's radix sort. */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const ca = ia.next();
    const cb = ib.next();
    if (ca.done) return cb.done ? 0 : -1;
    if (cb.done) return 1;
    const d = (ca.value.codePointAt(0) as number) - (cb.value.codePointAt(0) as number);
    if (d !== 0) return d;
  }
}

/**
 * The design matrix of R `model.matrix(~ a + b + ...)` with treatment contrasts: an
 * intercept column of 1s named `(Intercept)`, each numeric covariate as it is (named by
 * itself), each categorical covariate as one 0/1 column per level but the first, levels
 * sorted by code point (R `factor(x, levels = sort(unique(x), method = "radix"))`), named
 * `name=level`. Aliased columns are found by the fit (pivotedQR), as in R.
 */
export function designMatrix(covariates: readonly Covariate[], options: { n?: number; intercept?: boolean } = {}): DesignMatrix {
  const n = options.n ?? (covariates.length > 0 ? covariates[0].values.length : undefined);
  if (n === undefined) throw new RangeError('designMatrix: no covariates, so the number of rows must be given');
  const columns: Float64Array[] = [];
  const terms: string[] = [];
  const levels: Record<string, string[]> = {};
  if (options.intercept ?? true) {
    columns.push(new Float64Array(n).fill(1));
    terms.push('(Intercept)');
  }
  for (const c of covariates) {
    if (c.values.length !== n) {
      throw new RangeError(`designMatrix: covariate ${c.name} has ${c.values.length} values, expected ${n}`);
    }
    if (n > 0 && typeof c.values[0] === 'number') {
      const col = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = c.values[i];
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          throw new RangeError(`designMatrix: covariate ${c.name}, row ${i + 1}: value ${String(v)} is not a finite number`);
        }
        col[i] = v;
      }
      columns.push(col);
      terms.push(c.name);
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
    for (let j = 1; j < lv.length; j++) {
      const col = new Float64Array(n);
      for (let i = 0; i < n; i++) if (index.get(vals[i]) === j) col[i] = 1;
      columns.push(col);
      terms.push(`${c.name}=${lv[j]}`);
    }
  }
  const x = new Float64Array(n * columns.length);
  columns.forEach((col, j) => x.set(col, j * n));
  return { n, terms, x, levels };
}
