/**
 * regression.md, "Design matrix"; comparison.md, "Covariates and the propensity score";
 * json-output.md, "Term" (term names).
 */

import { compareCodePoints } from './code-point-order.js';

/** One covariate: numbers enter as they are, strings as categories. */
export interface Covariate {
  name: string;
  values: readonly number[] | readonly string[] | Float64Array;
}

/**
 * A categorical covariate already coded, as a model of millions of rows is given it: row i
 * is level `levels[codes[i]]`, the levels in code-point order (the first is the reference).
 * The same model as `{ name, values: codes.map((c) => levels[c]) }` when every level occurs.
 */
export interface CodedCovariate {
  name: string;
  codes: Uint8Array | Uint16Array | Int32Array;
  levels: readonly string[];
}

export type ModelCovariate = Covariate | CodedCovariate;

/** The model matrix: column-major, n rows, one column per term. */
export interface DesignMatrix {
  n: number;
  terms: string[];
  /** Column-major n × terms.length. */
  x: Float64Array;
  /** For each categorical covariate, its levels in code-point order (the first is the reference). */
  levels: Record<string, string[]>;
}

/** A covariate as its terms are made: numbers, or each row's level among levels in code-point order. */
type TermSource = { name: string; numbers: ArrayLike<number> } | { name: string; codes: ArrayLike<number>; levels: readonly string[] };

/**
 * The design matrix of {@link designMatrix} kept as its covariates (numbers and level
 * codes) rather than n × terms numbers: a model of millions of rows reads each term's
 * value from them (weightedRows, designTimes), the same numbers, in a fraction of the
 * memory (at 10M people and 14 terms, 270 MB rather than 1.1 GB). Plain data, so a worker
 * thread is sent it; in shared memory when its covariates are.
 */
export interface CodedDesign {
  n: number;
  terms: string[];
  intercept: boolean;
  sources: TermSource[];
  levels: Record<string, string[]>;
}

/** A model matrix either way. */
export type ModelDesign = DesignMatrix | CodedDesign;

function termSource(c: ModelCovariate, n: number): TermSource {
  if ('codes' in c) {
    if (c.codes.length !== n) throw new RangeError(`designMatrix: covariate ${c.name} has ${c.codes.length} values, expected ${n}`);
    return { name: c.name, codes: c.codes, levels: c.levels };
  }
  if (c.values.length !== n) throw new RangeError(`designMatrix: covariate ${c.name} has ${c.values.length} values, expected ${n}`);
  if (n > 0 && typeof c.values[0] === 'number') {
    const vals = c.values as ArrayLike<number>;
    for (let i = 0; i < n; i++) {
      const v = vals[i];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new RangeError(`designMatrix: covariate ${c.name}, row ${i + 1}: value ${String(v)} is not a finite number`);
      }
    }
    return { name: c.name, numbers: vals };
  }
  const vals = c.values as readonly string[];
  for (let i = 0; i < n; i++) {
    if (typeof vals[i] !== 'string') {
      throw new RangeError(`designMatrix: covariate ${c.name}, row ${i + 1}: value ${String(vals[i])} is not a string level`);
    }
  }
  const levels = [...new Set(vals)].sort(compareCodePoints);
  const index = new Map(levels.map((l, i) => [l, i]));
  return { name: c.name, codes: Int32Array.from(vals, (v) => index.get(v) as number), levels };
}

/** The terms of the sources, in order: a number is one term named by itself; a category one term `name=level` for each level but the first. */
function termNames(sources: readonly TermSource[]): string[] {
  return sources.flatMap((s) => ('numbers' in s ? [s.name] : s.levels.slice(1).map((l) => `${s.name}=${l}`)));
}

function levelsOf(sources: readonly TermSource[]): Record<string, string[]> {
  const levels: Record<string, string[]> = {};
  for (const s of sources) if ('codes' in s) levels[s.name] = [...s.levels];
  return levels;
}

/**
 * The design matrix of R `model.matrix(~ a + b + ...)` with treatment contrasts: an
 * intercept column of 1s named `(Intercept)`, each numeric covariate as it is (named by
 * itself), each categorical covariate as one 0/1 column per level but the first, levels
 * sorted by code point (R `factor(x, levels = sort(unique(x), method = "radix"))`), named
 * `name=level`. Aliased columns are found by the fit (pivotedQR), as in R. With `shared`, the
 * matrix is in shared memory, so a worker thread reads it without a copy.
 */
export function designMatrix(covariates: readonly ModelCovariate[], options: { n?: number; intercept?: boolean; shared?: boolean } = {}): DesignMatrix {
  const n = options.n ?? (covariates.length > 0 ? ('codes' in covariates[0] ? covariates[0].codes : covariates[0].values).length : undefined);
  if (n === undefined) throw new RangeError('designMatrix: no covariates, so the number of rows must be given');
  const coded = codedDesign(covariates, n, { intercept: options.intercept });
  const cells = n * coded.terms.length;
  const x = new Float64Array(options.shared ? new SharedArrayBuffer(8 * cells) : new ArrayBuffer(8 * cells));
  fillTerms(coded, null, null, x);
  return { n, terms: coded.terms, x, levels: coded.levels };
}

