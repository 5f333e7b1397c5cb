/**
 * Seeded studies for the adjusted comparison of services (measures.md, "Services compared,
 * adjusted for whom they take on"): services of very different sizes whose case mix
 * explains part of the raw differences. `tests/fixtures/r/casemix-data.ts` writes them as
 * CSV for casemix.R; the test reads the same files.
 */
import { childRng, mulberry32, type Rng } from '../../src/synth/prng.js';
import { chance, clamp, intBetween, pickWeighted, standardNormal } from '../../src/synth/distributions.js';
import { addMonths, formatDay, parseISODate } from '../../src/time/days.js';
import { OFFENCES, type Row } from './helpers.js';

export interface ServiceSpec {
  name: string;
  n: number;
  /** Mean age at release. */
  age: number;
  /** Mean prior convictions. */
  prior: number;
  female: number;
  /** Weights of the index offences V1, V2, S1, T1, M1, P1. */
  offences: [number, number, number, number, number, number];
  /** The service's own log-hazard effect (what the adjustment should leave). */
  effect: number;
}

export interface CaseMixStudySpec {
  name: string;
  seed: number;
  services: ServiceSpec[];
  /** Option caseMix for the study (default: comparison.md's covariates). */
  caseMix?: string[];
  provenWindowMonths?: number;
}

export const EXTRACTION = '2024-12-31';
const CODES = OFFENCES.map((o) => o.code);
const RISK: Record<string, number> = { V1: 0.1, V2: 0.2, S1: -0.6, T1: 0.7, M1: 0.3, P1: 0.4 };

const d = (s: string) => parseISODate(s) as number;
const day = (n: number) => formatDay(n) as string;

function person(rng: Rng, id: string, s: ServiceSpec, people: Row[], events: Row[]): void {
  const end = d(EXTRACTION);
  const r = intBetween(rng, d('2019-01-01'), d('2024-06-30'));
  const age = clamp(Math.round(s.age + 8 * standardNormal(rng)), 18, 75);
  const prior = Math.max(0, Math.round(s.prior * Math.exp(0.6 * standardNormal(rng)) - 0.5));
  const custody = Math.round(clamp(1 + 3 * rng() + 0.2 * prior, 0.2, 30) * 10) / 10;
  const sex = chance(rng, s.female) ? 'female' : 'male';
  const offence = pickWeighted(
    rng,
    CODES.map((c, k) => [c, s.offences[k]] as const),
  );
  const lp = -7.2 + 0.11 * prior - 0.03 * (age - 35) + (sex === 'female' ? -0.3 : 0) + RISK[offence] + 0.04 * (custody - 3) + s.effect;
  const serviceEnd = r + intBetween(rng, 60, 900);
  const ongoing = serviceEnd > end;
  // Some follow-ups end early (e.g. a move abroad): at the service end.
  const f = !ongoing && chance(rng, 0.1) ? serviceEnd : end;
  const missingAge = chance(rng, 0.02);
  const missingPrior = chance(rng, 0.03);
  people.push({
    person_id: id,
    service: s.name,
    tier: '',
    sex,
    ethnicity: '',
    age_at_release: missingAge ? '' : String(age),
    index_offence: offence,
    prior_convictions: missingPrior ? '' : String(prior),
    custody_years_before_release: String(custody),
    aces: '',
    referral_date: '',
    in_reach_start: '',
    release_date: day(r),
    service_end: ongoing ? '' : day(serviceEnd),
    end_reason: ongoing ? '' : 'completed',
    included: 'true',
    exclusion_reason: '',
    follow_up_end: f === end ? '' : day(f),
  });
  // Convictions: exponential waiting times (per day) from release, each convicted 20–200 days later.
  let t = r;
  for (let k = 0; k < 3; k++) {
    t += Math.ceil(-Math.log(1 - rng()) / Math.exp(lp + 0.3 * k));
    const conv = t + intBetween(rng, 20, 200);
    if (conv > f) break;
    events.push({
      person_id: id,
      type: 'conviction',
      date: day(t),
      conviction_date: day(conv),
      offence: CODES[intBetween(rng, 0, CODES.length - 1)],
      recall_reasons: '',
    });
  }
  // Recall: its own waiting time, driven by the same case mix, with a rerelease after it.
  const recallAt = r + Math.ceil(-Math.log(1 - rng()) / Math.exp(lp + 0.5));
  if (recallAt <= f) {
    events.push({ person_id: id, type: 'recall', date: day(recallAt), conviction_date: '', offence: '', recall_reasons: 'non_compliance' });
    const back = recallAt + intBetween(rng, 28, 200);
    if (back <= f) events.push({ person_id: id, type: 'rerelease', date: day(back), conviction_date: '', offence: '', recall_reasons: '' });
  }
}

