/**
 * The Resettle sample: a synthetic cohort shaped like the one in Ryan,
 * Eldridge, Duffy, Crawley and O'Brien (2022), Journal of Forensic Practice
 * 24(4): everyone released to the Liverpool Resettle IIRMS 2008–2018, 69 people
 * of whom 45 met the study's criteria. The 45 are built so that the paper's
 * figures hold exactly (or as near as whole people allow) under the toolkit's
 * definitions (measures.md); the people themselves are invented.
 *
 * Targets on the 45 (F = 2019-12-31 unless a person's follow_up_end is earlier):
 * - 27 recalled at least once in the intervention window [r, min(e, F)]
 *   (22 of 33 after a violent index offence, 5 of 12 after a sexual one);
 * - 29 with no conviction for an offence committed in [r, F] and sentenced by F;
 * - 7 with at least one such conviction for an indictable (indictable-only or
 *   either-way) offence; the reconvicted mostly less serious than the index;
 * - prior convictions summing to 765 (mean 17), custody before release summing
 *   to 495.0 years (mean 11.0), in-reach at least 183 days, mean community time
 *   of those who ended 577 days (19.0 months at 30.4375 days a month is 578.3),
 *   four or more ACEs each, index offences violent or sexual only.
 */
import { parseISODate, type Day } from '../time/days.js';
import type { EndReason } from '../study/vocabulary.js';
import { childRng, type Rng } from './prng.js';
import { chance, clamp, exactFlags, intBetween, logNormal, nudgeToSum, pick, pickWeighted, shuffled } from './distributions.js';
import { drawAces, drawAgeAtRelease, drawCustodyTenths, drawEthnicity, drawPriorConvictions, inReachBefore } from './person-builder.js';
import { breachEvent, outcomeEvent, recallCycleDays, recallEvents } from './event-builder.js';
import { offenceOf, readOffenceLookup, type SynthOffence } from './offence-lookup.js';
import { studyId, type Sample, type SynthEvent, type SynthPerson } from './records.js';
import { INDICTABLE_AFTER_SEXUAL, INDICTABLE_RECONVICTION, SUMMARY_RECONVICTION } from './offence-pools.js';

/** The seed the committed sample was written with (the paper's year and first page). */
export const RESETTLE_SEED = 2022_364;

const RESETTLE_SERVICE = 'Resettle (Liverpool)';
export const RESETTLE_EXTRACTION = '2019-12-31';

const day = (iso: string): Day => parseISODate(iso)!;
const F = day(RESETTLE_EXTRACTION);
/** Releases before this day are excluded ("released before the study's data-sharing agreement"). */
export const AGREEMENT = day('2009-04-01');
const FIRST_RELEASE = day('2008-01-07');
export const LAST_RELEASE = day('2018-11-30');

const TARGET = {
  included: 45,
  sexualIndex: 12,
  recalledViolent: 22,
  recalledSexual: 5,
  reconvicted: 16,
  reconvictedAmongRecalled: 12,
  indictable: 7,
  priorSum: 45 * 17,
  custodyTenthsSum: 45 * 110,
  communityMeanDays: 577,
} as const;

export const VIOLENT_INDEX: ReadonlyArray<readonly [string, number]> = [
  ['VAP-GBH-S18', 8],
  ['ROB-ROBBERY', 5],
  ['VAP-GBH-S20', 4],
  ['VAP-ATT-MURDER', 2],
  ['VAP-MANSLAUGHTER', 2],
  ['VAP-KIDNAP', 2],
  ['VAP-MURDER', 1],
  ['VAP-THREATS-KILL', 2],
  ['ROB-ASSAULT-INTENT', 1],
];
export const SEXUAL_INDEX: ReadonlyArray<readonly [string, number]> = [
  ['SEX-RAPE-16', 6],
  ['SEX-ASSAULT-PEN', 2],
  ['SEX-RAPE-U13', 1],
  ['SEX-ASSAULT-U13', 1],
  ['SEX-ACTIVITY-CHILD', 1],
];
export const ETHNICITY: ReadonlyArray<readonly [string | undefined, number]> = [
  ['White', 0.87],
  ['Mixed', 0.06],
  ['Black', 0.04],
  ['Asian', 0.02],
  [undefined, 0.01],
];

/** What the scenario decides about one of the 45 before any date is drawn. */
interface Plan {
  sexual: boolean;
  recalls: number; // recalls inside the intervention window
  reconvicted: boolean;
  indictable: boolean;
  seriousness: 'less' | 'same' | 'more';
  fate: 'normal' | 'died' | 'cut_short';
}

