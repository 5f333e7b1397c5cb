/**
 * Timings of nearest-neighbour matching (comparison.md, "Nearest-neighbour matching"):
 * 1,000 service people against a pool of 1,000,000, ratio 1 without replacement, ratio 2
 * with replacement, each also with an exact covariate, and ratio 3 on a score with 40
 * distinct values (long runs of ties); the goal is under 5 s each. Then the
 * balance table of the first matching (before: all 1,001,000 people; after: the matched).
 *
 *   npx tsx bench/matching.ts [pool size]
 */
import { balanceTable, designMatrix, logisticRegression, nearestMatch } from '../src/stats/index.js';
import type { NearestMatchInput } from '../src/stats/index.js';
import { mulberry32 } from '../src/synth/prng.js';

const nPool = Number(process.argv[2] ?? 1_000_000);
const nService = 1_000;
const random = mulberry32(13);
const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

// Logit distances: the service shifted up from the pool, as a selection model gives; the
// distances rounded to 1e-4 so that ties occur, as they do with categorical covariates.
const round = (x: number): number => Math.round(x * 1e4) / 1e4;
const pool = Float64Array.from({ length: nPool }, () => round(-2.5 + normal()));
const service = Float64Array.from({ length: nService }, () => round(-1.5 + normal()));
const regions = ['north', 'midlands', 'south', 'wales', 'london'];
const poolRegion = Array.from({ length: nPool }, () => regions[Math.floor(random() * regions.length)]);
const serviceRegion = Array.from({ length: nService }, () => regions[Math.floor(random() * regions.length)]);

// A score from categorical covariates only: 40 distinct distances, runs of ~25,000 ties.
const coarse = (x: number): number => Math.round(x * 4) / 4;
const poolCoarse = pool.map(coarse);
const serviceCoarse = service.map(coarse);
const runs: [string, NearestMatchInput][] = [
  ['ratio 1, no replacement, caliper 0.2', { service, pool, caliper: 0.2, ratio: 1, replace: false }],
  ['ratio 2, with replacement, caliper 0.2', { service, pool, caliper: 0.2, ratio: 2, replace: true }],
  ['ratio 1, no replacement, exact region', { service, pool, serviceExact: [serviceRegion], poolExact: [poolRegion], caliper: 0.2, ratio: 1, replace: false }],
  ['ratio 2, with replacement, exact region', { service, pool, serviceExact: [serviceRegion], poolExact: [poolRegion], caliper: 0.2, ratio: 2, replace: true }],
  ['ratio 3, no replacement, 40 distinct d', { service: serviceCoarse, pool: poolCoarse, caliper: null, ratio: 3, replace: false }],
];
const label = `${nService.toLocaleString('en-GB')} service people against a pool of ${nPool.toLocaleString('en-GB')}`;
console.log(`Nearest-neighbour matching, ${label}:`);
let first: ReturnType<typeof nearestMatch> | null = null;
for (const [name, input] of runs) {
  const t = performance.now();
  const result = nearestMatch(input);
  const ms = performance.now() - t;
  first ??= result;
  const matched = nService - result.noMatchInCaliper.length;
  console.log(
    `  ${name.padEnd(42)} ${ms.toFixed(0).padStart(6)} ms  (${matched} matched, ${result.poolUsed} pool people used; goal < 5,000 ms: ${ms < 5000 ? 'met' : 'MISSED'})`,
  );
}

const age = (n: number, shift: number) => Float64Array.from({ length: n }, () => Math.round(35 + shift + 9 * normal()));
const t = performance.now();
const table = balanceTable({
  distance: { service, pool },
  covariates: [
    { name: 'age_at_release', service: age(nService, -3), pool: age(nPool, 0) },
    { name: 'region', service: serviceRegion, pool: poolRegion },
  ],
  weights: { service: first!.serviceWeight, pool: first!.poolWeight },
});
console.log(`  ${'balance table, 7 terms'.padEnd(42)} ${(performance.now() - t).toFixed(0).padStart(6)} ms  (${table.failing.length} failing)`);

// The whole matching step of a comparison (comparison.md "Covariates and the propensity
// score" to step 5): the propensity glm on 1,001,000 people, the distance, its sort and the
// greedy matching with the weights, as compareStudy runs them.
{
  const n = nService + nPool;
  const categories = ['acquisitive', 'drugs', 'motoring', 'other', 'public_order', 'sexual', 'violent', 'weapons'];
  const treated = new Float64Array(n).fill(1, 0, nService);
  const ageAt = Float64Array.from({ length: n }, (_, i) => Math.round(35 - (i < nService ? 3 : 0) + 9 * normal()));
  const prior = Float64Array.from({ length: n }, (_, i) => Math.floor(-Math.log(1 - random()) * (i < nService ? 9 : 6)));
  const sex = Array.from({ length: n }, () => (random() < 0.85 ? 'male' : 'female'));
  const category = Array.from({ length: n }, () => categories[Math.floor(random() * categories.length)]);
  const year = Float64Array.from({ length: n }, () => 2015 + Math.floor(random() * 5));
  const t0 = performance.now();
  const design = designMatrix([
    { name: 'age_at_release', values: Array.from(ageAt) },
    { name: 'sex', values: sex },
    { name: 'prior_convictions', values: Array.from(prior) },
    { name: 'category', values: category },
    { name: 'release_year', values: Array.from(year) },
  ]);
  const fit = logisticRegression(design, treated);
  const t1 = performance.now();
  const d = fit.linearPredictor;
  const matched = nearestMatch({ service: d.subarray(0, nService), pool: d.subarray(nService), caliper: 0.2, ratio: 1, replace: false });
  const t2 = performance.now();
  console.log(`  ${'propensity glm, 13 terms, 1,001,000 rows'.padEnd(42)} ${(t1 - t0).toFixed(0).padStart(6)} ms  (${fit.iterations} iterations)`);
  console.log(
    `  ${'matching on its distance (sort + match)'.padEnd(42)} ${(t2 - t1).toFixed(0).padStart(6)} ms  (${nService - matched.noMatchInCaliper.length} matched; goal < 5,000 ms: ${t2 - t1 < 5000 ? 'met' : 'MISSED'})`,
  );
}
