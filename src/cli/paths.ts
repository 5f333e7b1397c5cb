import { isAbsolute, relative } from 'node:path';

/** A path as a person would type it here: relative to the working folder when inside it, else absolute. */
export function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}
