/**
 * Every committed sample is valid under records.md with no warnings, and no
 * cell anywhere looks like a real identifier, checked with the test's own
 * reading of the rules.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { dayOf, readCsv, type Row } from './csv-read.js';

const root = fileURLToPath(new URL('../../data-samples/', import.meta.url));
const offences = readCsv(`${root}offences.csv`);
const codes = new Set(offences.map((o) => o.code));

/** Identifier shapes the privacy guard refuses (records.md), written independently of the loader. */
const IDENTIFIER_SHAPES: ReadonlyArray<readonly [string, RegExp]> = [
  ['PNC ID', /\b\d{2,4}\/\d{1,7}[A-Z]\b/i],
  ['NI number', /\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]?\b/i],
  ['NOMIS number', /\b[A-Z]\d{4}[A-Z]{2}\b/i],
  ['nDelius CRN', /\b[A-Z]\d{6}\b/i],
  ['email', /[^\s@]+@[^\s@]+\.[^\s@]+/],
  ['postcode', /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i],
];

function identifierShapes(text: string): string[] {
  return IDENTIFIER_SHAPES.filter(([, re]) => re.test(text)).map(([name]) => `${name}: ${text}`);
}

describe('offence lookup', () => {
  it('has unique codes, the closed vocabularies, positive severities, and a stated severity source', () => {
    expect(offences.length).toBeGreaterThanOrEqual(60);
    expect(offences.length).toBeLessThanOrEqual(100);
    expect(codes.size).toBe(offences.length);
    const cats = ['violent', 'sexual', 'acquisitive', 'drugs', 'weapons', 'public_order', 'motoring', 'other'];
    for (const o of offences) {
      expect(cats).toContain(o.category);
      expect(['indictable_only', 'either_way', 'summary']).toContain(o.mode_of_trial);
      expect(Number(o.severity)).toBeGreaterThan(0);
    }
    const groups = new Set(offences.map((o) => o.group));
    for (const g of [
      'violence against the person',
      'sexual offences',
      'robbery',
      'theft offences',
      'criminal damage and arson',
      'drug offences',
      'possession of weapons',
      'public order offences',
      'miscellaneous crimes against society',
      'fraud offences',
      'summary non-motoring',
      'summary motoring',
    ]) {
      expect(groups).toContain(g);
    }
    const comments = readFileSync(`${root}offences.csv`, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('#'));
    expect(comments.join(' ')).toMatch(/Crime Severity Score/);
    expect(comments.join(' ')).toMatch(/APPROXIMATE/);
  });

  it('puts well-known offences under the right mode of trial', () => {
    const mode = new Map(offences.map((o) => [o.code, o.mode_of_trial]));
    expect(mode.get('VAP-MURDER')).toBe('indictable_only');
    expect(mode.get('VAP-GBH-S18')).toBe('indictable_only');
    expect(mode.get('VAP-GBH-S20')).toBe('either_way');
    expect(mode.get('SNM-COMMON-ASSAULT')).toBe('summary');
    expect(mode.get('ROB-ROBBERY')).toBe('indictable_only');
    expect(mode.get('SEX-RAPE-16')).toBe('indictable_only');
    expect(mode.get('THF-BURG-DWELLING')).toBe('either_way');
    expect(mode.get('SMO-DISQUALIFIED')).toBe('summary');
  });
});

