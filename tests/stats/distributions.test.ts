import { describe, expect, it } from 'vitest';
import {
  chiSquareUpperTail,
  funnelLimits,
  inverseRegularizedBeta,
  logGamma,
  normalCdf,
  normalQuantile,
  regularizedBeta,
  regularizedBetaUpper,
  regularizedGammaP,
  Z95,
} from '../../src/stats/index.js';
import { expectAllCloseToR, expectCloseToR, loadFixture } from './r-fixtures.js';

interface Distributions {
  normal: { p: number[]; qnorm: number[]; x: number[]; pnorm: number[] };
  beta: { a: number; b: number; p: number; qbeta: number; x: number; pbeta: number; pbetaUpper: number }[];
  gamma: { df: number; x: number; pchisqUpper: number; pchisqLower: number; lgamma: number }[];
  funnel: { p0: number; n: number; level: number; limits: number[] }[];
}
const fixture = loadFixture<Distributions>('distributions') as unknown as Distributions;

describe('distribution functions against R', () => {
  it('normalQuantile = qnorm and normalCdf = pnorm, far into the tails', () => {
    fixture.normal.p.forEach((p, i) => expectCloseToR(normalQuantile(p), fixture.normal.qnorm[i], `qnorm(${p})`));
    fixture.normal.x.forEach((x, i) => expectCloseToR(normalCdf(x), fixture.normal.pnorm[i], `pnorm(${x})`));
  });

  it('regularized incomplete beta and its inverse = pbeta and qbeta', () => {
    for (const c of fixture.beta) {
      expectCloseToR(inverseRegularizedBeta(c.p, c.a, c.b), c.qbeta, `qbeta(${c.p}, ${c.a}, ${c.b})`);
      expectCloseToR(regularizedBeta(c.x, c.a, c.b), c.pbeta, `pbeta(${c.x}, ${c.a}, ${c.b})`);
      expectCloseToR(regularizedBetaUpper(c.x, c.a, c.b), c.pbetaUpper, `pbeta upper(${c.x}, ${c.a}, ${c.b})`);
    }
  });

  it('chi-square tails and log gamma = pchisq and lgamma', () => {
    for (const c of fixture.gamma) {
      expectCloseToR(chiSquareUpperTail(c.x, c.df), c.pchisqUpper, `pchisq upper(${c.x}, ${c.df})`);
      expectCloseToR(regularizedGammaP(c.df / 2, c.x / 2), c.pchisqLower, `pchisq(${c.x}, ${c.df})`);
      expectCloseToR(logGamma(c.x), c.lgamma, `lgamma(${c.x})`);
    }
  });

  it('funnel limits match the formula evaluated in R', () => {
    expect(fixture.funnel.length).toBeGreaterThanOrEqual(200);
    for (const c of fixture.funnel) {
      expectAllCloseToR(funnelLimits(c.p0, c.n, c.level), c.limits, `funnelLimits(${c.p0}, ${c.n}, ${c.level})`);
    }
  });
});

describe('distribution functions by hand', () => {
  it('Z95 is the exact 97.5% normal quantile', () => {
    expect(Z95).toBe(1.959963984540054);
    expect(Math.abs(normalQuantile(0.975) - Z95)).toBeLessThan(1e-15);
    expect(normalCdf(Z95)).toBeCloseTo(0.975, 15);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('log gamma of integers is log factorial', () => {
    expect(logGamma(1)).toBeCloseTo(0, 15);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 14);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 14);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 15);
  });

  it('I_x(1, 1) = x and chi-square on 2 df has tail e^(−x/2)', () => {
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 15);
    expect(chiSquareUpperTail(10, 2)).toBeCloseTo(Math.exp(-5), 16);
    expect(chiSquareUpperTail(1400, 2) / Math.exp(-700)).toBeCloseTo(1, 12);
  });

  it('funnel limits are clipped to [0, 1]', () => {
    expect(funnelLimits(0.02, 10, 0.998)[0]).toBe(0);
    expect(funnelLimits(0.98, 10, 0.998)[1]).toBe(1);
    const [lo, hi] = funnelLimits(0.3, 100, 0.95);
    expect(lo).toBeCloseTo(0.3 - Z95 * Math.sqrt(0.0021), 15);
    expect(hi).toBeCloseTo(0.3 + Z95 * Math.sqrt(0.0021), 15);
    expect(() => funnelLimits(0.3, 0, 0.95)).toThrow(/n must be positive, got 0/);
    expect(() => funnelLimits(1.2, 10, 0.95)).toThrow(/p0 must be in \[0, 1\], got 1.2/);
    expect(() => funnelLimits(0.3, 10, 1)).toThrow(/level must be in \(0, 1\), got 1/);
  });

  it('gives the limits at the ends of the range', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(logGamma(0)).toBe(Infinity);
    expect(chiSquareUpperTail(0, 3)).toBe(1);
    expect(chiSquareUpperTail(Infinity, 3)).toBe(0);
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
    expect(regularizedBetaUpper(0, 2, 3)).toBe(1);
    expect(inverseRegularizedBeta(0, 2, 3)).toBe(0);
    expect(inverseRegularizedBeta(1, 2, 3)).toBe(1);
    expect(regularizedGammaP(2, 0)).toBe(0);
  });

  it('rejects arguments outside the domain, naming the value', () => {
    expect(() => normalQuantile(1.5)).toThrow(/p must be in \[0, 1\], got 1.5/);
    expect(() => normalCdf(NaN)).toThrow(/x is NaN/);
    expect(() => logGamma(-1)).toThrow(/must be positive, got -1/);
    expect(() => chiSquareUpperTail(3, 0)).toThrow(/degrees of freedom must be positive, got 0/);
    expect(() => regularizedBeta(0.5, 0, 1)).toThrow(/shapes must be positive and finite, got a = 0, b = 1/);
    expect(() => regularizedBeta(-0.1, 1, 1)).toThrow(/x must be in \[0, 1\], got -0.1/);
    expect(() => inverseRegularizedBeta(2, 1, 1)).toThrow(/p must be in \[0, 1\], got 2/);
    expect(() => regularizedGammaP(-1, 1)).toThrow(/shape must be positive and finite, got -1/);
    expect(() => regularizedGammaP(1, -1)).toThrow(/x must be non-negative, got -1/);
  });
});
