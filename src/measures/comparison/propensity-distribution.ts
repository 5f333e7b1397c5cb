/**
 * The propensity score distributions of both sides before and after matching
 * (comparison.md "Reporting"): a histogram of the distance over equal-width bins
 * spanning every compared person's score, with each side's people per bin before
 * (every eligible, complete person, weight 1) and after (the matching or weighting
 * weights, and the people with a weight above 0, whose counts disclosure checks).
 */

/** How many equal-width bins the histogram starts from (disclosure may merge them). */
const BINS = 20;

/** Per bin, in the order of `breaks`. */
interface SideBins {
  service: number[];
  pool: number[];
}

export interface PropensityDistribution {
  /** The bin edges, BINS + 1 of them (2 when every score is the same). Bin i is [breaks[i], breaks[i + 1]), the last closed. */
  breaks: number[];
  /** People per bin before matching. */
  before: SideBins;
  /** Sum of the weights per bin after matching (or weighting). */
  after: SideBins;
  /** People with a weight above 0 per bin after matching. */
  afterPeople: SideBins;
}

/**
 * The histogram of the service's and the pool's distances, with the weights each
 * person has after matching (0 for a person not used).
 */
export function propensityDistribution(
  distance: { service: ArrayLike<number>; pool: ArrayLike<number> },
  weight: { service: ArrayLike<number>; pool: ArrayLike<number> },
): PropensityDistribution {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const side of [distance.service, distance.pool]) {
    for (let i = 0; i < side.length; i++) {
      lo = Math.min(lo, side[i]);
      hi = Math.max(hi, side[i]);
    }
  }
  if (!(lo <= hi)) return { breaks: [], before: empty(0), after: empty(0), afterPeople: empty(0) };
  const bins = hi > lo ? BINS : 1;
  const width = (hi - lo) / bins;
  const breaks = Array.from({ length: bins + 1 }, (_, b) => (b === bins ? hi : lo + b * width));
  const binOf = (x: number) => (width === 0 ? 0 : Math.min(bins - 1, Math.floor((x - lo) / width)));
  const out = { breaks, before: empty(bins), after: empty(bins), afterPeople: empty(bins) };
  for (const side of ['service', 'pool'] as const) {
    const d = distance[side];
    const w = weight[side];
    for (let i = 0; i < d.length; i++) {
      const b = binOf(d[i]);
      out.before[side][b] += 1;
      if (w[i] > 0) {
        out.after[side][b] += w[i];
        out.afterPeople[side][b] += 1;
      }
    }
  }
  return out;
}

function empty(bins: number): SideBins {
  return { service: new Array<number>(bins).fill(0), pool: new Array<number>(bins).fill(0) };
}
