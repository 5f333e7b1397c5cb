/**
 * The adjusted comparison of services (measures.md, "Services compared, adjusted for whom
 * they take on") against R on the seeded studies of casemix-studies.ts: glm + predict for
 * O, E and the limits, coxph + anova for the hazard ratios and the LR test of service.
 * Fixture: tests/fixtures/r/casemix.R → casemix.json.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BinaryAdjusted } from '../../src/measures/adjusted-types.js';
import { computeMeasures } from '../../src/measures/compute.js';
import { MeasureOptionError } from '../../src/measures/options.js';
import { toJsonDocument } from '../../src/output/json.js';
import { loadStudy } from '../../src/records/index.js';
import { caseMixCovariates } from '../../src/measures/case-mix.js';
import { CASE_MIX_STUDIES } from './casemix-studies.js';
import { makeStudy, person } from './helpers.js';

const dir = new URL('../fixtures/r/casemix/', import.meta.url).pathname;
interface RBinary {
  flow: unknown;
  overall: { k: number; n: number; proportion: number; ci: [number, number] };
  expected: number;
  terms: string[];
  estimate: (number | null)[];
  se: (number | null)[];
  deviance: number;
  nullDeviance: number;
  aic: number;
  iterations: number;
  byService: {
    service: string;
    n: number;
    observed: number;
    expected: number;
    ratio: number;
    riskAdjustedRate: number;
    raw: [number, number];
    limits95: [number, number];
    limits998: [number, number];
  }[];
}
interface RCase {
  name: string;
  provenReoffending: RBinary;
  recall: RBinary;
  timeToReconviction: {
    flow: unknown;
    nEvent: number;
    reference: string;
    terms: string[];
    estimate: (number | null)[];
    se: (number | null)[];
    p: (number | null)[];
    lower: (number | null)[];
    upper: (number | null)[];
    services: string[];
    byServiceN: number[];
    byServiceEvents: number[];
    lrTest: { statistic: number; df: number; p: number };
    logLik: { null: number; caseMixOnly: number; full: number };
  };
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/r/casemix.json', import.meta.url), 'utf8')) as { r: string; survival: string; cases: RCase[] };

/** Iterative fits agree to 1e-7 relative (regression.md); R's own printing precision is 17 digits. */
function close(actual: number | null | undefined, expected: number | null, label: string, tol = 1e-7): void {
  if (expected === null) {
    expect(actual ?? null, label).toBeNull();
    return;
  }
  expect(typeof actual, label).toBe('number');
  const a = actual as number;
  expect(Math.abs(a - expected) <= tol * Math.abs(expected) || Math.abs(a - expected) < 1e-14, `${label}: got ${a}, R gives ${expected}`).toBe(true);
}
const closeAll = (a: readonly (number | null)[], e: readonly (number | null)[], label: string) => {
  expect(a.length, label).toBe(e.length);
  e.forEach((x, i) => close(a[i], x, `${label}[${i}]`));
};

/** R names a level `sexmale`, `servicesEastbrook`; the toolkit `sex=male`, `service=Eastbrook`. */
function rTermName(term: string, covariates: string[]): string {
  if (term.startsWith('service')) return `service=${term.slice('service'.length)}`;
  for (const c of covariates) if (term.startsWith(c) && term !== c) return `${c}=${term.slice(c.length)}`;
  return term;
}