/** Builds the Resettle sample for a seed. */
export function buildResettle(seed: number = RESETTLE_SEED): Sample {
  const lookup = readOffenceLookup();
  const plans = planIncluded(childRng(seed, 'plan'));
  const people: SynthPerson[] = [];
  const events: SynthEvent[] = [];
  const ids = shuffled(
    childRng(seed, 'ids'),
    Array.from({ length: 69 }, (_, i) => studyId(i + 1)),
  );

  buildIncluded(childRng(seed, 'included'), plans, ids.slice(0, TARGET.included), lookup, people, events);
  buildExcluded(childRng(seed, 'excluded'), ids.slice(TARGET.included), lookup, people, events);

  return {
    people,
    events,
    study: {
      title: 'Resettle IIRMS follow-up (synthetic cohort after Ryan et al. 2022)',
      extractionDate: RESETTLE_EXTRACTION,
      options: { recallWindow: 'intervention', reconvictionWindow: 'since_release', includeCautions: false, groupBy: 'category' },
      // Illustrative: the cost per participant is value.md's example, not Resettle's; prices of the shipped unit costs (2015/16).
      value: { costPerParticipant: 7500, unitCosts: '../unit-costs.csv', priceYear: 2016, horizonYears: 1, discountRate: 0.035 },
    },
  };
}

/** Who is sexual-index, recalled, reconvicted and indictable: exact counts, random people. */
function planIncluded(rng: Rng): Plan[] {
  const sexual = exactFlags(rng, TARGET.included, TARGET.sexualIndex);
  const violentIdx = sexual.flatMap((s, i) => (s ? [] : [i]));
  const sexualIdx = sexual.flatMap((s, i) => (s ? [i] : []));
  const recalled = new Set([...shuffled(rng, violentIdx).slice(0, TARGET.recalledViolent), ...shuffled(rng, sexualIdx).slice(0, TARGET.recalledSexual)]);
  const all = sexual.map((_, i) => i);
  const reconvicted = new Set([
    ...shuffled(
      rng,
      all.filter((i) => recalled.has(i)),
    ).slice(0, TARGET.reconvictedAmongRecalled),
    ...shuffled(
      rng,
      all.filter((i) => !recalled.has(i)),
    ).slice(0, TARGET.reconvicted - TARGET.reconvictedAmongRecalled),
  ]);
  const indictable = new Set(shuffled(rng, [...reconvicted]).slice(0, TARGET.indictable));
  // two reconvicted people whose worst reconviction is as or more serious than the index (violent index, indictable)
  const notLess = shuffled(
    rng,
    [...indictable].filter((i) => !sexual[i]),
  ).slice(0, 2);
  // two people whose records stop early: one died, one whose records are complete only to mid-2019
  const quiet = shuffled(
    rng,
    all.filter((i) => !recalled.has(i) && !reconvicted.has(i)),
  ).slice(0, 2);
  return all.map((i) => ({
    sexual: sexual[i],
    recalls: recalled.has(i)
      ? pickWeighted(rng, [
          [1, 0.6],
          [2, 0.28],
          [3, 0.12],
        ] as const)
      : 0,
    reconvicted: reconvicted.has(i),
    indictable: indictable.has(i),
    seriousness: notLess[0] === i ? 'same' : notLess[1] === i ? 'more' : 'less',
    fate: quiet[0] === i ? 'died' : quiet[1] === i ? 'cut_short' : 'normal',
  }));
}

function indexOffenceFor(rng: Rng, plan: Plan): string {
  if (plan.seriousness === 'same') return 'VAP-GBH-S20';
  if (plan.seriousness === 'more') return 'VAP-THREATS-KILL';
  return pickWeighted(rng, plan.sexual ? SEXUAL_INDEX : VIOLENT_INDEX);
}

/** A release day in [from, to], later years more likely (the service grew). */
function releaseDay(rng: Rng, from: Day, to: Day): Day {
  return from + Math.floor((to - from) * Math.sqrt(rng()));
}

