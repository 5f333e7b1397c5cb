/**
 * A synthetic comparison pool (comparison.md, "The comparison pool"): people
 * who did not receive the service, released in the same years, in the record
 * format of records.md with `service` left blank.
 *
 * Two things are built in, so that matching has something to find:
 * - selection: candidates are drawn from a wider eligible population and each
 *   is kept in the pool with probability 1 − e(x), e the scenario's selection
 *   score (the chance such a person was taken on by the service), so the pool
 *   leans towards the people the service did not choose;
 * - an effect: each pool person's proven reoffending within the outcome window
 *   is drawn with probability logistic(a + risk(x)), the risk without the
 *   service, where the intercept a is set so that the service's eligible
 *   people would have reoffended, on average, `trueEffect` more (as a share)
 *   than they did. The generator's true effect on the treated is therefore
 *   exactly `trueEffect`, and a crude service − pool difference is biased by
 *   whatever the covariates that drive both e and risk do.
 *
 * Pool person ids are `c00001`, … (the service's are `p00001`, …), so the two
 * can never collide.
 */
import { addMonths, partsOfDay, type Day } from '../time/days.js';
import type { Sex } from '../study/vocabulary.js';
import type { Rng } from './prng.js';
import { chance, intBetween, logNormal, pick, pickWeighted } from './distributions.js';
import { drawRecallReasons } from './event-builder.js';
import type { SynthOffence } from './offence-lookup.js';
import type { SynthEvent, SynthPerson } from './records.js';

/** The covariates of comparison.md's default list, as the generator holds them. */
export interface Covariates {
  sex: Sex;
  age: number;
  priors: number;
  custodyYears: number;
  category: string;
  releaseYear: number;
}

/** What a scenario decides about its pool. */
export interface PoolDesign {
  /** Pool people included and released (the `pool` count of the flow, before exclusions). */
  size: number;
  extraction: Day;
  windowMonths: number;
  /** The share by which the service lowers proven reoffending among its eligible people (negative: fewer). */
  trueEffect: number;
  /** A candidate from the wider population: everything but the outcomes. */
  candidate: (rng: Rng) => Candidate;
  /** Log-odds of selection into the service. */
  selection: (x: Covariates) => number;
  /** Log-odds of proven reoffending within the window without the service, up to the intercept. */
  risk: (x: Covariates) => number;
  /** Log-odds of a recall within the window. */
  recall: (x: Covariates) => number;
  /** Offences the pool's reoffences are drawn from. */
  reoffences: ReadonlyArray<readonly [string, number]>;
}

/** A drawn pool person before any outcome. */
interface Candidate {
  person: Omit<SynthPerson, 'personId'>;
  x: Covariates;
}

/** The pool's tables and what the generator knows about them. */
export interface Pool {
  people: SynthPerson[];
  events: SynthEvent[];
  /** The intercept a of the risk model, and the truth the tests check the estimates against. */
  truth: { intercept: number; serviceRate: number; expectedWithoutService: number; trueEffect: number; eligibleService: number };
}

const logistic = (z: number) => 1 / (1 + Math.exp(-z));

/** Pool person ids: `c` and five digits, a shape apart from the service's `p00001`. */
function poolId(n: number): string {
  if (n < 1 || n > 99_999) throw new RangeError(`pool id number ${n} out of range 1–99999`);
  return `c${String(n).padStart(5, '0')}`;
}

/** The covariates of a person row, as the generator reads them (the index offence's category from the lookup). */
function covariatesOf(p: SynthPerson, lookup: Map<string, SynthOffence>): Covariates | undefined {
  if (p.releaseDate === undefined || p.ageAtRelease === undefined || p.priorConvictions === undefined || p.custodyYearsBeforeRelease === undefined)
    return undefined;
  return {
    sex: p.sex ?? 'unknown',
    age: p.ageAtRelease,
    priors: p.priorConvictions,
    custodyYears: p.custodyYearsBeforeRelease,
    category: lookup.get(p.indexOffence)!.category,
    releaseYear: partsOfDay(p.releaseDate).year,
  };
}

/**
 * Proven reoffending as comparison.md defines it, for a person with events:
 * 1 when a conviction has its offence date in [r, w) and its conviction date
 * before c; undefined when the follow-up F is shorter than c (not eligible).
 */
function provenWithin(p: SynthPerson, events: readonly SynthEvent[], extraction: Day, windowMonths: number): 0 | 1 | undefined {
  const r = p.releaseDate;
  if (r === undefined) return undefined;
  const w = addMonths(r, windowMonths);
  const c = addMonths(w, 6);
  if ((p.followUpEnd ?? extraction) < c) return undefined;
  return events.some((e) => e.personId === p.personId && e.type === 'conviction' && e.date >= r && e.date < w && e.convictionDate! < c) ? 1 : 0;
}