function checkBinary(ours: BinaryAdjusted | null, r: RBinary, caseMix: string[], label: string): void {
  expect(ours, label).not.toBeNull();
  const b = ours as BinaryAdjusted;
  expect(b.flow, `${label} flow`).toEqual(r.flow);
  expect([b.overall.k, b.overall.n], `${label} overall`).toEqual([r.overall.k, r.overall.n]);
  close(b.overall.proportion, r.overall.proportion, `${label} overall rate`, 1e-12);
  closeAll(b.overall.ci as [number, number], r.overall.ci, `${label} overall ci`);
  close(b.expected, r.expected, `${label} expected`);
  expect(
    b.model.terms.map((t) => t.term),
    `${label} terms`,
  ).toEqual(r.terms.map((t) => rTermName(t, caseMix)));
  closeAll(
    b.model.terms.map((t) => t.estimate),
    r.estimate,
    `${label} estimates`,
  );
  closeAll(
    b.model.terms.map((t) => t.se),
    r.se,
    `${label} se`,
  );
  close(b.model.deviance, r.deviance, `${label} deviance`);
  close(b.model.nullDeviance, r.nullDeviance, `${label} null deviance`);
  close(b.model.aic, r.aic, `${label} aic`);
  expect(b.model.iterations, `${label} iterations`).toBe(r.iterations);
  expect(b.byService.map((s) => s.service)).toEqual(r.byService.map((s) => s.service));
  b.byService.forEach((s, i) => {
    const e = r.byService[i];
    const at = `${label} ${s.service}`;
    expect([s.n, s.observed], at).toEqual([e.n, e.observed]);
    close(s.expected, e.expected, `${at} E`);
    close(s.ratio, e.ratio, `${at} O/E`);
    close(s.riskAdjustedRate, e.riskAdjustedRate, `${at} risk-adjusted rate`);
    closeAll(s.raw.ci as [number, number], e.raw, `${at} raw ci`);
    closeAll(s.limits95, e.limits95, `${at} limits95`);
    closeAll(s.limits998, e.limits998, `${at} limits998`);
    closeAll(s.rateLimits95, [e.limits95[0] * r.overall.proportion, e.limits95[1] * r.overall.proportion], `${at} rate limits95`);
    closeAll(s.rateLimits998, [e.limits998[0] * r.overall.proportion, e.limits998[1] * r.overall.proportion], `${at} rate limits998`);
  });
}

