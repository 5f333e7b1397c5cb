/**
 * change.md, "Definitions" and "Readings": each follow-up cohort member's pre
 * and post score on one instrument. pre = the earliest assessment on or before
 * F; post = the latest on a later day (any between are ignored). Assessments
 * before release (in-reach) count; those after F are ignored like events.
 */
import type { AssessmentTable } from '../../study/instruments.js';

/** Pre/post per cohort member of one instrument, and who could not be analysed. */
interface ChangePairs {
  /** Cohort rows analysed (index into study.people), in cohort order. */
  rows: Int32Array;
  pre: Float64Array;
  post: Float64Array;
  /** Per cohort position: 0 analysed, 1 no assessment, 2 assessments on one day only. */
  status: Uint8Array;
}

const ANALYSED = 0;
export const NO_ASSESSMENT = 1;
export const ONE_DAY_ONLY = 2;

/**
 * The pairs of instrument `k` for the cohort rows given, with each person's
 * follow-up end F (`followUpEnd[row]`).
 */
export function changePairs(a: AssessmentTable, k: number, cohort: Int32Array, followUpEnd: Float64Array, people: number): ChangePairs {
  // Earliest and latest usable assessment of each person (dates of one person and instrument are distinct: the loader refuses a second).
  const firstDay = new Float64Array(people).fill(Infinity);
  const lastDay = new Float64Array(people).fill(-Infinity);
  const firstScore = new Float64Array(people);
  const lastScore = new Float64Array(people);
  for (let i = 0; i < a.person.length; i++) {
    if (a.instrument[i] !== k) continue;
    const p = a.person[i];
    const d = a.date[i];
    if (!(d <= followUpEnd[p])) continue;
    if (d < firstDay[p]) {
      firstDay[p] = d;
      firstScore[p] = a.score[i];
    }
    if (d > lastDay[p]) {
      lastDay[p] = d;
      lastScore[p] = a.score[i];
    }
  }
  const status = new Uint8Array(cohort.length);
  let n = 0;
  for (let j = 0; j < cohort.length; j++) {
    const p = cohort[j];
    status[j] = firstDay[p] === Infinity ? NO_ASSESSMENT : lastDay[p] > firstDay[p] ? ANALYSED : ONE_DAY_ONLY;
    if (status[j] === ANALYSED) n++;
  }
  const rows = new Int32Array(n);
  const pre = new Float64Array(n);
  const post = new Float64Array(n);
  for (let j = 0, m = 0; j < cohort.length; j++) {
    if (status[j] !== ANALYSED) continue;
    const p = cohort[j];
    rows[m] = p;
    pre[m] = firstScore[p];
    post[m++] = lastScore[p];
  }
  return { rows, pre, post, status };
}
