/**
 * The toolkit modules a notebook imports, transitively (issue 12: the preview
 * watches them). Relative and absolute specifiers are followed; packages in
 * node_modules are not (they do not change while a person edits a notebook).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Static imports and re-exports (`from '…'`), side-effect imports and dynamic import('…').
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])([^'"\n]+)\1/g;

function resolveSpecifier(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('file://')) base = fileURLToPath(spec);
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
