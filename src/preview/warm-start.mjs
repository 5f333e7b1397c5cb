// A preview run's process, started ahead of time (issue 12: re-render under a
// second): it loads the third-party packages every page needs, then waits. When
// the preview says go on its standard input, it runs the notebook given as its
// argument as if node had been started with it. The notebook and the toolkit
// modules are first loaded only then, after the change, so every run sees the
// code on disk; the process is used for one run only.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const notebook = resolve(process.argv[2]);
await Promise.all(['vega', 'vega-lite', 'arquero', 'simple-statistics'].map((m) => import(m).catch(() => undefined)));
// The preview writes "go" and closes the pipe; a pipe closed without it means the
// preview itself has gone, and then nothing is run.
const told = await new Promise((done) => {
  let text = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (t) => (text += t));
  process.stdin.on('end', () => done(text.trim() === 'go'));
  process.stdin.resume();
});
if (!told) process.exit(0);
process.argv.splice(1, 2, notebook);
try {
  await import(pathToFileURL(notebook).href);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
}