function buildIncluded(rng: Rng, plans: Plan[], ids: string[], lookup: Map<string, SynthOffence>, people: SynthPerson[], events: SynthEvent[]): void {
  const CUT_SHORT_F = day('2019-06-30');
  const n = plans.length;
  const priors = nudgeToSum(
    rng,
    plans.map((p) => drawPriorConvictions(rng, p.sexual ? 11 : 16)),
    TARGET.priorSum,
    () => [2, 70],
  );
  const custodyTenths = nudgeToSum(
    rng,
    plans.map((p) => drawCustodyTenths(rng, p.sexual ? 10 : 10.5)),
    TARGET.custodyTenthsSum,
    () => [20, 300],
  );

  // release days and planned community time; who ends by F is known before any event is placed
  const release = plans.map((p) => releaseDay(rng, AGREEMENT, p.fate === 'cut_short' ? day('2017-12-31') : LAST_RELEASE));
  const planned = plans.map((p, i) => {
    if (p.fate === 'cut_short') return CUT_SHORT_F - release[i];
    if (p.fate === 'died') return Math.min(intBetween(rng, 150, 700), F - release[i]);
    return Math.round(clamp(logNormal(rng, 540, 0.4), 200, 1300));
  });
  const ended = planned.map((d, i) => release[i] + d <= F);
  const endsWithRecall = plans.map((p, i) => p.recalls > 0 && ended[i] && chance(rng, 0.4));
  const endedIdx = planned.flatMap((_, i) => (ended[i] ? [i] : []));
  const community = nudgeToSum(
    rng,
    endedIdx.map((i) => planned[i]),
    Math.round(TARGET.communityMeanDays * endedIdx.length),
    (j) => {
      const i = endedIdx[j];
      if (plans[i].fate === 'cut_short') return [planned[i], planned[i]];
      return [plans[i].fate === 'died' ? 120 : 200, F - release[i]];
    },
  );
  endedIdx.forEach((i, j) => (planned[i] = community[j]));

  for (let i = 0; i < n; i++) {
    const plan = plans[i];
    const id = ids[i];
    const r = release[i];
    const e: Day | undefined = ended[i] ? r + planned[i] : undefined;
    const personF = plan.fate === 'cut_short' ? CUT_SHORT_F : plan.fate === 'died' ? e! : F;
    const windowEnd = e ?? F;
    const index = indexOffenceFor(rng, plan);
    const custodyYears = custodyTenths[i] / 10;
    const { referralDate, inReachStart } = inReachBefore(rng, r, 183, chance(rng, 0.15) ? 200 : 480);
    const endReason: EndReason | undefined =
      e === undefined
        ? undefined
        : plan.fate === 'died'
          ? 'died'
          : plan.fate === 'cut_short'
            ? 'transferred'
            : endsWithRecall[i]
              ? 'recalled'
              : pickWeighted(rng, [
                  ['completed', 0.75],
                  ['disengaged', 0.17],
                  ['other', 0.04],
                  ['transferred', 0.04],
                ] as const);
    people.push({
      personId: id,
      service: RESETTLE_SERVICE,
      sex: 'male',
      ethnicity: drawEthnicity(rng, ETHNICITY),
      ageAtRelease: drawAgeAtRelease(rng, custodyYears),
      indexOffence: index,
      priorConvictions: priors[i],
      custodyYearsBeforeRelease: custodyYears,
      aces: drawAces(rng, 4),
      referralDate,
      inReachStart,
      releaseDate: r,
      serviceEnd: e,
      endReason,
      included: true,
      followUpEnd: personF === F ? undefined : personF,
    });

    // recalls inside the window, and the first one after a further offence when reconvicted
    const cycle = plan.recalls > 0 ? recallCycleDays(rng, r, windowEnd, plan.recalls, endsWithRecall[i]) : [];
    const firstRecall = cycle[0];
    const furtherCharge = new Set<Day>();
    const convictions: SynthEvent[] = [];
    if (plan.reconvicted) {
      const indexSeverity = offenceOf(lookup, index).severity;
      const count = pickWeighted(rng, [
        [1, 0.5],
        [2, 0.3],
        [3, 0.15],
        [4, 0.05],
      ] as const);
      for (let c = 0; c < count; c++) {
        let offence: string;
        if (c === 0 && plan.seriousness !== 'less') offence = 'VAP-GBH-S20';
        else if (c === 0 && plan.indictable) offence = pickWeighted(rng, plan.sexual ? INDICTABLE_AFTER_SEXUAL : INDICTABLE_RECONVICTION);
        else if (plan.indictable && chance(rng, 0.4)) offence = pickWeighted(rng, INDICTABLE_RECONVICTION);
        else offence = pickWeighted(rng, SUMMARY_RECONVICTION);
        if (plan.seriousness === 'less' && offenceOf(lookup, offence).severity >= indexSeverity) {
          throw new Error(`reconviction ${offence} is not less serious than index ${index}`);
        }
        let offenceDate: Day;
        if (c === 0 && firstRecall !== undefined) {
          offenceDate = Math.max(r, firstRecall - intBetween(rng, 1, 25));
          furtherCharge.add(firstRecall);
        } else offenceDate = intBetween(rng, r, F - 60);
        convictions.push(outcomeEvent(rng, id, 'conviction', offence, offenceDate, F));
      }
    }
    events.push(...recallEvents(rng, id, cycle, furtherCharge), ...convictions);

    // after a recall that ended the service, most are rereleased later
    if (endsWithRecall[i] && chance(rng, 0.65)) {
      const rerelease = e! + intBetween(rng, 56, 420);
      if (rerelease <= F) events.push({ personId: id, type: 'rerelease', date: rerelease });
    }
    // a few people recalled only after they left the service early: outside the intervention window, inside the licence window
    // (not after a completed service, where a recall without rerelease is a warning in records.md)
    if (plan.recalls === 0 && e !== undefined && endReason !== 'completed' && plan.fate === 'normal' && F - e > 90 && chance(rng, 0.6)) {
      events.push(...recallEvents(rng, id, [e + intBetween(rng, 30, Math.min(600, F - e - 1))]));
    }
    // breaches: often shortly before a recall, now and then without one
    if (firstRecall !== undefined && chance(rng, 0.45)) events.push(breachEvent(id, Math.max(r, firstRecall - intBetween(rng, 2, 30))));
    else if (plan.recalls === 0 && chance(rng, 0.15)) events.push(breachEvent(id, intBetween(rng, r, windowEnd)));
    // a few cautions, which the default reconviction measure leaves out
    if (plan.fate === 'normal' && chance(rng, 0.09)) {
      const offence = pick(rng, ['SNM-POA-S5', 'DRG-POSS-CANNABIS', 'THF-SHOP']);
      events.push(outcomeEvent(rng, id, 'caution', offence, intBetween(rng, r, F - 60), F));
    }
    // records complete only to mid-2019: an offence in the window sentenced after that is not a reconviction by F
    if (plan.fate === 'cut_short') {
      events.push({
        personId: id,
        type: 'conviction',
        date: CUT_SHORT_F - intBetween(rng, 20, 60),
        convictionDate: day('2019-08-14'),
        offence: 'SNM-COMMON-ASSAULT',
      });
    }
  }
}

