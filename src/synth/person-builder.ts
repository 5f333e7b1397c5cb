/**
 * Background and timeline pieces of a synthetic person: draws that look like
 * an OPD-pathway caseload (long custodial histories, many prior convictions,
 * several adverse childhood experiences). Scenarios combine them and then fix
 * the totals they must reproduce.
 */
import type { Day } from '../time/days.js';
import type { Sex } from '../study/vocabulary.js';
import type { Rng } from './prng.js';
import { chance, clamp, intBetween, logNormal, pickWeighted } from './distributions.js';
import { NATIONAL_INDEX } from './offence-pools.js';
import type { SynthPerson } from './records.js';
import type { ServiceProfile } from './services.js';

/** Prior convictions: skewed, most between 5 and 35. */
export function drawPriorConvictions(rng: Rng, median: number): number {
  return Math.round(clamp(logNormal(rng, median, 0.55), 1, 80));
}

/** Years in custody before release, in tenths of a year (so totals can be fixed exactly). */
export function drawCustodyTenths(rng: Rng, medianYears: number): number {
  return Math.round(clamp(logNormal(rng, medianYears, 0.45), 1, 32) * 10);
}

/** Adverse childhood experiences, from `min` to 10, most near the lower end. */
export function drawAces(rng: Rng, min: number): number {
  let n = min;
  while (n < 10 && rng() < 0.55) n++;
  return n;
}

/** Age at release, consistent with the years already spent in custody. */
export function drawAgeAtRelease(rng: Rng, custodyYears: number): number {
  const firstCustodyAge = intBetween(rng, 15, 24);
  const yearsOutside = Math.round(clamp(logNormal(rng, 6, 0.7), 0, 25));
  return clamp(Math.round(firstCustodyAge + custodyYears + yearsOutside), 19, 75);
}

/** Sex as recorded on an IIRMS caseload (mostly men). */
function drawSex(rng: Rng, pFemale: number, pOther: number, pUnknown: number): Sex {
  return pickWeighted(rng, [
    ['male', 1 - pFemale - pOther - pUnknown],
    ['female', pFemale],
    ['other', pOther],
    ['unknown', pUnknown],
  ] as const);
}

/** Ethnicity as a free category, with the given weights; `undefined` means not recorded. */
export function drawEthnicity(rng: Rng, weights: ReadonlyArray<readonly [string | undefined, number]>): string | undefined {
  return pickWeighted(rng, weights);
}

/** Referral and in-reach start before a release, with in-reach lasting from `minDays` to `maxDays`. */
export function inReachBefore(rng: Rng, release: Day, minDays: number, maxDays: number): { referralDate: Day; inReachStart: Day } {
  const inReachStart = release - intBetween(rng, minDays, maxDays);
  return { inReachStart, referralDate: inReachStart - intBetween(rng, 7, 120) };
}

/** Ethnicity shares of the national-style samples (the large cohort and `national/`). */
const NATIONAL_ETHNICITY: ReadonlyArray<readonly [string | undefined, number]> = [
  ['White', 0.76],
  ['Black', 0.09],
  ['Mixed', 0.06],
  ['Asian', 0.06],
  ['Other', 0.02],
  [undefined, 0.01],
];

/** What a national-style person's profile holds (the person row's descriptive columns). */
export type NationalProfile = Pick<
  SynthPerson,
  'tier' | 'sex' | 'ethnicity' | 'ageAtRelease' | 'indexOffence' | 'priorConvictions' | 'custodyYearsBeforeRelease' | 'aces'
>;

/**
 * The descriptive columns of a person in a national-style cohort, drawn in one
 * fixed order (the samples are byte-identical only while it holds). `missing`
 * gives the chance that prior convictions and ACEs are not recorded; a chance
 * of 0 draws nothing for it.
 */
export function drawNationalProfile(
  rng: Rng,
  service: ServiceProfile,
  releaseDate: Day | undefined,
  custodyTenths: number,
  missing: { priors: number; aces: number } = { priors: 0, aces: 0 },
): NationalProfile {
  const unlessMissing = <T>(p: number, draw: () => T): T | undefined => (p > 0 && chance(rng, p) ? undefined : draw());
  return {
    tier: service.tiers ? pickWeighted(rng, service.tiers) : undefined,
    sex: drawSex(rng, 0.085, 0.01, 0.005),
    ethnicity: drawEthnicity(rng, NATIONAL_ETHNICITY),
    ageAtRelease: releaseDate === undefined ? undefined : drawAgeAtRelease(rng, custodyTenths / 10),
    indexOffence: pickWeighted(rng, NATIONAL_INDEX),
    priorConvictions: unlessMissing(missing.priors, () => drawPriorConvictions(rng, 13)),
    custodyYearsBeforeRelease: custodyTenths / 10,
    aces: unlessMissing(missing.aces, () => drawAces(rng, 1)),
  };
}
