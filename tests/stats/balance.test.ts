import { describe, expect, it } from 'vitest';
import { balanceTable, balanceTerms, compareCodePoints } from '../../src/stats/index.js';
import type { BalanceCovariate, BalanceStatistics } from '../../src/stats/index.js';
import { expectCloseToR, loadFixture, RELATIVE_TOLERANCE } from './r-fixtures.js';

/** tests/fixtures/r/balance.R: MatchIt 4.5.1 summary() of our matches (or ATT weights). */
interface Side {
  meanService: number;
  meanPool: number;
  smd: number | null;
  varianceRatio: number | null;
  smdIsRawDifference: boolean;
}
interface Case {
  label: string;
  distance: { service: number[]; pool: number[] };
  covariates: BalanceCovariate[];
  weights: { service: number[]; pool: number[] };
  rows: { term: string; binary: boolean; s: number; before: Side; after: Side }[];
  ess: { service: number; pool: number };
}
const cases = loadFixture<Case>('balance');

/**
 * SMD against MatchIt. Where |difference| ≤ √ε MatchIt prints the raw difference instead,
 * so there the check is on SMD × s. The SMD divides a difference of two means, so its
 * tolerance is 1e-9 of the means' scale over s, not of a difference that can be near 0.
 */
function expectSmd(actual: BalanceStatistics, expected: Side, s: number, label: string): void {
  if (s === 0) {
    expect(actual.smd, `${label}: s = 0 gives a null SMD`).toBeNull();
    return;
  }
  expect(actual.smd, label).not.toBeNull();
  const scale = (Math.abs(expected.meanService) + Math.abs(expected.meanPool)) / s;
  const target = expected.smdIsRawDifference ? (expected.smd as number) / s : (expected.smd as number);
  const tolerance = RELATIVE_TOLERANCE * Math.max(Math.abs(target), scale);
  expect(Math.abs((actual.smd as number) - target), `${label}: got ${actual.smd}, MatchIt ${target}`).toBeLessThanOrEqual(tolerance);
}

describe('balance table against MatchIt summary() of the same matches', () => {
  it('covers nearest matching with and without replacement, weighting, and a level constant among the service', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(cases.some((c) => c.rows.some((r) => r.s === 0))).toBe(true);
    expect(cases.some((c) => c.rows.some((r) => r.after.smdIsRawDifference))).toBe(true);
  });

  it('agrees on terms, means, SMDs, variance ratios and effective sample sizes', () => {
    for (const c of cases) {
      const table = balanceTable({ distance: c.distance, covariates: c.covariates, weights: c.weights });
      expect(
        table.rows.map((r) => r.term),
        c.label,
      ).toEqual(c.rows.map((r) => r.term));
      for (const [i, row] of table.rows.entries()) {
        const e = c.rows[i];
        for (const when of ['before', 'after'] as const) {
          const label = `${c.label} ${e.term} ${when}`;
          expectCloseToR(row[when].meanService, e[when].meanService, `${label} meanService`);
          expectCloseToR(row[when].meanPool, e[when].meanPool, `${label} meanPool`);
          expectSmd(row[when], e[when], e.s, label);
          if (e.binary) expect(row[when].varianceRatio, label).toBeNull();
          else expectCloseToR(row[when].varianceRatio, e[when].varianceRatio, `${label} varianceRatio`);
        }
      }
      expectCloseToR(table.ess.service, c.ess.service, `${c.label} ess service`);
      expectCloseToR(table.ess.pool, c.ess.pool, `${c.label} ess pool`);
      // The verdict: every |SMD| after below 0.1, a null SMD failing.
      const failing = table.rows.filter((r) => r.after.smd === null || Math.abs(r.after.smd) >= 0.1).map((r) => r.term);
      expect(table.failing, c.label).toEqual(failing);
      expect(table.balanced, c.label).toBe(failing.length === 0);
    }
  });
});

describe('balance by hand', () => {
  it('lists every level, the first too, in code-point order', () => {
    const terms = balanceTerms([{ name: 'category', service: ['b', '\u{1F600}', 'Ａ'], pool: ['a', 'Z', 'b'] }]);
    expect(terms.map((t) => t.term)).toEqual(['category=Z', 'category=a', 'category=b', 'category=Ａ', 'category=\u{1F600}']);
    expect(Array.from(terms[2].service)).toEqual([1, 0, 0]);
    expect(terms.every((t) => t.binary)).toBe(true);
    expect(compareCodePoints('\u{1F600}', '\uFF21')).toBeGreaterThan(0);
    expect(['\u{1F600}', '\uFF21'].sort()).toEqual(['\u{1F600}', '\uFF21']); // UTF-16 order differs
  });

  it('computes a small table exactly', () => {
    // Service age 20, 30 (sd √50); pool 20, 40, 60 with weights 1, 1, 0 after matching.
    const t = balanceTable({
      distance: { service: [1, 0], pool: [1, 0, -1] },
      covariates: [
        { name: 'age', service: [20, 30], pool: [20, 40, 60] },
        { name: 'sex', service: ['male', 'male'], pool: ['male', 'female', 'male'] },
      ],
      weights: { service: [1, 1], pool: [1, 1, 0] },
    });
    const age = t.rows[1];
    expect(age.term).toBe('age');
    expect(age.before).toEqual({ meanService: 25, meanPool: 40, smd: -15 / Math.sqrt(50), varianceRatio: 50 / 400 });
    expect(age.after.meanPool).toBe(30);
    expect(age.after.smd).toBe(-5 / Math.sqrt(50));
    expect(age.after.varianceRatio).toBe(50 / 200);
    // Every service person male: s = 0, a null SMD that fails the verdict.
    expect(t.rows.map((r) => r.term)).toEqual(['distance', 'age', 'sex=female', 'sex=male']);
    expect(t.rows[3].after).toEqual({ meanService: 1, meanPool: 0.5, smd: null, varianceRatio: null });
    expect(t.rows[0].after.smd).toBe(0); // the distance: 0.5 on both sides after
    expect(t.failing).toEqual(['age', 'sex=female', 'sex=male']);
    expect(t.balanced).toBe(false);
    expect(t.ess).toEqual({ service: 2, pool: 2 });
  });

  it('refuses a negative weight or a missing numeric value', () => {
    const base = { distance: { service: [1], pool: [0] }, covariates: [] };
    expect(() => balanceTable({ ...base, weights: { service: [1], pool: [-1] } })).toThrow(/pool weight at index 0 is -1/);
    expect(() => balanceTerms([{ name: 'age', service: [NaN], pool: [1] }])).toThrow(/age on the service side at index 0 is NaN/);
  });
});

describe('balance of a numeric covariate constant among the service people', () => {
  it('has s = 0 exactly, so a null SMD, even where the mean does not round back to the value', () => {
    // 0.1 summed ten times is not 1: the mean is off by one unit, the residuals are not 0.
    const t = balanceTable({
      distance: { service: Array.from({ length: 10 }, (_, i) => i), pool: [0, 1] },
      covariates: [{ name: 'score', service: new Array(10).fill(0.1), pool: [0.3, 0.5] }],
      weights: { service: new Array(10).fill(1), pool: [1, 1] },
    });
    expect(t.rows[1].before.smd).toBeNull();
    expect(t.rows[1].before.varianceRatio).toBe(0);
    expect(t.failing).toContain('score');
  });
});
