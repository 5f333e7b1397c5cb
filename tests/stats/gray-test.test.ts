import { describe, expect, it } from 'vitest';
import { grayTest } from '../../src/stats/gray-test.js';
import { competingRisksData } from './competing-risks-data.js';
import type { DataSpec } from './competing-risks-data.js';
import { expectAllFinite, expectCloseToR, loadFixture } from './r-fixtures.js';

/** cuminc's $Tests row for each cause 1..K (all null where cuminc has none: no events). */
interface Case {
  label: string;
  time?: number[];
  status?: number[];
  group?: string[];
  data?: DataSpec;
  causes: number;
  rho: number;
  out: { stat: number | null; pv: number | null; df: number | null; pUpper: number | null }[];
}
const cases = loadFixture<Case>('gray-test');

function input(c: Case): { time: number[]; status: number[]; group: string[] } {
  if (c.data) return competingRisksData(c.data);
  return { time: c.time!, status: c.status!, group: c.group! };
}

describe("Gray's test against R cmprsk::cuminc", () => {
  it('has at least 200 cases with the edges', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    const all = cases.map((c) => ({ c, d: input(c) }));
    const groupCount = (d: { group: string[] }) => new Set(d.group).size;
    for (let g = 2; g <= 5; g++) expect(all.some(({ d }) => groupCount(d) === g)).toBe(true);
    expect(all.some(({ c }) => c.out.some((o) => o.stat === null))).toBe(true); // a cause with no events
    expect(all.some(({ c }) => c.out.some((o) => o.stat === -1))).toBe(true); // R's singular sentinel
    expect(all.some(({ d }) => d.time.length === 5)).toBe(true);
    expect(all.some(({ d }) => d.time.length === 100_000)).toBe(true);
    expect(all.filter(({ c }) => c.rho !== 0).length).toBeGreaterThan(10);
    expect(all.some(({ c }) => c.out.some((o) => o.pUpper !== null && o.pUpper < 1e-20))).toBe(true);
    // A group with no events of a cause that has a test.
    expect(
      all.some(({ c, d }) =>
        c.out.some((o, k) => o.stat !== null && o.stat > 0 && [...new Set(d.group)].some((g) => !d.status.some((s, i) => s === k + 1 && d.group[i] === g))),
      ),
    ).toBe(true);
  });

  it('agrees on the statistic, df and p of every cause (null where R has no test or reports −1)', () => {
    let tested = 0;
    for (const [index, c] of cases.entries()) {
      const d = input(c);
      for (let cause = 1; cause <= c.causes; cause++) {
        const label = `case ${index} (${c.label}) cause ${cause}`;
        const r = c.out[cause - 1];
        const result = grayTest(d.time, d.status, d.group, cause, { rho: c.rho });
        if (r.stat === null || r.stat === -1) {
          expect(result, label).toBeNull();
          continue;
        }
        expect(result, label).not.toBeNull();
        tested++;
        expectCloseToR(result!.statistic, r.stat, `${label} statistic`);
        expect(result!.df, label).toBe(r.df);
        expectCloseToR(result!.p, r.pUpper, `${label} p`);
        // R prints 1 − pchisq, which is the same number but for rounding near 0.
        expect(Math.abs(result!.p - r.pv!), label).toBeLessThan(1e-14);
        expectAllFinite(result, label);
      }
    }
    expect(tested).toBeGreaterThan(300);
  });
});

describe("Gray's test by hand", () => {
  it('is 0 for two groups with the same data, and the same for times on another scale', () => {
    const time = [1, 2, 2, 3, 5, 8];
    const status = [1, 2, 0, 1, 1, 2];
    const r = grayTest([...time, ...time], [...status, ...status], [...time.map(() => 'a'), ...time.map(() => 'b')], 1)!;
    expect(Math.abs(r.statistic)).toBeLessThan(1e-15);
    expect(r.p).toBeCloseTo(1, 7);
    const group = ['a', 'b', 'a', 'b', 'b', 'a'];
    const x = grayTest(time, status, group, 1)!;
    const y = grayTest(
      time.map((t) => t * 30.5),
      status,
      group,
      1,
    )!;
    expect(y.statistic).toBe(x.statistic);
  });

  it('does not depend on the order of the groups or the records', () => {
    const d = competingRisksData({ seed: 4242, n: 400, horizon: 60, causes: 2, censoring: 0.3, groups: 4 });
    const a = grayTest(d.time, d.status, d.group, 1)!;
    const renamed = d.group.map((g) => ({ a: 'z', b: 'y', c: 'x', d: 'w' })[g]!);
    const perm = d.time.map((_, i) => (i * 37) % d.time.length);
    expect(new Set(perm).size).toBe(d.time.length);
    const b = grayTest(
      perm.map((i) => d.time[i]),
      perm.map((i) => d.status[i]),
      perm.map((i) => renamed[i]),
      1,
    )!;
    expect(Math.abs(b.statistic - a.statistic) / a.statistic).toBeLessThan(1e-12);
  });

  it('is null with one group or no events of the cause', () => {
    expect(grayTest([1, 2, 3], [1, 2, 1], ['a', 'a', 'a'], 1)).toBeNull();
    expect(grayTest([1, 2, 3], [2, 2, 0], ['a', 'b', 'a'], 1)).toBeNull();
  });

  it('rejects bad input', () => {
    expect(() => grayTest([1, 2], [1, 0], ['a'], 1)).toThrow(/2 times but 1 group/);
    expect(() => grayTest([1, 2], [1, 0], ['a', 'b'], 0)).toThrow(/cause must be an integer ≥ 1/);
    expect(() => grayTest([1, 2], [1, -1], ['a', 'b'], 1)).toThrow(/status at index 1/);
  });
});
