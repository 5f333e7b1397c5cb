/**
 * The seeded Cox data generator of tests/fixtures/r/coxph-data.R, line for line: a
 * Park–Miller (MINSTD) stream and only +, −, ×, ÷, floor and ceiling, so both languages
 * produce the same doubles. Also used by bench/models-cox.ts.
 */
import type { CoxCovariates, CoxTermGroup } from '../../src/stats/index.js';

export interface CoxSpec {
  seed: number;
  n: number;
  numeric: number;
  binary: number;
  levels: number;
  horizon: number;
  censor: number;
  effect: number;
  weights: 'none' | 'ones' | 'integer' | 'unequal';
  /** 0 none, −1 one per row, G > 0 clusters 0…G−1. */
  cluster: number;
  ties: 'efron' | 'breslow';
  robust: boolean;
  collinear: boolean;
  noEventLevel: boolean;
  separate: 'none' | 'complete' | 'quasi';
  /** coxph.control(iter.max); 20 by default. */
  iterMax?: number;
}

export interface CoxData {
  time: Float64Array;
  event: Float64Array;
  covariates: CoxCovariates;
  terms: CoxTermGroup[];
  weights?: Float64Array;
  cluster?: Float64Array;
}

export function minstd(seed: number, count: number): Float64Array {
  const out = new Float64Array(count);
  let s = seed;
  for (let i = 0; i < count; i++) {
    s = (48271 * s) % 2147483647;
    out[i] = s / 2147483647;
  }
  return out;
}

export function coxData(spec: CoxSpec): CoxData {
  const n = spec.n;
  const k = spec.numeric + spec.binary + (spec.levels > 0 ? 1 : 0) + 2 + (spec.weights !== 'none' ? 1 : 0) + (spec.cluster > 0 ? 1 : 0);
  const u = minstd(spec.seed, n * k);
  let col = -1;
  const take = (): Float64Array => {
    col++;
    const c = col;
    return Float64Array.from({ length: n }, (_, i) => u[i * k + c]);
  };
  const names: string[] = [];
  const columns: Float64Array[] = [];
  const terms: CoxTermGroup[] = [];
  for (let j = 1; j <= spec.numeric; j++) {
    const v = take();
    names.push(`n${j}`);
    columns.push(v.map((x) => 4 * x - 2));
  }
  for (let j = 1; j <= spec.binary; j++) {
    const v = take();
    names.push(`b${j}`);
    columns.push(v.map((x) => (x < 0.4 ? 1 : 0)));
  }
  const level = spec.levels > 0 ? take().map((x) => Math.floor(x * spec.levels)) : new Float64Array(n);
  const e = spec.effect;
  const r = new Float64Array(n).fill(1);
  for (let j = 0; j < spec.binary; j++) {
    const b = columns[spec.numeric + j];
    for (let i = 0; i < n; i++) r[i] = r[i] * (1 + e * b[i]);
  }
  if (spec.levels > 0) for (let i = 0; i < n; i++) r[i] = r[i] * (1 + (e * level[i]) / spec.levels);
  if (spec.numeric > 0) for (let i = 0; i < n; i++) r[i] = r[i] * (1 + 0.5 * e * (columns[0][i] + 2));
  const ut = take();
  const uc = take();
  const time = new Float64Array(n);
  const event = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = Math.ceil((spec.horizon * ut[i]) / r[i]);
    const c = Math.ceil(spec.horizon * spec.censor * uc[i]);
    event[i] = t <= c ? 1 : 0;
    time[i] = Math.min(t, c);
  }
  if (spec.separate !== 'none') {
    const b = columns[spec.numeric];
    const late = spec.separate === 'complete' ? spec.horizon : spec.horizon - 1;
    for (let i = 0; i < n; i++) {
      time[i] = b[i] === 1 ? Math.ceil(spec.horizon * ut[i]) : late + Math.ceil(spec.horizon * ut[i]);
      event[i] = 1;
    }
  }
  if (spec.noEventLevel) for (let i = 0; i < n; i++) if (level[i] === spec.levels - 1) event[i] = 0;
  let weights: Float64Array | undefined;
  if (spec.weights === 'ones') {
    take();
    weights = new Float64Array(n).fill(1);
  } else if (spec.weights === 'integer') {
    weights = take().map((x) => 1 + Math.floor(3 * x));
  } else if (spec.weights === 'unequal') {
    weights = take().map((x) => 0.25 + 2 * x);
  }
  let cluster: Float64Array | undefined;
  if (spec.cluster > 0) cluster = take().map((x) => Math.floor(x * spec.cluster));
  else if (spec.cluster < 0) cluster = Float64Array.from({ length: n }, (_, i) => i + 1);
  for (let j = 0; j < names.length; j++) terms.push({ name: names[j], columns: [j] });
  if (spec.levels > 0) {
    const start = columns.length;
    for (let l = 1; l < spec.levels; l++) {
      names.push(`f${l}`);
      columns.push(level.map((v) => (v === l ? 1 : 0)));
    }
    terms.push({ name: 'f', columns: Array.from({ length: spec.levels - 1 }, (_, l) => start + l) });
  }
  if (spec.collinear) {
    names.push('sum');
    columns.push(columns[0].map((v, i) => v + columns[1][i]));
    terms.push({ name: 'sum', columns: [columns.length - 1] });
  }
  return { time, event, covariates: { names, columns }, terms, weights, cluster };
}
