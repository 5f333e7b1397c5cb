/**
 * One benchmark run in its own process, so that its peak memory is its own:
 * load and validate a study, compute every measure (each step timed), and time
 * Kaplan–Meier on the conviction-free curve. Prints one JSON line.
 *
 *   tsx bench/measure-one.ts DIR [--km-out FILE]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadStudy } from '../src/records/index.js';
import { computeMeasures, desistanceInputs } from '../src/measures/index.js';
import { kaplanMeier } from '../src/stats/index.js';

const [dir, flag, kmOut] = process.argv.slice(2);
const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;

let t = process.hrtime.bigint();
const study = await loadStudy({ people: join(dir, 'people.csv'), events: join(dir, 'events.csv') }, { extractionDate: '2024-03-31' });
const loadMs = ms(t);

const steps: Record<string, number> = {};
t = process.hrtime.bigint();
const measures = computeMeasures(study, {}, null, (step, stepMs) => (steps[step] = stepMs));
const measureMs = ms(t);

const { time, event } = desistanceInputs(study);
t = process.hrtime.bigint();
const curve = kaplanMeier(time, event, { confType: 'log' });
const kmMs = ms(t);
if (flag === '--km-out' && kmOut) {
  const lines = ['time,event'];
  for (let i = 0; i < time.length; i++) lines.push(`${time[i]},${event[i]}`);
  writeFileSync(kmOut, `${lines.join('\n')}\n`);
}

process.stdout.write(
  `${JSON.stringify({
    people: study.quality.people.read,
    events: study.quality.events.read,
    loadMs,
    measureMs,
    steps,
    kmMs,
    kmPoints: curve.time.length,
    cohort: measures.flow.cohort,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
