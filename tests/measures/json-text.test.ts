import { describe, expect, it } from 'vitest';
import { computeMeasures } from '../../src/measures/index.js';
import { formatMeasuresText, toJsonDocument } from '../../src/output/index.js';
import { TOOLKIT_VERSION } from '../../src/version.js';
import { conviction, days, makeStudy, person, recall, rerelease, wilson } from './helpers.js';

const study = makeStudy(
  [
    person('ID-ALPHA-1', {
      service: 'North',
      index_offence: 'V1',
      in_reach_start: '2019-07-01',
      release_date: '2020-01-01',
      service_end: '2020-12-31',
      aces: '5',
    }),
    person('ID-BRAVO-2', { service: 'North', index_offence: 'S1', release_date: '2020-03-01' }),
    person('ID-CHARLIE-3', { service: 'South', index_offence: 'V2', release_date: '2020-06-01', service_end: '2021-01-31', end_reason: 'disengaged' }),
    person('ID-DELTA-4', { service: 'South', index_offence: 'T1', release_date: '2020-01-15' }),
    person('ID-ECHO-5', { service: 'East', included: 'false', exclusion_reason: 'moved area', in_reach_start: '2021-06-01' }),
  ],
  [
    recall('ID-ALPHA-1', '2020-02-01', 'non_compliance'),
    rerelease('ID-ALPHA-1', '2020-03-01'),
    recall('ID-CHARLIE-3', '2020-08-01'),
    conviction('ID-BRAVO-2', '2020-05-01', '2020-07-01', 'T1'),
    conviction('ID-DELTA-4', '2021-01-10', '2021-03-01', 'V1'),
  ],
  '2021-12-31',
  '2021-07-01',
);
/** A proportion of json-output.md: k of n, with its interval. */
interface ProportionJson {
  k: number;
  n: number;
  proportion: number | null;
  ci: [number, number] | null;
}
const CURVE_ARRAYS = ['time', 'nRisk', 'nEvent', 'nCensor', 'survival', 'lower', 'upper'] as const;
type CurveJson = { [key in (typeof CURVE_ARRAYS)[number]]: number[] } & { median: number | null };
interface CurvesJson {
  groupBy: string;
  curves: { group: string; curve: CurveJson }[];
}
interface SplitJson {
  k: number;
  ofCohort: ProportionJson;
  ofReconvicted: ProportionJson;
}

/** The parts of json-output.md's document these tests read (the values are checked below, not assumed). */
interface DocumentJson {
  toolkitVersion: string;
  extractionDate: string;
  options: { [option: string]: unknown; snapshotDate: string | null };
  dataQuality: { people: unknown; events: unknown; warnings: unknown };
  flow: unknown;
  recall: {
    window: string;
    groupBy: string;
    overall: ProportionJson;
    byGroup: (ProportionJson & { group: string })[];
    fisherP: number | null;
    chiSquareP: number | null;
    recallsPerPerson: unknown;
    reasons: unknown;
    timeToFirstRecall: CurveJson;
    timeToFirstRecallByGroup: CurvesJson;
  };
  reconviction: { window: string; overall: ProportionJson; seriousness: unknown; indictable: SplitJson; indictableOnly: SplitJson };
  desistance: {
    from: string;
    overall: ProportionJson;
    followUpMonths: { min: number; median: number; max: number };
    convictionFree: CurveJson;
    convictionFreeByGroup: CurvesJson;
  };
  provenReoffending: {
    windowMonths: number;
    eligible: number;
    tooShort: number;
    overall: ProportionJson;
    reoffencesPerPerson: number | null;
    reoffencesPerReoffender: number | null;
  };
  timeInService: {
    inReachMonths: { n: number };
    communityMonths: { n: number };
    ongoing: number;
    endReasons: Record<string, number>;
    kmMedianMonths: number | null;
  };
  snapshot: unknown;
  description: { overall: { n: number; categorical: Record<string, unknown> }; byGroup: { group: string }[] };
}

