import { describe, expect, it } from 'vitest';
import { fisherExact } from '../../src/stats/index.js';
import { expectCloseToR, loadFixture } from './r-fixtures.js';

interface Case {
  table: number[][];
  p: number;
}
const cases = loadFixture<Case>('fisher');

describe('Fisher exact test against R fisher.test', () => {
  it('has at least 200 cases, 2 × 2 and r × 2, with n = 10,000 among them', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(cases.some((c) => c.table.length > 2)).toBe(true);
    expect(cases.some((c) => c.table.flat().reduce((s, v) => s + v, 0) === 10_000)).toBe(true);
    expect(cases.some((c) => c.p < 1e-100)).toBe(true);
  });

  it('agrees on every table', () => {
    for (const c of cases) {
      const result = fisherExact(c.table);
      expect(result.note, JSON.stringify(c.table)).toBeNull();
      expect(Number.isFinite(result.p)).toBe(true);
      expectCloseToR(result.p, c.p, `fisherExact(${JSON.stringify(c.table)})`);
    }
  });
});

describe('Fisher exact test on larger r × 2 tables against brute-force enumeration in R', () => {
  const large = loadFixture<Case & { fexact: number }>('fisher-large');

  it('agrees with the sum over every table (R fisher.test itself drifts by ~1e-9 here)', () => {
    expect(large.length).toBeGreaterThanOrEqual(4);
    for (const c of large) {
      const result = fisherExact(c.table);
      expectCloseToR(result.p, c.p, `fisherExact(${JSON.stringify(c.table)})`);
      expect(Math.abs(c.fexact - c.p) / c.p).toBeLessThan(1e-8);
    }
  });
});

describe('Fisher exact test by hand', () => {
  it('sums the hypergeometric tables no more likely than the observed one', () => {
    // Margins: rows 4 and 4, 4 yes. P(x) = C(4,x)C(4,4−x)/C(8,4) = 1,16,36,16,1 over 70.
    expect(
      fisherExact([
        [0, 4],
        [4, 0],
      ]).p,
    ).toBeCloseTo(2 / 70, 12);
    expect(
      fisherExact([
        [1, 3],
        [3, 1],
      ]).p,
    ).toBeCloseTo(34 / 70, 12);
    expect(
      fisherExact([
        [2, 2],
        [2, 2],
      ]).p,
    ).toBe(1);
  });

  it('an r × 2 table by hand: rows of 1, each yes with 1 of 3 yes in total', () => {
    // Rows (1,1,1,1), 2 yes: every allocation has probability 1/6, so p = 1.
    expect(
      fisherExact([
        [1, 0],
        [1, 0],
        [0, 1],
        [0, 1],
      ]).p,
    ).toBeCloseTo(1, 12);
    // Rows (2,2,2), 2 yes: both in one row has probability 1/15 each (3 tables), else 2/15 each.
    expect(
      fisherExact([
        [2, 0],
        [0, 2],
        [0, 2],
      ]).p,
    ).toBeCloseTo(3 / 15, 12);
  });

  it('drops empty groups and returns 1 when the margins allow one table', () => {
    expect(
      fisherExact([
        [1, 3],
        [0, 0],
        [3, 1],
      ]).p,
    ).toBeCloseTo(34 / 70, 12);
    expect(
      fisherExact([
        [0, 3],
        [0, 5],
      ]).p,
    ).toBe(1);
    expect(
      fisherExact([
        [3, 3],
        [0, 0],
      ]).p,
    ).toBe(1);
  });

  it('needs two groups and two columns of non-negative integers', () => {
    expect(fisherExact([[1, 2]])).toEqual({ p: null, note: expect.stringMatching(/at least two groups/) });
    expect(() =>
      fisherExact([
        [1, 2, 3],
        [1, 2, 3],
      ]),
    ).toThrow(/2 columns/);
    expect(() => fisherExact([[1, 2], [1]])).toThrow(/row 1 must have 2 cells/);
    expect(() =>
      fisherExact([
        [1, -2],
        [1, 2],
      ]),
    ).toThrow(/cell \[0\]\[1\] must be a non-negative integer, got -2/);
  });

  it('gives up with a note, not a wrong answer, beyond its work budget', () => {
    const table = [
      [21, 1],
      [15, 12],
      [0, 22],
      [30, 4],
      [15, 6],
      [31, 9],
    ];
    const result = fisherExact(table, { workBudget: 1000 });
    expect(result.p).toBeNull();
    expect(result.note).toMatch(/not computed: the 6 × 2 table with 166 people needs more than 1,000 partial tables/);
  });

  it('2 × 2 with n = 10,000: the same p whichever way round the table is written', () => {
    const p = fisherExact([
      [2400, 2600],
      [2500, 2500],
    ]).p!;
    expect(
      fisherExact([
        [2500, 2500],
        [2400, 2600],
      ]).p,
    ).toBeCloseTo(p, 14);
    expect(
      fisherExact([
        [2600, 2400],
        [2500, 2500],
      ]).p,
    ).toBeCloseTo(
      fisherExact([
        [2400, 2600],
        [2500, 2500],
      ]).p!,
      14,
    );
    expect(p).toBeGreaterThan(0.04);
    expect(p).toBeLessThan(0.06);
  });
});
