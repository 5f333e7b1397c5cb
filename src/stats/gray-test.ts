/**
 * regression.md, "Competing risks — Aalen–Johansen cumulative incidence": Gray's test of
 * equal cumulative incidence of one cause across groups.
 */
import { chiSquareUpperTail } from './chi-square-distribution.js';
import { checkCompetingRisksInput } from './competing-risks-input.js';
import { solveLinearSystem } from './linear-solve.js';
import { orderByTime } from './time-order.js';

export interface GrayTestResult {
  /** Group labels present, sorted by code unit. */
  groups: string[];
  statistic: number;
  df: number;
  /** Upper chi-square tail (R prints 1 − pchisq, equal but for the last digits of tiny p). */
  p: number;
}

export interface GrayTestOptions {
  /** Power of the weight (1 − F(t−))^rho; default 0, the log-rank-like test. */
  rho?: number;
}

/**
 * Gray's (1988) K-sample test of equal cumulative incidence of `cause`, as R
 * `cmprsk::cuminc(time, status, group, rho = 0)$Tests` (no strata). Status 0 is censored,
 * `cause` the event of interest, any other positive status a competing event.
 *
 * At each distinct time, group g has r_g at risk, all-cause Kaplan–Meier S_g(t−) and
 * cumulative incidence F_g(t−) (left limits). With the pooled R_g = r_g(1 − F_g(t−))/S_g(t−)
 * and d₁ events of the cause in all, group g's score gains w(t)·(d_g − d₁·R_g/Σ_h R_h),
 * w(t) = (1 − F(t−))^rho for the pooled F that steps by d₁/Σ_h r_h/S_h(t−). The
 * covariance of the first G − 1 scores is Gray's estimator (a sum over times of the
 * cause's and the competing events' contributions, with the ties corrections cmprsk uses);
 * χ² = sᵀV⁻¹s on G − 1 degrees of freedom.
 *
 * Null (no test) with fewer than two groups, no event of the cause, or V singular
 * (R then reports a statistic of −1 and p 1; for instance, a group whose people all leave
 * before the first event).
 */
