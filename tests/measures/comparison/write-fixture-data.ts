/**
 * Writes the seeded comparison studies that tests/fixtures/r/comparison.R reads
 * (tests/fixtures/r/comparison/seed-N/): `npx tsx tests/measures/comparison/write-fixture-data.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { OFFENCES } from '../helpers.js';
import { generateComparisonStudy, toCsv } from './generator.js';

export const SEEDS = [7, 11];

for (const seed of SEEDS) {
  const dir = new URL(`../../fixtures/r/comparison/seed-${seed}/`, import.meta.url);
  mkdirSync(dir, { recursive: true });
  const g = generateComparisonStudy(seed);
  writeFileSync(new URL('people.csv', dir), toCsv(g.people));
  writeFileSync(new URL('events.csv', dir), toCsv(g.events));
  writeFileSync(new URL('pool-people.csv', dir), toCsv(g.pool));
  writeFileSync(new URL('pool-events.csv', dir), toCsv(g.poolEvents));
  writeFileSync(new URL('offences.csv', dir), toCsv(OFFENCES));
}