describe('adjusted comparison of services against R (glm, predict, coxph, anova)', () => {
  it('records the versions of R and survival', () => {
    expect(fixture.r).toMatch(/^R version 4\.2\.2/);
    expect(fixture.survival).toBe('3.5.3');
    expect(fixture.cases.map((c) => c.name)).toEqual(CASE_MIX_STUDIES.map((s) => s.name));
  });
  for (const spec of CASE_MIX_STUDIES) {
    it(`${spec.name}: every number equals R's`, async () => {
      const r = fixture.cases.find((c) => c.name === spec.name)!;
      const study = await loadStudy(
        { people: `${dir}${spec.name}-people.csv`, events: `${dir}${spec.name}-events.csv`, offences: `${dir}offences.csv` },
        {
          extractionDate: '2024-12-31',
        },
      );
      const m = computeMeasures(study, { caseMix: spec.caseMix, provenWindowMonths: spec.provenWindowMonths });
      const a = m.adjustedComparison!;
      const caseMix = spec.caseMix ?? ['age_at_release', 'sex', 'prior_convictions', 'custody_years_before_release', 'category', 'release_year'];
      expect(a.caseMix).toEqual(caseMix);
      expect(a.windowMonths).toBe(spec.provenWindowMonths ?? 12);
      checkBinary(a.provenReoffending, r.provenReoffending, caseMix, 'proven reoffending');
      checkBinary(a.recall, r.recall, caseMix, 'recall');

      const c = a.timeToReconviction!;
      const rc = r.timeToReconviction;
      expect(c.flow).toEqual(rc.flow);
      expect(c.nEvent).toBe(rc.nEvent);
      expect(c.reference).toBe(rc.reference);
      expect(c.byService.map((s) => [s.service, s.n, s.nEvent])).toEqual(rc.services.map((s, i) => [s, rc.byServiceN[i], rc.byServiceEvents[i]]));
      const rTerm = (name: string) => rc.terms.findIndex((t) => rTermName(t, caseMix) === name);
      for (const s of c.byService) {
        if (s.reference) {
          expect([s.estimate, s.hazardRatio, s.se, s.z, s.p, s.ci]).toEqual([0, 1, null, null, null, null]);
          continue;
        }
        const k = rTerm(`service=${s.service}`);
        expect(k, s.service).toBeGreaterThanOrEqual(0);
        close(s.estimate, rc.estimate[k], `${s.service} log hazard ratio`);
        close(s.hazardRatio, Math.exp(rc.estimate[k] as number), `${s.service} hazard ratio`);
        close(s.se, rc.se[k], `${s.service} se`);
        close(s.p, rc.p[k], `${s.service} p`);
        closeAll(s.ci as [number, number], [rc.lower[k], rc.upper[k]], `${s.service} ci`);
      }
      expect(c.caseMix.map((t) => t.term)).toEqual(rc.terms.filter((t) => !t.startsWith('service')).map((t) => rTermName(t, caseMix)));
      for (const t of c.caseMix) {
        const k = rTerm(t.term);
        close(t.estimate, rc.estimate[k], `${t.term} estimate`);
        close(t.se, rc.se[k], `${t.term} se`);
        closeAll(t.ci as [number, number], [rc.lower[k], rc.upper[k]], `${t.term} ci`);
      }
      close(c.lrTest.statistic, rc.lrTest.statistic, 'LR statistic', 1e-6);
      expect(c.lrTest.df).toBe(rc.lrTest.df);
      close(c.lrTest.p, rc.lrTest.p, 'LR p', 1e-6);
      close(c.logLik.null, rc.logLik.null, 'logLik null');
      close(c.logLik.caseMixOnly, rc.logLik.caseMixOnly, 'logLik case mix');
      close(c.logLik.full, rc.logLik.full, 'logLik full');
    });
  }

  it('the case mix explains the raw differences of the "explained" study (no service effect)', async () => {
    const study = await loadStudy(
      { people: `${dir}explained-people.csv`, events: `${dir}explained-events.csv`, offences: `${dir}offences.csv` },
      { extractionDate: '2024-12-31' },
    );
    const p = computeMeasures(study).adjustedComparison!.provenReoffending!;
    const raw = p.byService.map((s) => s.raw.proportion as number);
    expect(Math.max(...raw) - Math.min(...raw)).toBeGreaterThan(0.4);
    for (const s of p.byService) expect(Math.abs(s.ratio - 1)).toBeLessThan(0.1);
  });

  it('writes json-output.md adjustedComparison keys exactly', async () => {
    const study = await loadStudy(
      { people: `${dir}sizes-people.csv`, events: `${dir}sizes-events.csv`, offences: `${dir}offences.csv` },
      { extractionDate: '2024-12-31' },
    );
    const j = toJsonDocument(computeMeasures(study)).adjustedComparison as Record<string, Record<string, unknown>>;
    expect(Object.keys(j)).toEqual(['caseMix', 'windowMonths', 'provenReoffending', 'recall', 'timeToReconviction']);
    expect(Object.keys(j.provenReoffending)).toEqual(['flow', 'overall', 'expected', 'model', 'byService']);
    expect(Object.keys(j.provenReoffending.flow as object)).toEqual(['cohort', 'tooShort', 'missingCovariate', 'used']);
    expect(Object.keys(j.provenReoffending.model as object)).toEqual(['terms', 'deviance', 'nullDeviance', 'aic', 'iterations', 'converged', 'warnings']);
    expect(Object.keys((j.provenReoffending.byService as object[])[0])).toEqual([
      'service',
      'n',
      'observed',
      'expected',
      'ratio',
      'riskAdjustedRate',
      'raw',
      'limits95',
      'limits998',
      'rateLimits95',
      'rateLimits998',
    ]);
    expect(Object.keys(j.timeToReconviction)).toEqual(['flow', 'nEvent', 'reference', 'byService', 'lrTest', 'caseMix', 'logLik']);
    expect(Object.keys(j.timeToReconviction.flow as object)).toEqual(['cohort', 'missingCovariate', 'used']);
    expect(Object.keys((j.timeToReconviction.byService as object[])[0])).toEqual([
      'service',
      'n',
      'nEvent',
      'reference',
      'estimate',
      'hazardRatio',
      'se',
      'z',
      'p',
      'ci',
    ]);
    expect(Object.keys((j.timeToReconviction.caseMix as object[])[0])).toEqual(['term', 'estimate', 'hazardRatio', 'se', 'z', 'p', 'ci']);
    expect(Object.keys(j.timeToReconviction.logLik as object)).toEqual(['null', 'caseMixOnly', 'full']);
  });
});

