/**
 * The layering rule (CONTRIBUTING.md): src/ folders in the order of the data
 * flow; a module imports only from its own folder or folders before it.
 * Shared by the layering test and `npm run lint`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** The folders of src/ in flow order; src/index.ts and src/version.ts are `index` and `version`. */
export const LAYERS = [
  'version',
  'time',
  'study',
  'synth',
  'records',
  'stats',
  'words',
  'measures',
  'engine',
  'output',
  'disclosure',
  'charts',
  'render',
  'pages',
  'notebook',
  'index',
  'preview',
  'cli',
] as const;

export const SRC = resolve(dirname(new URL(import.meta.url).pathname), '..', '..', 'src');

export function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The layer of a file under src/. */
export function layerOf(file: string): string {
  const rel = relative(SRC, file).split('\\').join('/');
  return rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : rel.replace(/\.ts$/, '');
}

/** Relative import specifiers of a module (static, re-exports and dynamic imports), resolved to .ts files. */
export function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => m[1]);
  return specs.map((s) => resolve(dirname(file), s).replace(/\.js$/, '.ts'));
}

/** Every import that runs against the flow, as "from → to" lines. */
export function layeringViolations(): string[] {
  const rank = new Map<string, number>(LAYERS.map((l, i) => [l, i]));
  const out: string[] = [];
  for (const file of sourceFiles()) {
    const from = layerOf(file);
    if (!rank.has(from)) out.push(`${relative(SRC, file)}: folder ${from} is not in the layer list`);
    for (const target of importsOf(file)) {
      const to = layerOf(target);
      if ((rank.get(to) ?? -1) > (rank.get(from) ?? -1)) out.push(`src/${relative(SRC, file)} (${from}) imports src/${relative(SRC, target)} (${to})`);
    }
  }
  return out;
}