/** The people and events rows of a study, a pure function of its spec. */
export function caseMixStudyRows(spec: CaseMixStudySpec): { people: Row[]; events: Row[] } {
  const people: Row[] = [];
  const events: Row[] = [];
  let id = 0;
  for (const s of spec.services) {
    const rng = childRng(spec.seed, s.name);
    for (let k = 0; k < s.n; k++) person(rng, `C${String(++id).padStart(5, '0')}`, s, people, events);
  }
  // Shuffle people so that file order says nothing about the service.
  const shuffle = mulberry32(spec.seed);
  for (let i = people.length - 1; i > 0; i--) {
    const j = Math.floor(shuffle() * (i + 1));
    [people[i], people[j]] = [people[j], people[i]];
  }
  return { people, events };
}

export const CASE_MIX_STUDIES: CaseMixStudySpec[] = [
  {
    // Very different sizes; the small services take on people with many more previous convictions.
    name: 'sizes',
    seed: 101,
    services: [
      { name: 'Northgate', n: 700, age: 36, prior: 4, female: 0.1, offences: [3, 3, 2, 1, 1, 1], effect: 0 },
      { name: 'Eastbrook', n: 160, age: 30, prior: 9, female: 0.05, offences: [2, 2, 1, 3, 1, 2], effect: 0.15 },
      { name: 'Southmoor', n: 45, age: 27, prior: 14, female: 0.2, offences: [1, 1, 0.2, 4, 1, 2], effect: -0.2 },
      { name: 'Westfield', n: 12, age: 45, prior: 2, female: 0, offences: [1, 1, 5, 0.2, 0.5, 0.5], effect: 0 },
    ],
  },
  {
    // No service effect at all: every raw difference is case mix.
    name: 'explained',
    seed: 202,
    services: [
      { name: 'Ashby', n: 420, age: 40, prior: 3, female: 0.15, offences: [2, 2, 3, 1, 1, 1], effect: 0 },
      { name: 'Burnham', n: 90, age: 26, prior: 12, female: 0.05, offences: [1, 2, 0.3, 4, 2, 2], effect: 0 },
      { name: 'Corby', n: 30, age: 33, prior: 6, female: 0.5, offences: [1, 1, 1, 2, 1, 1], effect: 0 },
    ],
  },
  {
    // Five services, two of equal size (the reference by code point), and a case mix given
    // by the option: the offence group instead of the category, and no custody or year.
    name: 'option',
    seed: 303,
    caseMix: ['age_at_release', 'prior_convictions', 'sex', 'group'],
    provenWindowMonths: 24,
    services: [
      { name: 'Tyne', n: 150, age: 34, prior: 6, female: 0.1, offences: [1, 1, 1, 1, 1, 1], effect: 0.3 },
      { name: 'Humber', n: 150, age: 38, prior: 4, female: 0.1, offences: [2, 1, 2, 1, 1, 1], effect: 0 },
      { name: 'Severn', n: 60, age: 29, prior: 10, female: 0.3, offences: [1, 2, 0.5, 3, 1, 1], effect: -0.3 },
      { name: 'Avon', n: 20, age: 31, prior: 8, female: 0.1, offences: [1, 1, 1, 2, 1, 1], effect: 0.5 },
      { name: 'Exe', n: 8, age: 50, prior: 1, female: 0, offences: [1, 1, 3, 1, 1, 1], effect: 0 },
    ],
  },
];

/** The window end used by the studies' R script: a clamped calendar addition, as the toolkit's. */
export const windowEnd = (r: string, months: number): string => day(addMonths(d(r), months));
