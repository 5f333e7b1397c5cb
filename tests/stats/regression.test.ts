import { describe, expect, it } from 'vitest';
import {
  designMatrix,
  likelihoodRatioTest,
  logisticRegression,
  pivotedQR,
  applyQt,
  solveTriangular,
  studentTCdf,
  studentTQuantile,
  vcovCL,
  vcovHC,
  weightedLinearModel,
  type Covariate,
} from '../../src/stats/index.js';
import { codedDesign, termColumns, weightedRows, type ModelCovariate } from '../../src/stats/design-matrix.js';
import { loadFixture } from './r-fixtures.js';
import { largeRegressionData } from './regression-large-data.js';

type Num = number | null;
interface Fixture<T> {
  versions: { r: string; sandwich: string };
  cases: T[];
}
const load = <T>(name: string) => loadFixture<T>(name) as unknown as Fixture<T>;
const asCovariates = (c: { name: string; values: (number | string)[] }[]): Covariate[] =>
  c.map((v) => ({ name: v.name, values: v.values as number[] | string[] }));

/** Relative agreement within tol (exact zeros and nulls must match exactly). */
function close(actual: Num | undefined, expected: Num, tol: number, label: string): void {
  if (expected === null) {
    expect(actual ?? null, `${label}: R gives NA`).toBeNull();
    return;
  }
  expect(typeof actual, `${label}: R gives ${expected}`).toBe('number');
  const a = actual as number;
  if (a === expected) return;
  const err = Math.abs(a - expected) / Math.abs(expected);
  expect(err <= tol, `${label}: got ${a}, R gives ${expected} (relative error ${err})`).toBe(true);
}
/** Covariance entries agree within tol × √(V_ii V_jj), the scale of the entry (a near-zero covariance has no relative digits). */
function covClose(actual: Num[], expected: Num[], tol: number, label: string, se?: Num[]): void {
  const p = Math.round(Math.sqrt(expected.length));
  expect(actual.length, label).toBe(expected.length);
  let maxDiag = 0;
  for (let i = 0; i < p; i++) maxDiag = Math.max(maxDiag, Math.abs(expected[i * p + i] ?? 0));
  expected.forEach((e, idx) => {
    const i = Math.floor(idx / p),
      j = idx % p;
    if (e === null) return expect(actual[idx], `${label}[${i},${j}]`).toBeNull();
    // A robust covariance that is 0 in exact arithmetic (e.g. scores summing to 0 within every
    // cluster) is rounding noise in R too: an absolute floor of 1e-12 × the largest variance (+ 1e-13 × the classical se_i·se_j).
    const floor = 1e-12 * maxDiag + (se && se[i] !== null && se[j] !== null ? 1e-13 * (se[i] as number) * (se[j] as number) : 0);
    const scale = Math.sqrt(Math.abs((expected[i * p + i] as number) * (expected[j * p + j] as number)));
    const err = Math.abs((actual[idx] as number) - e);
    // An exact fit (zero residuals) leaves only rounding noise, below 1e-28.
    expect(
      err <= tol * scale + floor || (scale < 1e-28 && err < 1e-28),
      `${label}[${i},${j}]: got ${actual[idx]}, R gives ${e} (error ${err / scale} of the scale)`,
    ).toBe(true);
  });
}
function allClose(actual: ArrayLike<Num>, expected: Num[], tol: number, label: string): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  expected.forEach((e, i) => close(actual[i], e, tol, `${label}[${i}]`));
}

