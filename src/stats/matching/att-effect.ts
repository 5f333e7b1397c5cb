/**
 * The effect on the treated of one outcome, comparison.md "Outcomes and effects": the
 * difference of weighted means, service − pool, which is the coefficient of `treated` in
 * R `lm(y ~ treated, weights = w)`, with a sandwich standard error. Closed forms for this
 * two-group design only: with group means m_g, sums of weights W_g and residuals
 * e_i = y_i − m_g(i), the coefficient's estimating-function contribution is w_i e_i / W_1
 * for a service person and −w_i e_i / W_0 for a pool person, and its hat value is w_i / W_g.
 */
import { normalCdf, Z95 } from '../normal.js';

/**
 * `cluster`: R `sandwich::vcovCL(fit, cluster = ~subclass)` (type HC1, the default:
 * G/(G − 1) · (n − 1)/(n − 2)); `HC3`: `vcovHC(fit, type = "HC3")`; `HC0`: `vcovHC(fit,
 * type = "HC0")`.
 */
export type AttStandardError = { type: 'cluster'; cluster: ArrayLike<number | string> } | { type: 'HC3' } | { type: 'HC0' };

/** An Effect of json-output.md; se, ci and p are null where the variance is undefined. */
export interface AttEffect {
  service: number;
  pool: number;
  difference: number;
  se: number | null;
  ci: [number, number] | null;
  p: number | null;
}

/**
 * The weighted difference in means y ~ treated with its robust standard error, over the
 * rows with weight > 0 (rows with weight 0 are left out, as in every model of the
 * matched sample). 95% interval difference ± z·SE, z = 1.959963984540054; two-sided p
 * from the normal distribution. Undefined variances (clustered with G ≤ 1 subclasses or
 * n ≤ 2 rows; HC3 with a hat value of 1) give a null se, ci and p; a zero se gives a null p.
 */
export function attEffect(y: ArrayLike<number>, treated: ArrayLike<number | boolean>, weights: ArrayLike<number>, standardError: AttStandardError): AttEffect {
  const n = y.length;
  if (treated.length !== n || weights.length !== n)
    throw new RangeError(`attEffect: ${n} outcomes, ${treated.length} treated flags and ${weights.length} weights`);
  const cluster = standardError.type === 'cluster' ? standardError.cluster : null;
  if (cluster && cluster.length !== n) throw new RangeError(`attEffect: ${cluster.length} subclasses for ${n} rows`);
  const group = new Uint8Array(n);
  let w1 = 0;
  let w0 = 0;
  let s1 = 0;
  let s0 = 0;
  let rows = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!(w >= 0 && Number.isFinite(w))) throw new RangeError(`attEffect: weight at index ${i} is ${w}, expected a finite number ≥ 0`);
    if (!Number.isFinite(y[i])) throw new RangeError(`attEffect: outcome at index ${i} is ${y[i]}, expected a finite number`);
    const t = treated[i];
    if (t !== 0 && t !== 1 && t !== true && t !== false) throw new RangeError(`attEffect: treated at index ${i} is ${t}, expected 0 or 1`);
    group[i] = t === 1 || t === true ? 1 : 0;
    if (w === 0) continue;
    rows++;
    if (group[i] === 1) {
      w1 += w;
      s1 += w * y[i];
    } else {
      w0 += w;
      s0 += w * y[i];
    }
  }
  if (w1 === 0) throw new RangeError('attEffect: no service person has a weight > 0');
  if (w0 === 0) throw new RangeError('attEffect: no pool person has a weight > 0');
  const m1 = s1 / w1;
  const m0 = s0 / w0;
  const difference = m1 - m0;

  let variance = 0;
  if (cluster) {
    const sums = new Map<number | string, number>();
    for (let i = 0; i < n; i++) {
      const w = weights[i];
      if (w === 0) continue;
      const u = group[i] === 1 ? (w * (y[i] - m1)) / w1 : (-w * (y[i] - m0)) / w0;
      sums.set(cluster[i], (sums.get(cluster[i]) ?? 0) + u);
    }
    const g = sums.size;
    for (const u of sums.values()) variance += u * u;
    variance *= (g / (g - 1)) * ((rows - 1) / (rows - 2));
  } else {
    const hc3 = standardError.type === 'HC3';
    for (let i = 0; i < n; i++) {
      const w = weights[i];
      if (w === 0) continue;
      const total = group[i] === 1 ? w1 : w0;
      const e = y[i] - (group[i] === 1 ? m1 : m0);
      let term = ((w * e) / total) ** 2;
      if (hc3) term /= (1 - w / total) ** 2;
      variance += term;
    }
  }
  const se = Math.sqrt(variance);
  if (!Number.isFinite(se) || (cluster && rows <= 2)) return { service: m1, pool: m0, difference, se: null, ci: null, p: null };
  const p = se > 0 ? 2 * normalCdf(-Math.abs(difference / se)) : null;
  return { service: m1, pool: m0, difference, se, ci: [difference - Z95 * se, difference + Z95 * se], p };
}
