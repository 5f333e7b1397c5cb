/**
 * `npm run lint`'s own checks over the import graph (no TypeScript JS API):
 * the layering rule (tests/architecture/layers.ts) and exports no other file
 * uses. An export counts as used when another file of src/, tests/, analyses/,
 * bench/ or scripts/ names it; src/index.ts (the package's surface) counts as
 * using what it re-exports, so the public API is not reported.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { layeringViolations } from '../tests/architecture/layers.js';

const ROOT = resolve(import.meta.dirname, '..');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.name === 'node_modules' || e.name === 'fixtures' ? [] : e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
const all = ['src', 'tests', 'analyses', 'bench', 'scripts'].flatMap((d) => files(join(ROOT, d)));
const text = new Map(all.map((f) => [f, readFileSync(f, 'utf8')]));

const unused: string[] = [];
for (const file of all.filter((f) => f.startsWith(join(ROOT, 'src')))) {
  const names = [...text.get(file)!.matchAll(/^export (?:declare )?(?:async )?(?:function\*?|const|let|class|interface|type|enum) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]);
  for (const name of names) {
    const word = new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`);
    const usedElsewhere = all.some((other) => other !== file && word.test(text.get(other)!));
    if (!usedElsewhere) unused.push(`${relative(ROOT, file)}: ${name} is exported but no other file uses it`);
  }
}

// Exports unused when the check came in, to be pruned by their owners; a new unused export fails.
const baseline = new Set(
  readFileSync(join(ROOT, 'scripts', 'unused-exports.baseline'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#')),
);
const fresh = unused.filter((u) => !baseline.has(u.replace(' is exported but no other file uses it', '')));
// A line whose export is now used or gone is deleted, so the list only shrinks.
const listed = new Set(unused.map((u) => u.replace(' is exported but no other file uses it', '')));
const stale = [...baseline].filter((line) => !listed.has(line));

const layering = layeringViolations();
for (const line of layering) console.error(`layering: ${line}`);
for (const line of fresh) console.error(`unused export: ${line}`);
for (const line of stale) console.error(`scripts/unused-exports.baseline: "${line}" is no longer an unused export; delete the line`);
if (layering.length || fresh.length || stale.length) {
  console.error(
    `${layering.length} import(s) against the flow, ${fresh.length} new unused export(s), ${stale.length} stale baseline line(s). See CONTRIBUTING.md.`,
  );
  process.exitCode = 1;
} else {
  console.log(`imports: layering kept; no new unused export (${unused.length} listed in scripts/unused-exports.baseline)`);
}