/** {@link designMatrix}'s model as a {@link CodedDesign}: the same terms, and the same numbers read from the covariates. */
export function codedDesign(covariates: readonly ModelCovariate[], n: number, options: { intercept?: boolean } = {}): CodedDesign {
  const sources = covariates.map((c) => termSource(c, n));
  const intercept = options.intercept ?? true;
  return { n, terms: [...(intercept ? ['(Intercept)'] : []), ...termNames(sources)], intercept, sources, levels: levelsOf(sources) };
}

/**
 * a[j·m + k] = X[rows[k], j] · s[rows[k]] for the m rows `rows` (all n when null): the
 * weighted copy of the model matrix X that a least-squares step factorises (column-major).
 */
export function weightedRows(d: ModelDesign, s: ArrayLike<number>, rows: Int32Array | null, a: Float64Array): void {
  const n = d.n;
  const m = rows ? rows.length : n;
  if ('x' in d) {
    const x = d.x;
    for (let j = 0; j < d.terms.length; j++) {
      const src = j * n;
      const dst = j * m;
      if (rows) for (let k = 0; k < m; k++) a[dst + k] = x[src + rows[k]] * s[rows[k]];
      else for (let k = 0; k < m; k++) a[dst + k] = x[src + k] * s[k];
    }
    return;
  }
  fillTerms(d, s, rows, a);
}

/**
 * a[j·m + k] = X[rows[k], j] · s[rows[k]] of a coded design, column by column; with s null,
 * X[rows[k], j] itself (the design matrix).
 */
function fillTerms(d: CodedDesign, s: ArrayLike<number> | null, rows: Int32Array | null, a: Float64Array): void {
  const m = rows ? rows.length : d.n;
  const row = (k: number) => (rows ? rows[k] : k);
  let at = 0;
  if (d.intercept) {
    if (s) for (let k = 0; k < m; k++) a[k] = s[row(k)];
    else a.fill(1, 0, m);
    at = m;
  }
  for (const src of d.sources) {
    if ('numbers' in src) {
      const v = src.numbers;
      if (s) for (let k = 0; k < m; k++) a[at + k] = v[row(k)] * s[row(k)];
      else for (let k = 0; k < m; k++) a[at + k] = v[row(k)];
      at += m;
      continue;
    }
    // s (or 1) on the row's own level's column, 0 on the others'.
    const terms = src.levels.length - 1;
    a.fill(0, at, at + terms * m);
    const codes = src.codes;
    for (let k = 0; k < m; k++) {
      const j = codes[row(k)];
      if (j > 0) a[at + (j - 1) * m + k] = s ? s[row(k)] : 1;
    }
    at += terms * m;
  }
}

/** out = X b (each row's terms added in term order, as a column-major product adds them). */
export function designTimes(d: ModelDesign, b: ArrayLike<number>, out: Float64Array): Float64Array {
  const n = d.n;
  out.fill(0);
  if ('x' in d) {
    const x = d.x;
    for (let j = 0; j < d.terms.length; j++) {
      const bj = b[j];
      if (bj === 0) continue;
      const c = j * n;
      for (let i = 0; i < n; i++) out[i] += x[c + i] * bj;
    }
    return out;
  }
  let j = 0;
  if (d.intercept) {
    const b0 = b[j++];
    if (b0 !== 0) for (let i = 0; i < n; i++) out[i] += b0;
  }
  for (const src of d.sources) {
    if ('numbers' in src) {
      const bj = b[j++];
      const v = src.numbers;
      if (bj !== 0) for (let i = 0; i < n; i++) out[i] += v[i] * bj;
      continue;
    }
    // A level's column adds its coefficient where it is 1; where it is 0 it would add ±0, which leaves the sum as it is.
    const first = j;
    const codes = src.codes;
    for (let i = 0; i < n; i++) {
      const c = codes[i];
      if (c > 0) {
        const bc = b[first + c - 1];
        if (bc !== 0) out[i] += bc;
      }
    }
    j += src.levels.length - 1;
  }
  return out;
}

/**
 * The terms of {@link designMatrix} without an intercept, one array each: a numeric
 * covariate's numbers (the covariate's own Float64Array when it is one in shared memory,
 * else a copy) and each level's 0/1 in a byte a row, not eight (the Cox model's columns:
 * at 10M people, a category of ten levels in 90 MB rather than 720). In shared memory, so
 * that a worker thread reads them without a copy.
 */
export function termColumns(covariates: readonly ModelCovariate[], n: number): { terms: string[]; columns: (Float64Array | Uint8Array)[] } {
  const sources = covariates.map((c) => termSource(c, n));
  const columns: (Float64Array | Uint8Array)[] = [];
  for (const s of sources) {
    if ('numbers' in s) {
      const v = s.numbers;
      if (v instanceof Float64Array && v.buffer instanceof SharedArrayBuffer) columns.push(v);
      else {
        const copy = new Float64Array(new SharedArrayBuffer(8 * n));
        for (let i = 0; i < n; i++) copy[i] = v[i];
        columns.push(copy);
      }
      continue;
    }
    const own = s.levels.slice(1).map(() => new Uint8Array(new SharedArrayBuffer(n)));
    const codes = s.codes;
    for (let i = 0; i < n; i++) {
      const j = codes[i];
      if (j > 0) own[j - 1][i] = 1;
    }
    columns.push(...own);
  }
  return { terms: termNames(sources), columns };
}