describe.each(['resettle', 'south-wales', 'national', 'iom', 'cohort-deaths', 'resettle/pool', 'iom/pool'])('%s sample', (name) => {
  // a comparison pool (comparison.md) shares its sample's study file and leaves `service` blank
  const pool = name.endsWith('/pool');
  const people = readCsv(`${root}${name}/people.csv`);
  const events = readCsv(`${root}${name}/events.csv`);
  const study = JSON.parse(readFileSync(`${root}${name.replace(/\/pool$/, '')}/study.json`, 'utf8'));
  const extraction = dayOf(study.extractionDate);
  const byId = new Map(people.map((p) => [p.person_id, p]));
  const eventsOf = new Map<string, Row[]>();
  for (const e of events) eventsOf.set(e.person_id, [...(eventsOf.get(e.person_id) ?? []), e]);
  const F = (p: Row) => (p.follow_up_end === '' ? extraction : dayOf(p.follow_up_end));

  it('has a complete study file', () => {
    expect(Object.keys(study).sort()).toEqual(
      [
        'title',
        'people',
        'events',
        'offences',
        'extractionDate',
        ...(study.snapshotDate ? ['snapshotDate'] : []),
        ...(study.options ? ['options'] : []),
        ...(study.instruments ? ['assessments', 'instruments'] : []),
        ...(study.comparison ? ['comparison'] : []),
        ...(study.value ? ['value'] : []),
      ].sort(),
    );
    expect(study.people).toBe('people.csv');
    expect(study.events).toBe('events.csv');
    expect(study.offences).toBe('../offences.csv');
  });

  it('people rows satisfy every records.md rule', () => {
    expect(byId.size).toBe(people.length);
    for (const p of people) {
      const where = `${name} ${p.person_id}`;
      expect(p.person_id, where).toMatch(pool ? /^c\d{5}$/ : /^p\d{5}$/);
      if (pool) expect(p.service, where).toBe('');
      else expect(p.service, where).not.toBe('');
      expect(codes.has(p.index_offence), where).toBe(true);
      expect(['', 'male', 'female', 'other', 'unknown'], where).toContain(p.sex);
      expect(['true', 'false'], where).toContain(p.included);
      if (p.included === 'false') expect(p.exclusion_reason, where).not.toBe('');
      const r = dayOf(p.release_date);
      const start = dayOf(p.in_reach_start);
      const end = dayOf(p.service_end);
      if (p.in_reach_start !== '' && p.release_date !== '') expect(start, where).toBeLessThanOrEqual(r);
      if (p.service_end !== '') {
        expect(end, where).toBeGreaterThanOrEqual(p.release_date !== '' ? r : start);
        expect(['completed', 'recalled', 'disengaged', 'transferred', 'died', 'other'], where).toContain(p.end_reason);
        expect(end, where).toBeLessThanOrEqual(F(p));
      } else expect(p.end_reason, where).toBe('');
      if (p.release_date !== '') expect(r, where).toBeLessThanOrEqual(F(p));
      if (p.age_at_release !== '') expect(Number(p.age_at_release)).toBeGreaterThanOrEqual(10);
      if (p.aces !== '') expect(Number(p.aces)).toBeLessThanOrEqual(10);
    }
  });

  it('event rows are valid and raise no warnings', () => {
    const seen = new Set<string>();
    for (const e of events) {
      const where = `${name} ${JSON.stringify(e)}`;
      const p = byId.get(e.person_id);
      expect(p, where).toBeDefined();
      const key = Object.values(e).join('|');
      expect(seen.has(key), `duplicate ${where}`).toBe(false);
      seen.add(key);
      expect(['recall', 'rerelease', 'conviction', 'caution', 'breach', 'death'], where).toContain(e.type);
      expect(dayOf(e.date), where).toBeLessThanOrEqual(F(p!));
      if (e.type === 'conviction' || e.type === 'caution') {
        expect(codes.has(e.offence), where).toBe(true);
        expect(dayOf(e.conviction_date), where).toBeGreaterThanOrEqual(dayOf(e.date));
      } else {
        expect(e.offence + e.conviction_date, where).toBe('');
      }
      if (e.type !== 'recall') expect(e.recall_reasons, where).toBe('');
      for (const reason of e.recall_reasons === '' ? [] : e.recall_reasons.split(';')) {
        expect(['further_charge', 'non_compliance', 'failed_to_keep_in_touch', 'failed_to_reside', 'drugs_alcohol', 'other'], where).toContain(reason);
      }
      if (e.type !== 'caution' && e.type !== 'breach') {
        expect(p!.release_date, where).not.toBe('');
        expect(dayOf(e.date), where).toBeGreaterThanOrEqual(dayOf(p!.release_date));
      }
      if (e.type === 'rerelease') {
        const recalls = eventsOf.get(e.person_id)!.filter((x) => x.type === 'recall' && x.date <= e.date);
        expect(recalls.length, `rerelease without an earlier recall ${where}`).toBeGreaterThan(0);
      }
    }
    // one death per person at most, and nothing after it: no event, release or service end
    for (const p of people) {
      const mine = eventsOf.get(p.person_id) ?? [];
      const deaths = mine.filter((e) => e.type === 'death');
      expect(deaths.length, `${name} ${p.person_id} deaths`).toBeLessThanOrEqual(1);
      if (deaths.length === 0) continue;
      const death = dayOf(deaths[0].date);
      for (const e of mine) {
        expect(dayOf(e.date), `${name} ${p.person_id} ${e.type} ${e.date}`).toBeLessThanOrEqual(death);
        if (e.conviction_date !== '') expect(dayOf(e.conviction_date)).toBeLessThanOrEqual(death);
      }
      if (p.release_date !== '') expect(dayOf(p.release_date)).toBeLessThanOrEqual(death);
      if (p.service_end !== '') expect(dayOf(p.service_end)).toBeLessThanOrEqual(death);
    }
    // a completed service leaves no recall without a later rerelease
    for (const p of people.filter((x) => x.end_reason === 'completed')) {
      const mine = eventsOf.get(p.person_id) ?? [];
      for (const rc of mine.filter((e) => e.type === 'recall')) {
        expect(
          mine.some((e) => e.type === 'rerelease' && e.date >= rc.date),
          `${name} ${p.person_id} ${rc.date}`,
        ).toBe(true);
      }
    }
  });

  it('has no value shaped like a real identifier', () => {
    const text = [
      readFileSync(`${root}${name}/people.csv`, 'utf8'),
      readFileSync(`${root}${name}/events.csv`, 'utf8'),
      readFileSync(`${root}offences.csv`, 'utf8'),
    ];
    const cells = text.flatMap((t) => t.split(/[\n,]/));
    expect(cells.flatMap(identifierShapes)).toEqual([]);
  });
});

describe('identifier shapes used above', () => {
  it('catch the real shapes and pass the study ids', () => {
    for (const bad of ['A1234BC', 'X123456', '2004/0123456X', 'QQ123456C', 'someone@example.org', 'CF10 1AA', 'L1 8JQ']) {
      expect(identifierShapes(bad), bad).not.toEqual([]);
    }
    for (const ok of ['p00017', 'p03360', 'VAP-GBH-S18', '2019-12-31', 'Tier 2', 'Resettle (Liverpool)']) {
      expect(identifierShapes(ok), ok).toEqual([]);
    }
  });
});
