import { describe, expect, it } from 'vitest';
import { atRisk, kaplanMeier, Z95 } from '../../src/stats/index.js';
import type { ConfType } from '../../src/stats/index.js';
import { expectAllCloseToR, expectAllFinite, expectCloseToR, loadFixture } from './r-fixtures.js';

interface Case {
  time: number[];
  event: number[];
  confType: ConfType;
  conf: number;
  out: {
    time: number[];
    nRisk: number[];
    nEvent: number[];
    nCensor: number[];
    survival: number[];
    hazardSe: number[];
    lower: (number | null)[];
    upper: (number | null)[];
    median: number | null;
    medianLower: number | null;
    medianUpper: number | null;
  };
  probeTimes: number[];
  atRisk: number[];
}
const cases = loadFixture<Case>('survfit');

describe('Kaplan–Meier against R survfit', () => {
  it('has at least 200 cases with the edges', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(cases.some((c) => c.event.every((e) => e === 0))).toBe(true);
    expect(cases.some((c) => c.event.every((e) => e === 1) && new Set(c.time).size === 1)).toBe(true);
    expect(cases.some((c) => c.out.survival.some((s) => s === 0.5))).toBe(true);
    for (const type of ['log', 'log-log', 'plain']) expect(cases.some((c) => c.confType === type)).toBe(true);
  });

  it('agrees on every curve, interval, median and number at risk', () => {
    for (const [index, c] of cases.entries()) {
      const label = `case ${index} (${c.confType}, n = ${c.time.length})`;
      const curve = kaplanMeier(c.time, c.event, { confType: c.confType, conf: c.conf });
      expect(curve.time, label).toEqual(c.out.time);
      expect(curve.nRisk, label).toEqual(c.out.nRisk);
      expect(curve.nEvent, label).toEqual(c.out.nEvent);
      expect(curve.nCensor, label).toEqual(c.out.nCensor);
      expectAllCloseToR(curve.survival, c.out.survival, `${label} survival`);
      // R's std.err is of the cumulative hazard; ours is of survival. Where S = 0 R has NaN; we have 0.
      const expectedSe = c.out.survival.map((s, i) => (s === 0 ? 0 : s * c.out.hazardSe[i]));
      expectAllCloseToR(curve.stdErr, expectedSe, `${label} stdErr`);
      expectAllCloseToR(curve.lower, c.out.lower, `${label} lower`);
      expectAllCloseToR(curve.upper, c.out.upper, `${label} upper`);
      expectCloseToR(curve.median, c.out.median, `${label} median`);
      expectCloseToR(curve.medianLower, c.out.medianLower, `${label} medianLower`);
      expectCloseToR(curve.medianUpper, c.out.medianUpper, `${label} medianUpper`);
      expect(atRisk(curve, c.probeTimes), `${label} atRisk`).toEqual(c.atRisk);
      expectAllFinite(curve, label);
    }
  });
});