export function grayTest(
  time: ArrayLike<number>,
  status: ArrayLike<number>,
  group: ArrayLike<string>,
  cause: number,
  options: GrayTestOptions = {},
): GrayTestResult | null {
  checkCompetingRisksInput('grayTest', time, status);
  if (group.length !== time.length) throw new RangeError(`grayTest: ${time.length} times but ${group.length} group labels`);
  if (!(Number.isInteger(cause) && cause >= 1)) throw new RangeError(`grayTest: cause must be an integer ≥ 1, got ${cause}`);
  const rho = options.rho ?? 0;
  if (!Number.isFinite(rho)) throw new RangeError(`grayTest: rho must be finite, got ${rho}`);
  const n = time.length;
  const index = new Map<string, number>();
  const member = new Int32Array(n); // first-seen numbering, renumbered below
  for (let i = 0; i < n; i++) {
    const g = group[i];
    let j = index.get(g);
    if (j === undefined) {
      if (typeof g !== 'string') throw new RangeError(`grayTest: group label at index ${i} must be a string, got ${String(g)}`);
      j = index.size;
      index.set(g, j);
    }
    member[i] = j;
  }
  const seen = [...index.keys()];
  const groups = seen.slice().sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const G = groups.length;
  let causeEvents = 0;
  for (let i = 0; i < n; i++) if (status[i] === cause) causeEvents++;
  if (G < 2 || causeEvents === 0) return null;
  const sortedIndex = new Map(groups.map((g, j) => [g, j]));
  const renumber = Int32Array.from(seen, (g) => sortedIndex.get(g)!);
  for (let i = 0; i < n; i++) member[i] = renumber[member[i]];

  const { times, start, order } = orderByTime(time);
  const G1 = G - 1;
  const atRisk = new Float64Array(G);
  for (let i = 0; i < n; i++) atRisk[member[i]]++;
  const kmBefore = new Float64Array(G).fill(1); // S_g(t−)
  const km = new Float64Array(G).fill(1); // S_g(t)
  const cifBefore = new Float64Array(G); // F_g(t−)
  const cif = new Float64Array(G);
  const dCause = new Float64Array(G);
  const dOther = new Float64Array(G);
  const a = new Float64Array(G * G);
  const c = new Float64Array(G * G); // accumulated Σ a·d₁/(Σ r/S · (1 − F(t−)))
  const score = new Float64Array(G1);
  const v = new Float64Array(G1 * G1); // lower triangle used
  const v2 = new Float64Array(G1 * G);
  const v3 = new Float64Array(G);
  let pooledBefore = 0;

  for (let m = 0; m < times.length; m++) {
    dCause.fill(0);
    dOther.fill(0);
    let nd1 = 0;
    let nd2 = 0;
    for (let r = start[m]; r < start[m + 1]; r++) {
      const i = order[r];
      const s = status[i];
      if (s === cause) {
        dCause[member[i]]++;
        nd1++;
      } else if (s !== 0) {
        dOther[member[i]]++;
        nd2++;
      }
    }
    if (nd1 > 0 || nd2 > 0) {
      let tr = 0; // Σ r_g/S_g(t−)
      let tq = 0; // Σ R_g
      for (let g = 0; g < G; g++) {
        if (atRisk[g] <= 0) continue;
        km[g] = (kmBefore[g] * (atRisk[g] - dCause[g] - dOther[g])) / atRisk[g];
        cif[g] = cifBefore[g] + (kmBefore[g] * dCause[g]) / atRisk[g];
        tr += atRisk[g] / kmBefore[g];
        tq += (atRisk[g] * (1 - cifBefore[g])) / kmBefore[g];
      }
      const pooled = pooledBefore + nd1 / tr;
      const weight = (1 - pooledBefore) ** rho;
      for (let g = 0; g < G; g++) {
        for (let h = g; h < G; h++) a[g * G + h] = 0;
        if (atRisk[g] <= 0) continue;
        const t1 = atRisk[g] / kmBefore[g];
        a[g * G + g] = weight * t1 * (1 - t1 / tr);
        if (a[g * G + g] !== 0) c[g * G + g] += (a[g * G + g] * nd1) / (tr * (1 - pooledBefore));
        for (let h = g + 1; h < G; h++) {
          if (atRisk[h] <= 0) continue;
          a[g * G + h] = (-weight * t1 * atRisk[h]) / (kmBefore[h] * tr);
          if (a[g * G + h] !== 0) c[g * G + h] += (a[g * G + h] * nd1) / (tr * (1 - pooledBefore));
        }
      }
      for (let g = 1; g < G; g++) {
        for (let h = 0; h < g; h++) {
          a[g * G + h] = a[h * G + g];
          c[g * G + h] = c[h * G + g];
        }
      }
      for (let g = 0; g < G1; g++) {
        if (atRisk[g] <= 0) continue;
        score[g] += weight * (dCause[g] - (nd1 * atRisk[g] * (1 - cifBefore[g])) / (kmBefore[g] * tq));
      }
      if (nd1 > 0) {
        for (let k = 0; k < G; k++) {
          if (atRisk[k] <= 0) continue;
          const t4 = km[k] > 0 ? 1 - (1 - pooled) / km[k] : 1;
          const t5 = nd1 > 1 ? 1 - (nd1 - 1) / (tr * kmBefore[k] - 1) : 1;
          const t3 = (t5 * kmBefore[k] * nd1) / (tr * atRisk[k]);
          v3[k] += t4 * t4 * t3;
          for (let i = 0; i < G1; i++) {
            const t1 = a[i * G + k] - t4 * c[i * G + k];
            v2[i * G + k] += t1 * t4 * t3;
            for (let j = 0; j <= i; j++) v[i * G1 + j] += t1 * (a[j * G + k] - t4 * c[j * G + k]) * t3;
          }
        }
      }
      if (nd2 > 0) {
        for (let k = 0; k < G; k++) {
          if (km[k] <= 0 || dOther[k] <= 0) continue;
          const t4 = (1 - pooled) / km[k];
          const t5 = dOther[k] > 1 ? 1 - (dOther[k] - 1) / (atRisk[k] - 1) : 1;
          const t3 = (t5 * (kmBefore[k] ** 2 * dOther[k])) / atRisk[k] ** 2;
          v3[k] += t4 * t4 * t3;
          for (let i = 0; i < G1; i++) {
            const t1 = t4 * c[i * G + k];
            v2[i * G + k] -= t1 * t4 * t3;
            for (let j = 0; j <= i; j++) v[i * G1 + j] += t1 * (t4 * c[j * G + k]) * t3;
          }
        }
      }
      pooledBefore = pooled;
    }
    for (let r = start[m]; r < start[m + 1]; r++) atRisk[member[order[r]]]--;
    kmBefore.set(km);
    cifBefore.set(cif);
  }

  const V: number[][] = Array.from({ length: G1 }, () => new Array<number>(G1).fill(0));
  for (let i = 0; i < G1; i++) {
    for (let j = 0; j <= i; j++) {
      let x = v[i * G1 + j];
      for (let k = 0; k < G; k++) {
        x += c[i * G + k] * c[j * G + k] * v3[k];
        x += c[i * G + k] * v2[j * G + k];
        x += c[j * G + k] * v2[i * G + k];
      }
      V[i][j] = x;
      V[j][i] = x;
    }
  }
  const s = Array.from(score);
  const solved = solveLinearSystem(V, s);
  if (solved === null) return null;
  let statistic = 0;
  for (let i = 0; i < G1; i++) statistic += s[i] * solved[i];
  const df = G1;
  return { groups, statistic, df, p: chiSquareUpperTail(statistic, df) };
}