/** The intercept a with mean over `xs` of logistic(a + risk(x)) = target (bisection: the mean is increasing in a). */
function interceptFor(xs: readonly Covariates[], risk: (x: Covariates) => number, target: number): number {
  if (!(target > 0 && target < 1)) throw new RangeError(`expected rate without the service ${target} is not a share`);
  const mean = (a: number) => xs.reduce((s, x) => s + logistic(a + risk(x)), 0) / xs.length;
  let lo = -30;
  let hi = 30;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mean(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Builds the pool beside a service's people and events: the service's
 * eligible, complete people fix the risk model's intercept, then candidates
 * are drawn and kept (selection), and each kept person gets outcomes.
 */
export function buildPool(
  rng: Rng,
  design: PoolDesign,
  service: { people: readonly SynthPerson[]; events: readonly SynthEvent[] },
  lookup: Map<string, SynthOffence>,
): Pool {
  const cohort = service.people.filter((p) => p.included && p.releaseDate !== undefined);
  const scored = cohort.flatMap((p) => {
    const x = covariatesOf(p, lookup);
    const y = provenWithin(p, service.events, design.extraction, design.windowMonths);
    return x === undefined || y === undefined ? [] : [{ x, y }];
  });
  const serviceRate = scored.reduce((s, v) => s + v.y, 0) / scored.length;
  const expectedWithoutService = serviceRate - design.trueEffect;
  const intercept = interceptFor(
    scored.map((s) => s.x),
    design.risk,
    expectedWithoutService,
  );

  const people: SynthPerson[] = [];
  const events: SynthEvent[] = [];
  let kept = 0;
  while (kept < design.size) {
    const { person, x } = design.candidate(rng);
    if (chance(rng, logistic(design.selection(x)))) continue; // taken on by the service: not in the pool
    kept++;
    const id = poolId(people.length + 1);
    const row: SynthPerson = { ...person, personId: id };
    // a few rows the flow must account for: excluded, or records that stop early
    if (chance(rng, 0.02)) {
      row.included = false;
      row.exclusionReason = pick(rng, ['no match in the national records', 'sentence still running at extraction']);
    } else if (chance(rng, 0.03)) {
      row.followUpEnd = row.releaseDate! + intBetween(rng, 120, Math.max(121, design.extraction - row.releaseDate! - 1));
    }
    if (chance(rng, 0.02)) row.priorConvictions = undefined;
    people.push(row);
    events.push(...outcomes(rng, design, row, x, intercept));
  }
  return {
    people,
    events,
    truth: { intercept, serviceRate, expectedWithoutService, trueEffect: design.trueEffect, eligibleService: scored.length },
  };
}

/** A conviction for an offence on `date`, sentenced no later than `latest` (none when the offence itself is after it). */
function conviction(rng: Rng, personId: string, offence: string, date: Day, latest: Day): SynthEvent | undefined {
  if (date > latest) return undefined;
  let lag = Math.round(Math.min(400, 21 + logNormal(rng, 70, 0.7)));
  if (date + lag > latest) lag = intBetween(rng, 0, latest - date);
  return { personId, type: 'conviction', date, convictionDate: date + lag, offence };
}

/** The events of one pool person: reoffences (proven within the window with the risk model's probability), recalls, breaches. */
function outcomes(rng: Rng, design: PoolDesign, p: SynthPerson, x: Covariates, intercept: number): SynthEvent[] {
  const r = p.releaseDate!;
  const F = p.followUpEnd ?? design.extraction;
  const w = addMonths(r, design.windowMonths);
  const c = addMonths(w, 6);
  const out: SynthEvent[] = [];
  const push = (e: SynthEvent | undefined) => {
    if (e && e.date <= F && (e.convictionDate ?? e.date) <= F) out.push(e);
  };
  const offence = () => pickWeighted(rng, design.reoffences);
  // the offence day is skewed towards release, as first reoffences are
  const inWindow = () => r + Math.min(w - r - 1, Math.floor((w - r) * rng() ** 1.4));

  if (chance(rng, logistic(intercept + design.risk(x)))) {
    const count = pickWeighted(rng, [
      [1, 0.55],
      [2, 0.25],
      [3, 0.12],
      [4, 0.08],
    ] as const);
    for (let k = 0; k < count; k++) push(conviction(rng, p.personId, offence(), inWindow(), Math.min(c - 1, F)));
  } else if (chance(rng, 0.04)) {
    // an offence in the window sentenced only after the waiting period: not proven reoffending
    const day = inWindow();
    const late = c + intBetween(rng, 0, 90);
    if (late <= F) out.push({ personId: p.personId, type: 'conviction', date: day, convictionDate: late, offence: offence() });
  }
  // reoffending after the window, for the curves over the whole follow-up
  if (F - w > 60 && chance(rng, 0.3)) push(conviction(rng, p.personId, offence(), intBetween(rng, w, F - 30), F));
  if (chance(rng, logistic(design.recall(x)))) {
    const day = intBetween(rng, r + 7, w - 1);
    if (day <= F) {
      out.push({ personId: p.personId, type: 'recall', date: day, recallReasons: drawRecallReasons(rng, chance(rng, 0.3)) });
      const back = day + intBetween(rng, 28, 200);
      if (back <= F) out.push({ personId: p.personId, type: 'rerelease', date: back });
    }
  }
  if (chance(rng, 0.12)) push({ personId: p.personId, type: 'breach', date: intBetween(rng, r, w - 1) });
  if (chance(rng, 0.05)) {
    const day = intBetween(rng, r, F - 1);
    push({ personId: p.personId, type: 'caution', date: day, convictionDate: Math.min(F, day + intBetween(rng, 1, 40)), offence: 'SNM-POA-S5' });
  }
  return out;
}
