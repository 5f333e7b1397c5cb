/**
 * Cohort flow (measures.md): how everyone in the people table reaches the
 * follow-up cohort, and whom each measure could not use.
 */
import type { MeasureOptions } from '../study/options.js';
import { resolveOptions } from './options.js';
import type { Study } from '../study/study.js';
import { hasServiceEnd, inCohort, NO_SERVICE_END } from './cohort.js';
import { columnsOf } from './columns.js';
import { FOLLOW_UP_TOO_SHORT, provenTooShort } from './proven-reoffending.js';
import type { FlowResult, Unused } from './types.js';

/** The label of an excluded person whose exclusion_reason is blank (the loader should not let one through). */
export const NO_REASON_GIVEN = 'no reason given';
export const NO_IN_REACH_START = 'no in-reach start';
export const ONGOING = 'ongoing (counted, not averaged)';

/**
 * People → excluded (by exclusion_reason, trimmed, in order of first
 * appearance) → included → not yet released → follow-up cohort; so people =
 * excluded + included and included = not released + cohort. `unusedByMeasure`
 * lists, per measure, the cohort members it could not use and why; computed
 * from the options when not given.
 */
export function cohortFlow(study: Study, options: Partial<MeasureOptions> = {}, unusedByMeasure?: Record<string, Unused[]>): FlowResult {
  const p = columnsOf(study).people;
  const excluded: Record<string, number> = {};
  let included = 0;
  let notYetReleased = 0;
  let cohort = 0;
  for (let i = 0; i < p.n; i++) {
    if (p.included[i] !== true) {
      const reason = (p.exclusionReason[i] ?? '').trim() || NO_REASON_GIVEN;
      excluded[reason] = (excluded[reason] ?? 0) + 1;
      continue;
    }
    included++;
    if (inCohort(p, i)) cohort++;
    else notYetReleased++;
  }
  return {
    people: p.n,
    excluded,
    included,
    notYetReleased,
    cohort,
    unusedByMeasure: unusedByMeasure ?? unusedFromOptions(study, options),
  };
}

/** The unused lists of the measures that read events, as they reported them. */
type MeasuredUnused = Record<'reconviction' | 'desistance' | 'provenReoffending', Unused[]>;

/**
 * Whom each measure leaves out. The event-reading measures' lists are taken from
 * `measured` when given (computeMeasures has them); otherwise they are worked
 * out from the options alone (no event is read).
 */
export function unusedFromOptions(study: Study, options: Partial<MeasureOptions> = {}, measured?: MeasuredUnused): Record<string, Unused[]> {
  const opts = resolveOptions(options);
  const p = columnsOf(study).people;
  let noEnd = 0;
  let noInReach = 0;
  for (let i = 0; i < p.n; i++) {
    if (!inCohort(p, i)) continue;
    if (!hasServiceEnd(p, i)) noEnd++;
    if (Number.isNaN(p.inReachStart[i])) noInReach++;
  }
  const some = (reason: string, count: number): Unused[] => (count > 0 ? [{ reason, count }] : []);
  const fromEnd = opts.desistanceFrom === 'service_end' ? some(NO_SERVICE_END, noEnd) : [];
  return {
    recall: [],
    ...(measured ?? {
      reconviction: opts.reconvictionWindow === 'after_intervention' ? some(NO_SERVICE_END, noEnd) : [],
      desistance: fromEnd,
      provenReoffending: [...fromEnd, ...some(FOLLOW_UP_TOO_SHORT, provenTooShort(study, opts))],
    }),
    inReachTime: some(NO_IN_REACH_START, noInReach),
    communityTime: some(ONGOING, noEnd),
  };
}
