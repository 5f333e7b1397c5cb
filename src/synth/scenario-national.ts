/**
 * The national sample: about twenty IIRMS services with several years of
 * history, built so that on 30 January 2024 exactly 1,020 people are in
 * service, 358 in custody and 662 in the community, as in the Ministry of
 * Justice's ad hoc IIRMS statistics (15 March 2024), under the snapshot rule
 * of measures.md ("Caseload snapshot at a date D").
 *
 * Everyone is planned first as one of five kinds relative to D: in custody
 * before release, recalled and not yet rereleased, in the community, ended
 * before D, or starting after D. Each kind's dates are then drawn inside the
 * limits that keep it that kind, so the snapshot totals hold for any seed; a
 * handful of people sit exactly on the boundaries of the rule (release, recall,
 * rerelease, start or end on D itself) to exercise them.
 */
import { parseISODate, dayFromParts, type Day } from '../time/days.js';
import type { EndReason } from '../study/vocabulary.js';
import { childRng, type Rng } from './prng.js';
import { apportion, chance, clamp, intBetween, logNormal, pick, pickWeighted, shuffled } from './distributions.js';
import { drawCustodyTenths, drawNationalProfile } from './person-builder.js';
import { breachEvent, outcomeEvent, recallCycleDays, recallEvents } from './event-builder.js';
import { CAUTION_OFFENCES, INDICTABLE_RECONVICTION, SUMMARY_RECONVICTION } from './offence-pools.js';
import { NATIONAL_SERVICES, type ServiceProfile } from './services.js';
import { drawCaseMixRisk, profileForRisk, serviceForRisk } from './national-case-mix.js';
import { studyId, type Sample, type SynthEvent, type SynthPerson } from './records.js';
import { addDeaths } from './deaths.js';

/** The seed the committed sample was written with. */
const NATIONAL_SEED = 2024_0130;
const NATIONAL_EXTRACTION = '2024-03-31';
const NATIONAL_SNAPSHOT = '2024-01-30';
/** The published snapshot: people in service on D, of whom in custody. */
const NATIONAL_TARGET = { inService: 1020, custody: 358, community: 662 } as const;

const day = (iso: string): Day => parseISODate(iso)!;
const D = day(NATIONAL_SNAPSHOT);
const F = day(NATIONAL_EXTRACTION);

type Kind = 'pre_release' | 'recalled' | 'community' | 'ended' | 'future';
type Edge =
  | 'release_on_D'
  | 'recall_and_rerelease_same_day'
  | 'rerelease_on_D'
  | 'end_on_D'
  | 'recall_on_D'
  | 'recall_on_D_rerelease_next_day'
  | 'in_reach_on_D'
  | 'release_day_after_D'
  | 'ended_day_before_D'
  | 'start_day_after_D';

/** Boundary cases of the snapshot rule, each given to the first person of a kind in one service. */
const EDGES: ReadonlyArray<readonly [serviceIndex: number, kind: Kind, edge: Edge]> = [
  [0, 'community', 'release_on_D'],
  [1, 'community', 'recall_and_rerelease_same_day'],
  [2, 'community', 'rerelease_on_D'],
  [3, 'community', 'end_on_D'],
  [4, 'recalled', 'recall_on_D'],
  [5, 'recalled', 'recall_on_D_rerelease_next_day'],
  [6, 'pre_release', 'in_reach_on_D'],
  [7, 'pre_release', 'release_day_after_D'],
  [8, 'ended', 'ended_day_before_D'],
  [9, 'future', 'start_day_after_D'],
];

const EXCLUSION_REASONS = ['no consent to research use of records', 'record incomplete', 'referral withdrawn'] as const;

/** One planned person: service, kind at D and an optional boundary case. */
interface Slot {
  service: ServiceProfile;
  kind: Kind;
  edge?: Edge;
}