interface DesignCase {
  kind: string;
  n: number;
  covariates: { name: string; values: (number | string)[] }[];
  terms: string[];
  x: number[];
  rank: number;
  pivot: number[];
  diagR: number[];
  y: number[];
  coef: Num[];
  qraux: number[];
  rank11: number;
}
describe('design matrix and pivoted QR against R model.matrix and qr (dqrdc2)', () => {
  const fx = load<DesignCase>('design');
  it(`has at least 200 cases (R ${fx.versions.r})`, () => expect(fx.cases.length).toBeGreaterThanOrEqual(200));
  it('builds the same columns, names and levels, and drops the same aliased columns', () => {
    for (const [i, c] of fx.cases.entries()) {
      const d = designMatrix(asCovariates(c.covariates));
      const label = `case ${i} (${c.kind}, n = ${c.n})`;
      expect(d.terms, label).toEqual(c.terms);
      expect(Array.from(d.x), label).toEqual(c.x);
      const p = d.terms.length;
      const qr = pivotedQR(d.x.slice(), c.n, p, 1e-7);
      expect(qr.rank, `${label}: rank`).toBe(c.rank);
      expect(Array.from(qr.pivot), `${label}: pivot`).toEqual(c.pivot);
      allClose(
        Array.from({ length: qr.rank }, (_, j) => qr.qr[j * c.n + j]),
        c.diagR,
        1e-9,
        `${label} diag R`,
      );
      allClose(Array.from(qr.qraux.subarray(0, qr.rank)), c.qraux, 1e-9, `${label} qraux`);
      const b = solveTriangular(qr, applyQt(qr, Float64Array.from(c.y)));
      const coef: Num[] = new Array(p).fill(null);
      for (let j = 0; j < qr.rank; j++) coef[qr.pivot[j]] = b[j];
      allClose(coef, c.coef, 1e-9, `${label} qr.coef`);
      expect(pivotedQR(d.x.slice(), c.n, p, 1e-11).rank, `${label}: rank at glm's tolerance`).toBe(c.rank11);
    }
  });
  it('covers the edges: collinear, nearly collinear (glm keeps what lm drops), single covariate, n = 5', () => {
    expect(fx.cases.some((c) => c.kind === 'collinear' && c.rank < c.terms.length)).toBe(true);
    expect(fx.cases.some((c) => c.kind === 'nearly' && c.rank < c.rank11)).toBe(true);
    expect(fx.cases.some((c) => c.kind === 'single')).toBe(true);
    expect(fx.cases.some((c) => c.n === 5)).toBe(true);
  });
  it('sorts levels by code point and names levels name=level', () => {
    const d = designMatrix([{ name: 'c', values: ['b', 'B', 'é', 'a', '😀', '\uff5e'] }]);
    expect(d.terms).toEqual(['(Intercept)', 'c=a', 'c=b', 'c=é', 'c=\uff5e', 'c=😀']);
    expect(d.levels.c[0]).toBe('B');
    expect(() => designMatrix([{ name: 'age', values: [1, NaN] }])).toThrow(/covariate age, row 2: value NaN/);
  });
  it('gives the same matrix for levels given as codes, and the same terms one array each (termColumns)', () => {
    const values = ['b', 'B', 'é', 'a', 'b', 'é', 'B'];
    const age = Float64Array.from([30, 41, 25, 52, 33, 47, 38]);
    const byText = designMatrix([
      { name: 'age', values: Array.from(age) },
      { name: 'c', values },
    ]);
    const levels = ['B', 'a', 'b', 'é'];
    const codes = Uint8Array.from(values, (v) => levels.indexOf(v));
    const byCode = designMatrix([
      { name: 'age', values: age },
      { name: 'c', codes, levels },
    ]);
    expect(byCode).toEqual(byText);
    const { terms, columns } = termColumns(
      [
        { name: 'age', values: age },
        { name: 'c', codes, levels },
      ],
      7,
    );
    expect(terms).toEqual(byText.terms.slice(1));
    expect(columns.map((col) => Array.from(col))).toEqual(terms.map((_, t) => Array.from(byText.x.subarray((t + 1) * 7, (t + 2) * 7))));
    expect(columns.slice(1).every((col) => col instanceof Uint8Array && col.buffer instanceof SharedArrayBuffer)).toBe(true);
  });
});

