/**
 * Runs every notebook in analyses/ (`npm start`): each .ts file here but this
 * one, in name order, one after another in this process (they share the one
 * vega import, the machine's cores and a study opened by two of them). Each
 * notebook writes its own page.
 */
import { readdir } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = new URL('./', import.meta.url);
const self = basename(fileURLToPath(import.meta.url));

const notebooks = (await readdir(here)).filter((f) => f.endsWith('.ts') && f !== self && !f.endsWith('.d.ts')).sort();

let failed = 0;
for (const file of notebooks) {
  const started = performance.now();
  try {
    await import(pathToFileURL(fileURLToPath(new URL(file, here))).href);
    console.log(`${file}: ran in ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    failed++;
    console.error(`${file}: failed\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
if (failed) process.exitCode = 1;
