/**
 * Where a notebook failed, from what it printed (issue 12: the error is shown
 * with its file and line). Machine paths become paths relative to the study's
 * folder, as everywhere else on a page.
 */
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ErrorLocation {
  file: string;
  line: number;
  column: number;
}

/** `text` with absolute paths and file URLs under `root` written relative to it. */
export function relativePaths(text: string, root: string): string {
  const base = root.endsWith('/') ? root : `${root}/`;
  return text.split(`file://${base}`).join('').split(base).join('');
}

/**
 * The first place in the stack (or in an esbuild/tsx syntax error, which prints
 * `file:line:column: ERROR`) that is a source file under `root` and not a
 * package: the line the person wrote.
 */
export function errorLocation(text: string, root: string): ErrorLocation | null {
  for (const m of text.matchAll(/((?:file:\/\/)?\/[^\s():]+\.[cm]?[tj]sx?):(\d+):(\d+)/g)) {
    const path = m[1].startsWith('file://') ? fileURLToPath(m[1]) : m[1];
    const rel = relative(root, path);
    if (rel.startsWith('..') || isAbsolute(rel) || rel.includes('node_modules')) continue;
    if (rel.startsWith('src/preview/')) continue;
    return { file: rel, line: Number(m[2]), column: Number(m[3]) };
  }
  return null;
}
