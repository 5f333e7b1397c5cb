/**
 * The comparison pools of the samples (comparison.md, "The comparison pool"):
 * read back from the committed files with the synth tests' own reader, they
 * have the selection and the effect the generator built in, person ids apart
 * from the service's, and the IOM sample reproduces the inspection's "62% of
 * 65 breached or reoffended" (domain.md).
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSample } from '../../src/synth/write-sample.js';
import { dayOf, readCsv, type Row } from './csv-read.js';
import { addMonths } from '../../src/time/days.js';
import { designMatrix } from '../../src/stats/design-matrix.js';
import { logisticRegression } from '../../src/stats/logistic-regression.js';
import { RESETTLE_POOL_SIZE, RESETTLE_TRUE_EFFECT, buildResettleWithPool, buildResettlePool } from '../../src/synth/scenario-resettle-pool.js';
import { IOM_POOL_DESIGN, IOM_SEED, IOM_TARGET, IOM_TRUE_EFFECT, buildIom } from '../../src/synth/scenario-iom.js';
import { buildResettle } from '../../src/synth/scenario-resettle.js';
import { buildPool } from '../../src/synth/comparison-pool.js';
import { childRng } from '../../src/synth/prng.js';
import { readOffenceLookup } from '../../src/synth/offence-lookup.js';

const root = fileURLToPath(new URL('../../data-samples/', import.meta.url));
const category = new Map(readCsv(`${root}offences.csv`).map((o) => [o.code, o.category]));

interface Person {
  id: string;
  treated: 0 | 1;
  age: number;
  sex: string;
  priors: number;
  custody: number;
  category: string;
  year: number;
  /** Proven reoffending within 12 months (offence in [r, w), conviction before c); undefined when F < c. */
  proven: 0 | 1 | undefined;
}

/** The people of one side as comparison.md's "Who is compared" reads them, with their outcome. */
function side(folder: string, extraction: string, treated: 0 | 1, windowMonths = 12, base = root): Person[] {
  const people = readCsv(`${base}${folder}/people.csv`);
  const events = readCsv(`${base}${folder}/events.csv`);
  const byPerson = new Map<string, Row[]>();
  for (const e of events) byPerson.set(e.person_id, [...(byPerson.get(e.person_id) ?? []), e]);
  return people
    .filter((p) => p.included === 'true' && p.release_date !== '' && p.prior_convictions !== '')
    .map((p) => {
      const r = dayOf(p.release_date);
      const w = addMonths(r, windowMonths);
      const c = addMonths(w, 6);
      const F = dayOf(p.follow_up_end || extraction);
      const convicted = (byPerson.get(p.person_id) ?? []).some(
        (e) => e.type === 'conviction' && dayOf(e.date) >= r && dayOf(e.date) < w && dayOf(e.conviction_date) < c,
      );
      return {
        id: p.person_id,
        treated,
        age: Number(p.age_at_release),
        sex: p.sex || 'unknown',
        priors: Number(p.prior_convictions),
        custody: Number(p.custody_years_before_release),
        category: category.get(p.index_offence)!,
        year: Number(p.release_date.slice(0, 4)),
        proven: F < c ? undefined : convicted ? 1 : 0,
      };
    });
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
};
/** Standardised mean difference with the service's sd (comparison.md, "Balance"). */
const smd = (s: number[], p: number[]) => (mean(s) - mean(p)) / sd(s);
const rate = (people: Person[]) => mean(people.map((p) => p.proven!));

function covariates(people: Person[], withSex: boolean) {
  return [
    { name: 'age_at_release', values: people.map((p) => p.age) },
    ...(withSex ? [{ name: 'sex', values: people.map((p) => p.sex) }] : []),
    { name: 'prior_convictions', values: people.map((p) => p.priors) },
    { name: 'custody_years_before_release', values: people.map((p) => p.custody) },
    { name: 'category', values: people.map((p) => p.category) },
    { name: 'release_year', values: people.map((p) => p.year) },
  ];
}

/**
 * Regression adjustment (g-computation): the pool's outcome model, a logistic
 * regression on the covariates, predicts each service person's chance of
 * reoffending without the service; the effect on the treated is the service's
 * rate minus the mean prediction. It needs no matching, so it checks the
 * generator independently of the pipeline it is meant to test.
 */
function adjustedEffect(service: Person[], pool: Person[], withSex: boolean): number {
  const fit = logisticRegression(
    designMatrix(covariates(pool, withSex)),
    pool.map((p) => p.proven!),
  );
  const design = designMatrix(covariates(service, withSex));
  expect(design.terms).toEqual(fit.terms.map((t) => t.term));
  let predicted = 0;
  for (let i = 0; i < design.n; i++) {
    let eta = 0;
    fit.terms.forEach((t, j) => (eta += t.estimate! * design.x[j * design.n + i]));
    predicted += 1 / (1 + Math.exp(-eta));
  }
  return rate(service) - predicted / design.n;
}

