/**
 * A large synthetic cohort for benchmarks: any number of people with about ten
 * events each, generated one person at a time and written in chunks, so that a
 * million people (hundreds of megabytes of CSV) never sit in memory as one
 * string. The records are valid under records.md; they reproduce no published
 * figure. Events are written in random order by default, as a real extract
 * comes (records.md: "rows in any order"); `order: 'sorted'` writes them by
 * person, as a second benchmark case. Both orders hold the same rows.
 */
import { closeSync, copyFileSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseISODate, type Day } from '../time/days.js';
import type { EndReason } from '../study/vocabulary.js';
import { mulberry32, type Rng } from './prng.js';
import { chance, clamp, intBetween, logNormal, pick, pickWeighted } from './distributions.js';
import { drawCustodyTenths, drawNationalProfile } from './person-builder.js';
import { breachEvent, outcomeEvent, recallCycleDays, recallEvents } from './event-builder.js';
import { CAUTION_OFFENCES, INDICTABLE_RECONVICTION, SUMMARY_RECONVICTION } from './offence-pools.js';
import { NATIONAL_SERVICES } from './services.js';
import { eventLine, eventsHeader, personLine, peopleHeader } from './csv-format.js';
import { sortEvents, type SynthEvent, type SynthPerson } from './records.js';
import { DEFAULT_OFFENCES_PATH } from './offence-lookup.js';
import { studyJson } from './write-sample.js';

export const LARGE_DEFAULT_SEED = 1_000_003;
const LARGE_EXTRACTION = '2024-03-31';
const F = parseISODate(LARGE_EXTRACTION)!;
const FIRST_RELEASE = parseISODate('2010-01-01')!;
const LAST_RELEASE = parseISODate('2023-12-31')!;

const SERVICE_WEIGHTS = NATIONAL_SERVICES.map((s) => [s, s.size] as const);

/**
 * Identifiers `syn0000001`, … : three letters and at least seven digits, a
 * shape no real identifier (CRN, NOMIS, PNC, NI number) has, for any size.
 */
export function largeId(n: number, total: number): string {
  return `syn${String(n).padStart(Math.max(7, String(total).length), '0')}`;
}

/** One person of the large cohort and their events, in order. */
export function largePerson(rng: Rng, id: string): { person: SynthPerson; events: SynthEvent[] } {
  const service = pickWeighted(rng, SERVICE_WEIGHTS);
  const events: SynthEvent[] = [];
  const released = chance(rng, 0.96);
  let r: Day | undefined;
  let e: Day | undefined;
  let endReason: EndReason | undefined;
  let inReachStart: Day;
  if (!released) {
    inReachStart = intBetween(rng, F - 400, F);
  } else {
    r = intBetween(rng, FIRST_RELEASE, LAST_RELEASE);
    inReachStart = r - intBetween(rng, 120, 420);
    const d = Math.round(clamp(logNormal(rng, 560, 0.5), 60, 2000));
    if (r + d <= F) {
      e = r + d;
      endReason = pickWeighted(rng, [
        ['completed', 0.62],
        ['disengaged', 0.18],
        ['recalled', 0.12],
        ['transferred', 0.05],
        ['other', 0.03],
      ] as const);
    }
    const windowEnd = e ?? F;
    // recalls inside the window, each rereleased except the one that ends a "recalled" service
    const endsWithRecall = endReason === 'recalled';
    const wanted = endsWithRecall
      ? 1 + Math.floor(rng() * 3)
      : pickWeighted(rng, [
          [0, 0.25],
          [1, 0.3],
          [2, 0.25],
          [3, 0.12],
          [4, 0.08],
        ] as const);
    const fits = Math.min(wanted, Math.floor((windowEnd - r) / 45));
    if (fits > 0) events.push(...recallEvents(rng, id, recallCycleDays(rng, r, windowEnd, fits, endsWithRecall && fits === wanted)));
    else if (endsWithRecall) endReason = 'completed';
    // convictions, cautions and breaches after release
    const convictions = pickWeighted(rng, [
      [0, 0.22],
      [2, 0.15],
      [4, 0.2],
      [7, 0.2],
      [10, 0.13],
      [14, 0.1],
    ] as const);
    for (let c = 0; c < convictions && r <= F - 45; c++) {
      const offence = pickWeighted(rng, chance(rng, 0.45) ? INDICTABLE_RECONVICTION : SUMMARY_RECONVICTION);
      events.push(outcomeEvent(rng, id, 'conviction', offence, intBetween(rng, r, F - 45), F));
    }
    if (r <= F - 45 && chance(rng, 0.3)) events.push(outcomeEvent(rng, id, 'caution', pick(rng, CAUTION_OFFENCES), intBetween(rng, r, F - 45), F));
    const breaches = pickWeighted(rng, [
      [0, 0.25],
      [1, 0.3],
      [2, 0.27],
      [5, 0.18],
    ] as const);
    for (let b = 0; b < breaches; b++) events.push(breachEvent(id, intBetween(rng, r, windowEnd)));
  }
  const custodyTenths = drawCustodyTenths(rng, 8);
  const included = !chance(rng, 0.05);
  const person: SynthPerson = {
    personId: id,
    service: service.name,
    ...drawNationalProfile(rng, service, r, custodyTenths),
    referralDate: inReachStart - intBetween(rng, 7, 120),
    inReachStart,
    releaseDate: r,
    serviceEnd: e,
    endReason,
    included,
    exclusionReason: included ? undefined : 'record incomplete',
  };
  return { person, events: withoutRepeats(sortEvents(events)) };
}

