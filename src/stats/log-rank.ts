import { chiSquareUpperTail } from './chi-square-distribution.js';
import { solveLinearSystem } from './linear-solve.js';
import { checkSurvivalInput } from './survival-input.js';

export interface LogRankResult {
  /** Group labels, sorted by code unit (R sorts factor levels by locale; same order for plain ASCII labels of one case). */
  groups: string[];
  observed: number[];
  expected: number[];
  chiSquare: number;
  df: number;
  p: number;
}

/**
 * Log-rank test of equal survival across groups, as R `survdiff(Surv(time, event) ~ group)`
 * (rho = 0). At each event time j with n_j at risk and d_j events, group g expects
 * n_gj d_j / n_j; the hypergeometric covariance is
 * V_gh = Σ d_j (n_j − d_j)/(n_j − 1) · (n_gj/n_j)(δ_gh − n_hj/n_j).
 * χ² = (O − E)ᵀ V⁻¹ (O − E) over the groups with E > 0, dropping the first of them;
 * df = (number of groups with E > 0) − 1.
 * Null with fewer than two groups, or when fewer than two groups have anyone at risk at
 * an event time (R then reports χ² = 0 on 0 df, which is no test), or V is singular.
 */
export function logRank(time: ArrayLike<number>, event: ArrayLike<number>, group: ArrayLike<string>): LogRankResult | null {
  checkSurvivalInput(time, event);
  if (group.length !== time.length) {
    throw new RangeError(`logRank: ${time.length} times but ${group.length} group labels`);
  }
  const labelSet = new Set<string>();
  for (let i = 0; i < group.length; i++) {
    const g = group[i];
    if (typeof g !== 'string') throw new RangeError(`logRank: group label at index ${i} must be a string, got ${String(g)}`);
    labelSet.add(g);
  }
  const groups = [...labelSet].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const k = groups.length;
  if (k < 2) return null;
  const code = new Map(groups.map((g, i) => [g, i]));

  // Per-group sorted times of everyone, walked with one pointer each, and all event times sorted.
  const size = new Array<number>(k).fill(0);
  const observed = new Array<number>(k).fill(0);
  const codes = new Uint32Array(time.length);
  for (let i = 0; i < time.length; i++) {
    const c = code.get(group[i])!;
    codes[i] = c;
    size[c]++;
    if (event[i] === 1) observed[c]++;
  }
  const allTimes = size.map((s) => new Float64Array(s));
  const fill = new Array<number>(k).fill(0);
  const totalEvents = observed.reduce((s, v) => s + v, 0);
  const eventTimes = new Float64Array(totalEvents);
  for (let i = 0, e = 0; i < time.length; i++) {
    const c = codes[i];
    allTimes[c][fill[c]++] = time[i];
    if (event[i] === 1) eventTimes[e++] = time[i];
  }
  for (const a of allTimes) a.sort();
  eventTimes.sort();

  const expected = new Array<number>(k).fill(0);
  const allPointer = new Array<number>(k).fill(0);
  const atRisk = new Array<number>(k).fill(0);
  // V_gh = δ_gh Σ_j f_j n_gj/n_j − Σ_j c_j n_gj n_hj with f_j = d_j(n_j − d_j)/(n_j − 1), c_j = f_j/n_j².
  // Summing the second term per event time costs k² a time (minutes with 1,500 groups); each n_gj is a
  // step function of j, so it is summed per pair of groups over their common steps, with prefix sums of c.
  const diagonal = new Array<number>(k).fill(0);
  const prefixC: number[] = [0];
  // Per group, the event-time indices at which its number at risk changes, and the new number.
  const stepAt: number[][] = Array.from({ length: k }, () => []);
  const stepValue: number[][] = Array.from({ length: k }, () => []);
  let timeIndex = 0;
  for (let e = 0; e < totalEvents; ) {
    const t = eventTimes[e];
    let deaths = 0;
    while (e < totalEvents && eventTimes[e] === t) {
      e++;
      deaths++;
    }
    let total = 0;
    for (let g = 0; g < k; g++) {
      const times = allTimes[g];
      while (allPointer[g] < times.length && times[allPointer[g]] < t) allPointer[g]++;
      atRisk[g] = times.length - allPointer[g];
      total += atRisk[g];
    }
    for (let g = 0; g < k; g++) expected[g] += (atRisk[g] * deaths) / total;
    const factor = total > 1 ? (deaths * (total - deaths)) / (total - 1) : 0;
    for (let g = 0; g < k; g++) {
      const steps = stepValue[g];
      if (steps.length === 0 || steps[steps.length - 1] !== atRisk[g]) {
        stepAt[g].push(timeIndex);
        steps.push(atRisk[g]);
      }
      if (factor > 0 && atRisk[g] > 0) diagonal[g] += (factor * atRisk[g]) / total;
    }
    prefixC.push(prefixC[timeIndex] + (factor > 0 ? factor / (total * total) : 0));
    timeIndex++;
  }
  /** Σ_j c_j n_gj n_hj over the event times, walking the two groups' steps together. */
  const crossSum = (g: number, h: number): number => {
    const ag = stepAt[g];
    const vg = stepValue[g];
    const ah = stepAt[h];
    const vh = stepValue[h];
    let s = 0;
    let i = 0;
    let l = 0;
    let from = 0;
    while (from < timeIndex) {
      while (i + 1 < ag.length && ag[i + 1] <= from) i++;
      while (l + 1 < ah.length && ah[l + 1] <= from) l++;
      const to = Math.min(i + 1 < ag.length ? ag[i + 1] : timeIndex, l + 1 < ah.length ? ah[l + 1] : timeIndex);
      const product = vg[i] * vh[l];
      if (product !== 0) s += product * (prefixC[to] - prefixC[from]);
      from = to;
    }
    return s;
  };

  const used = [];
  for (let g = 0; g < k; g++) if (expected[g] > 0) used.push(g);
  if (used.length < 2) return null;
  const rest = used.slice(1);
  const difference = rest.map((g) => observed[g] - expected[g]);
  const cross = rest.map(() => new Array<number>(rest.length).fill(0));
  for (let a = 0; a < rest.length; a++) {
    for (let b = a; b < rest.length; b++) {
      const s = crossSum(rest[a], rest[b]);
      cross[a][b] = a === b ? diagonal[rest[a]] - s : -s;
      cross[b][a] = cross[a][b];
    }
  }
  const solution = solveLinearSystem(cross, difference);
  if (solution === null) return null;
  let chiSquare = 0;
  for (let i = 0; i < rest.length; i++) chiSquare += solution[i] * difference[i];
  const df = used.length - 1;
  return { groups, observed, expected, chiSquare, df, p: chiSquareUpperTail(chiSquare, df) };
}