function selectionModel(service: Person[], pool: Person[], withSex: boolean) {
  const all = [...service, ...pool];
  const fit = logisticRegression(
    designMatrix(covariates(all, withSex)),
    all.map((p) => p.treated),
  );
  return Object.fromEntries(fit.terms.map((t) => [t.term, t]));
}

describe('the Resettle pool', () => {
  const service = side('resettle', '2019-12-31', 1);
  const pool = side('resettle/pool', '2019-12-31', 0);
  const eligible = (ps: Person[]) => ps.filter((p) => p.proven !== undefined);

  it('is about ten times the cohort, every person id apart from the service, every event of a pool person', () => {
    const poolPeople = readCsv(`${root}resettle/pool/people.csv`);
    const serviceIds = new Set(readCsv(`${root}resettle/people.csv`).map((p) => p.person_id));
    expect(poolPeople.length).toBe(RESETTLE_POOL_SIZE);
    expect(poolPeople.filter((p) => serviceIds.has(p.person_id))).toEqual([]);
    expect(new Set(poolPeople.map((p) => p.person_id)).size).toBe(poolPeople.length);
    const poolIds = new Set(poolPeople.map((p) => p.person_id));
    expect(readCsv(`${root}resettle/pool/events.csv`).filter((e) => !poolIds.has(e.person_id))).toEqual([]);
    expect(poolPeople.every((p) => p.service === '')).toBe(true);
    // released in the study's years, men with violent or sexual index offences, as the service's people
    expect(Math.min(...pool.map((p) => p.year))).toBe(2009);
    expect(Math.max(...pool.map((p) => p.year))).toBe(2018);
    expect(new Set(pool.map((p) => `${p.sex} ${p.category}`))).toEqual(new Set(['male violent', 'male sexual']));
    // the flow has rows to count: excluded people, missing prior convictions, records that stop early
    expect(poolPeople.filter((p) => p.included === 'false').length).toBeGreaterThan(3);
    expect(poolPeople.filter((p) => p.prior_convictions === '').length).toBeGreaterThan(3);
  });

  it('names the pool in its own study file with the comparison key, paths relative to the file', () => {
    const study = JSON.parse(readFileSync(`${root}resettle/comparison-study.json`, 'utf8'));
    expect(study.people).toBe('people.csv');
    expect(study.comparison).toEqual({
      people: 'pool/people.csv',
      events: 'pool/events.csv',
      covariates: ['age_at_release', 'prior_convictions', 'custody_years_before_release', 'category', 'release_year'],
      exact: [],
      method: 'nearest',
      distance: 'logit',
      caliper: 0.2,
      ratio: 1,
      replace: false,
      outcomeWindowMonths: 12,
    });
  });

  it('differs from the service where selection acts: more prior convictions, longer custody, later releases among the service people', () => {
    const s = eligible(service);
    const p = eligible(pool);
    expect(
      smd(
        s.map((x) => x.priors),
        p.map((x) => x.priors),
      ),
    ).toBeGreaterThan(0.4);
    expect(
      smd(
        s.map((x) => x.custody),
        p.map((x) => x.custody),
      ),
    ).toBeGreaterThan(0.4);
    expect(
      smd(
        s.map((x) => x.year),
        p.map((x) => x.year),
      ),
    ).toBeGreaterThan(0.3);
    const model = selectionModel(s, p, false);
    expect(model.prior_convictions.z).toBeGreaterThan(2);
    expect(model.custody_years_before_release.z).toBeGreaterThan(2);
    expect(model.release_year.estimate).toBeGreaterThan(0);
  });

  it('has the true effect the generator built in, which a crude difference misses and an adjustment finds', () => {
    const s = eligible(service);
    const p = eligible(pool);
    const truth = buildResettlePool(buildResettle()).truth;
    expect(truth.trueEffect).toBe(RESETTLE_TRUE_EFFECT);
    expect(truth.eligibleService).toBe(s.length);
    expect(truth.serviceRate).toBeCloseTo(rate(s), 12);
    expect(truth.expectedWithoutService - truth.serviceRate).toBeCloseTo(0.08, 12);
    // the service took on higher-risk men, so the crude difference makes it look no better than the pool
    const crude = rate(s) - rate(p);
    expect(crude).toBeCloseTo(0.00595, 4);
    expect(crude - RESETTLE_TRUE_EFFECT).toBeGreaterThan(0.07);
    // adjusting for the covariates moves the estimate towards the truth
    const adjusted = adjustedEffect(s, p, false);
    expect(adjusted).toBeCloseTo(-0.03635, 4);
    expect(Math.abs(adjusted - RESETTLE_TRUE_EFFECT)).toBeLessThan(Math.abs(crude - RESETTLE_TRUE_EFFECT));
  });

  it('is built so that the adjusted effect is right on average over seeds (the committed one is one draw)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'synth-pool-'));
    try {
      const estimates = [1, 2, 3, 4, 5, 6].map((seed) => {
        writeSample(join(dir, String(seed)), buildResettleWithPool(seed));
        const base = `${dir}/${seed}/`;
        const s = side('', '2019-12-31', 1, 12, base).filter((p) => p.proven !== undefined);
        const p = side('pool', '2019-12-31', 0, 12, base).filter((p) => p.proven !== undefined);
        return { crude: rate(s) - rate(p), adjusted: adjustedEffect(s, p, false) };
      });
      expect(Math.abs(mean(estimates.map((e) => e.adjusted)) - RESETTLE_TRUE_EFFECT)).toBeLessThan(0.02);
      expect(mean(estimates.map((e) => e.crude)) - RESETTLE_TRUE_EFFECT).toBeGreaterThan(0.05);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
describe('the IOM sample', () => {
  const service = side('iom', '2024-03-31', 1);
  const pool = side('iom/pool', '2024-03-31', 0);
  const eligible = (ps: Person[]) => ps.filter((p) => p.proven !== undefined);

  it("reproduces the inspection's 62% of 65 cases who breached or reoffended in the year after release", () => {
    const people = readCsv(`${root}iom/people.csv`);
    const events = readCsv(`${root}iom/events.csv`);
    expect(people.length).toBe(IOM_TARGET.cases);
    expect(IOM_TARGET).toEqual({ cases: 65, breachedOrReoffended: 40, reoffended: 28, women: 7 });
    const breachedOrReoffended = people.filter((p) => {
      const r = dayOf(p.release_date);
      const w = addMonths(r, 12);
      return events.some((e) => e.person_id === p.person_id && (e.type === 'breach' || e.type === 'conviction') && dayOf(e.date) >= r && dayOf(e.date) < w);
    });
    expect(breachedOrReoffended.length).toBe(40);
    expect(Math.round((100 * 40) / 65)).toBe(62);
    // everyone has the whole window and its wait, so the 65 are all eligible; 28 are proven reoffenders
    expect(service.length).toBe(65);
    expect(eligible(service).length).toBe(65);
    expect(service.filter((p) => p.proven === 1).length).toBe(28);
    expect(people.filter((p) => p.sex === 'female').length).toBe(7);
  });

  it('has a pool of about ten times the cases, ids apart, named in study.json with the comparison key', () => {
    const poolPeople = readCsv(`${root}iom/pool/people.csv`);
    const ids = new Set(readCsv(`${root}iom/people.csv`).map((p) => p.person_id));
    expect(poolPeople.length).toBe(IOM_POOL_DESIGN.size);
    expect(poolPeople.filter((p) => ids.has(p.person_id))).toEqual([]);
    const study = JSON.parse(readFileSync(`${root}iom/study.json`, 'utf8'));
    expect(study.comparison).toEqual({
      people: 'pool/people.csv',
      events: 'pool/events.csv',
      covariates: ['age_at_release', 'sex', 'prior_convictions', 'custody_years_before_release', 'category', 'release_year'],
      exact: [],
      method: 'nearest',
      distance: 'logit',
      caliper: 0.1,
      ratio: 2,
      replace: false,
      outcomeWindowMonths: 12,
    });
    // every level on both sides, so no propensity score is 0 or 1 by construction
    for (const key of ['sex', 'category'] as const) expect(new Set(pool.map((p) => p[key]))).toEqual(new Set(service.map((p) => p[key])));
  });

  it('selects prolific acquisitive offenders into IOM, and hides its effect from a crude comparison', () => {
    const s = eligible(service);
    const p = eligible(pool);
    const model = selectionModel(s, p, true);
    expect(model.prior_convictions.z).toBeGreaterThan(3);
    // acquisitive is the reference level: the other categories are less often on IOM
    expect(model['category=violent'].z).toBeLessThan(-2);
    expect(model['category=drugs'].z).toBeLessThan(-2);
    expect(
      smd(
        s.map((x) => x.priors),
        p.map((x) => x.priors),
      ),
    ).toBeGreaterThan(0.5);
    const truth = buildPool(childRng(IOM_SEED, 'pool'), IOM_POOL_DESIGN, buildIom(), readOffenceLookup()).truth;
    expect(truth.serviceRate).toBeCloseTo(28 / 65, 12);
    expect(truth.trueEffect).toBe(IOM_TRUE_EFFECT);
    const crude = rate(s) - rate(p);
    const adjusted = adjustedEffect(s, p, true);
    expect(crude).toBeCloseTo(-0.00322, 4);
    expect(adjusted).toBeCloseTo(-0.09823, 4);
    expect(crude - IOM_TRUE_EFFECT).toBeGreaterThan(0.05);
    expect(Math.abs(adjusted - IOM_TRUE_EFFECT)).toBeLessThan(Math.abs(crude - IOM_TRUE_EFFECT));
  });
});
