/**
 * The IOM sample: an Integrated Offender Management cohort shaped like the 65
 * cases of the joint inspection that found 62% "breached their order or
 * reoffended" with nothing to set beside it, now with the comparison pool the
 * inspection lacked (comparison.md, "The comparison pool").
 *
 * Targets on the 65 (everyone released 2019-01 to 2022-06, extraction
 * 2024-03-31, so everyone has the 12-month window and its 6-month wait):
 * - 40 (61.5%, the inspection's 62%) with a breach, or an offence later
 *   convicted, dated in the year after release [r, r + 12 months);
 * - of them 28 proven reoffenders (offence in the year, conviction within the
 *   further six months) and 12 who breached only;
 * - 7 women; prolific acquisitive histories (many prior convictions, short
 *   custodial spells, young).
 *
 * The pool: about 650 people released in the same years in the same area who
 * were not on IOM. Selection: IOM took on people with more prior convictions,
 * younger, after acquisitive offences, fewer women. IOM lowers proven
 * reoffending within a year by 7 in 100 among its people (IOM_TRUE_EFFECT).
 */
import { addMonths, parseISODate, partsOfDay, type Day } from '../time/days.js';
import type { EndReason, Sex } from '../study/vocabulary.js';
import { childRng, type Rng } from './prng.js';
import { chance, exactFlags, intBetween, pickWeighted, shuffled } from './distributions.js';
import { drawAgeAtRelease, drawCustodyTenths, drawEthnicity, drawPriorConvictions } from './person-builder.js';
import { outcomeEvent, recallEvents } from './event-builder.js';
import { readOffenceLookup } from './offence-lookup.js';
import { studyId, type Sample, type SynthEvent, type SynthPerson } from './records.js';
import { buildPool, type Covariates, type PoolDesign } from './comparison-pool.js';

/** The seed the committed sample was written with (the inspection's 65 cases). */
export const IOM_SEED = 2024_065;
const IOM_SERVICE = 'IOM (synthetic force area)';
const IOM_EXTRACTION = '2024-03-31';
/** The generator's true effect on the treated: proven reoffending within 12 months, IOM − without IOM. */
export const IOM_TRUE_EFFECT = -0.07;
const IOM_POOL_SIZE = 650;

export const IOM_TARGET = { cases: 65, breachedOrReoffended: 40, reoffended: 28, women: 7 } as const;

const day = (iso: string): Day => parseISODate(iso)!;
const F = day(IOM_EXTRACTION);
const FIRST_RELEASE = day('2019-01-07');
const LAST_RELEASE = day('2022-06-30');
const WINDOW = 12;

/** Index offences of an IOM caseload: mostly acquisitive, some robbery, assault and drug supply. */
const IOM_INDEX: ReadonlyArray<readonly [string, number]> = [
  ['THF-BURG-DWELLING', 10],
  ['THF-SHOP', 6],
  ['THF-VEHICLE', 5],
  ['THF-BURG-NONDWELL', 4],
  ['THF-FROM-VEHICLE', 3],
  ['THF-HANDLING', 2],
  ['ROB-ROBBERY', 5],
  ['VAP-ABH', 4],
  ['DRG-PWITS-A', 3],
  ['DRG-SUPPLY-A', 2],
];
/** The wider population the pool comes from: the same offences, fewer of them acquisitive. */
const POPULATION_INDEX: ReadonlyArray<readonly [string, number]> = [
  ['THF-BURG-DWELLING', 6],
  ['THF-SHOP', 5],
  ['THF-VEHICLE', 3],
  ['THF-BURG-NONDWELL', 3],
  ['THF-FROM-VEHICLE', 2],
  ['THF-HANDLING', 2],
  ['ROB-ROBBERY', 6],
  ['VAP-ABH', 12],
  ['DRG-PWITS-A', 6],
  ['DRG-SUPPLY-A', 5],
];
/** Reoffences of prolific acquisitive offenders. */
const IOM_REOFFENCES: ReadonlyArray<readonly [string, number]> = [
  ['THF-SHOP', 8],
  ['THF-OTHER', 3],
  ['THF-BURG-NONDWELL', 2],
  ['THF-FROM-VEHICLE', 2],
  ['THF-HANDLING', 2],
  ['DRG-POSS-A', 3],
  ['SNM-COMMON-ASSAULT', 2],
  ['SNM-POA-S5', 2],
  ['SNM-FAIL-SURRENDER', 2],
  ['VAP-ABH', 1],
];
const ETHNICITY: ReadonlyArray<readonly [string | undefined, number]> = [
  ['White', 0.84],
  ['Black', 0.05],
  ['Mixed', 0.06],
  ['Asian', 0.04],
  [undefined, 0.01],
];

