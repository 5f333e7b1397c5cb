import { describe, expect, it } from 'vitest';
import { attEffect, Z95 } from '../../src/stats/index.js';
import type { AttEffect, AttStandardError } from '../../src/stats/index.js';
import { expectAllCloseToR, expectCloseToR, loadFixture, RELATIVE_TOLERANCE } from './r-fixtures.js';

/** tests/fixtures/r/att-effect.R: lm(y ~ treated, weights = w) with sandwich 3.0.2. */
interface RSe {
  se: number;
  ci: [number, number];
  p: number;
}
interface Case {
  label: string;
  y: number[];
  treated: number[];
  weights: number[];
  subclass: number[] | null;
  service: number;
  pool: number;
  difference: number;
  cluster: RSe | null;
  HC3: RSe;
  HC0: RSe;
}
const cases = loadFixture<Case>('att-effect');

/** A difference of means is checked to 1e-9 of the means' size (it can be near 0). */
function expectDifference(actual: number, c: Case, label: string): void {
  const scale = Math.max(Math.abs(c.difference), Math.abs(c.service), Math.abs(c.pool));
  expect(Math.abs(actual - c.difference), `${label}: got ${actual}, R ${c.difference}`).toBeLessThanOrEqual(RELATIVE_TOLERANCE * scale);
}

function check(result: AttEffect, c: Case, r: RSe, label: string): void {
  expectCloseToR(result.service, c.service, `${label} service`);
  expectCloseToR(result.pool, c.pool, `${label} pool`);
  expectDifference(result.difference, c, label);
  expectCloseToR(result.se, r.se, `${label} se`);
  expect(result.ci, label).not.toBeNull();
  const halfWidth = (result.ci![1] - result.ci![0]) / 2;
  expectCloseToR(halfWidth, (r.ci[1] - r.ci[0]) / 2, `${label} ci half-width`);
  expectCloseToR(result.p, r.p, `${label} p`);
}

describe('effect on the treated against lm + sandwich', () => {
  it('covers clustered, HC3 and HC0 errors on binary, count and continuous outcomes', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(cases.filter((c) => c.cluster !== null).length).toBeGreaterThan(10);
    expect(cases.filter((c) => c.weights.some((w) => w === 0)).length).toBeGreaterThan(10);
    expect(cases.filter((c) => c.weights.some((w) => w > 0 && w !== 1)).length).toBeGreaterThan(10);
  });

  it('agrees with vcovCL(cluster = ~subclass), vcovHC HC3 and HC0 on every case', () => {
    for (const c of cases) {
      const types: [AttStandardError, RSe | null][] = [
        [{ type: 'HC3' }, c.HC3],
        [{ type: 'HC0' }, c.HC0],
        [{ type: 'cluster', cluster: c.subclass ?? [] }, c.cluster],
      ];
      for (const [type, r] of types) {
        if (r === null) continue;
        check(attEffect(c.y, c.treated, c.weights, type), c, r, `${c.label} ${type.type}`);
      }
    }
  });
});

describe('effect on the treated by hand', () => {
  it('is the difference of weighted means with the closed-form HC0 variance', () => {
    // Service y 1, 0 (weights 1); pool y 1, 0, 0 with weights 2, 1, 1: means 1/2 and 1/2.
    const r = attEffect([1, 0, 1, 0, 0, 5], [1, 1, 0, 0, 0, 0], [1, 1, 2, 1, 1, 0], { type: 'HC0' });
    expect(r.service).toBe(0.5);
    expect(r.pool).toBe(0.5);
    expect(r.difference).toBe(0);
    // Σ (w e / W)²: service 2 × (0.5/2)²; pool (2·0.5/4)² + 2 × (0.5/4)².
    const v = 2 * 0.25 ** 2 + 0.25 ** 2 + 2 * 0.125 ** 2;
    expect(r.se).toBeCloseTo(Math.sqrt(v), 15);
    expect(r.ci![1]).toBeCloseTo(Z95 * Math.sqrt(v), 15);
    expect(r.p).toBe(1);
  });

  it('gives a null error where the variance is undefined', () => {
    // One subclass only: G / (G − 1) is undefined.
    const one = attEffect([1, 0, 1], [1, 0, 0], [1, 1, 1], { type: 'cluster', cluster: [1, 1, 1] });
    expect(one.difference).toBe(0.5);
    expect([one.se, one.ci, one.p]).toEqual([null, null, null]);
    // HC3 with a single service person: its hat value is 1.
    expect(attEffect([1, 0, 1], [1, 0, 0], [1, 1, 1], { type: 'HC3' }).se).toBeNull();
    // HC0 has no such factor: the pool's residuals ±1/2 over W = 2 give Σ (w e / W)² = 1/8.
    expectAllCloseToR([attEffect([1, 0, 1], [1, 0, 0], [1, 1, 1], { type: 'HC0' }).se!], [Math.sqrt(0.125)], 'HC0');
  });

  it('refuses a side with no weight and bad values', () => {
    expect(() => attEffect([1, 0], [1, 0], [1, 0], { type: 'HC0' })).toThrow(/no pool person/);
    expect(() => attEffect([1, NaN], [1, 0], [1, 1], { type: 'HC0' })).toThrow(/outcome at index 1 is NaN/);
    expect(() => attEffect([1, 0], [1, 2], [1, 1], { type: 'HC0' })).toThrow(/treated at index 1 is 2/);
  });
});
