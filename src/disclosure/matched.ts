/**
 * A matched comparison as published (comparison.md, "Reporting": "Disclosure
 * control (`public` profile) applies to every count on both sides"; the
 * JSON of `follow-up compare --json` itself is the analyst's and is not
 * suppressed). Every rule is cells.ts's: counts from 1 to minCell − 1 hidden,
 * secondary suppression where a hidden count could be recovered from a
 * published total. What counts as a count here:
 * - the flow of each side (its stages add up to the stage above);
 * - a weighted mean of a 0/1 outcome or term times its side's people is a
 *   count of people (with weights 1, as for every matched service person and,
 *   for 1:1 matching without replacement, every matched pool person), and so
 *   is its complement; a mean number of reoffences times the people is a count
 *   of reoffences;
 * - the number of reoffenders behind the days to first reoffence;
 * - the numbers at risk of a curve (a curve is drawn only while at least
 *   minCell are at risk, as every curve of the page).
 * A difference is withheld with either side's mean: one mean and the
 * difference give the other. A balance row of a level is withheld whole when
 * any of its counts is: its SMD and the service's standard deviation √(p(1 − p))
 * would give the means back.
 */
import type { BalanceRow, ComparisonCurve, ComparisonEffect, ComparisonInput, ComparisonSummary, PropensityHistogram } from '../output/comparison-input.js';
import { isSmallCount, suppressCells, type Count, type DisclosurePolicy } from './cells.js';

export interface ShownServiceFlow {
  cohort: Count;
  tooShort: Count;
  missingCovariate: { covariate: string; count: Count }[];
  complete: Count;
  noMatchInCaliper: Count;
  matched: Count;
}

export interface ShownPoolFlow {
  people: Count;
  /** People in the pool's table but not in the pool (not included, or not released): people − pool. */
  outside: Count;
  pool: Count;
  tooShort: Count;
  missingCovariate: { covariate: string; count: Count }[];
  complete: Count;
  matched: Count;
  notUsed: Count;
}

/** An effect as published: every field null when withheld. */
export interface ShownEffect {
  service: number | null;
  pool: number | null;
  difference: number | null;
  ci: [number, number] | null;
  p: number | null;
  hidden: boolean;
}

export interface ShownBalanceRow extends BalanceRow {
  /** A level whose counts are withheld: nothing of the row but its name is published. */
  hidden: boolean;
}

/** A curve as published: its rows while at least minCell are at risk (public). */
export interface ShownCurve extends ComparisonCurve {
  /** True when rows were cut. */
  cut: boolean;
}

interface ShownMatchedComparison {
  flow: { service: ShownServiceFlow; pool: ShownPoolFlow };
  effects: { provenReoffending: ShownEffect; frequency: ShownEffect; recall: ShownEffect };
  daysToFirstReoffence: { service: ComparisonSummary | null; pool: ComparisonSummary | null };
  balance: ShownBalanceRow[];
  ess: { service: number | null; pool: number | null };
  curves: { service: ShownCurve; pool: ShownCurve };
}

/** The flow of the service side: tooShort, the missing and complete add up to the cohort; noMatchInCaliper and matched to complete. */
export function shownServiceFlow(f: ComparisonInput['flow']['service'], policy: DisclosurePolicy): ShownServiceFlow {
  const missing = Object.entries(f.missingCovariate);
  const values = [f.cohort, f.tooShort, f.complete, f.noMatchInCaliper, f.matched, ...missing.map(([, v]) => v)];
  const m = missing.map((_, i) => 5 + i);
  // the cohort is printed by every section and the matched people beside every effect: hide others first
  const hidden = suppressCells(
    values,
    [
      { parts: [1, ...m, 2], total: 0 },
      { parts: [3, 4], total: 2 },
    ],
    policy,
    [0, 4],
  );
  // The cohort is printed by the page's other sections whatever this flow hides: when it is all
  // that would close the gap (nobody too short or missing a covariate, so complete = cohort), the
  // matched people are withheld instead, and with them every effect.
  if (hidden[0]) {
    hidden[0] = false;
    hidden[4] = f.matched > 0;
  }
  const c = (i: number): Count => ({ value: values[i], hidden: hidden[i] });
  return {
    cohort: c(0),
    tooShort: c(1),
    complete: c(2),
    noMatchInCaliper: c(3),
    matched: c(4),
    missingCovariate: missing.map(([covariate], i) => ({ covariate, count: c(5 + i) })),
  };
}