const lookup = readOffenceLookup();
const acquisitive = (x: Covariates) => (x.category === 'acquisitive' ? 1 : 0);
const female = (x: Covariates) => (x.sex === 'female' ? 1 : 0);

export const IOM_POOL_DESIGN: PoolDesign = {
  size: IOM_POOL_SIZE,
  extraction: F,
  windowMonths: WINDOW,
  trueEffect: IOM_TRUE_EFFECT,
  candidate: (rng) => {
    const sex: Sex = chance(rng, 0.12) ? 'female' : 'male';
    const custodyTenths = drawCustodyTenths(rng, 1.8);
    const indexOffence = pickWeighted(rng, POPULATION_INDEX);
    const releaseDate = intBetween(rng, FIRST_RELEASE, LAST_RELEASE);
    const person = {
      service: '',
      sex,
      ethnicity: drawEthnicity(rng, ETHNICITY),
      ageAtRelease: drawAgeAtRelease(rng, custodyTenths / 10),
      indexOffence,
      priorConvictions: drawPriorConvictions(rng, 18),
      custodyYearsBeforeRelease: custodyTenths / 10,
      releaseDate,
      included: true,
    };
    const x: Covariates = {
      sex,
      age: person.ageAtRelease,
      priors: person.priorConvictions,
      custodyYears: person.custodyYearsBeforeRelease,
      category: lookup.get(indexOffence)!.category,
      releaseYear: partsOfDay(releaseDate).year,
    };
    return { person, x };
  },
  selection: (x) => -2.2 + 0.045 * (x.priors - 18) - 0.05 * (x.age - 30) + 0.9 * acquisitive(x) + 0.15 * (x.releaseYear - 2020.5) - 0.4 * female(x),
  risk: (x) => 0.03 * (x.priors - 25) - 0.05 * (x.age - 30) + 0.4 * acquisitive(x) - 0.4 * female(x) - 0.05 * (x.custodyYears - 2),
  recall: (x) => -1.1 + 0.02 * (x.priors - 25) - 0.03 * (x.age - 30),
  reoffences: IOM_REOFFENCES,
};

/** Builds the IOM sample (the 65 cases and their pool) for a seed. */
export function buildIom(seed: number = IOM_SEED): Sample {
  const people: SynthPerson[] = [];
  const events: SynthEvent[] = [];
  buildCases(childRng(seed, 'cases'), people, events);
  const pool = buildPool(childRng(seed, 'pool'), IOM_POOL_DESIGN, { people, events }, lookup);
  return {
    people,
    events,
    study: {
      title: 'IOM cohort with a comparison (synthetic, after the joint inspection of 65 cases)',
      extractionDate: IOM_EXTRACTION,
      options: { recallWindow: 'intervention', reconvictionWindow: 'since_release', includeCautions: false, groupBy: 'category' },
    },
    pool: {
      people: pool.people,
      events: pool.events,
      studyFile: 'study.json',
      title: 'IOM cohort with a comparison (synthetic, after the joint inspection of 65 cases)',
      comparison: {
        people: 'pool/people.csv',
        events: 'pool/events.csv',
        covariates: ['age_at_release', 'sex', 'prior_convictions', 'custody_years_before_release', 'category', 'release_year'],
        exact: [],
        method: 'nearest',
        distance: 'logit',
        // two comparison people for each case within a narrow caliper: the pool is ten times as large, and
        // 1:1 within 0.2 leaves age, sex and the year of release unbalanced
        caliper: 0.1,
        ratio: 2,
        replace: false,
        outcomeWindowMonths: WINDOW,
      },
    },
  };
}

