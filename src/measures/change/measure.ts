/**
 * change.md: individual outcome change per instrument, overall and by the
 * grouping column, for `follow-up measures` (json-output.md, `change`).
 */
import { clinicalCutOff, RELIABLE_Z, sDiff, type CutOff } from '../../stats/reliable-change.js';
import type { Instrument } from '../../study/instruments.js';
import type { Study } from '../../study/study.js';
import { cohortRows } from '../cohort.js';
import { columnsOf } from '../columns.js';
import { groupColumn, groupsInCohortRows } from '../groups.js';
import { NO_ASSESSMENT, ONE_DAY_ONLY, changePairs } from './pairs.js';
import { categoryOf, changeSummary, type Category, type ChangeSummary } from './summary.js';

export type { ChangeSummary, ChangeCategories, Category } from './summary.js';

/** One instrument's change (json-output.md, `change.<instrument>`). */
export interface InstrumentChange {
  better: 'lower' | 'higher';
  reliability: number;
  /** The SD behind S_diff: the instrument's `sd`, or the SD (n − 1) of the analysed people's pre scores; null when neither exists. */
  s: number | null;
  sSource: 'instrument' | 'preScores';
  sDiff: number | null;
  /** z · S_diff: the half-width of the band of no reliable change. */
  reliableChange: number | null;
  cutOff: CutOff | null;
  /** Where the norms and sd come from, as the study file says (null when it gives none). */
  source: string | null;
  groupBy: string;
  overall: ChangeSummary;
  byGroup: ({ group: string } & ChangeSummary)[];
  /** Each analysed person's pre and post score, in cohort order, and their group: for the analyst's Jacobson plot only (never in JSON). */
  pairs: { pre: number[]; post: number[]; group: string[]; category: (Category | null)[] };
}

export type ChangeResult = Record<string, InstrumentChange>;

function sdOf(x: Float64Array): number | null {
  const n = x.length;
  if (n < 2) return null;
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i];
  m /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i] - m) ** 2;
  return Math.sqrt(ss / (n - 1));
}

/** Who of a set of cohort members had no assessment, or assessments on one day only. */
export interface ChangeCounts {
  cohort: number;
  noAssessment: number;
  oneDayOnly: number;
}

/** One instrument's analysed people (in cohort order) and the counts behind the summaries. */
interface InstrumentPairs {
  pre: Float64Array;
  post: Float64Array;
  /** Each analysed person's group, a code into ChangeInput.groupNames. */
  group: Int32Array;
  /** The counts of the whole cohort (`null`) or of one group's members (a code). */
  counts: (group: number | null) => ChangeCounts;
}

/** What individual change is computed from: the in-memory study, or the SQL engine's pairs (src/engine/change.ts). */
interface ChangeInput {
  /** The study file's instruments, in its order, and their settings. */
  names: readonly string[];
  instruments: Record<string, Instrument>;
  groupBy: string;
  groupNames: readonly string[];
  /** Which groups have a cohort member (every such group is listed, those with nobody analysed too). */
  present: readonly boolean[];
  pairsOf: (k: number) => InstrumentPairs;
}

/**
 * The change measures of every instrument of the study file, or null when the
 * study has no instruments or no assessments table. By group, the overall s
 * and S_diff are used, so a person's category does not depend on the grouping;
 * every group of the cohort is listed, those with nobody analysed too.
 */
export function changeMeasure(study: Study, groupBy: string): ChangeResult | null {
  const a = study.assessments;
  const instruments = study.instruments;
  if (!a || !instruments) return null;
  const cohort = cohortRows(study);
  const people = columnsOf(study).people;
  const groups = groupColumn(study, groupBy);
  return changeOf({
    names: a.names,
    instruments,
    groupBy,
    groupNames: groups.names,
    present: groupsInCohortRows(groups, cohort),
    pairsOf: (k) => {
      const pairs = changePairs(a, k, cohort, people.followUpEnd, people.n);
      const counts = (g: number | null): ChangeCounts => {
        const c = { cohort: 0, noAssessment: 0, oneDayOnly: 0 };
        for (let j = 0; j < cohort.length; j++) {
          if (g !== null && groups.codeOf[cohort[j]] !== g) continue;
          c.cohort++;
          if (pairs.status[j] === NO_ASSESSMENT) c.noAssessment++;
          else if (pairs.status[j] === ONE_DAY_ONLY) c.oneDayOnly++;
        }
        return c;
      };
      return { pre: pairs.pre, post: pairs.post, group: Int32Array.from(pairs.rows, (p) => groups.codeOf[p]), counts };
    },
  });
}

/** {@link changeMeasure} from its input: what both engines call. */
export function changeOf(input: ChangeInput): ChangeResult {
  const out: ChangeResult = {};
  input.names.forEach((name, k) => {
    const inst = input.instruments[name];
    const pairs = input.pairsOf(k);
    const s = inst.sd ?? sdOf(pairs.pre);
    const sdiff = s !== null && s > 0 ? sDiff(s, inst.reliability) : null;
    const cutOff = clinicalCutOff(inst.better, inst.clinical, inst.functional);
    const overall = changeSummary(pairs.counts(null), pairs.pre, pairs.post, sdiff, inst.better, cutOff);
    const analysedGroup = pairs.group;
    const byGroup = input.groupNames.flatMap((group, g) => {
      if (!input.present[g]) return [];
      const pick = (x: Float64Array) => Float64Array.from(x.filter((_, i) => analysedGroup[i] === g));
      return [{ group, ...changeSummary(pairs.counts(g), pick(pairs.pre), pick(pairs.post), sdiff, inst.better, cutOff) }];
    });
    out[name] = {
      better: inst.better,
      reliability: inst.reliability,
      s,
      sSource: inst.sd !== null ? 'instrument' : 'preScores',
      sDiff: sdiff,
      reliableChange: sdiff === null ? null : RELIABLE_Z * sdiff,
      cutOff,
      source: inst.source,
      groupBy: input.groupBy,
      overall,
      byGroup,
      pairs: {
        pre: Array.from(pairs.pre),
        post: Array.from(pairs.post),
        group: Array.from(analysedGroup, (g) => input.groupNames[g]),
        category: Array.from(pairs.pre, (pre, i) => (sdiff === null ? null : categoryOf(pre, pairs.post[i], sdiff, inst.better, cutOff))),
      },
    };
  });
  return out;
}