/** Drops a row identical to the one before it (two breaches drawn on one day), which records.md would count as a duplicate. */
function withoutRepeats(sorted: SynthEvent[]): SynthEvent[] {
  return sorted.filter((ev, i) => i === 0 || eventLine(ev) !== eventLine(sorted[i - 1]));
}

/** Appends text to a file descriptor through a buffer flushed at about 1 MB. */
class ChunkedWriter {
  private parts: string[] = [];
  private size = 0;
  constructor(
    private readonly fd: number,
    private readonly limit = 1 << 20,
  ) {}
  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= this.limit) this.flush();
  }
  flush(): void {
    if (this.parts.length > 0) writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

export interface LargeCohortOptions {
  people: number;
  outDir: string;
  seed?: number;
  /** Event rows in random order (the default, as extracts come) or sorted by person. */
  order?: 'shuffled' | 'sorted';
}

/** Event lines per bucket of the shuffle: each bucket is shuffled in memory, so this bounds the memory used. */
const BUCKET_ROWS = 250_000;

/**
 * Event lines in a uniformly random order without holding them all: each line
 * goes to a random bucket file, then each bucket is shuffled (Fisher–Yates) and
 * appended in turn. A line's final place is uniform over all places.
 */
class ShuffledWriter {
  private readonly paths: string[] = [];
  private readonly fds: number[] = [];
  private readonly writers: ChunkedWriter[] = [];
  private readonly rng: Rng;

  constructor(
    private readonly out: ChunkedWriter,
    dir: string,
    expectedLines: number,
    seed: number,
  ) {
    // Its own stream of numbers, so that the rows themselves are those of the sorted order.
    this.rng = mulberry32(seed ^ 0x5f3759df);
    const buckets = Math.max(1, Math.ceil(expectedLines / BUCKET_ROWS));
    for (let b = 0; b < buckets; b++) {
      const path = join(dir, `.events-shuffle-${b}.tmp`);
      this.paths.push(path);
      const fd = openSync(path, 'w');
      this.fds.push(fd);
      this.writers.push(new ChunkedWriter(fd, 1 << 16));
    }
  }

  write(line: string): void {
    this.writers[Math.floor(this.rng() * this.writers.length)].write(line);
  }

  /** Writes the buckets, each shuffled, to the output and removes them. */
  finish(): void {
    this.writers.forEach((w, b) => {
      w.flush();
      closeSync(this.fds[b]);
    });
    for (const path of this.paths) {
      const lines = readFileSync(path, 'utf8').split('\n');
      lines.pop();
      for (let i = lines.length - 1; i > 0; i--) {
        const j = Math.floor(this.rng() * (i + 1));
        const t = lines[i];
        lines[i] = lines[j];
        lines[j] = t;
      }
      for (const line of lines) this.out.write(`${line}\n`);
      rmSync(path);
    }
  }
}

/**
 * Writes people.csv, events.csv, a copy of the default offences.csv and a
 * study.json for a cohort of `people`; the same seed gives the same bytes.
 * Returns the counts written.
 */
export function writeLargeCohort({ people, outDir, seed = LARGE_DEFAULT_SEED, order = 'shuffled' }: LargeCohortOptions): {
  people: number;
  events: number;
} {
  mkdirSync(outDir, { recursive: true });
  const rng = mulberry32(seed);
  const peopleFd = openSync(join(outDir, 'people.csv'), 'w');
  const eventsFd = openSync(join(outDir, 'events.csv'), 'w');
  let eventCount = 0;
  try {
    const peopleOut = new ChunkedWriter(peopleFd);
    const eventsOut = new ChunkedWriter(eventsFd);
    peopleOut.write(peopleHeader());
    eventsOut.write(eventsHeader());
    const shuffled = order === 'shuffled' ? new ShuffledWriter(eventsOut, outDir, people * 10, seed) : null;
    for (let n = 1; n <= people; n++) {
      const { person, events } = largePerson(rng, largeId(n, people));
      peopleOut.write(personLine(person));
      for (const ev of events) (shuffled ?? eventsOut).write(eventLine(ev));
      eventCount += events.length;
    }
    shuffled?.finish();
    peopleOut.flush();
    eventsOut.flush();
  } finally {
    closeSync(peopleFd);
    closeSync(eventsFd);
  }
  copyFileSync(DEFAULT_OFFENCES_PATH, join(outDir, 'offences.csv'));
  const study = studyJson({ title: `Large synthetic IIRMS cohort (${people} people, seed ${seed})`, extractionDate: LARGE_EXTRACTION }, 'offences.csv');
  const fd = openSync(join(outDir, 'study.json'), 'w');
  writeSync(fd, study);
  closeSync(fd);
  return { people, events: eventCount };
}
