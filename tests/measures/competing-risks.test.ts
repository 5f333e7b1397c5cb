/**
 * measures.md "Competing risks" on a seeded study with deaths, against R: the study's
 * records and the expected values are written by tests/fixtures/r/competing-risks-study.R
 * (survfit multi-state, cmprsk::cuminc, survfit Kaplan–Meier; R 4.2.2, survival 3.5.3,
 * cmprsk 2.2.11), from the records by the spec's definitions.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeMeasures } from '../../src/measures/compute.js';
import type { CauseBlock, CompetingRisk, IncidenceAt, StudyMeasures } from '../../src/measures/types.js';
import { loadStudy } from '../../src/records/index.js';
import { toJsonDocument } from '../../src/output/json.js';
import { expectAllCloseToR, expectCloseToR } from '../stats/r-fixtures.js';

type RCurve = {
  time: number[];
  nRisk: number[];
  nEvent: number[];
  nCensor: number[];
  cumulativeIncidence: number[];
  se: number[];
  lower: (number | null)[];
  upper: (number | null)[];
};
type RBlock = {
  n: number;
  events: { cause: number; death: number };
  censored: number;
  curves: { cause: RCurve; death: RCurve };
  km: { time: number[]; survival: number[] };
  atYears: { years: number; day: number; cause: number; death: number; oneMinusKm: number; difference: number }[];
};
type RAnalysis = {
  overall: RBlock;
  byGroup: ({ group: string } & RBlock)[];
  grayTest: Record<'cause' | 'death', { statistic: number; df: number; p: number }>;
};
type RBreaches = {
  k: number;
  n: number;
  ci: number[];
  mean: number;
  distribution: Record<string, number>;
  inWindow: number;
  km: { time: number[]; nRisk: number[]; nEvent: number[]; survival: number[]; lower: (number | null)[]; upper: (number | null)[] };
  byGroup: { group: string; k: number; n: number; ci: number[] }[];
  logRank: { chiSquare: number; df: number; p: number };
};
type ROut = {
  deaths: Record<string, number>;
  reconviction: RAnalysis;
  recall: RAnalysis;
  provenEligible: number;
  reconvicted: number;
  breaches: RBreaches;
  cautions: { k: number; n: number; ci: number[]; cautions: number };
};

const dir = fileURLToPath(new URL('../fixtures/r/competing-risks-study/', import.meta.url));
const R = (JSON.parse(readFileSync(new URL('../fixtures/r/competing-risks-study.json', import.meta.url), 'utf8')) as { out: ROut }).out;

let m: StudyMeasures;
beforeAll(async () => {
  const study = await loadStudy({ people: `${dir}people.csv`, events: `${dir}events.csv`, offences: `${dir}offences.csv` }, { extractionDate: '2023-06-30' });
  m = computeMeasures(study);
});

function expectBlock(cause: string, block: CauseBlock, r: RBlock, label: string) {
  expect(block.n, `${label} n`).toBe(r.n);
  expect(block.events, `${label} events`).toEqual({ [cause]: r.events.cause, death: r.events.death });
  expect(block.censored, `${label} censored`).toBe(r.censored);
  for (const [mine, theirs] of [
    [block.curves[cause], r.curves.cause],
    [block.curves.death, r.curves.death],
  ] as const) {
    expect(mine.time, `${label} time`).toEqual(theirs.time);
    expect(mine.nRisk, `${label} nRisk`).toEqual(theirs.nRisk);
    expect(mine.nEvent, `${label} nEvent`).toEqual(theirs.nEvent);
    expect(mine.nCensor, `${label} nCensor`).toEqual(theirs.nCensor);
    expectAllCloseToR(mine.cumulativeIncidence, theirs.cumulativeIncidence, `${label} cumulativeIncidence`);
    expectAllCloseToR(mine.se, theirs.se, `${label} se`);
    expectAllCloseToR(mine.lower, theirs.lower, `${label} lower`);
    expectAllCloseToR(mine.upper, theirs.upper, `${label} upper`);
  }
  r.atYears.forEach((a, y) => {
    const mine = block.atYears[y];
    expect(mine.years).toBe(a.years);
    expect(mine.day).toBe(a.day);
    expectCloseToR((mine[cause] as IncidenceAt).estimate, a.cause, `${label} ${a.years} y ${cause}`);
    expectCloseToR((mine.death as IncidenceAt).estimate, a.death, `${label} ${a.years} y death`);
    expectCloseToR(mine.oneMinusKm, a.oneMinusKm, `${label} ${a.years} y 1 − KM`);
    expectCloseToR(mine.difference, a.difference, `${label} ${a.years} y gap`);
  });
}

function expectAnalysis(cause: string, mine: CompetingRisk, r: RAnalysis) {
  expectBlock(cause, mine.overall, r.overall, `${cause} overall`);
  expect(mine.byGroup.map((g) => g.group).sort()).toEqual(r.byGroup.map((g) => g.group));
  for (const g of r.byGroup) expectBlock(cause, mine.byGroup.find((x) => x.group === g.group)!, g, `${cause} ${g.group}`);
  for (const [key, theirs] of [
    [cause, r.grayTest.cause],
    ['death', r.grayTest.death],
  ] as const) {
    expectCloseToR(mine.grayTest[key].statistic, theirs.statistic, `${cause} Gray ${key} statistic`);
    expect(mine.grayTest[key].df).toBe(theirs.df);
    expectCloseToR(mine.grayTest[key].p, theirs.p, `${cause} Gray ${key} p`);
  }
}

describe('competing risks against R (seeded study with deaths)', () => {
  it('counts the deaths as the planted cases make them', () => {
    expect(m.competingRisks!.deaths).toEqual(R.deaths);
    expect(R.deaths.onReleaseDay).toBe(1);
    expect(R.deaths.onReconvictionDay).toBe(1);
    expect(R.deaths.afterFollowUpEnd).toBeGreaterThan(0);
  });

  it('cumulative incidence of reconviction and of death, overall and by group, Gray’s tests, the gap at 1, 2 and 5 years', () => {
    expectAnalysis('reconviction', m.competingRisks!.reconviction, R.reconviction);
    expect(m.competingRisks!.reconviction.overall.atYears.map((a) => a.difference).every((d) => d > 0)).toBe(true);
  });

  it('cumulative incidence of recall and of death in the intervention window', () => {
    expectAnalysis('recall', m.competingRisks!.recall, R.recall);
  });

  it('the existing measures end follow-up at death: the KM curves (deaths censored), reconvicted, proven-reoffending eligibility', () => {
    expectAllCloseToR(m.desistance.convictionFree.survival, R.reconviction.overall.km.survival, 'conviction-free survival');
    expect(m.desistance.convictionFree.time).toEqual(R.reconviction.overall.km.time);
    expectAllCloseToR(m.recall.timeToFirstRecall.survival, R.recall.overall.km.survival, 'time to first recall');
    expect(m.provenReoffending.eligible).toBe(R.provenEligible);
    expect(m.reconviction.overall.k).toBe(R.reconvicted);
  });

  it('writes the spec’s keys in JSON', () => {
    type Doc = { [key: string]: Doc } & Doc[];
    const cr = (JSON.parse(JSON.stringify(toJsonDocument(m))) as Doc).competingRisks;
    expect(Object.keys(cr)).toEqual(['deaths', 'reconviction', 'recall']);
    expect(Object.keys(cr.reconviction)).toEqual(['from', 'groupBy', 'overall', 'byGroup', 'grayTest']);
    expect(Object.keys(cr.recall.overall)).toEqual(['n', 'events', 'censored', 'curves', 'atYears']);
    expect(Object.keys(cr.recall.overall.atYears[0])).toEqual(['years', 'day', 'recall', 'death', 'oneMinusKm', 'difference']);
    expect(Object.keys(cr.reconviction.overall.curves.reconviction)).toEqual([
      'time',
      'nRisk',
      'nEvent',
      'nCensor',
      'cumulativeIncidence',
      'se',
      'lower',
      'upper',
    ]);
    expect(Object.keys(cr.reconviction.grayTest)).toEqual(['reconviction', 'death']);
    expect(cr.recall.window).toBe('intervention');
    expect(cr.reconviction.from).toBe('release');
  });

  it('breaches in the intervention window and cautions since release, against prop.test, survfit and survdiff', () => {
    const b = m.breaches!;
    const r = R.breaches;
    expect([b.overall.k, b.overall.n]).toEqual([r.k, r.n]);
    expectAllCloseToR(b.overall.ci, r.ci, 'breach Wilson interval');
    expectCloseToR(b.breachesPerPerson.mean, r.mean, 'breaches per person');
    expect(b.breachesPerPerson.distribution).toEqual(r.distribution);
    expect(b.breachesInWindow).toBe(r.inWindow);
    expect(b.timeToFirstBreach.time).toEqual(r.km.time);
    expect(b.timeToFirstBreach.nRisk).toEqual(r.km.nRisk);
    expect(b.timeToFirstBreach.nEvent).toEqual(r.km.nEvent);
    expectAllCloseToR(b.timeToFirstBreach.survival, r.km.survival, 'time to first breach');
    expectAllCloseToR(b.timeToFirstBreach.lower, r.km.lower, 'time to first breach, lower');
    expectAllCloseToR(b.timeToFirstBreach.upper, r.km.upper, 'time to first breach, upper');
    for (const g of r.byGroup) {
      const mine = b.comparison.byGroup.find((x) => x.group === g.group)!;
      expect([mine.k, mine.n]).toEqual([g.k, g.n]);
      expectAllCloseToR(mine.ci, g.ci, `breach ${g.group}`);
    }
    const lr = b.timeToFirstBreachByGroup.logRank!;
    expectCloseToR(lr.chiSquare, r.logRank.chiSquare, 'breach log-rank');
    expect(lr.df).toBe(r.logRank.df);
    expectCloseToR(lr.p, r.logRank.p, 'breach log-rank p');
    const c = m.cautions!;
    expect([c.overall.k, c.overall.n, c.cautions]).toEqual([R.cautions.k, R.cautions.n, R.cautions.cautions]);
    expectAllCloseToR(c.overall.ci, R.cautions.ci, 'caution Wilson interval');
    expect(c.countedAsReconvictions).toBe(false);
  });
});
