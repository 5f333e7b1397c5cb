import { describe, expect, it } from 'vitest';
import { aalenJohansen } from '../../src/stats/aalen-johansen.js';
import { kaplanMeier } from '../../src/stats/kaplan-meier.js';
import { Z95 } from '../../src/stats/normal.js';
import { competingRisksData } from './competing-risks-data.js';
import type { DataSpec } from './competing-risks-data.js';
import { expectAllCloseToR, expectAllFinite, expectCloseToR, loadFixture } from './r-fixtures.js';

/** survfit's multi-state output, one column per state (pstate, stdErr) or per cause. */
interface Case {
  label: string;
  time?: number[];
  status?: number[];
  weight?: number[] | null;
  data?: DataSpec;
  causes: number;
  conf: number;
  out: {
    time: number[];
    nRisk: number[];
    nCensor: number[];
    nEvent: number[][];
    pstate: number[][];
    stdErr: number[][];
    lower: (number | null)[][];
    upper: (number | null)[][];
  };
}
const cases = loadFixture<Case>('aalen-johansen');

function input(c: Case): { time: number[]; status: number[]; weights?: number[] } {
  if (c.data) {
    const d = competingRisksData(c.data);
    return { time: d.time, status: d.status, weights: c.data.weighted ? d.weight : undefined };
  }
  return { time: c.time!, status: c.status!, weights: c.weight ?? undefined };
}

/**
 * A standard error whose variance is exactly 0 (a state everyone has left, or the single
 * cause once everyone has had it) comes out of both computations as rounding noise
 * (R: 2.6e-17 in one case); below 1e-12 both are read as 0.
 */
function expectSeCloseToR(actual: number[], expected: number[], label: string): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  expected.forEach((e, i) => {
    if (Math.abs(e) < 1e-12) expect(Math.abs(actual[i]), `${label}[${i}]: R gives ${e}`).toBeLessThan(1e-12);
    else expectCloseToR(actual[i], e, `${label}[${i}]`);
  });
}

describe('Aalen–Johansen cumulative incidence against R survfit (multi-state)', () => {
  it('has at least 200 cases with the edges', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    const all = cases.map((c) => ({ c, d: input(c) }));
    expect(all.some(({ d }) => d.status.every((s) => s === 0))).toBe(true);
    expect(all.some(({ c }) => c.out.nEvent.some((e) => e.every((x) => x === 0)) && c.out.nEvent.some((e) => e.some((x) => x > 0)))).toBe(true);
    expect(all.some(({ c }) => c.out.time[0] === 0)).toBe(true);
    expect(all.some(({ d }) => d.time.length === 5)).toBe(true);
    expect(all.some(({ d }) => d.time.length === 100_000 && d.weights === undefined)).toBe(true);
    expect(all.some(({ d }) => d.time.length === 100_000 && d.weights !== undefined)).toBe(true);
    expect(all.filter(({ d }) => d.weights !== undefined).length).toBeGreaterThan(30);
    expect(all.some(({ c }) => c.causes === 1)).toBe(true);
    expect(all.some(({ c }) => c.causes >= 4)).toBe(true);
    // Heavy ties: events of both causes and censorings at one time.
    expect(all.some(({ c }) => c.out.time.some((_, m) => c.out.nCensor[m] > 0 && c.out.nEvent.filter((e) => e[m] > 1).length >= 2))).toBe(true);
  });

  it('agrees on every row: counts, cumulative incidence, standard error and interval', () => {
    for (const [index, c] of cases.entries()) {
      const label = `case ${index} (${c.label})`;
      const d = input(c);
      const fit = aalenJohansen(d.time, d.status, { causes: c.causes, weights: d.weights, conf: c.conf });
      expect(fit.time, label).toEqual(c.out.time);
      expect(fit.nRisk, label).toEqual(c.out.nRisk);
      expect(fit.nCensor, label).toEqual(c.out.nCensor);
      expect(fit.curves.length, label).toBe(c.causes);
      expectAllCloseToR(fit.survival, c.out.pstate[0], `${label} pstate (s0)`);
      expectSeCloseToR(fit.survivalSe, c.out.stdErr[0], `${label} std.err (s0)`);
      fit.curves.forEach((curve, k) => {
        const at = `${label} cause ${k + 1}`;
        expect(curve.time, at).toEqual(c.out.time);
        expect(curve.nRisk, at).toEqual(c.out.nRisk);
        expect(curve.nCensor, at).toEqual(c.out.nCensor);
        expect(curve.nEvent, at).toEqual(c.out.nEvent[k]);
        expectAllCloseToR(curve.cumulativeIncidence, c.out.pstate[k + 1], `${at} pstate`);
        expectSeCloseToR(curve.se, c.out.stdErr[k + 1], `${at} std.err`);
        expectAllCloseToR(curve.lower, c.out.lower[k], `${at} lower`);
        expectAllCloseToR(curve.upper, c.out.upper[k], `${at} upper`);
      });
      expectAllFinite(fit, label);
    }
  });
});