describe('option caseMix', () => {
  const two = () =>
    makeStudy(
      [
        person('A1', { service: 'Ashby', release_date: '2020-01-01', age_at_release: '30' }),
        person('B1', { service: 'Burnham', release_date: '2020-02-01', age_at_release: '40' }),
      ],
      [],
      '2022-12-31',
    );
  it('refuses an unknown column, naming it and the usable ones', () => {
    expect(() => computeMeasures(two(), { caseMix: ['age_at_release', 'shoe_size'] })).toThrow(MeasureOptionError);
    expect(() => computeMeasures(two(), { caseMix: ['shoe_size'] })).toThrow(
      /caseMix names "shoe_size", which is no column of the study\. Use a people column \(.*age_at_release/,
    );
  });
  it('refuses dates, identifiers and the service itself', () => {
    expect(() => computeMeasures(two(), { caseMix: ['release_date'] })).toThrow(/release_year/);
    expect(() => computeMeasures(two(), { caseMix: ['person_id'] })).toThrow(/does not describe/);
    expect(() => computeMeasures(two(), { caseMix: ['service'] })).toThrow(/does not describe/);
    expect(() => computeMeasures(two(), { caseMix: ['sex', 'sex'] })).toThrow(/twice/);
    expect(() => computeMeasures(two(), { caseMix: [] as string[] })).toThrow(/non-empty list/);
  });
  it('is null with a single service', () => {
    const one = makeStudy([person('A1', { release_date: '2020-01-01' }), person('A2', { release_date: '2020-01-01' })], [], '2022-12-31');
    expect(computeMeasures(one).adjustedComparison).toBeNull();
  });
});

describe('the Cox model of the adjusted comparison', () => {
  it('takes as reference the service with most people, ties by code point, listed with hazard ratio 1', () => {
    const people = [];
    const events = [];
    // Two services of 6 people each: "Bee" and "Ant" tie, so "Ant" is the reference.
    for (const [service, k] of [
      ['Bee', 6],
      ['Ant', 6],
    ] as const) {
      for (let i = 0; i < k; i++) {
        const id = `${service}${i}`;
        people.push(person(id, { service, release_date: '2020-01-01', age_at_release: String(25 + 3 * i + (service === 'Bee' ? 1 : 0)) }));
        if (i % 2 === 0 || (service === 'Bee' && i === 1))
          events.push({ person_id: id, type: 'conviction', date: `2020-0${2 + i}-15`, conviction_date: '2020-09-01', offence: 'T1', recall_reasons: '' });
      }
    }
    const study = makeStudy(people, events, '2021-12-31');
    const c = computeMeasures(study, { caseMix: ['age_at_release'] }).adjustedComparison!.timeToReconviction!;
    expect(c.reference).toBe('Ant');
    expect(c.byService.map((s) => [s.service, s.reference, s.hazardRatio === 1])).toEqual([
      ['Ant', true, true],
      ['Bee', false, false],
    ]);
    expect(c.lrTest.df).toBe(1);
    expect(c.flow).toEqual({ cohort: 12, missingCovariate: { age_at_release: 0 }, used: 12 });
  });
});

describe('the case mix as a model takes it (caseMixCovariates)', () => {
  const column = (name: string, values: (number | string | null)[]) => ({ name, valueOf: (i: number) => values[i] });
  it('reads numbers and numeric text as numbers, in shared memory, and anything else as codes of levels in code-point order', () => {
    const [numbers, text, mixed] = caseMixCovariates(
      [column('age', [30, 41, 25, 52]), column('score', ['1.5', 2, '-3e1', '.5']), column('tier', [2, 'Tier 3', 'b', 2])],
      [3, 0, 2, 1],
    );
    expect(numbers).toEqual({ name: 'age', values: Float64Array.from([52, 30, 25, 41]) });
    expect((numbers as { values: Float64Array }).values.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(text).toEqual({ name: 'score', values: Float64Array.from([0.5, 1.5, -30, 2]) });
    // A number among text is a level written as R's as.character writes it.
    expect(mixed).toEqual({ name: 'tier', codes: Uint8Array.from([0, 0, 2, 1]), levels: ['2', 'Tier 3', 'b'] });
  });
});
