/**
 * The South Wales sample: shaped like the interview study of Räsänen and
 * Davies (2026), Probation Journal. Staff identified 16 people on probation
 * with the South Wales IIRMS; 3 had been recalled, 1 had disengaged, 1 was no
 * longer supervised, 1 was too unstable to take part and 1 declined (these 7
 * are `included = false` with those reasons), leaving 9 who took part: 5 men,
 * 2 women and 2 transgender men, aged 24–49 (mean 39), 8 White and 1 Black,
 * 8 with a violent and 1 with a sexual index offence.
 *
 * records.md's sex vocabulary is male / female / other / unknown; the two
 * transgender men are recorded as `other` so that the published 5 / 2 / 2
 * split can be read back from the column (a study with a gender column could
 * record them as men). The published ages are recorded as age_at_release.
 */
import { parseISODate, type Day } from '../time/days.js';
import type { EndReason, Sex } from '../study/vocabulary.js';
import { childRng, type Rng } from './prng.js';
import { chance, intBetween, pickWeighted, shuffled } from './distributions.js';
import { drawAces, drawCustodyTenths, drawPriorConvictions, inReachBefore } from './person-builder.js';
import { breachEvent, outcomeEvent, recallEvents } from './event-builder.js';
import { studyId, type Sample, type SynthEvent, type SynthPerson } from './records.js';

/** The seed the committed sample was written with. */
export const SOUTH_WALES_SEED = 2026_16;
const SOUTH_WALES_SERVICE = 'South Wales';
const SOUTH_WALES_EXTRACTION = '2024-09-30';

const day = (iso: string): Day => parseISODate(iso)!;
const F = day(SOUTH_WALES_EXTRACTION);
/** When staff identified the 16 people (all were then on probation). */
const IDENTIFIED = day('2023-11-01');

const PARTICIPANT_SEX: readonly Sex[] = ['male', 'male', 'male', 'male', 'male', 'female', 'female', 'other', 'other'];
/** Nine ages from 24 to 49 adding up to 351 (mean 39). */
const PARTICIPANT_AGES = [24, 31, 36, 39, 41, 43, 44, 44, 49] as const;
const PARTICIPANT_ETHNICITY = ['White', 'White', 'White', 'White', 'White', 'White', 'White', 'White', 'Black'] as const;
const PARTICIPANT_SEXUAL_INDEX = [true, false, false, false, false, false, false, false, false] as const;

const VIOLENT_INDEX: ReadonlyArray<readonly [string, number]> = [
  ['VAP-GBH-S18', 3],
  ['VAP-GBH-S20', 3],
  ['VAP-ABH', 2],
  ['ROB-ROBBERY', 2],
  ['VAP-COERCIVE-CONTROL', 2],
  ['VAP-THREATS-KILL', 1],
  ['VAP-STALKING-FEAR', 1],
];
const SEXUAL_INDEX: ReadonlyArray<readonly [string, number]> = [
  ['SEX-ASSAULT', 2],
  ['SEX-RAPE-16', 1],
];

const NON_PARTICIPANTS = ['recalled', 'recalled', 'recalled', 'disengaged', 'no longer supervised', 'too unstable to take part', 'declined'] as const;

