/**
 * Synthetic questionnaire records (records.md, "assessments"; change.md) for
 * the samples: each cohort member's first assessment in custody (in-reach) or
 * soon after release and a later one in the community, some with one between,
 * some with one only or none, drawn from a seed of their own so that the
 * samples' people and events do not move. The instruments are illustrative:
 * their reliability and norms are the example of change.md, not a named
 * questionnaire's published figures, and the study file says so.
 */
import { formatDay } from '../time/days.js';
import { clamp, intBetween, pickWeighted, standardNormal } from './distributions.js';
import { childRng } from './prng.js';
import type { Sample, SynthAssessment } from './records.js';

/** How one illustrative instrument's scores are drawn, and what the study file declares for it. */
interface SynthInstrument {
  name: string;
  /** The study file's entry (change.md, "Instruments"). */
  declared: Record<string, unknown>;
  /** First score: mean and SD; change to the last: mean and SD; the score range. */
  pre: readonly [number, number];
  change: readonly [number, number];
  range: readonly [number, number];
}

/** Said of every illustrative instrument in its study file (`source`). */
const ILLUSTRATIVE_SOURCE =
  'Illustrative only: the figures of the example in change.md, not a named questionnaire or its published norms. Replace them with the instrument’s own reliability and norms (and cite them) before reading anything into the results.';

/**
 * The sample with assessments of `instruments` for its people with a release
 * date, from the seed's `assessments` stream; the study file names the table
 * and declares the instruments.
 */
export function withAssessments(sample: Sample, seed: number, instruments: readonly SynthInstrument[]): Sample {
  const rng = childRng(seed, 'assessments');
  const extraction =
    Date.UTC(+sample.study.extractionDate.slice(0, 4), +sample.study.extractionDate.slice(5, 7) - 1, +sample.study.extractionDate.slice(8, 10)) / 86_400_000;
  const rows: SynthAssessment[] = [];
  for (const person of sample.people) {
    if (person.releaseDate === undefined) continue;
    const end = Math.min(person.followUpEnd ?? extraction, extraction);
    for (const inst of instruments) {
      const how = pickWeighted(rng, [
        ['none', 0.1],
        ['one', 0.12],
        ['two', 0.58],
        ['three', 0.2],
      ] as const);
      if (how === 'none') continue;
      const start = person.inReachStart ?? person.releaseDate - 60;
      const first = intBetween(rng, Math.min(start, person.releaseDate), person.releaseDate + 30);
      const score = (x: number) => Math.round(clamp(x, inst.range[0], inst.range[1]));
      const pre = score(inst.pre[0] + inst.pre[1] * standardNormal(rng));
      const shift = inst.change[0] + inst.change[1] * standardNormal(rng);
      rows.push({ personId: person.personId, instrument: inst.name, date: first, score: pre });
      if (how === 'one') continue;
      const last = first + intBetween(rng, 120, 540);
      if (how === 'three' && last - first > 60) {
        rows.push({
          personId: person.personId,
          instrument: inst.name,
          date: first + intBetween(rng, 30, last - first - 30),
          score: score(pre + shift / 2 + 2 * standardNormal(rng)),
        });
      }
      // A last questionnaire not yet done by the extraction leaves the person with the first only.
      if (last <= end) rows.push({ personId: person.personId, instrument: inst.name, date: last, score: score(pre + shift) });
    }
  }
  const declared: Record<string, unknown> = {};
  for (const inst of instruments) declared[inst.name] = inst.declared;
  return { ...sample, assessments: rows, study: { ...sample.study, instruments: declared } };
}

/** The assessments table's header. */
export const ASSESSMENTS_HEADER = 'person_id,instrument,date,score\n';

/** Rows in a stable order (person, instrument, date) as CSV lines. */
export function assessmentLines(rows: readonly SynthAssessment[]): string {
  const sorted = rows
    .slice()
    .sort(
      (a, b) =>
        (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0) ||
        (a.instrument < b.instrument ? -1 : a.instrument > b.instrument ? 1 : 0) ||
        a.date - b.date,
    );
  return sorted.map((r) => `${r.personId},${r.instrument},${formatDay(r.date)},${r.score}\n`).join('');
}

/** The distress scale of the samples: lower is better, both norms (cut-off c). */
export const DISTRESS: SynthInstrument = {
  name: 'distress',
  declared: {
    reliability: 0.9,
    better: 'lower',
    clinical: { mean: 18.0, sd: 6.0 },
    functional: { mean: 6.0, sd: 4.5 },
    source: ILLUSTRATIVE_SOURCE,
  },
  pre: [19, 6.5],
  change: [-4.5, 5.5],
  range: [0, 40],
};

/** The goals scale of the Resettle sample: higher is better, a clinical norm only (cut-off a) and a reference SD. */
export const GOALS: SynthInstrument = {
  name: 'goals',
  declared: {
    reliability: 0.8,
    better: 'higher',
    sd: 4.0,
    clinical: { mean: 9.0, sd: 3.0 },
    source: ILLUSTRATIVE_SOURCE,
  },
  pre: [9.5, 3.5],
  change: [3, 4],
  range: [0, 30],
};
