/**
 * A hand-built StudyMeasures (and the Study it came from) for page and chart
 * tests, shaped like the Resettle follow-up: 69 people, 45 in the cohort,
 * 27 recalled. Intervals are Wilson 95% intervals computed here from k and n.
 */
import * as aq from 'arquero';
import type { Curve, Proportion } from '../../src/stats/types.js';
import type { GroupComparison, StudyMeasures } from '../../src/measures/types.js';
import type { Study } from '../../src/study/study.js';
import { DEFAULT_MEASURE_OPTIONS } from '../../src/study/options.js';

const Z = 1.959963984540054;

/** Wilson score interval without continuity correction. */
export function wilson(k: number, n: number): Proportion {
  if (n === 0) return { k, n, proportion: null, ci: null };
  const p = k / n;
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { k, n, proportion: p, ci: [k === 0 ? 0 : centre - half, k === n ? 1 : centre + half] };
}

/** A Kaplan–Meier curve computed by hand from (day, event) pairs, with log-scale Greenwood limits. */
export function curveOf(data: [number, 0 | 1][]): Curve {
  const times = [...new Set(data.map((d) => d[0]))].sort((a, b) => a - b);
  const c: Curve = {
    time: [],
    nRisk: [],
    nEvent: [],
    nCensor: [],
    survival: [],
    stdErr: [],
    lower: [],
    upper: [],
    median: null,
    medianLower: null,
    medianUpper: null,
    confType: 'log',
  };
  let s = 1;
  let g = 0;
  for (const t of times) {
    const nRisk = data.filter((d) => d[0] >= t).length;
    const nEvent = data.filter((d) => d[0] === t && d[1] === 1).length;
    const nCensor = data.filter((d) => d[0] === t && d[1] === 0).length;
    s *= 1 - nEvent / nRisk;
    if (nRisk > nEvent) g += nEvent / (nRisk * (nRisk - nEvent));
    const se = Math.sqrt(g);
    c.time.push(t);
    c.nRisk.push(nRisk);
    c.nEvent.push(nEvent);
    c.nCensor.push(nCensor);
    c.survival.push(s);
    c.stdErr.push(s * se);
    c.lower.push(s > 0 ? s * Math.exp(-Z * se) : null);
    c.upper.push(s > 0 ? Math.min(1, s * Math.exp(Z * se)) : null);
    if (c.median == null && s < 0.5) c.median = t;
  }
  return c;
}

export function comparison(groups: [string, number, number][]): GroupComparison {
  const byGroup = groups.map(([group, k, n]) => ({ group, ...wilson(k, n) }));
  return {
    groupBy: 'category',
    byGroup,
    fisherP: 0.0123,
    fisherNote: null,
    chiSquare: { statistic: 6.1, df: 1, p: 0.0135, expected: [] },
    riskDifference: { estimate: 0.35, ci: [0.07, 0.56] },
    relativeRisk: { estimate: 2.1, ci: [1.05, 4.2] },
  };
}

/** Deterministic pseudo-random (day, event) data for a curve of n people. */
function synthCurve(n: number, seed: number, rate: number, maxDay: number): Curve {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const data: [number, 0 | 1][] = [];
  for (let i = 0; i < n; i++) {
    const t = Math.round(-Math.log(1 - next()) / rate);
    const c = Math.round(200 + next() * (maxDay - 200));
    data.push(t <= c ? [t, 1] : [c, 0]);
  }
  return curveOf(data);
}

export const XSS = '<img src=x onerror=alert(1)>';