/** The document as another tool reads it: written out as JSON text and parsed back. */
const parsed = (document: ReturnType<typeof toJsonDocument>): DocumentJson => JSON.parse(JSON.stringify(document));

const m = computeMeasures(study);
const doc = parsed(toJsonDocument(m));

const isProportion = (p: ProportionJson) => {
  expect(Object.keys(p).sort()).toEqual(['ci', 'k', 'n', 'proportion'].sort());
  expect(Number.isInteger(p.k) && Number.isInteger(p.n)).toBe(true);
  if (p.n === 0) {
    expect(p.proportion).toBeNull();
    expect(p.ci).toBeNull();
  } else {
    expect(p.proportion).toBeGreaterThanOrEqual(0);
    expect(p.proportion).toBeLessThanOrEqual(1);
    expect(p.ci).toHaveLength(2);
  }
};
const isSummary = (s: unknown) => {
  for (const key of ['n', 'mean', 'sd', 'median', 'q1', 'q3', 'min', 'max']) expect(s).toHaveProperty(key);
};
const isCurve = (c: CurveJson) => {
  for (const key of CURVE_ARRAYS) expect(Array.isArray(c[key])).toBe(true);
  for (const key of CURVE_ARRAYS) expect(c[key]).toHaveLength(c.time.length);
  expect(c).toHaveProperty('median');
};

