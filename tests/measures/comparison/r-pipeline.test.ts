/**
 * The whole comparison pipeline (comparison.md) against R on the seeded studies of
 * tests/fixtures/r/comparison/ (comparison.R: glm, the spec's matching in plain R, MatchIt's
 * summary() balance on those matches, sandwich, weighted survfit, coxph with weights and
 * cluster). The studies are read from their CSV files, service and pool, as a user's are.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareStudy } from '../../../src/measures/comparison/compare-study.js';
import { loadPool, loadStudy } from '../../../src/records/index.js';
import type { Study } from '../../../src/study/study.js';

type Num = number | null;
interface Effect {
  service: number;
  pool: number;
  difference: number;
  se: number;
  ci: [number, number];
  p: number;
}
interface RCurve {
  time: number[];
  nRisk: number[];
  nEvent: number[];
  nCensor: number[];
  survival: number[];
  stdErr: number[];
  lower: Num[];
  upper: Num[];
}
interface Side {
  meanService: number;
  meanPool: number;
  smd: Num;
  varianceRatio: Num;
  smdIsRawDifference: boolean;
}
interface Case {
  label: string;
  seed: number;
  settings: Record<string, unknown> & { includeCautions: boolean };
  expected: {
    flow: { service: Record<string, unknown>; pool: Record<string, unknown> };
    caliperWidth: Num;
    propensity: { terms: { term: string; estimate: Num; se: Num; z: Num; p: Num }[]; converged: boolean; iterations: number };
    distance: { service: number[]; pool: number[] };
    weights: { service: number[]; pool: number[] };
    balance: { term: string; before: Side; after: Side }[];
    ess: { service: number; pool: number };
    effects: {
      provenReoffending: Effect;
      frequency: Effect;
      recall: Effect;
      daysToFirstReoffence: { service: Record<string, Num>; pool: Record<string, Num> };
      hazardRatio: { estimate: number; ci: [number, number]; p: number; seLog: number };
    };
    curves: { service: RCurve; pool: RCurve };
  };
}

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/r/comparison.json', import.meta.url), 'utf8')) as { cases: Case[] };

/** The propensity fit's own values agree to 1e-7 relative (glm's convergence), everything else to 1e-9 (comparison.md readings). */
const FIT = 1e-7;
const REST = 1e-9;

function close(actual: Num | undefined, expected: Num, tol: number, label: string): void {
  if (expected === null) {
    expect(actual ?? null, `${label}: R gives NA`).toBeNull();
    return;
  }
  expect(typeof actual, `${label}: R gives ${expected}`).toBe('number');
  const a = actual as number;
  expect(Math.abs(a - expected) <= tol * Math.max(1, Math.abs(expected)), `${label}: got ${a}, R gives ${expected}`).toBe(true);
}

function closeAll(actual: ArrayLike<Num>, expected: readonly Num[], tol: number, label: string): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  expected.forEach((e, i) => close(actual[i], e, tol, `${label}[${i}]`));
}

const studies = new Map<number, Promise<Study>>();
function studyOf(seed: number): Promise<Study> {
  let s = studies.get(seed);
  if (!s) {
    const dir = fileURLToPath(new URL(`../../fixtures/r/comparison/seed-${seed}/`, import.meta.url));
    s = (async () => {
      const service = await loadStudy(
        { people: `${dir}people.csv`, events: `${dir}events.csv`, offences: `${dir}offences.csv` },
        { extractionDate: '2022-12-31', threads: 1 },
      );
      service.pool = await loadPool({ people: `${dir}pool-people.csv`, events: `${dir}pool-events.csv` }, service, { threads: 1 });
      return service;
    })();
    studies.set(seed, s);
  }
  return s;
}

