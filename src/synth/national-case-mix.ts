/**
 * Case mix by service in the national sample, so that the adjusted comparison of services
 * (measures.md, "Services compared, adjusted for whom they take on") has something to
 * adjust: each person gets a latent risk, centred on their service's shift, that raises
 * their chances of recall and reconviction and shows in the recorded case mix (more
 * previous convictions, younger at release). A service with a large shift then has a raw
 * rate far from the others that its case mix explains. Invented for the synthetic data; it
 * describes no real service.
 */
import { clamp, standardNormal } from './distributions.js';
import type { NationalProfile } from './person-builder.js';
import type { Rng } from './prng.js';
import type { ServiceProfile } from './services.js';

/** Each service's mean latent risk (0 where not listed). */
const CASE_MIX_SHIFT: Readonly<Record<string, number>> = {
  'East Midlands': 1.4,
  'Devon and Cornwall': -0.6,
};
/** Spread of the latent risk within a service, and its effects. */
const SPREAD = 0.7;
const ON_CHANCES = 0.45;
const ON_PRIORS = 0.5;
const ON_AGE = 3;

/** A person's latent risk: their service's shift plus a normal spread. */
export function drawCaseMixRisk(rng: Rng, service: ServiceProfile): number {
  return (CASE_MIX_SHIFT[service.name] ?? 0) + SPREAD * standardNormal(rng);
}

/** The service's chances for a person of this risk. */
export function serviceForRisk(service: ServiceProfile, risk: number): ServiceProfile {
  const f = Math.exp(ON_CHANCES * risk);
  return { ...service, pRecall: clamp(service.pRecall * f, 0.01, 0.9), pReconviction: clamp(service.pReconviction * f, 0.01, 0.9) };
}

/** The recorded case mix of a person of this risk: previous convictions and age moved with it. */
export function profileForRisk(profile: NationalProfile, risk: number): NationalProfile {
  const priors = profile.priorConvictions;
  const age = profile.ageAtRelease;
  return {
    ...profile,
    priorConvictions: priors === undefined ? undefined : Math.round(clamp(priors * Math.exp(ON_PRIORS * risk), 1, 80)),
    ageAtRelease: age === undefined ? undefined : clamp(Math.round(age - ON_AGE * risk), 19, 75),
  };
}
