import { describe, expect, it } from 'vitest';
import { clopperPearsonInterval, proportion, wilsonInterval, Z95 } from '../../src/stats/index.js';
import { expectAllCloseToR, expectAllFinite, loadFixture } from './r-fixtures.js';

interface Case {
  k: number;
  n: number;
  conf: number;
  wilson: number[];
  clopperPearson: number[];
}
const cases = loadFixture<Case>('proportions');

describe('binomial intervals against R (prop.test correct = FALSE, binom.test)', () => {
  it('has at least 200 cases including the edges', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(cases.some((c) => c.k === 0)).toBe(true);
    expect(cases.some((c) => c.k === c.n)).toBe(true);
    expect(cases.some((c) => c.n === 1)).toBe(true);
    expect(cases.some((c) => c.n >= 1e6)).toBe(true);
  });

  it('Wilson matches prop.test', () => {
    for (const c of cases) {
      const ci = wilsonInterval(c.k, c.n, c.conf);
      expectAllCloseToR(ci, c.wilson, `wilson(${c.k}, ${c.n}, ${c.conf})`);
      expectAllFinite(ci, 'wilson');
    }
  });

  it('Clopper–Pearson matches binom.test', () => {
    for (const c of cases) {
      const ci = clopperPearsonInterval(c.k, c.n, c.conf);
      expectAllCloseToR(ci, c.clopperPearson, `clopperPearson(${c.k}, ${c.n}, ${c.conf})`);
      expectAllFinite(ci, 'clopper-pearson');
    }
  });
});

describe('proportion', () => {
  it('gives exact bounds at k = 0 and k = n', () => {
    expect(wilsonInterval(0, 17)![0]).toBe(0);
    expect(wilsonInterval(17, 17)![1]).toBe(1);
    expect(clopperPearsonInterval(0, 17)![0]).toBe(0);
    expect(clopperPearsonInterval(17, 17)![1]).toBe(1);
  });

  it('works out the Wilson interval by hand for 3 of 10', () => {
    const p = 0.3;
    const z = Z95;
    const centre = (p + (z * z) / 20) / (1 + (z * z) / 10);
    const half = (z / (1 + (z * z) / 10)) * Math.sqrt((p * 0.7) / 10 + (z * z) / 400);
    const [lo, hi] = wilsonInterval(3, 10)!;
    expect(lo).toBeCloseTo(centre - half, 14);
    expect(hi).toBeCloseTo(centre + half, 14);
  });

  it('Clopper–Pearson at k = n has lower bound (α/2)^(1/n)', () => {
    expect(clopperPearsonInterval(5, 5)![0]).toBeCloseTo(0.025 ** (1 / 5), 14);
    expect(clopperPearsonInterval(0, 5)![1]).toBeCloseTo(1 - 0.025 ** (1 / 5), 14);
  });

  it('n = 0 gives null proportion and interval', () => {
    expect(proportion(0, 0)).toEqual({ k: 0, n: 0, proportion: null, ci: null });
    expect(proportion(0, 0, 'clopper-pearson').ci).toBeNull();
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('builds k, n, k/n and the chosen interval', () => {
    expect(proportion(3, 12)).toEqual({ k: 3, n: 12, proportion: 0.25, ci: wilsonInterval(3, 12) });
    expect(proportion(3, 12, 'clopper-pearson').ci).toEqual(clopperPearsonInterval(3, 12));
  });

  it('rejects impossible counts and unknown methods', () => {
    expect(() => proportion(5, 4)).toThrow(/k must be an integer in \[0, n = 4\], got 5/);
    expect(() => proportion(-1, 4)).toThrow(/got -1/);
    expect(() => proportion(1.5, 4)).toThrow(/got 1.5/);
    expect(() => proportion(1, NaN)).toThrow(/n must be a non-negative integer, got NaN/);
    expect(() => proportion(1, 4, 'wald' as never)).toThrow(/got wald/);
    expect(() => wilsonInterval(1, 4, 1)).toThrow(/confidence level must be in \(0, 1\), got 1/);
    expect(() => clopperPearsonInterval(1, 4, 0)).toThrow(/confidence level must be in \(0, 1\), got 0/);
  });
});