/** How many people of each kind each service has. */
function planSlots(): Slot[] {
  const services = NATIONAL_SERVICES;
  const inService = apportion(
    NATIONAL_TARGET.inService,
    services.map((s) => s.size),
  );
  const custody = apportion(
    NATIONAL_TARGET.custody,
    services.map((s) => s.size * s.custodyShare),
  );
  const slots: Slot[] = [];
  services.forEach((service, i) => {
    if (custody[i] > inService[i]) throw new Error(`${service.name}: custody ${custody[i]} above caseload ${inService[i]}`);
    const recalled = Math.round(custody[i] * clamp(service.pRecall * 1.1, 0.15, 0.65));
    const counts: Record<Kind, number> = {
      pre_release: custody[i] - recalled,
      recalled,
      community: inService[i] - custody[i],
      ended: Math.round(inService[i] * 0.33 * (2023 - service.since)),
      future: Math.max(1, Math.round(inService[i] * 0.07)),
    };
    for (const kind of Object.keys(counts) as Kind[]) {
      for (let k = 0; k < counts[kind]; k++) {
        const edge = k === 0 ? EDGES.find(([s, kd]) => s === i && kd === kind)?.[2] : undefined;
        slots.push({ service, kind, edge });
      }
    }
  });
  return slots;
}

/** Builds the national sample for a seed. */
export function buildNational(seed: number = NATIONAL_SEED): Sample {
  const slots = planSlots();
  const ids = shuffled(
    childRng(seed, 'ids'),
    slots.map((_, i) => studyId(i + 1)),
  );
  const rng = childRng(seed, 'people');
  const people: SynthPerson[] = [];
  const events: SynthEvent[] = [];
  slots.forEach((slot, i) => {
    const built = buildPerson(rng, slot, ids[i]);
    people.push(built.person);
    events.push(...built.events);
  });
  assertSnapshot(people, events);
  // Deaths after D for everyone in service on D, so the snapshot holds (it leaves out people who died before D).
  const withDeaths = addDeaths(childRng(seed, 'deaths'), people, events, {
    share: 0.06,
    extraction: F,
    earliest: (p) => (p.serviceEnd !== undefined && p.serviceEnd < D ? p.serviceEnd : D + 1),
  });
  assertSnapshot(people, withDeaths);
  return {
    people,
    events: withDeaths,
    study: {
      title: 'IIRMS services in England and Wales (synthetic, snapshot after the MoJ ad hoc statistics of March 2024)',
      extractionDate: NATIONAL_EXTRACTION,
      snapshotDate: NATIONAL_SNAPSHOT,
      options: { recallWindow: 'intervention', reconvictionWindow: 'since_release', groupBy: 'category' },
    },
  };
}

interface Built {
  person: SynthPerson;
  events: SynthEvent[];
}

/** 1 January of the service's first year: nobody starts in-reach before it. */
const serviceStart = (s: ServiceProfile) => dayFromParts(s.since, 1, 1);

