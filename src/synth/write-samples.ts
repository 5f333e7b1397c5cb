/**
 * Regenerates the committed samples under data-samples/ from their seeds:
 * `npx tsx src/synth/write-samples.ts`. The output is byte-identical on every
 * run, so a diff after running it means the generator changed.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { SAMPLES } from './samples.js';
import { writeSample } from './write-sample.js';

const root = fileURLToPath(new URL('../../data-samples/', import.meta.url));
for (const { folder, build } of SAMPLES) {
  const sample = build();
  writeSample(join(root, folder), sample);
  console.log(`${folder}: ${sample.people.length} people, ${sample.events.length} events`);
}