/** The 65 cases: who reoffends and who only breaches is fixed first, then dates are placed inside the year after release. */
function buildCases(rng: Rng, people: SynthPerson[], events: SynthEvent[]): void {
  const n = IOM_TARGET.cases;
  const reoffended = exactFlags(rng, n, IOM_TARGET.reoffended);
  const rest = shuffled(
    rng,
    reoffended.flatMap((r, i) => (r ? [] : [i])),
  );
  const breachOnly = new Set(rest.slice(0, IOM_TARGET.breachedOrReoffended - IOM_TARGET.reoffended));
  const women = exactFlags(rng, n, IOM_TARGET.women);
  const ids = shuffled(
    rng,
    Array.from({ length: n }, (_, i) => studyId(i + 1)),
  );
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    const r = intBetween(rng, FIRST_RELEASE, LAST_RELEASE);
    const w = addMonths(r, WINDOW);
    const c = addMonths(w, 6);
    const custodyTenths = drawCustodyTenths(rng, 2.2);
    const recalled = chance(rng, reoffended[i] ? 0.45 : breachOnly.has(i) ? 0.5 : 0.1);
    const e = r + intBetween(rng, 180, 540);
    const endReason: EndReason = pickWeighted(rng, [
      ['completed', 0.62],
      ['disengaged', 0.18],
      ['transferred', 0.1],
      ['other', 0.1],
    ] as const);
    people.push({
      personId: id,
      service: IOM_SERVICE,
      sex: women[i] ? 'female' : 'male',
      ethnicity: drawEthnicity(rng, ETHNICITY),
      ageAtRelease: drawAgeAtRelease(rng, custodyTenths / 10),
      indexOffence: pickWeighted(rng, IOM_INDEX),
      priorConvictions: drawPriorConvictions(rng, 30),
      custodyYearsBeforeRelease: custodyTenths / 10,
      referralDate: r - intBetween(rng, 7, 60),
      releaseDate: r,
      serviceEnd: e,
      endReason,
      included: true,
    });
    const inWindow = () => r + Math.min(w - r - 1, Math.floor((w - r) * rng() ** 1.3));
    if (reoffended[i]) {
      const count = pickWeighted(rng, [
        [1, 0.35],
        [2, 0.25],
        [3, 0.2],
        [4, 0.12],
        [5, 0.08],
      ] as const);
      for (let k = 0; k < count; k++) {
        const offence = outcomeEvent(rng, id, 'conviction', pickWeighted(rng, IOM_REOFFENCES), inWindow(), c - 1);
        events.push(offence);
      }
      if (chance(rng, 0.4)) events.push({ personId: id, type: 'breach', date: inWindow() });
    } else if (breachOnly.has(i)) {
      events.push({ personId: id, type: 'breach', date: inWindow() });
    }
    // later offending, after the year the inspection's figure covers
    if (chance(rng, reoffended[i] ? 0.5 : 0.35)) {
      events.push(outcomeEvent(rng, id, 'conviction', pickWeighted(rng, IOM_REOFFENCES), intBetween(rng, w, F - 60), F));
    }
    if (recalled) {
      const at = intBetween(rng, r + 14, w - 1);
      events.push(...recallEvents(rng, id, [at, at + intBetween(rng, 28, 150)], new Set(reoffended[i] && chance(rng, 0.5) ? [at] : [])));
    }
  }
}
