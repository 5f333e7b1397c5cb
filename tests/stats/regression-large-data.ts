/**
 * The n = 100,000, 20-term data of tests/fixtures/r/regression.R, regenerated from its
 * seed by the Park–Miller minimal standard generator (s ← 16807 s mod 2³¹ − 1, exact in
 * doubles, so R and JS draw the same numbers) and the same arithmetic.
 */
import type { Covariate } from '../../src/stats/index.js';

export interface LargeData {
  covariates: Covariate[];
  y: Float64Array;
  yl: Float64Array;
  wl: Float64Array;
  g: Float64Array;
}

export function largeRegressionData(n: number, seed = 20261202): LargeData {
  let s = seed;
  const u = () => {
    s = (16807 * s) % 2147483647;
    return s / 2147483647;
  };
  const cats = ['drugs', 'fraud', 'other', 'robbery', 'theft', 'violence'];
  const sexes = ['female', 'male', 'unknown'];
  const age = new Array<number>(n),
    prior = new Array<number>(n),
    custody = new Array<number>(n),
    year = new Array<number>(n);
  const category = new Array<string>(n),
    sex = new Array<string>(n);
  const xs = Array.from({ length: 8 }, () => new Array<number>(n));
  const y = new Float64Array(n),
    yl = new Float64Array(n),
    wl = new Float64Array(n),
    g = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const U = Array.from({ length: 16 }, u);
    age[i] = 18 + Math.floor(U[0] * 50);
    prior[i] = Math.floor(U[1] * U[1] * 30);
    custody[i] = U[2] * 10;
    year[i] = 2010 + Math.floor(U[3] * 12);
    category[i] = cats[Math.floor(U[4] * 6)];
    sex[i] = sexes[Math.floor(U[5] * 3)];
    for (let j = 0; j < 8; j++) xs[j][i] = U[6 + j];
    const p =
      0.05 +
      (0.4 * (age[i] - 18)) / 50 +
      0.2 * (category[i] === 'violence' ? 1 : 0) +
      0.1 * (sex[i] === 'male' ? 1 : 0) +
      0.1 * xs[0][i] +
      0.01 * (year[i] - 2010);
    y[i] = U[14] < p ? 1 : 0;
    wl[i] = 0.5 + U[15];
    yl[i] = 0.3 * age[i] + 0.5 * prior[i] - 0.2 * custody[i] + 0.1 * (year[i] - 2010) + 2 * xs[1][i] + U[14] * 3;
    g[i] = Math.floor(U[15] * 997);
  }
  const covariates: Covariate[] = [
    { name: 'age', values: age },
    { name: 'prior', values: prior },
    { name: 'custody', values: custody },
    { name: 'release_year', values: year },
    ...xs.map((values, j) => ({ name: `u${j + 1}`, values })),
    { name: 'category', values: category },
    { name: 'sex', values: sex },
  ];
  return { covariates, y, yl, wl, g };
}