describe('JSON document (json-output.md)', () => {
  it('has the top-level keys, version, extraction date and every option', () => {
    for (const key of [
      'toolkitVersion',
      'extractionDate',
      'options',
      'dataQuality',
      'flow',
      'recall',
      'reconviction',
      'desistance',
      'provenReoffending',
      'timeInService',
      'snapshot',
    ]) {
      expect(doc).toHaveProperty(key);
    }
    expect(doc.toolkitVersion).toBe(TOOLKIT_VERSION);
    expect(doc.extractionDate).toBe('2021-12-31');
    // The defaults of measures.md, and the snapshot date the study was given.
    expect(doc.options).toEqual({
      recallWindow: 'intervention',
      reconvictionWindow: 'since_release',
      includeCautions: false,
      desistanceFrom: 'release',
      provenWindowMonths: 12,
      interval: 'wilson',
      kmConfType: 'log',
      groupBy: 'category',
      snapshotDate: '2021-07-01',
    });
  });

  it('states the options in force, not the defaults, when every option is changed', () => {
    const chosen = {
      recallWindow: 'licence',
      reconvictionWindow: 'after_intervention',
      includeCautions: true,
      desistanceFrom: 'service_end',
      provenWindowMonths: 24,
      interval: 'clopper-pearson',
      kmConfType: 'log-log',
      groupBy: 'service',
    } as const;
    const changed = parsed(toJsonDocument(computeMeasures(study, chosen)));
    expect(changed.options).toEqual({ ...chosen, snapshotDate: '2021-07-01' });
    expect(changed.recall.window).toBe('licence');
    expect(changed.recall.groupBy).toBe('service');
    expect(changed.reconviction.window).toBe('after_intervention');
    expect(changed.desistance.from).toBe('service_end');
    expect(changed.provenReoffending.windowMonths).toBe(24);
    const without = makeStudy([person('A', { release_date: '2020-01-01' })], [], '2021-12-31');
    expect(parsed(toJsonDocument(computeMeasures(without))).options.snapshotDate).toBeNull();
  });

  it('has data quality and flow counts', () => {
    expect(doc.dataQuality.people).toEqual({ read: 5, used: 5, quarantined: 0 });
    expect(doc.dataQuality.events).toEqual({ read: 5, used: 5, quarantined: 0 });
    expect(typeof doc.dataQuality.warnings).toBe('object');
    expect(doc.flow).toMatchObject({ people: 5, excluded: { 'moved area': 1 }, included: 4, notYetReleased: 0, cohort: 4 });
  });

  it('has recall with its groups and tests at the recall level', () => {
    const r = doc.recall;
    isProportion(r.overall);
    expect([r.overall.k, r.overall.n, r.overall.proportion]).toEqual([2, 4, 0.5]);
    expect(r.overall.ci?.[0]).toBeCloseTo(wilson(2, 4)[0], 12);
    expect(r.groupBy).toBe('category');
    expect(r.byGroup.map((g) => [g.group, g.k, g.n])).toEqual([
      ['violent', 2, 2],
      ['sexual', 0, 1],
      ['acquisitive', 0, 1],
    ]);
    for (const g of r.byGroup) isProportion({ k: g.k, n: g.n, proportion: g.proportion, ci: g.ci });
    // Column totals 2 and 2: the tables (2,0,0) and (0,1,1) recalled have probability 1/6 each.
    expect(r.fisherP).toBeCloseTo(1 / 3, 10);
    // Expected counts 1 | 0.5 | 0.5 per cell: chi-square 4 on 2 df, p = exp(−2).
    expect(r.chiSquareP).toBeCloseTo(Math.exp(-2), 10);
    expect(r.recallsPerPerson).toEqual({ mean: 0.5, distribution: { '0': 2, '1': 2, '2': 0, '3+': 0 } });
    expect(r.reasons).toEqual({ further_charge: 0, non_compliance: 1, failed_to_keep_in_touch: 0, failed_to_reside: 0, drugs_alcohol: 0, other: 0, none: 1 });
    isCurve(r.timeToFirstRecall);
    expect(r.timeToFirstRecallByGroup.groupBy).toBe('category');
    for (const c of r.timeToFirstRecallByGroup.curves) isCurve(c.curve);
  });

  it('has reconviction with seriousness and both indictable splits', () => {
    const c = doc.reconviction;
    expect(c.window).toBe('since_release');
    isProportion(c.overall);
    expect([c.overall.k, c.overall.n]).toEqual([2, 4]);
    // BRAVO: T1 (10) after S1 (200): less. DELTA: V1 (100) after T1 (10): more.
    expect(c.seriousness).toEqual({ more: 1, same: 0, less: 1 });
    for (const key of ['indictable', 'indictableOnly'] as const) {
      expect(Number.isInteger(c[key].k)).toBe(true);
      isProportion(c[key].ofCohort);
      isProportion(c[key].ofReconvicted);
    }
    expect(c.indictable.ofReconvicted.n).toBe(2);
    expect(c.indictableOnly.k).toBe(1);
  });

  it('has desistance, proven reoffending and time in service', () => {
    const d = doc.desistance;
    expect(d.from).toBe('release');
    isProportion(d.overall);
    // ALPHA and CHARLIE were never convicted.
    expect([d.overall.k, d.overall.n]).toEqual([2, 4]);
    expect(Object.keys(d.followUpMonths).sort()).toEqual(['max', 'median', 'min']);
    // F − r: ALPHA 730, BRAVO 670, CHARLIE 578, DELTA 716 days.
    const lengths = [days('2020-01-01', '2021-12-31'), days('2020-03-01', '2021-12-31'), days('2020-06-01', '2021-12-31'), days('2020-01-15', '2021-12-31')];
    expect(lengths).toEqual([730, 670, 578, 716]);
    expect(d.followUpMonths.min).toBeCloseTo(578 / 30.4375, 12);
    expect(d.followUpMonths.median).toBeCloseTo((670 + 716) / 2 / 30.4375, 12);
    expect(d.followUpMonths.max).toBeCloseTo(730 / 30.4375, 12);
    isCurve(d.convictionFree);
    expect(d.convictionFreeByGroup.curves.map((c) => c.group)).toEqual(['violent', 'sexual', 'acquisitive']);
    const p = doc.provenReoffending;
    expect(p.windowMonths).toBe(12);
    // Everyone's c = r + 18 months is by 2021-12-01 ≤ F; BRAVO (offence 2020-05-01) and DELTA
    // (2021-01-10, the day before w = 2021-01-15) reoffended, each convicted before c.
    expect([p.eligible, p.tooShort]).toEqual([4, 0]);
    isProportion(p.overall);
    expect([p.overall.k, p.overall.n]).toEqual([2, 4]);
    expect(p.reoffencesPerPerson).toBe(0.5);
    expect(p.reoffencesPerReoffender).toBe(1);
    const t = doc.timeInService;
    isSummary(t.inReachMonths);
    isSummary(t.communityMonths);
    expect(t.inReachMonths.n).toBe(1);
    expect(t.ongoing).toBe(2);
    expect(t.endReasons.disengaged).toBe(1);
    expect(t.kmMedianMonths === null || typeof t.kmMedianMonths === 'number').toBe(true);
  });

  it('has the snapshot with every service, and null when no date was given', () => {
    // On 2021-07-01: ALPHA ended; BRAVO, CHARLIE (ended 2021-01-31: no), DELTA in the community; ECHO in custody (in-reach).
    expect(doc.snapshot).toEqual({
      date: '2021-07-01',
      inCustody: 1,
      inCommunity: 2,
      total: 3,
      byService: [
        { service: 'East', inCustody: 1, inCommunity: 0, total: 1 },
        { service: 'North', inCustody: 0, inCommunity: 1, total: 1 },
        { service: 'South', inCustody: 0, inCommunity: 1, total: 1 },
      ],
    });
    const without = makeStudy([person('A', { release_date: '2020-01-01' })], [recall('A', '2020-02-01')], '2021-12-31');
    expect(toJsonDocument(computeMeasures(without)).snapshot).toBeNull();
  });

  it('gives the cohort description with fractions, like every proportion in the document', () => {
    expect(doc.description.overall.n).toBe(4);
    expect(doc.description.overall.categorical.category).toEqual([
      { value: 'violent', count: 2, proportion: 0.5 },
      { value: 'sexual', count: 1, proportion: 0.25 },
      { value: 'acquisitive', count: 1, proportion: 0.25 },
    ]);
    expect(doc.description.byGroup.map((g) => g.group)).toEqual(['violent', 'sexual', 'acquisitive']);
  });

  it('writes numbers only (no NaN or Infinity) and dates as YYYY-MM-DD', () => {
    const text = JSON.stringify(toJsonDocument(m));
    expect(text).not.toMatch(/NaN|Infinity/);
    expect(doc.extractionDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('text summary', () => {
  const text = formatMeasuresText(m);

  it('states each figure in plain words with its interval', () => {
    const [lo, hi] = wilson(2, 4).map((x) => (100 * x).toFixed(1));
    expect(text).toContain(`Recalled at least once: 2 of 4 (50.0%, 95% CI ${lo}%–${hi}%)`);
    expect(text).toContain('Reconvicted: 2 of 4');
    expect(text).toContain('window "intervention"');
    expect(text).toContain('window "since_release"');
    expect(text).toContain('cautions not included');
    expect(text).toContain('Caseload on 2021-07-01');
  });

  it('describes the cohort by every column of measures.md, tier and index offence group included', () => {
    expect(text).toContain('  Tier: not recorded 4 (100%)\n');
    expect(text).toContain('  Index offence category: violent 2 (50%), sexual 1 (25%), acquisitive 1 (25%)\n');
    expect(text).toContain('  Index offence group: sexual offences 1 (25%), theft 1 (25%), violence against the person 2 (50%)\n');
  });

  it('never prints a person_id', () => {
    for (const id of ['ID-ALPHA-1', 'ID-BRAVO-2', 'ID-CHARLIE-3', 'ID-DELTA-4', 'ID-ECHO-5']) {
      expect(text).not.toContain(id);
      expect(JSON.stringify(toJsonDocument(m))).not.toContain(id);
    }
  });
});
