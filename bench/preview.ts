/**
 * Re-render time of the live preview (issue 12): from saving the Resettle
 * notebook to its new page being in reports/ and the open page told to reload.
 * The notebook is saved unchanged, so the committed page stays as it is. Each
 * save comes a few seconds after the last page, as a person's edits do, so the
 * next run's process has started ahead (src/preview/warm-start.mjs); a cold
 * run, its process started only at the save, is timed too.
 *
 *   npx tsx bench/preview.ts [saves]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { prepareRun } from '../src/preview/run-notebook.js';
import { startPreview } from '../src/preview/server.js';

const SAVES = Number(process.argv[2] ?? 5);
const notebook = resolve('analyses/resettle-follow-up.ts');
const text = readFileSync(notebook, 'utf8');
const out = mkdtempSync(join(tmpdir(), 'bench-preview-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const preview = await startPreview({ notebooks: [notebook], root: process.cwd(), reportsDir: out, port: 0 });
await preview.idle();
const seen: number[] = [];
const runs: number[] = [];
for (let i = 0; i < SAVES; i++) {
  await sleep(3000);
  const before = preview.status()[0].runs;
  const saved = performance.now();
  writeFileSync(notebook, text);
  while (preview.status()[0].runs === before) await sleep(5);
  seen.push(performance.now() - saved);
  runs.push(preview.status()[0].lastMs ?? NaN);
  if (preview.status()[0].error) throw new Error(preview.status()[0].error?.text);
}
await preview.close();

const cold = await (await Promise.resolve(prepareRun(notebook, process.cwd()))).start();
rmSync(cold.outDir, { recursive: true, force: true });
rmSync(out, { recursive: true, force: true });
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(
  `Preview re-render of resettle-follow-up after a save (median of ${SAVES}): ${s(median(seen))} (range ${s(Math.min(...seen))}–${s(Math.max(...seen))}; ` +
    `the run itself ${s(median(runs))}, the rest is the 60 ms debounce after the last change and the copy); a cold run with its process started at the save: ${s(cold.ms)}`,
);