/** Hand-built measures; `serviceNames` lets a test slip in a hostile name. */
export function fixtureMeasures(serviceNames: string[] = ['Resettle', 'South Wales', XSS]): StudyMeasures {
  const recallCurve = synthCurve(45, 7, 1 / 500, 1400);
  const services = serviceNames;
  return {
    toolkitVersion: '0.1.0',
    title: 'Resettle IIRMS follow-up',
    extractionDate: '2019-12-31',
    extractionDateInferred: false,
    options: { ...DEFAULT_MEASURE_OPTIONS },
    dataQuality: {
      people: { read: 70, used: 69, quarantined: 1 },
      events: { read: 240, used: 238, quarantined: 2 },
      warnings: { event_after_follow_up_end: 3, duplicate_event: 1 },
    },
    flow: {
      people: 69,
      excluded: { 'released before 2008': 14, 'transferred out': 6, 'died in custody': 2 },
      included: 47,
      notYetReleased: 2,
      cohort: 45,
      unusedByMeasure: { provenReoffending: [{ reason: 'follow-up too short', count: 3 }] },
    },
    description: {
      groupBy: null,
      overall: {
        group: null,
        n: 45,
        categorical: {
          sex: [
            { value: 'male', count: 43, percent: 43 / 45 },
            { value: 'female', count: 2, percent: 2 / 45 },
          ],
          ethnicity: [
            { value: 'White', count: 38, percent: 38 / 45 },
            { value: 'Black', count: 4, percent: 4 / 45 },
            { value: 'Mixed', count: 3, percent: 3 / 45 },
          ],
          tier: [],
          category: [
            { value: 'violent', count: 30, percent: 30 / 45 },
            { value: 'sexual', count: 15, percent: 15 / 45 },
          ],
          group: [
            { value: 'violence against the person', count: 28, percent: 28 / 45 },
            { value: 'robbery', count: 2, percent: 2 / 45 },
            { value: 'sexual offences', count: 15, percent: 15 / 45 },
          ],
        },
        numeric: {
          age_at_release: { n: 45, mean: 38.2, sd: 8.1, median: 37, q1: 32, q3: 44, min: 23, max: 58 },
          prior_convictions: { n: 45, mean: 17.1, sd: 9.4, median: 15, q1: 10, q3: 22, min: 2, max: 48 },
          custody_years_before_release: { n: 44, mean: 11.0, sd: 5.2, median: 10.5, q1: 7, q3: 14, min: 2.5, max: 26 },
          aces: { n: 40, mean: 5.1, sd: 2.0, median: 5, q1: 4, q3: 7, min: 1, max: 9 },
        },
        fourOrMoreAces: 33,
      },
      byGroup: [],
    },
    recall: {
      window: 'intervention',
      overall: wilson(27, 45),
      comparison: comparison([
        ['violent', 22, 30],
        ['sexual', 5, 15],
      ]),
      recallsPerPerson: { mean: 0.93, distribution: { '0': 18, '1': 16, '2': 8, '3+': 3 } },
      reasons: { further_charge: 6, non_compliance: 17, failed_to_keep_in_touch: 3, failed_to_reside: 5, drugs_alcohol: 9, other: 0, none: 4 },
      recallsInWindow: 42,
      timeToFirstRecall: recallCurve,
    },
    reconviction: {
      window: 'since_release',
      includeCautions: false,
      overall: wilson(16, 45),
      comparison: comparison([
        ['violent', 12, 30],
        ['sexual', 4, 15],
      ]),
      reconvictions: 29,
      perPerson: 29 / 45,
      perReconvicted: 29 / 16,
      seriousness: { more: 1, same: 3, less: 12 },
      indictable: { k: 7, ofCohort: wilson(7, 45), ofReconvicted: wilson(7, 16) },
      indictableOnly: { k: 2, ofCohort: wilson(2, 45), ofReconvicted: wilson(2, 16) },
      severityPairs: [
        ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((i) => ({
          index: 1500,
          reconviction: i % 3 === 0 ? 150 : 40,
          indexCategory: i <= 9 ? 'violent' : 'sexual',
        })),
        { index: 1500, reconviction: 1500, indexCategory: 'violent' },
        { index: 700, reconviction: 700, indexCategory: 'violent' },
        { index: 700, reconviction: 700, indexCategory: 'sexual' },
        { index: 400, reconviction: 1500, indexCategory: 'violent' },
      ],
      unused: [],
    },
    desistance: {
      from: 'release',
      overall: wilson(29, 45),
      comparison: comparison([
        ['violent', 18, 30],
        ['sexual', 11, 15],
      ]),
      followUpMonths: { min: 14.2, median: 61.5, max: 130.1 },
      convictionFree: synthCurve(45, 11, 1 / 1500, 3000),
      unused: [],
    },
    provenReoffending: {
      windowMonths: 12,
      waitingMonths: 6,
      eligible: 42,
      tooShort: 3,
      overall: wilson(9, 42),
      comparison: comparison([
        ['violent', 7, 28],
        ['sexual', 2, 14],
      ]),
      reoffences: 14,
      reoffencesPerPerson: 14 / 42,
      reoffencesPerReoffender: 14 / 9,
    },
    timeInService: {
      inReachMonths: { n: 41, mean: 7.2, sd: 2.1, median: 6.8, q1: 6.1, q3: 8.0, min: 3.9, max: 14.0 },
      communityMonths: { n: 40, mean: 18.9, sd: 6.3, median: 18.2, q1: 14.0, q3: 23.5, min: 2.1, max: 36.0 },
      ongoing: 5,
      endReasons: { completed: 22, recalled: 12, disengaged: 3, transferred: 2, died: 0, other: 1 },
      kmMedianMonths: 19.4,
      inService: synthCurve(45, 3, 1 / 600, 1100),
    },
    services: {
      services,
      measures: [
        {
          measure: 'recall',
          byService: [
            { group: services[0], ...wilson(27, 45) },
            { group: services[1], ...wilson(9, 30) },
            { group: services[2], ...wilson(3, 12) },
          ],
          pooled: wilson(39, 87),
          funnel: Array.from({ length: 45 }, (_, i) => {
            const n = i + 1;
            const p0 = 39 / 87;
            const se = Math.sqrt((p0 * (1 - p0)) / n);
            const c = (v: number) => Math.min(1, Math.max(0, v));
            return { n, lower95: c(p0 - Z * se), upper95: c(p0 + Z * se), lower998: c(p0 - 3.090232306167813 * se), upper998: c(p0 + 3.090232306167813 * se) };
          }),
          fisherP: 0.021,
        },
      ],
      convictionFree: [
        { service: services[0], curve: synthCurve(45, 11, 1 / 1500, 3000) },
        { service: services[1], curve: synthCurve(30, 5, 1 / 900, 2500) },
        { service: services[2], curve: synthCurve(12, 9, 1 / 700, 2000) },
      ],
      logRank: { chiSquare: 4.2, df: 2, p: 0.122 },
    },
    snapshot: {
      date: '2019-06-30',
      inCustody: 12,
      inCommunity: 25,
      total: 37,
      byService: [
        { service: services[0], inCustody: 8, inCommunity: 16, total: 24 },
        { service: services[1], inCustody: 3, inCommunity: 7, total: 10 },
        { service: services[2], inCustody: 1, inCommunity: 2, total: 3 },
      ],
    },
  };
}

