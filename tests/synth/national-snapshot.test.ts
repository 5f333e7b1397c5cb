/**
 * The national sample reproduces the Ministry of Justice's ad hoc IIRMS
 * statistics: on 2024-01-30, 1,020 people in service, 358 in custody and 662 in
 * the community, by the snapshot rule of measures.md, computed here from the
 * committed CSV files with the test's own code.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { dayOf, readCsv, type Row } from './csv-read.js';

const dir = fileURLToPath(new URL('../../data-samples/national/', import.meta.url));
const people = readCsv(`${dir}people.csv`);
const events = readCsv(`${dir}events.csv`);
const study = JSON.parse(readFileSync(`${dir}study.json`, 'utf8'));
const D = dayOf('2024-01-30');

const eventsBy = new Map<string, Row[]>();
for (const e of events) eventsBy.set(e.person_id, [...(eventsBy.get(e.person_id) ?? []), e]);

/** 'custody', 'community' or null (not in service on day d). */
function statusOn(p: Row, d: number): 'custody' | 'community' | null {
  const r = dayOf(p.release_date);
  const started = dayOf(p.in_reach_start) <= d || r <= d; // NaN compares false
  const ended = p.service_end !== '' && dayOf(p.service_end) < d;
  if (!started || ended) return null;
  if (p.release_date === '' || d < r) return 'custody';
  const upToD = (eventsBy.get(p.person_id) ?? []).filter((e) => dayOf(e.date) <= d);
  const recalls = upToD.filter((e) => e.type === 'recall' && dayOf(e.date) >= r).map((e) => dayOf(e.date));
  if (recalls.length === 0) return 'community';
  const latest = Math.max(...recalls);
  // on one day a recall comes before a rerelease, so a rerelease on the recall's day ends it
  const rereleased = upToD.some((e) => e.type === 'rerelease' && dayOf(e.date) >= latest);
  return rereleased ? 'community' : 'custody';
}

describe('national sample (MoJ ad hoc IIRMS statistics, 15 March 2024)', () => {
  const statuses = people.map((p) => statusOn(p, D));

  it('on 2024-01-30: 1,020 in service, 358 in custody, 662 in the community', () => {
    expect(statuses.filter((s) => s !== null)).toHaveLength(1020);
    expect(statuses.filter((s) => s === 'custody')).toHaveLength(358);
    expect(statuses.filter((s) => s === 'community')).toHaveLength(662);
  });

  it('the study file names the snapshot and extraction dates', () => {
    expect(study.snapshotDate).toBe('2024-01-30');
    expect(study.extractionDate).toBe('2024-03-31');
    expect(study.offences).toBe('../offences.csv');
  });

  it('has about twenty services, a few thousand people, some excluded, and history before the snapshot', () => {
    const services = new Set(people.map((p) => p.service));
    expect(services.size).toBeGreaterThanOrEqual(18);
    expect(services.size).toBeLessThanOrEqual(22);
    expect(people.length).toBeGreaterThan(2000);
    expect(people.length).toBeLessThan(6000);
    expect(people.filter((p) => p.included === 'false').length).toBeGreaterThan(50);
    expect(people.filter((p) => p.service_end !== '' && dayOf(p.service_end) < D).length).toBeGreaterThan(1000);
    expect(people.some((p) => p.release_date !== '' && p.release_date < '2018-01-01')).toBe(true);
  });

  it('includes people on every boundary of the snapshot rule', () => {
    const on = (col: string, iso: string) => people.some((p) => p[col] === iso);
    expect(on('release_date', '2024-01-30')).toBe(true);
    expect(on('in_reach_start', '2024-01-30')).toBe(true);
    expect(on('service_end', '2024-01-30')).toBe(true);
    expect(on('service_end', '2024-01-29')).toBe(true);
    expect(on('in_reach_start', '2024-01-31')).toBe(true);
    expect(events.some((e) => e.type === 'recall' && e.date === '2024-01-30')).toBe(true);
    expect(events.some((e) => e.type === 'rerelease' && e.date === '2024-01-30')).toBe(true);
    const sameDay = events.filter((e) => e.type === 'recall' && events.some((x) => x.person_id === e.person_id && x.type === 'rerelease' && x.date === e.date));
    expect(sameDay.length).toBeGreaterThan(0);
  });

  it('recall differs by service (a services comparison has something to show)', () => {
    const cohort = people.filter((p) => p.included === 'true' && p.release_date !== '' && p.service_end !== '');
    const rate = new Map<string, [number, number]>();
    for (const p of cohort) {
      const end = dayOf(p.service_end);
      const recalled = (eventsBy.get(p.person_id) ?? []).some((e) => e.type === 'recall' && dayOf(e.date) >= dayOf(p.release_date) && dayOf(e.date) <= end);
      const [k, n] = rate.get(p.service) ?? [0, 0];
      rate.set(p.service, [k + (recalled ? 1 : 0), n + 1]);
    }
    const rates = [...rate.values()].filter(([, n]) => n >= 30).map(([k, n]) => k / n);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.15);
  });
});
