import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coxConcordance, coxph, coxZph } from '../../src/stats/index.js';
import type { CoxFit } from '../../src/stats/index.js';
import { coxData, minstd } from './cox-data.js';
import type { CoxSpec } from './cox-data.js';
import { loadFixture } from './r-fixtures.js';

interface RTest {
  statistic: number;
  df: number;
  p: number;
}
/** One coxph fit by tests/fixtures/r/coxph.R, on data regenerated from `spec`. */
interface Case {
  spec: CoxSpec;
  n: number;
  nEvent: number;
  names: string[];
  estimate: (number | null)[];
  hazardRatio: (number | null)[];
  se: (number | null)[];
  seModel: (number | null)[];
  z: (number | null)[];
  p: (number | null)[];
  lower: (number | null)[];
  upper: (number | null)[];
  robust: boolean;
  logLik: [number, number];
  likelihoodRatio: RTest;
  wald: RTest;
  score: RTest;
  robustScore: RTest | null;
  iterations: number;
  warnings: string[];
  concordance: { concordance: number; se: number; count: number[] };
  zph: { terms: string[]; chisq: number[]; df: number[]; p: number[] } | null;
}
const cases = loadFixture<Case>('coxph');

/** Iterative outputs agree within 1e-7 relative, closed forms within 1e-9. */
const ITERATIVE = 1e-7;
const CLOSED = 1e-9;

/**
 * A chi-square near 0 is a difference of nearly cancelling sums (cox.zph on a fit with an
 * infinite coefficient, or n = 5): there 1e-12 absolute is agreement (its p differs by less).
 */
const CHI_SQUARE_FLOOR = 1e-12;

function close(actual: number | null | undefined, expected: number | null, tolerance: number, label: string, floor = 0): void {
  if (expected === null) {
    expect(actual ?? null, `${label}: R gives NA`).toBeNull();
    return;
  }
  expect(typeof actual, `${label}: R gives ${expected}`).toBe('number');
  const a = actual as number;
  if (a === expected || Math.abs(a - expected) <= floor) return;
  const error = Math.abs(a - expected) / Math.abs(expected);
  expect(error <= tolerance, `${label}: got ${a}, R gives ${expected} (relative error ${error})`).toBe(true);
}

function fitCase(c: Case): CoxFit {
  const d = coxData(c.spec);
  return coxph(d.time, d.event, d.covariates, {
    ties: c.spec.ties,
    weights: d.weights,
    cluster: d.cluster,
    robust: c.spec.robust ? true : undefined,
    terms: d.terms,
    iterMax: c.spec.iterMax,
  });
}

const has = (f: (s: CoxSpec) => boolean) => cases.filter((c) => f(c.spec)).length;