function buildPerson(rng: Rng, slot: Slot, id: string): Built {
  const { kind, edge } = slot;
  // case mix by service: the person's latent risk sets their chances and their recorded profile
  const risk = drawCaseMixRisk(rng, slot.service);
  const service = serviceForRisk(slot.service, risk);
  const start = serviceStart(service);
  const events: SynthEvent[] = [];
  let inReachStart: Day;
  let r: Day | undefined;
  let e: Day | undefined;
  let endReason: EndReason | undefined;
  let followUpEnd: Day | undefined;
  let recallProneness = service.pRecall;

  const inReachBeforeRelease = (release: Day) => release - intBetween(rng, 150, Math.max(150, Math.min(400, release - start)));

  switch (kind) {
    case 'future': {
      inReachStart = edge === 'start_day_after_D' ? D + 1 : intBetween(rng, D + 1, F);
      break;
    }
    case 'pre_release': {
      if (edge === 'release_day_after_D' || (edge === undefined && chance(rng, 0.35))) {
        r = edge === 'release_day_after_D' ? D + 1 : intBetween(rng, D + 1, F);
        inReachStart = inReachBeforeRelease(r);
      } else {
        inReachStart = edge === 'in_reach_on_D' ? D : D - intBetween(rng, 0, 420);
        // a few leave before release (moved prison, deselected) after D
        if (edge === undefined && chance(rng, 0.05)) {
          e = intBetween(rng, D, F);
          endReason = pickWeighted(rng, [
            ['transferred', 0.6],
            ['other', 0.4],
          ] as const);
        }
      }
      break;
    }
    case 'community': {
      r =
        edge === 'release_on_D'
          ? D
          : edge === 'rerelease_on_D'
            ? D - 300
            : edge === 'recall_and_rerelease_same_day'
              ? D - 200
              : D - Math.round(clamp(logNormal(rng, 330, 0.7), 0, 1200));
      r = Math.max(r, start + 183);
      inReachStart = inReachBeforeRelease(r);
      if (edge === 'recall_and_rerelease_same_day') {
        events.push(...recallEvents(rng, id, [D - 40, D - 40]));
      } else if (edge === 'rerelease_on_D') {
        events.push(...recallEvents(rng, id, [D - 60, D]));
      } else if (D - 1 - r >= 120 && chance(rng, service.pRecall * 0.7)) {
        const cycles = recallCycleDays(rng, r, D - 1, chance(rng, 0.75) ? 1 : 2, false);
        events.push(...recallEvents(rng, id, cycles));
      }
      if (edge === 'end_on_D') {
        e = D;
        endReason = 'completed';
      } else if (edge === undefined && chance(rng, 0.12)) {
        e = intBetween(rng, D, F);
        endReason = pickWeighted(rng, [
          ['completed', 0.6],
          ['disengaged', 0.25],
          ['transferred', 0.15],
        ] as const);
      } else if (edge === undefined && chance(rng, service.pRecall * 0.1)) {
        // recalled after the snapshot day: does not change the snapshot
        events.push(...recallEvents(rng, id, [intBetween(rng, D + 1, F)]));
      }
      break;
    }
    case 'recalled': {
      r = Math.max(D - Math.round(clamp(logNormal(rng, 300, 0.6), 30, 1200)), start + 183);
      inReachStart = inReachBeforeRelease(r);
      const lastRecall = edge !== undefined ? D : D - intBetween(rng, 0, Math.min(240, D - r - 20));
      const count = lastRecall - r >= 120 && chance(rng, 0.3) ? 2 : 1;
      const cycles = recallCycleDays(rng, r, lastRecall, count, true);
      const charged = chance(rng, 0.45);
      if (charged) addConvictions(rng, events, id, r, F, 1 + (chance(rng, 0.3) ? 1 : 0), lastRecall);
      events.push(...recallEvents(rng, id, cycles, charged ? new Set([lastRecall]) : undefined));
      if (edge === 'recall_on_D_rerelease_next_day') events.push({ personId: id, type: 'rerelease', date: D + 1 });
      else if (chance(rng, 0.3)) events.push({ personId: id, type: 'rerelease', date: intBetween(rng, D + 1, F) });
      if (chance(rng, 0.4)) events.push(breachEvent(id, Math.max(r, lastRecall - intBetween(rng, 2, 30))));
      if (edge === undefined && chance(rng, 0.08)) {
        e = intBetween(rng, D, F);
        endReason = 'recalled';
      }
      recallProneness = 0; // their recalls are placed above
      break;
    }
    case 'ended': {
      e = edge === 'ended_day_before_D' ? D - 1 : intBetween(rng, start + 240, D - 1);
      if (edge === undefined && chance(rng, 0.07)) {
        // ended before release: in-reach only
        inReachStart = e - intBetween(rng, 30, Math.min(300, e - start));
        endReason = pickWeighted(rng, [
          ['transferred', 0.4],
          ['other', 0.3],
          ['disengaged', 0.2],
          ['died', 0.1],
        ] as const);
        if (endReason === 'died') followUpEnd = e;
        recallProneness = 0;
        break;
      }
      const d = Math.min(Math.round(clamp(logNormal(rng, 430, 0.5), 30, 1500)), e - (start + 183));
      r = e - d;
      inReachStart = inReachBeforeRelease(r);
      let endsWithRecall = false;
      if (d >= 60 && chance(rng, service.pRecall)) {
        const count = pickWeighted(rng, [
          [1, 0.65],
          [2, 0.25],
          [3, 0.1],
        ] as const);
        const fits = Math.min(count, Math.floor(d / 60));
        endsWithRecall = chance(rng, 0.45);
        const cycles = recallCycleDays(rng, r, e, fits, endsWithRecall);
        const charged = chance(rng, 0.4);
        if (charged) addConvictions(rng, events, id, r, F, 1, cycles[0]);
        events.push(...recallEvents(rng, id, cycles, charged ? new Set([cycles[0]]) : undefined));
        if (endsWithRecall && chance(rng, 0.7) && e + 28 <= F)
          events.push({ personId: id, type: 'rerelease', date: intBetween(rng, e + 28, Math.min(F, e + 365)) });
      }
      endReason = endsWithRecall
        ? 'recalled'
        : pickWeighted(rng, [
            ['completed', 0.66],
            ['disengaged', 0.2],
            ['transferred', 0.08],
            ['other', 0.04],
            ['died', 0.02],
          ] as const);
      if (endReason === 'died') followUpEnd = e;
      else if (endReason !== 'completed' && !endsWithRecall && F - e > 60 && chance(rng, service.pRecall * 0.7)) {
        // recalled after leaving the service early: outside the intervention window (not after a
        // completed service, where a recall without rerelease is a records.md warning)
        const recall = intBetween(rng, e + 30, Math.min(F, e + 900));
        events.push(...recallEvents(rng, id, [recall]));
        if (recall + 28 <= F && chance(rng, 0.6))
          events.push({ personId: id, type: 'rerelease', date: intBetween(rng, recall + 28, Math.min(F, recall + 300)) });
      }
      if (chance(rng, 0.3)) events.push(breachEvent(id, intBetween(rng, r, e)));
      break;
    }
  }

  // further convictions and cautions after release, more likely where recalls are likely
  const personF = followUpEnd ?? F;
  if (r !== undefined && r <= personF - 45 && kind !== 'pre_release') {
    if (chance(rng, service.pReconviction * (recallProneness > 0 ? 1 : 0.8))) {
      addConvictions(
        rng,
        events,
        id,
        r,
        personF,
        pickWeighted(rng, [
          [1, 0.55],
          [2, 0.27],
          [3, 0.13],
          [4, 0.05],
        ] as const),
      );
    }
    if (chance(rng, 0.05)) events.push(outcomeEvent(rng, id, 'caution', pick(rng, CAUTION_OFFENCES), intBetween(rng, r, personF - 45), personF));
  }

  const custodyTenths = drawCustodyTenths(rng, 8);
  const included = !chance(rng, 0.06);
  const person: SynthPerson = {
    personId: id,
    service: service.name,
    ...profileForRisk(drawNationalProfile(rng, service, r, custodyTenths, { priors: 0.03, aces: 0.08 }), risk),
    referralDate: inReachStart - intBetween(rng, 7, 120),
    inReachStart,
    releaseDate: r,
    serviceEnd: e,
    endReason,
    included,
    exclusionReason: included ? undefined : pick(rng, EXCLUSION_REASONS),
    followUpEnd,
  };
  return { person, events };
}