/** A Study with just what the page reads (title, dates, inputs, quality, offences). */
export function fixtureStudy(): Study {
  const empty = aq.table({});
  return {
    title: 'Resettle IIRMS follow-up',
    extractionDate: 18261, // 2019-12-31
    extractionDateInferred: false,
    snapshotDate: 18077, // 2019-06-30
    people: empty,
    events: empty,
    offences: {
      table: empty,
      code: [],
      label: [],
      group: [],
      category: [],
      modeOfTrial: [],
      severity: new Float64Array(0),
      rowOf: new Map(),
      severitySource: 'ONS Crime Severity Score (approximate weights)',
    },
    personStart: new Int32Array(1),
    quality: {
      people: { read: 70, used: 69, quarantined: 1 },
      events: { read: 240, used: 238, quarantined: 2 },
      warnings: { event_after_follow_up_end: 3, duplicate_event: 1 },
      problems: [],
      quarantineFile: null,
    },
    inputs: [
      { role: 'people', path: 'people.csv', sha256: 'a'.repeat(64), bytes: 5120 },
      { role: 'events', path: 'events.csv', sha256: 'b'.repeat(64), bytes: 10240 },
      { role: 'offences', path: '../offences.csv', sha256: 'c'.repeat(64), bytes: 2048 },
    ],
    allowColumns: [],
  };
}
