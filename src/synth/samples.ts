/**
 * The committed samples: their folders under data-samples/ and how to build
 * each from its default seed.
 */
import type { Sample } from './records.js';
import { buildResettle } from './scenario-resettle.js';
import { buildSouthWales } from './scenario-south-wales.js';
import { buildNational } from './scenario-national.js';
import { buildCohortDeaths } from './scenario-cohort-deaths.js';

export interface SampleSpec {
  folder: string;
  build: () => Sample;
}

export const SAMPLES: readonly SampleSpec[] = [
  { folder: 'resettle', build: () => buildResettle() },
  { folder: 'south-wales', build: () => buildSouthWales() },
  { folder: 'national', build: () => buildNational() },
  { folder: 'cohort-deaths', build: () => buildCohortDeaths() },
];