/** The flow of the pool side: outside and pool add up to people; tooShort, the missing and complete to pool; matched and notUsed to complete. */
export function shownPoolFlow(f: ComparisonInput['flow']['pool'], policy: DisclosurePolicy): ShownPoolFlow {
  const missing = Object.entries(f.missingCovariate);
  const values = [f.people, f.people - f.pool, f.pool, f.tooShort, f.complete, f.matched, f.notUsed, ...missing.map(([, v]) => v)];
  const m = missing.map((_, i) => 7 + i);
  const hidden = suppressCells(
    values,
    [
      { parts: [1, 2], total: 0 },
      { parts: [3, ...m, 4], total: 2 },
      { parts: [5, 6], total: 4 },
    ],
    policy,
    [0, 5],
  );
  const c = (i: number): Count => ({ value: values[i], hidden: hidden[i] });
  return {
    people: c(0),
    outside: c(1),
    pool: c(2),
    tooShort: c(3),
    complete: c(4),
    matched: c(5),
    notUsed: c(6),
    missingCovariate: missing.map(([covariate], i) => ({ covariate, count: c(7 + i) })),
  };
}

/** True when a share of n people gives away a small count: its count or its complement (rounded, for weighted sums) is from 1 to minCell − 1. */
function shareGivesAway(share: number | null, n: number, policy: DisclosurePolicy): boolean {
  if (share == null) return false; // not computed: nothing is printed
  const k = Math.round(share * n);
  return isSmallCount(k, policy) || isSmallCount(Math.round(n) - k, policy);
}

/**
 * The people behind each side's weighted means: the matched service people
 * (weight 1 each); the pool's weights sum to its distinct people used under
 * `nearest` (MatchIt's rescaling), and under `weighting` p/(1 − p) has no
 * count behind it, so its effective sample size stands in.
 */
function sideSizes(c: ComparisonInput): { service: number; pool: number } {
  return { service: c.flow.service.matched, pool: c.settings.method === 'nearest' ? c.flow.pool.matched : (c.ess.pool ?? 0) };
}

function shownEffect(e: ComparisonEffect, hidden: boolean): ShownEffect {
  if (hidden) return { service: null, pool: null, difference: null, ci: null, p: null, hidden };
  // an interval with an end the pipeline could not compute is no interval
  const ci: [number, number] | null = e.ci && e.ci[0] != null && e.ci[1] != null ? [e.ci[0], e.ci[1]] : null;
  return { service: e.service, pool: e.pool, difference: e.difference, ci, p: e.p, hidden };
}

/** A 0/1 outcome: withheld when a side's people with or without it are a small count, or the side's size is withheld. */
function binaryHidden(e: ComparisonEffect, sizes: { service: number; pool: number }, sizeHidden: boolean, policy: DisclosurePolicy): boolean {
  return sizeHidden || shareGivesAway(e.service, sizes.service, policy) || shareGivesAway(e.pool, sizes.pool, policy);
}

/** A mean count of reoffences: withheld when a side's reoffences are a small count. */
function frequencyHidden(e: ComparisonEffect, sizes: { service: number; pool: number }, sizeHidden: boolean, policy: DisclosurePolicy): boolean {
  return sizeHidden || isSmallCount(Math.round((e.service ?? 0) * sizes.service), policy) || isSmallCount(Math.round((e.pool ?? 0) * sizes.pool), policy);
}

/**
 * A balance row as published. A level (`name=level`) is a 0/1 term: its mean
 * on each side, before (everyone eligible and complete) and after (the matched
 * sample), times that side's people is a count.
 */
function shownBalanceRow(row: BalanceRow, c: ComparisonInput, policy: DisclosurePolicy): ShownBalanceRow {
  const level = row.term !== 'distance' && row.term.includes('=');
  if (!level) return { ...row, hidden: false };
  const after = sideSizes(c);
  const hidden =
    shareGivesAway(row.before.meanService, c.flow.service.complete, policy) ||
    shareGivesAway(row.before.meanPool, c.flow.pool.complete, policy) ||
    shareGivesAway(row.after.meanService, after.service, policy) ||
    shareGivesAway(row.after.meanPool, after.pool, policy);
  return { ...row, hidden };
}