interface GlmCase {
  kind: string;
  separation: string;
  weights: string;
  n: number;
  covariates: { name: string; values: (number | string)[] }[];
  y: number[];
  w: number[];
  terms: string[];
  estimate: Num[];
  se: Num[];
  z: Num[];
  p: Num[];
  deviance: number;
  nullDeviance: number;
  aic: number;
  dfResidual: number;
  dfNull: number;
  rank: number;
  iterations: number;
  converged: boolean;
  fitted: number[];
  linearPredictor: number[];
  warnings: string[];
  lr: { first: string; statistic: number; df: number; p: Num; deviance0: number; dfResidual0: number };
}
describe('logistic regression against R glm(family = binomial)', () => {
  const fx = load<GlmCase>('glm');
  const TOL = 1e-7;
  it(`has at least 200 cases with every edge (R ${fx.versions.r})`, () => {
    expect(fx.cases.length).toBeGreaterThanOrEqual(200);
    for (const s of ['complete', 'quasi', 'level_no_events'])
      expect(
        fx.cases.some((c) => c.separation === s),
        s,
      ).toBe(true);
    for (const w of ['ones', 'unequal', 'zeros'])
      expect(
        fx.cases.some((c) => c.weights === w),
        w,
      ).toBe(true);
    expect(fx.cases.some((c) => !c.converged)).toBe(true);
    expect(fx.cases.some((c) => c.warnings.includes('glm.fit: fitted probabilities numerically 0 or 1 occurred'))).toBe(true);
  });
  it("gives R's coefficients, SEs, z, p, intervals, deviances, AIC, df, iterations, fits and warnings", () => {
    let wellPosedCount = 0;
    for (const [i, c] of fx.cases.entries()) {
      const label = `case ${i} (${c.kind}, ${c.separation}, weights ${c.weights}, n = ${c.n})`;
      const d = designMatrix(asCovariates(c.covariates));
      const fit = logisticRegression(d, c.y, { weights: c.w });
      // Well posed: converged within 12 steps, no separation, not built to be nearly collinear.
      // The others (separated, quasi-separated, condition number up to 1e10) have estimates that
      // no two implementations agree on beyond a few digits; they are held to R's verdicts
      // (warnings, rank, df, convergence) and to the fit itself (deviance, fitted probabilities).
      const wellPosed = c.converged && c.iterations <= 12 && c.separation === 'none' && c.kind !== 'nearly';
      if (wellPosed) {
        wellPosedCount++;
        expect(fit.iterations, `${label}: iterations`).toBe(c.iterations);
      }
      if (c.kind !== 'nearly') expect(fit.converged, `${label}: converged`).toBe(c.converged);
      expect([...fit.warnings].sort(), `${label}: warnings`).toEqual([...c.warnings].sort());
      expect(fit.rank, label).toBe(c.rank);
      expect(fit.dfResidual, label).toBe(c.dfResidual);
      expect(fit.dfNull, label).toBe(c.dfNull);
      // A fit R did not converge is compared on what it reports, as loosely as its own path allows.
      if (!wellPosed) {
        fit.fitted.forEach((m, j) => expect(Math.abs(m - c.fitted[j]) < 1e-5, `${label} fitted[${j}]: ${m} vs R ${c.fitted[j]}`).toBe(true));
        expect(Math.abs(fit.deviance - c.deviance) <= 1e-5 * Math.max(1, c.deviance), `${label} deviance ${fit.deviance} vs R ${c.deviance}`).toBe(true);
        close(fit.nullDeviance, c.nullDeviance, 1e-9, `${label} null deviance`);
        continue;
      }
      const tol = TOL;
      allClose(
        fit.terms.map((t) => t.estimate),
        c.estimate,
        tol,
        `${label} estimate`,
      );
      allClose(
        fit.terms.map((t) => t.se),
        c.se,
        tol,
        `${label} se`,
      );
      allClose(
        fit.terms.map((t) => t.z),
        c.z,
        tol,
        `${label} z`,
      );
      allClose(
        fit.terms.map((t) => t.p),
        c.p,
        tol * 100,
        `${label} p`,
      );
      fit.terms.forEach((t, j) => {
        if (t.estimate === null) expect(t.ci).toBeNull();
        else expect(t.ci![1] - t.ci![0]).toBeCloseTo(2 * 1.959963984540054 * (c.se[j] as number), 6);
      });
      close(fit.deviance, c.deviance, tol, `${label} deviance`);
      close(fit.nullDeviance, c.nullDeviance, 1e-9, `${label} null deviance`);
      close(fit.aic, c.aic, tol, `${label} aic`);
      allClose(fit.fitted, c.fitted, tol, `${label} fitted`);
      allClose(fit.linearPredictor, c.linearPredictor, tol, `${label} eta`);
      const small = logisticRegression(designMatrix(asCovariates(c.covariates.filter((v) => v.name === c.lr.first))), c.y, { weights: c.w });
      close(small.deviance, c.lr.deviance0, tol, `${label} m0 deviance`);
      const lr = likelihoodRatioTest(small, fit);
      expect(lr.df + 0, `${label} LR df`).toBe(c.lr.df + 0);
      if (c.lr.df > 0 && c.converged && c.separation === 'none' && c.lr.statistic > 1e-6) {
        close(lr.statistic, c.lr.statistic, 1e-6, `${label} LR statistic`);
        close(lr.p, c.lr.p, 1e-5, `${label} LR p`);
      }
    }
    expect(wellPosedCount).toBeGreaterThanOrEqual(90);
  });
});

