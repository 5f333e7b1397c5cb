/** regression.md, "Weighted linear model with robust standard errors — R lm + sandwich". */
import { applyQ } from './pivoted-qr.js';
import type { LinearModelFit } from './weighted-linear-model.js';

/** A covariance matrix over all terms; rows and columns of aliased terms are null. */
export interface Covariance {
  terms: string[];
  matrix: (number | null)[][];
  /** √diag, null for aliased terms. */
  se: (number | null)[];
}

export type RobustType = 'HC0' | 'HC3';

export interface RobustOptions {
  /**
   * How rows with weight 0 count. `'drop'` (default): they are not in the sample, so
   * n, the clusters G and the HC1 factor are over the rows with non-zero weight (the
   * covariance equals sandwich on the model refitted without them). `'sandwich'`: exactly
   * sandwich 3.0.2 on the full fit, whose meat divides by all n rows while its bread is
   * scaled by the used ones, giving (n_used/n)² times the covariance, with
   * (n − 1)/(n − k) and G over all rows (HC3 is refused: sandwich recycles hat values).
   */
  zeroWeights?: 'drop' | 'sandwich';
}

/** Score contributions w_i r_i x_i of the used rows over the kept columns (sandwich `estfun.lm`). */
function scores(fit: LinearModelFit, scale: (row: number, index: number) => number): Float64Array[] {
  const { design, keptColumns, used, residuals, weights } = fit;
  return keptColumns.map((col) => {
    const out = new Float64Array(used.length);
    const base = col * design.n;
    for (let i = 0; i < used.length; i++) {
      const r = used[i];
      out[i] = design.x[base + r] * weights[r] * residuals[r] * scale(r, i);
    }
    return out;
  });
}

/** B M B for bread B = (X'WX)⁻¹ (k × k row-major) and meat M. */
function sandwichProduct(fit: LinearModelFit, meat: Float64Array, factor: number): Covariance {
  const k = fit.rank;
  const b = fit.covUnscaled;
  const bm = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let m = 0; m < k; m++) s += b[i * k + m] * meat[m * k + j];
      bm[i * k + j] = s;
    }
  const p = fit.terms.length;
  const matrix: (number | null)[][] = Array.from({ length: p }, () => new Array<number | null>(p).fill(null));
  fit.keptColumns.forEach((a, i) =>
    fit.keptColumns.forEach((c, j) => {
      let s = 0;
      for (let m = 0; m < k; m++) s += bm[i * k + m] * b[m * k + j];
      matrix[a][c] = s * factor;
    }),
  );
  return { terms: fit.terms.slice(), matrix, se: matrix.map((row, i) => (row[i] === null ? null : Math.sqrt(row[i] as number))) };
}

function crossproduct(columns: Float64Array[]): Float64Array {
  const k = columns.length;
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = i; j < k; j++) {
      const a = columns[i];
      const b = columns[j];
      let s = 0;
      for (let r = 0; r < a.length; r++) s += a[r] * b[r];
      out[i * k + j] = s;
      out[j * k + i] = s;
    }
  return out;
}

/**
 * Leverages of the used rows (R `hatvalues(lm)`): h_i = Σ_{j<k} Q_ij², Q from the QR of
 * √w·X, as R's lm.influence computes them (not x'(X'WX)⁻¹x·w, which loses digits when X is
 * ill-conditioned).
 */
function leverages(fit: LinearModelFit): Float64Array {
  const qr = fit.ls.qr;
  const h = new Float64Array(qr.n);
  const v = new Float64Array(qr.n);
  for (let j = 0; j < qr.rank; j++) {
    v.fill(0);
    v[j] = 1;
    applyQ(qr, v);
    for (let i = 0; i < qr.n; i++) h[i] += v[i] * v[i];
  }
  return h;
}

/**
 * Heteroskedasticity-consistent covariance, R `sandwich::vcovHC(fit, type)`:
 * (X'WX)⁻¹ [Σ ω_i (w_i r_i)² x_i x_i'] (X'WX)⁻¹ with ω = 1 (HC0) or 1/(1 − h_i)² (HC3).
 */
export function vcovHC(fit: LinearModelFit, type: RobustType, options: RobustOptions = {}): Covariance {
  const mode = options.zeroWeights ?? 'drop';
  const n = fit.design.n;
  if (type === 'HC3' && mode === 'sandwich' && fit.nUsed < n) {
    throw new RangeError('vcovHC: sandwich 3.0.2 gives no valid HC3 with zero weights (it recycles the hat values); use zeroWeights "drop"');
  }
  const h = type === 'HC3' ? leverages(fit) : null;
  const ef = scores(fit, (_, i) => (h ? 1 / (1 - h[i]) : 1));
  const factor = mode === 'sandwich' ? (fit.nUsed / n) ** 2 : 1;
  return sandwichProduct(fit, crossproduct(ef), factor);
}

/**
 * Cluster-robust covariance, R `sandwich::vcovCL(fit, cluster = ~g)` with its defaults
 * for lm (type HC1, cadjust = TRUE): (X'WX)⁻¹ [Σ_g s_g s_g'] (X'WX)⁻¹ · G/(G − 1) ·
 * (n − 1)/(n − k), s_g the sum of w_i r_i x_i over cluster g, k the non-aliased terms.
 * With one cluster per row it is HC1 with the G/(G − 1) factor, as sandwich.
 */
export function vcovCL(fit: LinearModelFit, cluster: ArrayLike<string | number>, options: RobustOptions = {}): Covariance {
  const mode = options.zeroWeights ?? 'drop';
  const N = fit.design.n;
  if (cluster.length !== N) throw new RangeError(`vcovCL: ${cluster.length} cluster values for ${N} rows`);
  const ids = new Map<string | number, number>();
  const groupOf = new Int32Array(fit.used.length);
  fit.used.forEach((r, i) => {
    const g = cluster[r];
    let id = ids.get(g);
    if (id === undefined) ids.set(g, (id = ids.size));
    groupOf[i] = id;
  });
  let G = ids.size;
  if (mode === 'sandwich') G = new Set(Array.from(cluster)).size;
  const ef = scores(fit, () => 1);
  const summed = ef.map((col) => {
    const s = new Float64Array(ids.size);
    for (let i = 0; i < col.length; i++) s[groupOf[i]] += col[i];
    return s;
  });
  const n = mode === 'sandwich' ? N : fit.nUsed;
  const k = fit.rank;
  const factor = (G / (G - 1)) * ((n - 1) / (n - k)) * (mode === 'sandwich' ? (fit.nUsed / N) ** 2 : 1);
  return sandwichProduct(fit, crossproduct(summed), factor);
}