/** A curve's rows while at least minCell are at risk (every row in the analyst profile). */
function shownCurve(curve: ComparisonCurve, policy: DisclosurePolicy): ShownCurve {
  let end = curve.time.length;
  if (policy.profile === 'public') {
    end = curve.nRisk.findIndex((r) => r < policy.minCell);
    if (end < 0) end = curve.time.length;
  }
  const cut = end < curve.time.length;
  const take = <T>(xs: T[]) => xs.slice(0, end);
  return {
    time: take(curve.time),
    nRisk: take(curve.nRisk),
    nEvent: take(curve.nEvent),
    nCensor: take(curve.nCensor),
    survival: take(curve.survival),
    lower: take(curve.lower),
    upper: take(curve.upper),
    // a median reached after the cut would date an event among fewer than minCell people
    median: curve.median != null && (!cut || curve.median < curve.time[end]) ? curve.median : null,
    cut,
  };
}

/** Everything of a matched comparison a page publishes, decided once. */
export function shownMatchedComparison(c: ComparisonInput, policy: DisclosurePolicy): ShownMatchedComparison {
  const service = shownServiceFlow(c.flow.service, policy);
  const pool = shownPoolFlow(c.flow.pool, policy);
  const sizes = sideSizes(c);
  const sizeHidden = service.matched.hidden || pool.matched.hidden;
  const proven = binaryHidden(c.effects.provenReoffending, sizes, sizeHidden, policy);
  const days = c.effects.daysToFirstReoffence;
  const summary = (s: ComparisonSummary, otherHidden: boolean) => (otherHidden || isSmallCount(s.n, policy) ? null : s);
  return {
    flow: { service, pool },
    effects: {
      provenReoffending: shownEffect(c.effects.provenReoffending, proven),
      frequency: shownEffect(c.effects.frequency, frequencyHidden(c.effects.frequency, sizes, sizeHidden, policy)),
      recall: shownEffect(c.effects.recall, binaryHidden(c.effects.recall, sizes, sizeHidden, policy)),
    },
    // the reoffenders are the proven-reoffending count: withheld with it
    daysToFirstReoffence: { service: summary(days.service, proven), pool: summary(days.pool, proven) },
    balance: c.balance.map((row) => shownBalanceRow(row, c, policy)),
    ess: { service: service.matched.hidden ? null : c.ess.service, pool: pool.matched.hidden ? null : c.ess.pool },
    curves: { service: shownCurve(c.curves.service, policy), pool: shownCurve(c.curves.pool, policy) },
  };
}

/** A score histogram as published: bands of adjacent bins, none holding a small count; null when fewer than 3 bands would be left. */
export interface ShownPropensityHistogram {
  breaks: number[];
  /** Each side's share of its people (before) or of its weights (after) in each band. */
  before: { service: number[]; pool: number[] };
  after: { service: number[]; pool: number[] };
  /** True when bins were joined into wider bands to keep small counts out. */
  merged: boolean;
}

/** Fewer bands than this say nothing of a distribution's shape: the histogram is withheld instead. */
const MIN_BANDS = 3;

/**
 * The propensity score histogram under the policy: on public pages adjacent bins are
 * joined, from the lowest score up, into bands in which every side's people, before and
 * after, is 0 or at least minCell (a share of a side's known size would give a small count
 * back); a last band that is still small joins the one before it. Withheld (null) when
 * fewer than three bands are left. Published as shares of each side.
 */
export function shownPropensityHistogram(h: PropensityHistogram | undefined, policy: DisclosurePolicy): ShownPropensityHistogram | null {
  if (!h || h.breaks.length < 2) return null;
  const counts = [h.before.service, h.before.pool, h.afterPeople.service, h.afterPeople.pool];
  const weights = [h.before.service, h.before.pool, h.after.service, h.after.pool];
  const bins = h.breaks.length - 1;
  const bands: { from: number; to: number }[] = [];
  const ok = (from: number, to: number) => counts.every((side) => !isSmallCount(sum(side, from, to), policy));
  let from = 0;
  for (let b = 0; b < bins; b++) {
    if (ok(from, b + 1)) {
      bands.push({ from, to: b + 1 });
      from = b + 1;
    }
  }
  if (from < bins) {
    if (bands.length === 0) return null;
    bands[bands.length - 1].to = bins;
  }
  if (bands.length < MIN_BANDS) return null;
  const shares = (side: number[]) => {
    const total = sum(side, 0, bins);
    return bands.map((band) => (total > 0 ? sum(side, band.from, band.to) / total : 0));
  };
  const [bs, bp, as, ap] = weights.map(shares);
  return {
    breaks: [...bands.map((band) => h.breaks[band.from]), h.breaks[bins]],
    before: { service: bs, pool: bp },
    after: { service: as, pool: ap },
    merged: bands.length < bins,
  };
}

function sum(xs: readonly number[], from: number, to: number): number {
  let total = 0;
  for (let i = from; i < to; i++) total += xs[i];
  return total;
}
