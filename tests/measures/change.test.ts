/**
 * Individual outcome change (change.md) against R (tests/fixtures/r/change.R):
 * seeded studies with an instrument scored lower-is-better with both norms (c),
 * one higher-is-better with only a clinical norm and an sd given (a), one with
 * only a functional norm (b) and one without norms; people with no assessment,
 * one only, assessments after F, pre already in the functional range, a group
 * with nobody analysed; and written-out edges (every change equal, a group of one,
 * a score exactly on the cut-off).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeMeasures } from '../../src/measures/index.js';
import { changeJson } from '../../src/output/change-json.js';
import type { Json } from '../../src/output/json-values.js';
import { type RowsInput, studyFromRows } from '../../src/records/index.js';
import { checkInstruments } from '../../src/study/instruments.js';

/** A proportion of change.md's JSON: k of n. */
interface ProportionJson {
  k: number;
  n: number;
  proportion: number | null;
  ci: [number, number] | null;
}

/** One instrument's change for the cohort or a group (change.md's JSON; R's fixture has the same keys). */
interface ChangeSummaryJson {
  cohort: number;
  noAssessment: number;
  noFollowUp: number;
  oneDayOnly: number;
  n: number;
  sdChange: number | null;
  t?: number | null;
  categories: {
    recovered?: ProportionJson;
    improved: ProportionJson;
    noReliableChange: ProportionJson;
    deteriorated: ProportionJson;
    notClinicalAtStart: ProportionJson;
  };
}

interface InstrumentChangeJson {
  cutOff?: { rule: string } | null;
  sSource: string;
  overall: ChangeSummaryJson;
  byGroup: (ChangeSummaryJson & { group: string })[];
}

/** A case of tests/fixtures/r/change.json: the rows R was given, and what it computed per instrument. */
interface ChangeCase {
  seed?: number;
  extractionDate: string;
  groupBy: string;
  instruments: Record<string, { better: string }>;
  people: RowsInput & unknown[];
  assessments: RowsInput & unknown[];
  expected: Record<string, InstrumentChangeJson>;
}

const fixture = JSON.parse(readFileSync('tests/fixtures/r/change.json', 'utf8')) as { cases: ChangeCase[] };

/** changeJson's value read by the keys change.md gives it (`agree` checks it against R key by key). */
function changeByInstrument(json: Json): Record<string, InstrumentChangeJson> {
  return json as unknown as Record<string, InstrumentChangeJson>;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** Every number of `expected` (R) equals `actual` to 1e-10 relative; R's missing keys and NA are null. */
function agree(actual: unknown, expected: unknown, path: string): void {
  if (expected === null || expected === undefined) {
    expect(actual ?? null, path).toBeNull();
    return;
  }
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    expect(Math.abs(Number(actual) - expected), `${path}: ${actual} vs R ${expected}`).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(expected)));
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    const list = actual as unknown[];
    expect(list.length, path).toBe(expected.length);
    expected.forEach((x, i) => agree(list[i], x, `${path}[${i}]`));
    return;
  }
  if (typeof expected === 'object') {
    for (const [k, v] of Object.entries(expected)) agree(isRecord(actual) ? actual[k] : undefined, v, `${path}.${k}`);
    return;
  }
  expect(actual, path).toBe(expected);
}

describe('individual change against R', () => {
  for (const c of fixture.cases) {
    it(`seed ${c.seed ?? 'edges'}`, () => {
      const instruments = checkInstruments(c.instruments, 'instruments');
      const study = studyFromRows({ people: c.people, events: [], assessments: c.assessments }, { extractionDate: c.extractionDate, instruments });
      expect(study.quality.assessments).toEqual({ read: c.assessments.length, used: c.assessments.length, quarantined: 0 });
      const m = computeMeasures(study, { groupBy: c.groupBy });
      const json = changeByInstrument(changeJson(m.change));
      expect(Object.keys(json)).toEqual(Object.keys(c.instruments));
      for (const [name, expected] of Object.entries(c.expected)) {
        agree(json[name], expected, name);
        // Every category's denominator is n analysed, and they add up to it.
        const o = json[name].overall;
        const cats = o.categories;
        const sum = (cats.recovered?.k ?? 0) + cats.improved.k + cats.noReliableChange.k + cats.deteriorated.k;
        expect(sum).toBe(o.n);
        expect(o.cohort).toBe(o.noFollowUp + o.n);
      }
    });
  }

  it('the cases cover what the spec asks', () => {
    const seeded = fixture.cases[0].expected;
    expect(seeded.wellbeing.cutOff?.rule).toBe('c');
    expect(seeded.goals.cutOff?.rule).toBe('a');
    expect(seeded.goals.sSource).toBe('instrument');
    expect(seeded.distress.cutOff?.rule).toBe('b');
    expect(seeded.confidence.cutOff ?? null).toBeNull();
    expect(fixture.cases[0].instruments.goals.better).toBe('higher');
    expect(seeded.goals.overall.categories.notClinicalAtStart.k).toBeGreaterThan(0);
    expect(seeded.wellbeing.overall.oneDayOnly).toBeGreaterThan(0);
    expect(seeded.wellbeing.overall.noAssessment).toBeGreaterThan(0);
    expect(seeded.wellbeing.byGroup.find((g) => g.group === 'Tier 4')?.n).toBe(0);
    const edges = fixture.cases[2].expected.goals.overall;
    expect(edges.sdChange).toBe(0);
    expect(edges.t ?? null).toBeNull();
  });

  it('is null without instruments, and the JSON of a group with nobody analysed has null means', () => {
    const c = fixture.cases[2];
    const plain = studyFromRows({ people: c.people, events: [] }, { extractionDate: c.extractionDate });
    expect(computeMeasures(plain).change).toBeNull();
    const study = studyFromRows(
      { people: c.people, events: [], assessments: c.assessments },
      { extractionDate: c.extractionDate, instruments: checkInstruments(c.instruments, 'i') },
    );
    const tier4 = changeByInstrument(changeJson(computeMeasures(study, { groupBy: 'tier' }).change)).goals.byGroup[2];
    expect(tier4).toMatchObject({ group: 'Tier 4', cohort: 1, noAssessment: 1, n: 0, meanPre: null, meanChange: null, ci: null });
    expect(tier4.categories.improved).toEqual({ k: 0, n: 0, proportion: null, ci: null });
  });
});
