/**
 * A small seeded comparison study for the checks against R (comparison.md): service people
 * chosen by their covariates from one population, the rest the pool, with the edge cases
 * the fixtures must cover written in on purpose: identical covariates (ties in the
 * distance), a service person far from everyone (nobody in the caliper), missing
 * covariates, follow-up too short, month-end release dates, offences on the outcome
 * window's last day (and the day after) and convictions on the waiting period's last day
 * (and the day after).
 */
import { mulberry32 } from '../../../src/synth/prng.js';
import { addMonths, formatDay, parseISODate } from '../../../src/time/days.js';
import { OFFENCES, type Row } from '../helpers.js';

export const EXTRACTION = '2022-12-31';
const CODES = OFFENCES.map((o) => o.code);

export interface GeneratedStudy {
  people: Row[];
  events: Row[];
  pool: Row[];
  poolEvents: Row[];
}

const day = (s: string) => parseISODate(s)!;
const show = (d: number) => formatDay(d)!;

/** The seeded study: about `nService` service people and `nPool` pool people. */
export function generateComparisonStudy(seed: number, nService = 60, nPool = 300): GeneratedStudy {
  const rng = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)];
  const people: Row[] = [];
  const pool: Row[] = [];
  const events: Row[] = [];
  const poolEvents: Row[] = [];
  const base = (id: string, service: string): Row => ({
    person_id: id,
    service,
    tier: '',
    sex: 'male',
    ethnicity: '',
    age_at_release: '',
    index_offence: 'V1',
    prior_convictions: '',
    custody_years_before_release: '',
    aces: '',
    referral_date: '',
    in_reach_start: '',
    release_date: '',
    service_end: '',
    end_reason: '',
    included: 'true',
    exclusion_reason: '',
    follow_up_end: '',
  });
  const outcomes = (id: string, release: number, risk: number, into: Row[]) => {
    const w = addMonths(release, 12);
    const c = addMonths(w, 6);
    let t = release;
    for (let k = 0; k < 4; k++) {
      t += Math.floor(-Math.log(1 - rng()) * (400 / risk));
      if (t > day(EXTRACTION)) break;
      const lag = 20 + Math.floor(rng() * 200);
      into.push({
        person_id: id,
        type: rng() < 0.15 ? 'caution' : 'conviction',
        date: show(t),
        conviction_date: show(Math.min(t + lag, day(EXTRACTION))),
        offence: pick(CODES),
        recall_reasons: '',
      });
    }
    if (rng() < 0.3 * risk)
      into.push({ person_id: id, type: 'recall', date: show(release + 30 + Math.floor(rng() * 500)), conviction_date: '', offence: '', recall_reasons: '' });
    // The edge days: an offence on w − 1 (in) and on w (out); convictions on c − 1 (in) and c (out).
    const edge = rng();
    if (edge < 0.08)
      into.push({ person_id: id, type: 'conviction', date: show(w - 1), conviction_date: show(c - 1), offence: pick(CODES), recall_reasons: '' });
    else if (edge < 0.16)
      into.push({ person_id: id, type: 'conviction', date: show(w), conviction_date: show(w + 30), offence: pick(CODES), recall_reasons: '' });
    else if (edge < 0.24)
      into.push({ person_id: id, type: 'conviction', date: show(w - 40), conviction_date: show(c), offence: pick(CODES), recall_reasons: '' });
  };
  const total = nService * 3 + nPool;
  let s = 0;
  let p = 0;
  for (let k = 0; k < total && (s < nService || p < nPool); k++) {
    const age = 20 + Math.floor(rng() * 30);
    const prior = Math.floor(rng() * 15);
    const sex = rng() < 0.2 ? 'female' : rng() < 0.05 ? '' : 'male';
    const year = 2018 + Math.floor(rng() * 3);
    const month = 1 + Math.floor(rng() * 12);
    // One release in six on the last day of a month (31st, 30th or 28/29 February).
    const release =
      rng() < 1 / 6
        ? addMonths(day(`${year}-${String(month).padStart(2, '0')}-01`), 1) - 1
        : day(`${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(rng() * 28)).padStart(2, '0')}`);
    const lp = -1.2 + 0.05 * (age - 35) + 0.12 * (prior - 7) + (sex === 'female' ? -0.6 : 0) + 0.2 * (year - 2019);
    const treated = rng() < 1 / (1 + Math.exp(-lp));
    if (treated ? s >= nService : p >= nPool) continue;
    const id = treated ? `S${String(++s).padStart(3, '0')}` : `Q${String(++p).padStart(4, '0')}`;
    const row = base(id, treated ? 'Resettle' : '');
    row.sex = sex;
    row.age_at_release = String(age);
    row.prior_convictions = rng() < 0.04 ? '' : String(prior);
    row.custody_years_before_release = (Math.round(rng() * 80) / 10).toFixed(1);
    row.index_offence = pick(CODES);
    row.release_date = show(release);
    // Some follow-up ends early: too short for the window and its wait.
    if (rng() < 0.06) row.follow_up_end = show(release + 200 + Math.floor(rng() * 300));
    (treated ? people : pool).push(row);
    outcomes(id, release, treated ? 0.8 : 1, treated ? events : poolEvents);
  }
  // Ties: three pool people with exactly the covariates of the first service person.
  for (let k = 0; k < 3; k++) pool.push({ ...people[0], person_id: `T${k + 1}`, service: '', follow_up_end: '' });
  // Nobody in the caliper: a service person unlike anyone.
  people.push({
    ...base('S999', 'Resettle'),
    age_at_release: '99',
    prior_convictions: '300',
    custody_years_before_release: '5.0',
    sex: 'male',
    release_date: '2019-03-31',
    index_offence: 'V1',
  });
  return { people, events: events.filter((e) => day(e.date) <= day(EXTRACTION)), pool, poolEvents: poolEvents.filter((e) => day(e.date) <= day(EXTRACTION)) };
}

/** Rows as CSV text (the R script reads the same records). */
export function toCsv(rows: Row[]): string {
  const columns = Object.keys(rows[0]);
  return `${columns.join(',')}\n${rows.map((r) => columns.map((c) => r[c] ?? '').join(',')).join('\n')}\n`;
}
