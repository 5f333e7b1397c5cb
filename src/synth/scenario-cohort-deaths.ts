/**
 * The cohort-deaths sample: a small probation cohort of two services in which
 * deaths are common (staff of the services speak of suicides), so that
 * reconviction and recall are estimated with death as a competing risk
 * (measures.md "Competing risks"). People are drawn as the large benchmark
 * cohort's (large-cohort.ts), then about one in three is drawn to die, most within a few years of release
 * (exponential, mean 900 days, from release or the service end; a day past the extraction date means no death); the events after a death are dropped.
 * Planted: a death on the release day, a death on the day of a first offence.
 * It reproduces no published figure.
 */
import { parseISODate } from '../time/days.js';
import { addDeaths } from './deaths.js';
import { largePerson } from './large-cohort.js';
import { childRng } from './prng.js';
import { studyId, type Sample, type SynthEvent, type SynthPerson } from './records.js';

/** The seed the committed sample was written with. */
const COHORT_DEATHS_SEED = 2026_1202;
const COHORT_DEATHS_EXTRACTION = '2024-03-31';
const PEOPLE = 180;
const SERVICES = ['IIRMS East', 'IIRMS West'] as const;

export function buildCohortDeaths(seed: number = COHORT_DEATHS_SEED): Sample {
  const rng = childRng(seed, 'people');
  const people: SynthPerson[] = [];
  let events: SynthEvent[] = [];
  for (let n = 1; n <= PEOPLE; n++) {
    const built = largePerson(rng, studyId(n));
    // Two services of different sizes, in place of the national services the large cohort draws.
    people.push({ ...built.person, service: rng() < 0.62 ? SERVICES[0] : SERVICES[1] });
    events.push(...built.events);
  }
  events = addDeaths(childRng(seed, 'deaths'), people, events, {
    share: 0.35,
    meanDays: 900,
    extraction: parseISODate(COHORT_DEATHS_EXTRACTION)!,
    earliest: (p) => p.releaseDate ?? 0,
    onReleaseDay: true,
  });
  return {
    people,
    events,
    study: {
      title: 'A probation cohort with deaths (synthetic): reconviction and recall with death as a competing risk',
      extractionDate: COHORT_DEATHS_EXTRACTION,
      options: { recallWindow: 'intervention', reconvictionWindow: 'since_release', groupBy: 'service' },
    },
  };
}
