/**
 * The committed samples: their folders under data-samples/ and how to build
 * each from its default seed.
 */
import type { Sample } from './records.js';
import { buildSouthWales } from './scenario-south-wales.js';
import { buildNational } from './scenario-national.js';
import { buildResettleWithPool } from './scenario-resettle-pool.js';
import { buildIom } from './scenario-iom.js';

export interface SampleSpec {
  folder: string;
  build: () => Sample;
}

export const SAMPLES: readonly SampleSpec[] = [
  { folder: 'resettle', build: () => buildResettleWithPool() },
  { folder: 'south-wales', build: () => buildSouthWales() },
  { folder: 'national', build: () => buildNational() },
  { folder: 'iom', build: () => buildIom() },
];