const EXCLUSIONS: ReadonlyArray<readonly [string, number]> = [
  ["released before the study's data-sharing agreement", 9],
  ['transferred out within 3 months', 7],
  ['insufficient PNC record', 5],
  ['died within a year of release', 3],
];

/** The 24 people released to the service whom the study could not use. */
function buildExcluded(rng: Rng, ids: string[], lookup: Map<string, SynthOffence>, people: SynthPerson[], events: SynthEvent[]): void {
  const reasons = EXCLUSIONS.flatMap(([reason, count]) => Array.from({ length: count }, () => reason));
  reasons.forEach((reason, k) => {
    const id = ids[k];
    const early = reason.startsWith('released before');
    const r = early ? intBetween(rng, FIRST_RELEASE, AGREEMENT - 1) : releaseDay(rng, AGREEMENT, LAST_RELEASE);
    let e: Day | undefined;
    let endReason: EndReason | undefined;
    let followUpEnd: Day | undefined;
    if (reason.startsWith('transferred')) {
      e = r + intBetween(rng, 20, 89);
      endReason = 'transferred';
    } else if (reason.startsWith('died')) {
      e = r + intBetween(rng, 40, 360);
      endReason = 'died';
      followUpEnd = e;
    } else {
      const d = Math.round(clamp(logNormal(rng, 520, 0.45), 90, 1300));
      if (r + d <= F) {
        e = r + d;
        endReason = pickWeighted(rng, [
          ['completed', 0.7],
          ['disengaged', 0.2],
          ['recalled', 0.1],
        ] as const);
      }
    }
    const sparsePnc = reason === 'insufficient PNC record';
    const custodyTenths = drawCustodyTenths(rng, 9);
    const index = pickWeighted(rng, chance(rng, 0.3) ? SEXUAL_INDEX : VIOLENT_INDEX);
    offenceOf(lookup, index);
    const { referralDate, inReachStart } = inReachBefore(rng, r, 90, 420);
    people.push({
      personId: id,
      service: RESETTLE_SERVICE,
      sex: 'male',
      ethnicity: drawEthnicity(rng, ETHNICITY),
      ageAtRelease: drawAgeAtRelease(rng, custodyTenths / 10),
      indexOffence: index,
      priorConvictions: sparsePnc ? undefined : drawPriorConvictions(rng, 15),
      custodyYearsBeforeRelease: sparsePnc ? undefined : custodyTenths / 10,
      aces: sparsePnc && chance(rng, 0.5) ? undefined : drawAces(rng, 3),
      referralDate,
      inReachStart,
      releaseDate: r,
      serviceEnd: e,
      endReason,
      included: false,
      exclusionReason: reason,
      followUpEnd,
    });
    const personF = followUpEnd ?? F;
    const windowEnd = e ?? F;
    if (endReason === 'recalled') {
      events.push(...recallEvents(rng, id, [e!]));
    } else if (windowEnd - r > 120 && chance(rng, 0.4)) {
      events.push(...recallEvents(rng, id, recallCycleDays(rng, r, windowEnd, 1, false)));
    }
    if (personF - r > 150 && chance(rng, 0.35)) {
      const offence = pickWeighted(rng, chance(rng, 0.5) ? SUMMARY_RECONVICTION : INDICTABLE_RECONVICTION);
      events.push(outcomeEvent(rng, id, 'conviction', offence, intBetween(rng, r, personF - 100), personF));
    }
  });
}