describe('Kaplan–Meier by hand', () => {
  // Times 1, 2, 2+, 3, 5, 5 (+ = censored).
  const curve = kaplanMeier([1, 2, 2, 3, 5, 5], [1, 1, 0, 1, 1, 1]);

  it('lists each distinct time with risk set, events and censorings', () => {
    expect(curve.time).toEqual([1, 2, 3, 5]);
    expect(curve.nRisk).toEqual([6, 5, 3, 2]);
    expect(curve.nEvent).toEqual([1, 1, 1, 2]);
    expect(curve.nCensor).toEqual([0, 1, 0, 0]);
  });

  it('multiplies conditional survival and uses Greenwood for the standard error', () => {
    expect(curve.survival[0]).toBeCloseTo(5 / 6, 15);
    expect(curve.survival[1]).toBeCloseTo(4 / 6, 15);
    expect(curve.survival[2]).toBeCloseTo((4 / 6) * (2 / 3), 15);
    expect(curve.survival[3]).toBe(0);
    const sigma2 = 1 / (6 * 5) + 1 / (5 * 4);
    expect(curve.stdErr[1]).toBeCloseTo((4 / 6) * Math.sqrt(sigma2), 15);
    expect(curve.lower[1]).toBeCloseTo((4 / 6) * Math.exp(-Z95 * Math.sqrt(sigma2)), 14);
    expect(curve.upper[1]).toBe(1);
    expect(curve.lower[3]).toBeNull();
    expect(curve.upper[3]).toBeNull();
  });

  it('takes the first time below one half as the median', () => {
    expect(curve.median).toBe(3);
  });

  it('takes the midpoint when survival sits at exactly one half', () => {
    // 1, 2 events of 6 → 4/6; 3 event → 3/6 = 0.5 exactly; 4+ censored; 5 event → 0.25.
    expect(kaplanMeier([1, 2, 3, 4, 5, 6], [1, 1, 1, 0, 1, 0]).median).toBe(4);
    // One half to the end of follow-up: R prints the time survival reached one half.
    expect(kaplanMeier([1, 2, 3, 4], [1, 1, 0, 0]).median).toBe(2);
  });

  it('counts those censored on an event day as at risk that day, and events on day 0', () => {
    const c = kaplanMeier([0, 0, 4, 4, 4], [1, 0, 1, 0, 0]);
    expect(c.time).toEqual([0, 4]);
    expect(c.nRisk).toEqual([5, 3]);
    expect(c.survival[0]).toBeCloseTo(4 / 5, 15);
    expect(c.survival[1]).toBeCloseTo((4 / 5) * (2 / 3), 15);
  });

  it('log-log limits are null before the first event (R gives NA), plain limits are S ± zSE clipped', () => {
    const ll = kaplanMeier([1, 3, 3, 8], [0, 1, 0, 1], { confType: 'log-log' });
    expect(ll.lower[0]).toBeNull();
    expect(ll.upper[0]).toBeNull();
    const plain = kaplanMeier([1, 3, 3, 8], [0, 1, 0, 1], { confType: 'plain' });
    expect(plain.lower[0]).toBe(1);
    expect(plain.upper[0]).toBe(1);
    const s = 2 / 3;
    const se = s * Math.sqrt(1 / (3 * 2));
    expect(plain.lower[1]).toBeCloseTo(Math.max(0, s - Z95 * se), 15);
    expect(plain.upper[1]).toBeCloseTo(Math.min(1, s + Z95 * se), 15);
  });

  it('an empty cohort gives an empty curve', () => {
    const empty = kaplanMeier([], []);
    expect(empty.time).toEqual([]);
    expect(empty.median).toBeNull();
    expect(atRisk(empty, [0, 10])).toEqual([0, 0]);
  });

  it('number at risk at chosen times', () => {
    expect(atRisk(curve, [0, 1, 2, 2.5, 5, 6])).toEqual([6, 6, 5, 3, 2, 0]);
  });

  it('rejects bad input, naming the index and value', () => {
    expect(() => kaplanMeier([1, 2], [1])).toThrow(/2 times but 1 event indicators/);
    expect(() => kaplanMeier([1, NaN], [1, 1])).toThrow(/time at index 1 must be a finite number ≥ 0, got NaN/);
    expect(() => kaplanMeier([1, -3], [1, 1])).toThrow(/index 1 .* got -3/);
    expect(() => kaplanMeier([1, 3], [1, 2])).toThrow(/event at index 1 must be 0 \(censored\) or 1 \(event\), got 2/);
    expect(() => kaplanMeier([1], [1], { confType: 'arcsin' as never })).toThrow(/got arcsin/);
    expect(() => kaplanMeier([1], [1], { conf: 95 })).toThrow(/confidence level must be in \(0, 1\), got 95/);
    expect(() => atRisk(curve, [3, NaN])).toThrow(/atRisk: time is NaN/);
  });
});
