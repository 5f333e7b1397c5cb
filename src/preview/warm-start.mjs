// A preview run's process, started ahead of time (issue 12: re-render under a
// second): it loads the third-party packages every page needs, then waits. When
// the preview closes its standard input, it runs the notebook given as its
// argument as if node had been started with it. The notebook and the toolkit
// modules are first loaded only then, after the change, so every run sees the
// code on disk; the process is used for one run only.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const notebook = resolve(process.argv[2]);
await Promise.all(['vega', 'vega-lite', 'arquero', 'simple-statistics'].map((m) => import(m).catch(() => undefined)));
await new Promise((go) => {
  process.stdin.on('data', () => {});
  process.stdin.on('end', go);
  process.stdin.resume();
});
process.argv.splice(1, 2, notebook);
try {
  await import(pathToFileURL(notebook).href);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
}
