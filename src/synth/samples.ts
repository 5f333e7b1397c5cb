/**
 * The committed samples: their folders under data-samples/ and how to build
 * each from its default seed.
 */
import type { Sample } from './records.js';
import { DISTRESS, GOALS, withAssessments } from './assessments.js';
import { RESETTLE_SEED } from './scenario-resettle.js';
import { SOUTH_WALES_SEED, buildSouthWales } from './scenario-south-wales.js';
import { buildNational } from './scenario-national.js';
import { buildResettleWithPool } from './scenario-resettle-pool.js';
import { buildIom } from './scenario-iom.js';
import { buildCohortDeaths } from './scenario-cohort-deaths.js';

interface SampleSpec {
  folder: string;
  build: () => Sample;
}

export const SAMPLES: readonly SampleSpec[] = [
  { folder: 'resettle', build: () => withAssessments(buildResettleWithPool(), RESETTLE_SEED, [DISTRESS, GOALS]) },
  { folder: 'south-wales', build: () => withAssessments(buildSouthWales(), SOUTH_WALES_SEED, [DISTRESS]) },
  { folder: 'national', build: () => buildNational() },
  { folder: 'iom', build: () => buildIom() },
  { folder: 'cohort-deaths', build: () => buildCohortDeaths() },
];
