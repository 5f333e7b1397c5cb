/**
 * The toolkit modules a notebook imports, transitively (issue 12: the preview
 * watches them). Relative and absolute specifiers are followed, and the
 * package name follow-up leads to the toolkit's src/index.ts; other packages
 * are not (they do not change while a person edits a notebook).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Static imports and re-exports (`from '…'`), side-effect imports and dynamic import('…').
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])([^'"\n]+)\1/g;

/** The toolkit's own folder (this file is src/preview/import-graph.ts). */
const TOOLKIT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

function resolveSpecifier(from: string, spec: string): string | null {
  let base: string;
  // A notebook imports the toolkit by its package name: follow it into the toolkit's sources.
  if (spec === 'follow-up') base = resolve(TOOLKIT_ROOT, 'src', 'index.ts');
  else if (spec.startsWith('follow-up/')) base = resolve(TOOLKIT_ROOT, 'src', spec.slice('follow-up/'.length));
  else if (spec.startsWith('file://')) base = fileURLToPath(spec);
  else if (spec.startsWith('.') || isAbsolute(spec)) base = resolve(dirname(from), spec);
  else return null;
  // TypeScript sources are imported by their emitted name: ./x.js means ./x.ts.
  const candidates = [base, base.replace(/\.js$/, '.ts'), base.replace(/\.mjs$/, '.mts'), `${base}.ts`, resolve(base, 'index.ts')];
  for (const c of candidates) if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

/** Every source file reachable from `entry` by relative imports, `entry` first. */
export function importGraph(entry: string): string[] {
  const seen = new Set<string>([resolve(entry)]);
  const queue = [resolve(entry)];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue; // a file deleted mid-edit: the run will report it
    }
    for (const m of text.matchAll(SPECIFIER)) {
      const target = resolveSpecifier(file, m[2]);
      if (target !== null && !target.includes(`${'/'}node_modules/`) && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return [...seen];
}