/**
 * Convictions for offences committed from `from` to 45 days before `to`, each
 * sentenced by `to`; with `before`, the first offence falls a few days before
 * that day (the further charge behind a recall).
 */
function addConvictions(rng: Rng, events: SynthEvent[], id: string, from: Day, to: Day, count: number, before?: Day): void {
  for (let c = 0; c < count; c++) {
    const offence = pickWeighted(rng, chance(rng, 0.45) ? INDICTABLE_RECONVICTION : SUMMARY_RECONVICTION);
    const offenceDate = c === 0 && before !== undefined ? Math.max(from, before - intBetween(rng, 1, 20)) : intBetween(rng, from, Math.max(from, to - 45));
    events.push(outcomeEvent(rng, id, 'conviction', offence, offenceDate, to));
  }
}

/**
 * The generator's own check of the snapshot totals (measures.md), so that a
 * change to a scenario cannot silently break the published figures.
 */
function assertSnapshot(people: SynthPerson[], events: SynthEvent[]): void {
  const byPerson = new Map<string, SynthEvent[]>();
  for (const ev of events) {
    if (!byPerson.has(ev.personId)) byPerson.set(ev.personId, []);
    byPerson.get(ev.personId)!.push(ev);
  }
  let inService = 0;
  let custody = 0;
  for (const p of people) {
    const started = p.inReachStart! <= D || (p.releaseDate !== undefined && p.releaseDate <= D);
    if (!started || (p.serviceEnd !== undefined && p.serviceEnd < D)) continue;
    inService++;
    if (p.releaseDate === undefined || D < p.releaseDate) {
      custody++;
      continue;
    }
    const mine = (byPerson.get(p.personId) ?? []).filter((ev) => ev.date <= D);
    const recalls = mine.filter((ev) => ev.type === 'recall' && ev.date >= p.releaseDate!).map((ev) => ev.date);
    if (recalls.length === 0) continue;
    const last = Math.max(...recalls);
    if (!mine.some((ev) => ev.type === 'rerelease' && ev.date >= last)) custody++;
  }
  if (inService !== NATIONAL_TARGET.inService || custody !== NATIONAL_TARGET.custody) {
    throw new Error(
      `national snapshot is ${inService} in service, ${custody} in custody; expected ${NATIONAL_TARGET.inService} and ${NATIONAL_TARGET.custody}`,
    );
  }
}
