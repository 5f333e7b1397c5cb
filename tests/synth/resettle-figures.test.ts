/**
 * The Resettle sample reproduces Ryan et al. (2022): computed here from the
 * committed CSV files with small code of the test's own, following measures.md.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { dayOf, readCsv, type Row } from './csv-read.js';

const dir = fileURLToPath(new URL('../../data-samples/', import.meta.url));
const offences = new Map(readCsv(`${dir}offences.csv`).map((o) => [o.code, o]));
const people = readCsv(`${dir}resettle/people.csv`);
const events = readCsv(`${dir}resettle/events.csv`);
const EXTRACTION = dayOf('2019-12-31');

const cohort = people.filter((p) => p.included === 'true' && p.release_date !== '');
const eventsOf = (p: Row) => events.filter((e) => e.person_id === p.person_id);
const F = (p: Row) => (p.follow_up_end === '' ? EXTRACTION : dayOf(p.follow_up_end));
const r = (p: Row) => dayOf(p.release_date);
const windowEnd = (p: Row) => (p.service_end === '' ? F(p) : Math.min(dayOf(p.service_end), F(p)));

const recalledInWindow = (p: Row) => eventsOf(p).some((e) => e.type === 'recall' && dayOf(e.date) >= r(p) && dayOf(e.date) <= windowEnd(p));
/** Convictions for offences committed in [r, F] and sentenced by F (cautions left out). */
const reconvictions = (p: Row) =>
  eventsOf(p).filter((e) => e.type === 'conviction' && dayOf(e.date) >= r(p) && dayOf(e.date) <= F(p) && dayOf(e.conviction_date) <= F(p));
const category = (p: Row) => offences.get(p.index_offence)!.category;
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('resettle sample (Ryan et al. 2022)', () => {
  it('has 69 people released 2008–2018, 45 included with a release date', () => {
    expect(people).toHaveLength(69);
    expect(cohort).toHaveLength(45);
    expect(people.filter((p) => p.included === 'false').every((p) => p.exclusion_reason !== '')).toBe(true);
    for (const p of people) {
      expect(p.release_date >= '2008-01-01' && p.release_date <= '2018-12-31').toBe(true);
    }
  });

  it('27 of 45 recalled in the intervention window, more after violent than sexual index offences', () => {
    const recalled = cohort.filter(recalledInWindow);
    expect(recalled).toHaveLength(27);
    const violent = cohort.filter((p) => category(p) === 'violent');
    const sexual = cohort.filter((p) => category(p) === 'sexual');
    expect(violent.length + sexual.length).toBe(45);
    const rv = violent.filter(recalledInWindow).length / violent.length;
    const rs = sexual.filter(recalledInWindow).length / sexual.length;
    expect(rv).toBeGreaterThan(rs);
  });

  it('29 of 45 with no conviction since release; 7 of 45 with an indictable reconviction', () => {
    expect(cohort.filter((p) => reconvictions(p).length === 0)).toHaveLength(29);
    const indictable = cohort.filter((p) => reconvictions(p).some((e) => offences.get(e.offence)!.mode_of_trial !== 'summary'));
    expect(indictable).toHaveLength(7);
  });

  it('reconvictions are mostly less serious than the index offence', () => {
    const reconvicted = cohort.filter((p) => reconvictions(p).length > 0);
    const less = reconvicted.filter(
      (p) => Math.max(...reconvictions(p).map((e) => Number(offences.get(e.offence)!.severity))) < Number(offences.get(p.index_offence)!.severity),
    );
    expect(less.length / reconvicted.length).toBeGreaterThan(0.75);
  });

  it('backgrounds: mean 17 priors, 11 years in custody, ACEs ≥ 4, in-reach ≥ 6 months, ~19 months in the community', () => {
    expect(mean(cohort.map((p) => Number(p.prior_convictions)))).toBeCloseTo(17, 6);
    expect(mean(cohort.map((p) => Number(p.custody_years_before_release)))).toBeCloseTo(11, 6);
    expect(cohort.every((p) => Number(p.aces) >= 4)).toBe(true);
    expect(cohort.every((p) => r(p) - dayOf(p.in_reach_start) >= 183)).toBe(true);
    const ended = cohort.filter((p) => p.service_end !== '');
    const months = mean(ended.map((p) => dayOf(p.service_end) - r(p))) / 30.4375;
    expect(months).toBeGreaterThan(18.5);
    expect(months).toBeLessThanOrEqual(19);
    expect(cohort.every((p) => ['violent', 'sexual'].includes(category(p)))).toBe(true);
  });
});