interface LmCase {
  kind: string;
  weights: string;
  clusters: string;
  n: number;
  covariates: { name: string; values: (number | string)[] }[];
  y: number[];
  w: number[];
  g: number[];
  terms: string[];
  coef: Num[];
  se: Num[];
  sigma: number;
  dfResidual: number;
  rank: number;
  HC0: Num[];
  HC3: Num[];
  CL?: Num[];
  sandwichHC0?: Num[];
  sandwichCL?: Num[];
}
describe('weighted lm and sandwich covariances against R lm, vcovHC and vcovCL', () => {
  const fx = load<LmCase>('lm');
  const flat = (m: (number | null)[][]) => m.flat();
  it(`has at least 200 cases with every edge (R ${fx.versions.r}, sandwich ${fx.versions.sandwich})`, () => {
    expect(fx.cases.length).toBeGreaterThanOrEqual(200);
    expect(fx.cases.some((c) => c.clusters === 'each' && c.CL)).toBe(true);
    expect(fx.cases.some((c) => c.sandwichCL)).toBe(true);
    expect(fx.cases.some((c) => c.rank < c.terms.length)).toBe(true);
  });
  it("gives R's coefficients, SEs, HC0, HC3 and clustered covariances", () => {
    for (const [i, c] of fx.cases.entries()) {
      const label = `case ${i} (${c.kind}, weights ${c.weights}, clusters ${c.clusters}, n = ${c.n})`;
      const fit = weightedLinearModel(designMatrix(asCovariates(c.covariates)), c.y, c.w);
      expect(fit.rank, label).toBe(c.rank);
      expect(fit.dfResidual, label).toBe(c.dfResidual);
      allClose(fit.coefficients, c.coef, 1e-9, `${label} coef`);
      if (c.dfResidual > 0) {
        close(fit.sigma, c.sigma, 1e-9, `${label} sigma`);
        allClose(
          fit.coefficients.map((b, j) => (b === null ? null : fit.sigma * Math.sqrt(fit.covUnscaled[fit.keptColumns.indexOf(j) * (fit.rank + 1)]))),
          c.se,
          1e-9,
          `${label} se`,
        );
      }
      // With 0 or 1 residual df the residuals of rows with leverage near 1 are rounding noise (in R too).
      if (c.dfResidual <= 1) continue;
      // An uncentred year makes √W·X's condition number κ ~1e6-1e7: the products bread·meat·bread
      // (sandwich's own arithmetic, which no solve avoids) lose up to κ²ε (the forward error bound of (X'WX)⁻¹, κ the Frobenius condition number of √W·X), in R as here.
      const { qr: R, n: m } = fit.ls.qr;
      let normR = 0;
      for (let j = 0; j < fit.rank; j++) for (let i = 0; i <= j; i++) normR += R[j * m + i] ** 2;
      let normInv = 0;
      for (let j = 0; j < fit.rank; j++) normInv += fit.covUnscaled[j * fit.rank + j];
      const kappa = Math.sqrt(normR * normInv); // Frobenius condition number of √W·X
      const vtol = Math.max(1e-9, 2.2e-16 * kappa * kappa);
      covClose(flat(vcovHC(fit, 'HC0').matrix), c.HC0, vtol, `${label} HC0`, c.se);
      // R's HC3 is NaN where a hat value is 1 (a row fitted exactly): skip those.
      const hc3Defined = c.HC3.every((v, idx) => v !== null || c.coef[Math.floor(idx / c.terms.length)] === null || c.coef[idx % c.terms.length] === null);
      if (hc3Defined) covClose(flat(vcovHC(fit, 'HC3').matrix), c.HC3, vtol, `${label} HC3`, c.se);
      if (c.CL) covClose(flat(vcovCL(fit, c.g).matrix), c.CL, vtol, `${label} CL`, c.se);
      if (c.sandwichHC0) covClose(flat(vcovHC(fit, 'HC0', { zeroWeights: 'sandwich' }).matrix), c.sandwichHC0, vtol, `${label} sandwich HC0`, c.se);
      if (c.sandwichCL) covClose(flat(vcovCL(fit, c.g, { zeroWeights: 'sandwich' }).matrix), c.sandwichCL, vtol, `${label} sandwich CL`, c.se);
    }
  });
});

