/**
 * How to start a worker thread on one of the toolkit's own modules (records.md, "Large
 * files", and measures.md's model fits run beside the main thread). Compiled to
 * JavaScript, the worker is its module. From TypeScript source (as this project runs,
 * under tsx) it is the module bundled into one script by esbuild, tsx's own compiler: a
 * worker that loaded tsx itself would spend a third of a second of CPU starting.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

const bundled = new Map<string, string>();

/** A worker running `entry` (a URL of a `.ts` module beside the caller, or of its compiled `.js`). */
export function startWorker(entry: URL, options: WorkerOptions): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(entry.href.replace(/\.ts$/, '.js')), options);
  let code = bundled.get(entry.href);
  if (code === undefined) {
    const fromTsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
    const esbuild = fromTsx('esbuild') as typeof import('esbuild');
    const out = esbuild.buildSync({ entryPoints: [fileURLToPath(entry)], bundle: true, format: 'cjs', platform: 'node', target: 'node20', write: false });
    code = out.outputFiles[0].text;
    bundled.set(entry.href, code);
  }
  return new Worker(code, { ...options, eval: true });
}
