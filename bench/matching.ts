/**
 * Timings of nearest-neighbour matching (comparison.md, "Nearest-neighbour matching"):
 * 1,000 service people against a pool of 1,000,000, ratio 1 without replacement, ratio 2
 * with replacement, and ratio 1 with an exact covariate; the goal is under 5 s each.
 *
 *   npx tsx bench/matching.ts [pool size]
 */
import { nearestMatch } from '../src/stats/index.js';
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

const runs: [string, NearestMatchInput][] = [
  ['ratio 1, no replacement, caliper 0.2', { service, pool, caliper: 0.2, ratio: 1, replace: false }],
  ['ratio 2, with replacement, caliper 0.2', { service, pool, caliper: 0.2, ratio: 2, replace: true }],
  ['ratio 1, no replacement, exact region', { service, pool, serviceExact: [serviceRegion], poolExact: [poolRegion], caliper: 0.2, ratio: 1, replace: false }],
  ['ratio 2, with replacement, exact region', { service, pool, serviceExact: [serviceRegion], poolExact: [poolRegion], caliper: 0.2, ratio: 2, replace: true }],
];
const label = `${nService.toLocaleString('en-GB')} service people against a pool of ${nPool.toLocaleString('en-GB')}`;
console.log(`Nearest-neighbour matching, ${label}:`);
for (const [name, input] of runs) {
  const t = performance.now();
  const result = nearestMatch(input);
  const ms = performance.now() - t;
  const matched = nService - result.noMatchInCaliper.length;
  console.log(`  ${name.padEnd(42)} ${ms.toFixed(0).padStart(6)} ms  (${matched} matched, ${result.poolUsed} pool people used; goal < 5,000 ms: ${ms < 5000 ? 'met' : 'MISSED'})`);
}