describe('Cox model against R survival::coxph', () => {
  it('has at least 200 fits, R and survival versions, and every edge', () => {
    const meta = JSON.parse(readFileSync(new URL('../fixtures/r/coxph.json', import.meta.url), 'utf8')) as { r: string; survival: string };
    expect(meta.r).toMatch(/^R version 4\./);
    expect(meta.survival).toBe('3.5.3');
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(has((s) => s.binary === 1 && s.numeric === 0 && s.levels === 0 && s.separate === 'none')).toBeGreaterThanOrEqual(30);
    expect(has((s) => s.collinear)).toBeGreaterThanOrEqual(10);
    expect(has((s) => s.noEventLevel)).toBeGreaterThanOrEqual(5);
    expect(has((s) => s.separate === 'complete')).toBeGreaterThanOrEqual(5);
    expect(has((s) => s.separate === 'quasi')).toBeGreaterThanOrEqual(5);
    expect(has((s) => s.weights === 'ones')).toBeGreaterThanOrEqual(5);
    expect(has((s) => s.weights === 'unequal')).toBeGreaterThanOrEqual(5);
    expect(has((s) => s.horizon <= 6 && s.ties === 'efron')).toBeGreaterThanOrEqual(5);
    expect(has((s) => s.horizon <= 6 && s.ties === 'breslow')).toBeGreaterThanOrEqual(5);
    expect(has((s) => s.cluster === -1)).toBeGreaterThanOrEqual(10);
    expect(has((s) => s.cluster > 1)).toBeGreaterThanOrEqual(10);
    expect(has((s) => s.n === 5)).toBeGreaterThanOrEqual(5);
    expect(has((s) => s.n === 100_000)).toBeGreaterThanOrEqual(1);
    expect(cases.some((c) => c.warnings.some((w) => w.startsWith('Loglik converged before variable')))).toBe(true);
    expect(cases.some((c) => c.estimate.includes(null))).toBe(true);
    expect(cases.filter((c) => c.warnings.includes('Ran out of iterations and did not converge')).length).toBeGreaterThanOrEqual(3);
  });

  it("regenerates R's data: the MINSTD stream as R wrote it", () => {
    // 48271^k mod (2^31 − 1) from seed 1: the first values of the Park–Miller stream.
    expect(Array.from(minstd(1, 3), (u) => Math.round(u * 2147483647))).toEqual([48271, 182605794, 1291394886]);
  });

  it.each(cases.map((c, i) => [i, c] as const))('case %i agrees on every output', (index, c) => {
    const s = c.spec;
    const label = `case ${index} (n = ${s.n}, ${c.names.join('+')}, ${s.ties}, weights ${s.weights}, cluster ${s.cluster}, ${s.separate})`;
    const fit = fitCase(c);
    expect(fit.n, label).toBe(c.n);
    expect(fit.nEvent, label).toBe(c.nEvent);
    expect(
      fit.terms.map((t) => t.term),
      label,
    ).toEqual(c.names);
    expect(fit.robust, label).toBe(c.robust);
    expect(fit.iterations, `${label} iterations`).toBe(c.iterations);
    expect(fit.warnings, `${label} warnings`).toEqual(c.warnings);
    fit.terms.forEach((t, j) => {
      const l = `${label} ${t.term}`;
      close(t.estimate, c.estimate[j], ITERATIVE, `${l} estimate`);
      close(t.hazardRatio, c.hazardRatio[j], ITERATIVE, `${l} hazardRatio`);
      close(t.se, c.se[j], ITERATIVE, `${l} se`);
      close(t.seModel, c.seModel[j], ITERATIVE, `${l} seModel`);
      close(t.seRobust, c.robust ? c.se[j] : null, ITERATIVE, `${l} seRobust`);
      close(t.z, c.z[j], ITERATIVE, `${l} z`);
      close(t.p, c.p[j], ITERATIVE, `${l} p`);
      close(t.ci?.[0] ?? null, c.lower[j], ITERATIVE, `${l} ci lower`);
      close(t.ci?.[1] ?? null, c.upper[j], ITERATIVE, `${l} ci upper`);
      if (c.estimate[j] === null)
        expect(t, l).toEqual({ term: t.term, estimate: null, hazardRatio: null, se: null, seModel: null, seRobust: null, z: null, p: null, ci: null });
    });
    close(fit.logLik.null, c.logLik[0], CLOSED, `${label} logLik null`);
    close(fit.logLik.final, c.logLik[1], ITERATIVE, `${label} logLik final`);
    // With every column aliased R's wald.test is empty (numeric(0)); ours is 0 on 0 df, as its other tests.
    const wald = Array.isArray(c.wald.statistic) ? { statistic: 0, df: 0, p: 1 } : c.wald;
    for (const [name, ours, theirs, tol] of [
      ['likelihood ratio', fit.likelihoodRatio, c.likelihoodRatio, ITERATIVE],
      ['Wald', fit.wald, wald, ITERATIVE],
      ['score', fit.score, c.score, CLOSED],
      ['robust score', fit.robustScore, c.robustScore, CLOSED],
    ] as const) {
      if (theirs === null) {
        expect(ours, `${label} ${name}`).toBeNull();
        continue;
      }
      close(ours!.statistic, theirs.statistic, tol, `${label} ${name} statistic`);
      expect(ours!.df, `${label} ${name} df`).toBe(theirs.df);
      close(ours!.p, theirs.p, tol, `${label} ${name} p`);
    }
    const cc = coxConcordance(fit);
    close(cc.concordance, c.concordance.concordance, CLOSED, `${label} concordance`);
    close(cc.se, c.concordance.se, CLOSED, `${label} concordance se`);
    const count = cc.count;
    [count.concordant, count.discordant, count.tiedX, count.tiedY, count.tiedXY].forEach((v, k) =>
      close(v, c.concordance.count[k], CLOSED, `${label} concordance count ${k}`),
    );
    const zph = coxZph(fit);
    if (c.zph === null) {
      expect(zph, `${label} zph`).toBeNull();
    } else {
      expect(zph, `${label} zph`).not.toBeNull();
      const rows = [...zph!.terms, zph!.global];
      expect(
        rows.map((r) => r.term),
        label,
      ).toEqual(c.zph.terms);
      rows.forEach((r, k) => {
        close(r.chiSquare, c.zph!.chisq[k], ITERATIVE, `${label} zph ${r.term} chisq`, CHI_SQUARE_FLOOR);
        expect(r.df, `${label} zph ${r.term} df`).toBe(c.zph!.df[k]);
        close(r.p, c.zph!.p[k], ITERATIVE, `${label} zph ${r.term} p`);
      });
    }
  });
});