/** Builds the South Wales sample for a seed. */
export function buildSouthWales(seed: number = SOUTH_WALES_SEED): Sample {
  const rng = childRng(seed, 'people');
  const ids = shuffled(
    childRng(seed, 'ids'),
    Array.from({ length: 16 }, (_, i) => studyId(i + 1)),
  );
  const people: SynthPerson[] = [];
  const events: SynthEvent[] = [];

  const sexes = shuffled(rng, PARTICIPANT_SEX);
  const ages = shuffled(rng, PARTICIPANT_AGES);
  const ethnicities = shuffled(rng, PARTICIPANT_ETHNICITY);
  const sexualIndex = shuffled(rng, PARTICIPANT_SEXUAL_INDEX);
  const tiers = shuffled(rng, ['Tier 2', 'Tier 2', 'Tier 2', 'Tier 2', 'Tier 2', 'Tier 3', 'Tier 3', 'Tier 3', 'Tier 3']);
  // the events of the nine: one earlier recall and rerelease, a couple of breaches, a conviction, a caution
  const roles = shuffled(rng, ['recall_before', 'breach', 'breach', 'conviction', 'caution', 'completed', 'quiet', 'quiet', 'quiet']);

  for (let i = 0; i < 9; i++) {
    const id = ids[i];
    const r = intBetween(rng, day('2021-04-01'), day('2023-08-31'));
    const role = roles[i];
    const e = role === 'completed' ? intBetween(rng, day('2024-03-01'), day('2024-08-31')) : undefined;
    people.push({
      ...background(rng, id, tiers[i], sexualIndex[i], r),
      sex: sexes[i],
      ethnicity: ethnicities[i],
      ageAtRelease: ages[i],
      serviceEnd: e,
      endReason: e === undefined ? undefined : 'completed',
      included: true,
    });
    if (role === 'recall_before') {
      const recall = r + intBetween(rng, 90, 200);
      events.push(...recallEvents(rng, id, [recall, recall + intBetween(rng, 42, 110)]));
    } else if (role === 'breach') {
      events.push(breachEvent(id, intBetween(rng, r + 30, F - 30)));
    } else if (role === 'conviction') {
      events.push(outcomeEvent(rng, id, 'conviction', 'SNM-POA-S4A', intBetween(rng, r + 60, day('2024-04-30')), F));
    } else if (role === 'caution') {
      events.push(outcomeEvent(rng, id, 'caution', 'DRG-POSS-CANNABIS', intBetween(rng, r + 60, day('2024-06-30')), F));
    }
  }

  NON_PARTICIPANTS.forEach((reason, k) => {
    const id = ids[9 + k];
    const r = intBetween(rng, day('2021-06-01'), day('2023-06-30'));
    let e: Day | undefined;
    let endReason: EndReason | undefined;
    if (reason === 'recalled') {
      e = intBetween(rng, Math.max(r + 60, day('2023-05-01')), IDENTIFIED - 1);
      endReason = 'recalled';
      // half were recalled on a further charge, which then led to a conviction
      const charged = chance(rng, 0.5);
      if (charged) events.push(outcomeEvent(rng, id, 'conviction', 'SNM-COMMON-ASSAULT', e - intBetween(rng, 3, 20), F));
      events.push(...recallEvents(rng, id, [e], charged ? new Set([e]) : undefined));
      if (chance(rng, 0.5)) events.push({ personId: id, type: 'rerelease', date: e + intBetween(rng, 90, 250) });
    } else if (reason === 'disengaged') {
      e = intBetween(rng, r + 120, IDENTIFIED - 1);
      endReason = 'disengaged';
      events.push(breachEvent(id, e - intBetween(rng, 10, 60)));
    } else if (reason === 'no longer supervised') {
      e = intBetween(rng, r + 200, IDENTIFIED - 1);
      endReason = 'completed';
    } else if (reason === 'too unstable to take part') {
      events.push(breachEvent(id, intBetween(rng, r + 30, IDENTIFIED)));
      events.push(breachEvent(id, intBetween(rng, IDENTIFIED, F - 10)));
    }
    people.push({
      ...background(
        rng,
        id,
        pickWeighted(rng, [
          ['Tier 2', 0.5],
          ['Tier 3', 0.5],
        ] as const),
        chance(rng, 0.15),
        r,
      ),
      sex: pickWeighted(rng, [
        ['male', 0.8],
        ['female', 0.2],
      ] as const),
      ethnicity: pickWeighted(rng, [
        ['White', 0.9],
        ['Mixed', 0.05],
        ['Asian', 0.05],
      ] as const),
      ageAtRelease: intBetween(rng, 22, 55),
      serviceEnd: e,
      endReason,
      included: false,
      exclusionReason: reason,
    });
  });

  return {
    people,
    events,
    study: {
      title: 'South Wales IIRMS interview cohort (synthetic, after Räsänen and Davies 2026)',
      extractionDate: SOUTH_WALES_EXTRACTION,
      options: { groupBy: 'tier' },
    },
  };
}

/** The fields every South Wales person has, whatever their part in the study. */
function background(rng: Rng, id: string, tier: string, sexual: boolean, r: Day): SynthPerson {
  const { referralDate, inReachStart } = inReachBefore(rng, r, 150, 320);
  return {
    personId: id,
    service: SOUTH_WALES_SERVICE,
    tier,
    indexOffence: pickWeighted(rng, sexual ? SEXUAL_INDEX : VIOLENT_INDEX),
    priorConvictions: drawPriorConvictions(rng, 12),
    custodyYearsBeforeRelease: drawCustodyTenths(rng, 5) / 10,
    aces: drawAces(rng, 2),
    referralDate,
    inReachStart,
    releaseDate: r,
    included: true,
  };
}
