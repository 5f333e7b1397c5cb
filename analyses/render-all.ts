/**
 * Runs every notebook in analyses/ and writes their pages to reports/
 * (`npm start`). Notebooks run one after another: they share the one vega
 * import and the machine's cores.
 */
import { relative } from 'node:path';
import { render as resettle } from './resettle-follow-up.js';
import { render as southWales } from './south-wales-flow.js';
import { render as nationalSnapshot } from './national-snapshot.js';
import { render as servicesCompared } from './services-compared.js';

const notebooks: [string, () => Promise<string>][] = [
  ['resettle-follow-up', () => resettle()],
  ['south-wales-flow', () => southWales()],
  ['national-snapshot', () => nationalSnapshot()],
  ['services-compared', () => servicesCompared()],
];

let failed = 0;
for (const [name, run] of notebooks) {
  const started = performance.now();
  try {
    const path = await run();
    console.log(`${name}: wrote ${relative(process.cwd(), path)} (${Math.round(performance.now() - started)} ms)`);
  } catch (error) {
    failed++;
    console.error(`${name}: failed\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
if (failed) process.exitCode = 1;
