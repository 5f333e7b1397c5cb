/**
 * The Resettle comparison pool (comparison.md, "The comparison pool"): men
 * with violent or sexual index offences released in the Resettle study's years
 * (2009-04 to 2018-11) who did not receive the service, about ten times the
 * follow-up cohort, as a national-records extract might give them.
 *
 * Selection: the service took on men with more prior convictions, longer
 * custody and later releases (it grew), a little older, slightly fewer after a
 * sexual offence. Without the service, reoffending rises with prior
 * convictions and falls with age and after a sexual index offence. The service
 * lowers proven reoffending within a year by 8 in 100 among its eligible
 * people (RESETTLE_TRUE_EFFECT).
 */
import { parseISODate, partsOfDay, type Day } from '../time/days.js';
import { childRng } from './prng.js';
import { chance, intBetween, pickWeighted } from './distributions.js';
import { drawAgeAtRelease, drawCustodyTenths, drawEthnicity, drawPriorConvictions } from './person-builder.js';
import { buildPool, type Covariates, type Pool, type PoolDesign } from './comparison-pool.js';
import { readOffenceLookup } from './offence-lookup.js';
import { INDICTABLE_RECONVICTION, SUMMARY_RECONVICTION } from './offence-pools.js';
import type { Sample } from './records.js';
import { AGREEMENT, ETHNICITY, LAST_RELEASE, RESETTLE_EXTRACTION, RESETTLE_SEED, SEXUAL_INDEX, VIOLENT_INDEX, buildResettle } from './scenario-resettle.js';

/** The generator's true effect on the treated: proven reoffending within 12 months, service − without the service. */
export const RESETTLE_TRUE_EFFECT = -0.08;
/** Pool people included and released: about ten times the 45 of the cohort. */
export const RESETTLE_POOL_SIZE = 450;

const F: Day = parseISODate(RESETTLE_EXTRACTION)!;
const sexual = (x: Covariates) => (x.category === 'sexual' ? 1 : 0);

const RESETTLE_POOL_DESIGN: PoolDesign = {
  size: RESETTLE_POOL_SIZE,
  extraction: F,
  windowMonths: 12,
  trueEffect: RESETTLE_TRUE_EFFECT,
  candidate: (rng) => {
    const custodyTenths = drawCustodyTenths(rng, 7.5);
    const isSexual = chance(rng, 0.3);
    const indexOffence = pickWeighted(rng, isSexual ? SEXUAL_INDEX : VIOLENT_INDEX);
    const releaseDate = intBetween(rng, AGREEMENT, LAST_RELEASE);
    const person = {
      service: '',
      sex: 'male' as const,
      ethnicity: drawEthnicity(rng, ETHNICITY),
      ageAtRelease: drawAgeAtRelease(rng, custodyTenths / 10),
      indexOffence,
      priorConvictions: drawPriorConvictions(rng, 12),
      custodyYearsBeforeRelease: custodyTenths / 10,
      releaseDate,
      included: true,
    };
    const x: Covariates = {
      sex: 'male',
      age: person.ageAtRelease,
      priors: person.priorConvictions,
      custodyYears: person.custodyYearsBeforeRelease,
      category: isSexual ? 'sexual' : 'violent',
      releaseYear: partsOfDay(releaseDate).year,
    };
    return { person, x };
  },
  selection: (x) => -0.9 + 0.07 * (x.priors - 12) + 0.2 * (x.custodyYears - 8) + 0.25 * (x.releaseYear - 2013.5) + 0.02 * (x.age - 38) - 0.2 * sexual(x),
  risk: (x) => 0.07 * (x.priors - 15) - 0.04 * (x.age - 38) - 0.8 * sexual(x) + 0.08 * (x.custodyYears - 10),
  recall: (x) => -0.9 + 0.02 * (x.priors - 15) - 0.03 * (x.age - 38) - 0.3 * sexual(x),
  reoffences: [...INDICTABLE_RECONVICTION, ...SUMMARY_RECONVICTION],
};

/** The pool beside a Resettle sample built from the same seed. */
export function buildResettlePool(sample: Sample, seed: number = RESETTLE_SEED): Pool {
  return buildPool(childRng(seed, 'pool'), RESETTLE_POOL_DESIGN, sample, readOffenceLookup());
}

/** The Resettle sample with its pool and the study file that names it (`comparison-study.json`). */
export function buildResettleWithPool(seed: number = RESETTLE_SEED): Sample {
  const sample = buildResettle(seed);
  const pool = buildResettlePool(sample, seed);
  return {
    ...sample,
    pool: {
      people: pool.people,
      events: pool.events,
      studyFile: 'comparison-study.json',
      title: 'Resettle IIRMS against a matched comparison group (synthetic cohort and pool)',
      comparison: {
        people: 'pool/people.csv',
        events: 'pool/events.csv',
        // every man in the service and the pool: sex would be a constant term, so it is left out
        covariates: ['age_at_release', 'prior_convictions', 'custody_years_before_release', 'category', 'release_year'],
        exact: [],
        method: 'nearest',
        distance: 'logit',
        caliper: 0.2,
        ratio: 1,
        replace: false,
        outcomeWindowMonths: 12,
      },
    },
  };
}