describe('the comparison pipeline against R', () => {
  it('covers the cases the spec asks for', () => {
    const labels = fixture.cases.map((c) => c.label).join('\n');
    for (const word of ['ties', 'nobody in the caliper', 'replacement', 'exact', 'weighting', 'cautions']) expect(labels).toContain(word);
    expect(fixture.cases.some((c) => (c.expected.flow.service.noMatchInCaliper as number) > 0)).toBe(true);
    expect(fixture.cases.some((c) => (c.expected.flow.service.tooShort as number) > 0)).toBe(true);
    expect(fixture.cases.some((c) => Object.values(c.expected.flow.pool.missingCovariate as Record<string, number>).some((n) => n > 0))).toBe(true);
  });

  for (const c of fixture.cases) {
    it(c.label, async () => {
      const study = await studyOf(c.seed);
      const { includeCautions, ...settings } = c.settings;
      const r = compareStudy(study, settings, { includeCautions });
      const e = c.expected;
      const weighting = c.settings.method === 'weighting';
      // Under weighting every effect depends on the fitted probabilities themselves.
      const tol = weighting ? FIT : REST;

      expect(r.flow).toEqual(e.flow);
      close(r.caliperWidth, e.caliperWidth, FIT, 'caliperWidth');
      expect(r.propensity.converged).toBe(e.propensity.converged);
      expect(r.propensity.iterations).toBe(e.propensity.iterations);
      expect(r.propensity.terms.map((t) => t.term)).toEqual(e.propensity.terms.map((t) => t.term));
      e.propensity.terms.forEach((t, i) => {
        for (const k of ['estimate', 'se', 'z', 'p'] as const) close(r.propensity.terms[i][k], t[k], FIT, `${t.term}.${k}`);
      });
      closeAll(r.distances.service, e.distance.service, FIT, 'distance service');
      closeAll(r.distances.pool, e.distance.pool, FIT, 'distance pool');
      closeAll(r.distances.serviceWeight, e.weights.service, tol, 'weights service');
      closeAll(r.distances.poolWeight, e.weights.pool, tol, 'weights pool');

      expect(r.balance.map((b) => b.term)).toEqual(e.balance.map((b) => b.term));
      e.balance.forEach((b, i) => {
        const t = b.term === 'distance' || weighting ? FIT : REST;
        for (const when of ['before', 'after'] as const) {
          const ours = r.balance[i][when];
          const theirs = b[when];
          close(ours.meanService, theirs.meanService, t, `${b.term} ${when} meanService`);
          close(ours.meanPool, theirs.meanPool, t, `${b.term} ${when} meanPool`);
          if (!theirs.smdIsRawDifference) close(ours.smd, theirs.smd, Math.max(t, 1e-8), `${b.term} ${when} smd`);
          close(ours.varianceRatio, theirs.varianceRatio, t, `${b.term} ${when} varianceRatio`);
        }
      });
      close(r.ess.service, e.ess.service, tol, 'ess service');
      close(r.ess.pool, e.ess.pool, tol, 'ess pool');

      for (const k of ['provenReoffending', 'frequency', 'recall'] as const) {
        const ours = r.effects[k];
        const theirs = e.effects[k];
        for (const f of ['service', 'pool', 'difference', 'se', 'p'] as const) close(ours[f], theirs[f], tol, `${k}.${f}`);
        closeAll(ours.ci ?? [], theirs.ci, tol, `${k}.ci`);
      }
      for (const side of ['service', 'pool'] as const) {
        const ours = r.effects.daysToFirstReoffence[side] as unknown as Record<string, Num>;
        for (const [k, v] of Object.entries(e.effects.daysToFirstReoffence[side])) close(ours[k], v, REST, `days ${side}.${k}`);
      }
      const hr = r.effects.hazardRatio!;
      close(hr.estimate, e.effects.hazardRatio.estimate, Math.max(tol, 1e-8), 'hazard ratio');
      close(hr.seLog, e.effects.hazardRatio.seLog, Math.max(tol, 1e-8), 'hazard ratio seLog');
      close(hr.p, e.effects.hazardRatio.p, Math.max(tol, 1e-8), 'hazard ratio p');
      closeAll(hr.ci, e.effects.hazardRatio.ci, Math.max(tol, 1e-8), 'hazard ratio ci');

      for (const side of ['service', 'pool'] as const) {
        const ours = r.curves[side];
        const theirs = e.curves[side];
        closeAll(ours.time, theirs.time, 0, `${side} curve time`);
        for (const k of ['nRisk', 'nEvent', 'nCensor', 'survival', 'lower', 'upper'] as const) closeAll(ours[k], theirs[k], tol, `${side} curve ${k}`);
        // Where S = 0 R's standard error is NaN (σ is infinite); the toolkit's curves give 0 there, as kaplanMeier does.
        const stdErr = theirs.stdErr.map((v, i) => (v === null && theirs.survival[i] === 0 ? 0 : v));
        closeAll(ours.stdErr, stdErr, tol, `${side} curve stdErr`);
      }
    });
  }
});