describe('Aalen–Johansen with one cause', () => {
  it('equals 1 − Kaplan–Meier, on every fixture case with one cause and on generated data', () => {
    const singles = cases.filter((c) => c.causes === 1).map(input);
    for (let seed = 1; seed <= 40; seed++) {
      singles.push(competingRisksData({ seed: seed * 7919, n: 10 + seed * 5, horizon: seed % 2 ? 20 : 1e6, causes: 1, censoring: 0.3 }));
    }
    expect(singles.length).toBeGreaterThan(50);
    for (const [index, d] of singles.entries()) {
      const fit = aalenJohansen(d.time, d.status, { causes: 1 });
      const km = kaplanMeier(d.time, d.status);
      expect(fit.time, `case ${index}`).toEqual(km.time);
      expect(fit.nRisk).toEqual(km.nRisk);
      expect(fit.curves[0].nEvent).toEqual(km.nEvent);
      fit.curves[0].cumulativeIncidence.forEach((p, m) => {
        expect(Math.abs(p - (1 - km.survival[m])), `case ${index} row ${m}`).toBeLessThan(1e-14);
        expect(Math.abs(fit.survival[m] - km.survival[m])).toBeLessThan(1e-14);
      });
    }
  });
});

describe('Aalen–Johansen by hand', () => {
  // Times 1, 2, 2, 3+, 4 with causes 1, 1, 2, censored, 2.
  const fit = aalenJohansen([1, 2, 2, 3, 4], [1, 1, 2, 0, 2]);

  it('steps each cause by p₀(t−)·d_k/Y', () => {
    expect(fit.time).toEqual([1, 2, 3, 4]);
    expect(fit.nRisk).toEqual([5, 4, 2, 1]);
    const [one, two] = fit.curves;
    expect(one.nEvent).toEqual([1, 1, 0, 0]);
    expect(two.nEvent).toEqual([0, 1, 0, 1]);
    expect(one.cumulativeIncidence[0]).toBeCloseTo(1 / 5, 15);
    expect(one.cumulativeIncidence[1]).toBeCloseTo(1 / 5 + (4 / 5) * (1 / 4), 15);
    expect(two.cumulativeIncidence[1]).toBeCloseTo((4 / 5) * (1 / 4), 15);
    expect(two.cumulativeIncidence[3]).toBeCloseTo(1 / 5 + 2 / 5, 15);
    expect(fit.survival[3]).toBe(0);
  });

  it('has the binomial standard error before any censoring, and the log interval on p', () => {
    // With no censoring up to t, F_k(t) is a proportion and its IJ variance is p(1 − p)/n.
    const p = 2 / 5;
    expect(fit.curves[0].se[1]).toBeCloseTo(Math.sqrt((p * (1 - p)) / 5), 15);
    expect(fit.curves[0].lower[1]).toBeCloseTo(p * Math.exp((-Z95 * fit.curves[0].se[1]) / p), 15);
    expect(fit.curves[0].upper[1]).toBeCloseTo(Math.min(1, p * Math.exp((Z95 * fit.curves[0].se[1]) / p)), 15);
    expect(fit.curves[1].lower[0]).toBeNull();
    expect(fit.curves[1].upper[0]).toBeNull();
    expect(fit.curves[1].se[0]).toBe(0);
  });

  it('clips the upper limit at 1', () => {
    const one = aalenJohansen([1, 2, 3], [1, 1, 0]).curves[0];
    expect(one.upper[1]).toBe(1);
  });

  it('gives the same rows to every cause, and flat zero curves to a cause with no events', () => {
    const f = aalenJohansen([1, 1, 2], [1, 0, 1], { causes: 3 });
    for (const c of f.curves) expect(c.time).toEqual([1, 2]);
    expect(f.curves[2].cumulativeIncidence).toEqual([0, 0]);
    expect(f.curves[2].lower).toEqual([null, null]);
  });

  it('does not depend on the order of the records', () => {
    const d = competingRisksData({ seed: 99, n: 300, horizon: 50, causes: 3, censoring: 0.4, weighted: true });
    const perm = d.time.map((_, i) => i).reverse();
    const a = aalenJohansen(d.time, d.status, { weights: d.weight });
    const b = aalenJohansen(
      perm.map((i) => d.time[i]),
      perm.map((i) => d.status[i]),
      { weights: perm.map((i) => d.weight[i]) },
    );
    expect(b.time).toEqual(a.time);
    b.curves.forEach((c, k) => c.se.forEach((s, m) => expect(Math.abs(s - a.curves[k].se[m])).toBeLessThan(1e-14)));
  });

  it('rejects bad input with the index and value', () => {
    expect(() => aalenJohansen([1, 2], [1])).toThrow(/2 times but 1 status/);
    expect(() => aalenJohansen([1, -2], [1, 0])).toThrow(/time at index 1 .* got -2/);
    expect(() => aalenJohansen([1, 2], [1, 1.5])).toThrow(/status at index 1 .* got 1.5/);
    expect(() => aalenJohansen([1, 2], [1, 3], { causes: 2 })).toThrow(/status at index 1 must be an integer from 0 to 2/);
    expect(() => aalenJohansen([1, 2], [1, 0], { weights: [1, 0] })).toThrow(/weight at index 1 .* got 0/);
    expect(() => aalenJohansen([1, 2], [1, 0], { causes: 0 })).toThrow(/causes must be an integer/);
  });
});