interface TCase {
  df: number;
  t: number;
  pt: number;
  ptUpper: number;
  p: number;
  qt: number;
  dtAtQt: number;
}
describe("Student's t against R pt and qt", () => {
  const fx = load<TCase>('student-t');
  it('matches pt and qt to 1e-9 relative, tails and large df included', () => {
    expect(fx.cases.length).toBeGreaterThanOrEqual(200);
    for (const c of fx.cases) {
      close(studentTCdf(c.t, c.df), c.pt, 1e-9, `pt(${c.t}, ${c.df})`);
      close(1 - studentTCdf(c.t, c.df) === c.ptUpper ? c.ptUpper : studentTCdf(-c.t, c.df), c.ptUpper, 1e-9, `pt upper(${c.t}, ${c.df})`);
      const q = studentTQuantile(c.p, c.df);
      // Where the density at the quantile underflows, R's qt skips its Newton steps and
      // keeps Hill's approximation (pt(qt(p)) is then off p by ~1e-8): check pt(q) = p instead.
      // Near the median t is set by p to an absolute ε/density (p carries an absolute error ε).
      if (c.dtAtQt > 0) expect(Math.abs(q - c.qt) <= 1e-9 * Math.abs(c.qt) + 4.5e-16 / c.dtAtQt, `qt(${c.p}, ${c.df}): ${q} vs R ${c.qt}`).toBe(true);
      else close(c.p < 0.5 ? studentTCdf(q, c.df) : 1 - studentTCdf(q, c.df), c.p < 0.5 ? c.p : 1 - c.p, 1e-9, `pt(qt(${c.p}, ${c.df}))`);
    }
  });
  it('has the limits and the Cauchy closed form', () => {
    expect(studentTCdf(0, 3)).toBe(0.5);
    expect(studentTCdf(Infinity, 3)).toBe(1);
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 15);
    expect(() => studentTCdf(1, 0)).toThrow(/df must be positive, got 0/);
  });
});

interface LargeCase {
  n: number;
  seed: number;
  glmSeconds: number;
  terms: string[];
  glm: { estimate: number[]; se: number[]; deviance: number; nullDeviance: number; aic: number; iterations: number; pick: number[]; fitted: number[] };
  lm: { coef: number[]; se: number[]; HC0: number[]; HC3: number[]; CL: number[] };
}
describe('n = 100,000 and 20 terms against R', () => {
  const [c] = load<LargeCase>('regression-large').cases;
  const data = largeRegressionData(c.n, c.seed);
  const d = designMatrix(data.covariates);
  it('logistic regression', () => {
    expect(d.terms.length).toBe(20);
    const fit = logisticRegression(d, data.y);
    expect(fit.iterations).toBe(c.glm.iterations);
    allClose(
      fit.terms.map((t) => t.estimate),
      c.glm.estimate,
      1e-7,
      'estimate',
    );
    allClose(
      fit.terms.map((t) => t.se),
      c.glm.se,
      1e-7,
      'se',
    );
    close(fit.deviance, c.glm.deviance, 1e-7, 'deviance');
    close(fit.nullDeviance, c.glm.nullDeviance, 1e-9, 'null deviance');
    close(fit.aic, c.glm.aic, 1e-7, 'aic');
    allClose(
      c.glm.pick.map((i) => fit.fitted[i]),
      c.glm.fitted,
      1e-7,
      'fitted',
    );
  });
  it('logistic regression on the covariates as numbers and level codes (codedDesign): the same fit, bit for bit', () => {
    const coded = data.covariates.map((v): ModelCovariate => {
      if (typeof v.values[0] === 'number') return { name: v.name, values: Float64Array.from(v.values as number[]) };
      const levels = [...new Set(v.values as string[])].sort();
      return { name: v.name, codes: Uint8Array.from(v.values as string[], (x) => levels.indexOf(x)), levels };
    });
    const design = codedDesign(coded, c.n);
    expect(design.terms).toEqual(d.terms);
    expect(design.sources.some((s) => 'codes' in s)).toBe(true);
    const a = logisticRegression(d, data.y);
    const b = logisticRegression(design, data.y);
    expect(b.terms).toEqual(a.terms);
    expect([b.deviance, b.aic, b.iterations]).toEqual([a.deviance, a.aic, a.iterations]);
    expect(b.fitted).toEqual(a.fitted);
    expect(b.linearPredictor).toEqual(a.linearPredictor);
    const rows = Int32Array.from({ length: 500 }, (_, k) => k * 7);
    const s = Float64Array.from({ length: c.n }, (_, i) => 0.5 + (i % 13) / 7);
    const byX = new Float64Array(rows.length * d.terms.length);
    const byCode = new Float64Array(rows.length * d.terms.length).fill(Number.NaN);
    weightedRows(d, s, rows, byX);
    weightedRows(design, s, rows, byCode);
    expect(byCode).toEqual(byX);
  });
  it('weighted lm with HC0, HC3 and clustered covariances', () => {
    const fit = weightedLinearModel(d, data.yl, data.wl);
    allClose(fit.coefficients, c.lm.coef, 1e-9, 'coef');
    covClose(vcovHC(fit, 'HC0').matrix.flat(), c.lm.HC0, 1e-9, 'HC0');
    covClose(vcovHC(fit, 'HC3').matrix.flat(), c.lm.HC3, 1e-9, 'HC3');
    covClose(vcovCL(fit, data.g).matrix.flat(), c.lm.CL, 1e-9, 'CL');
  });
});
