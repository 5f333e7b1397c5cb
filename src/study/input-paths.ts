/**
 * Input paths as a page names them (study-file.md, "Paths"; measures.md,
 * "Provenance"): relative to the study file's folder, with forward slashes,
 * so that no page shows where the analyst keeps the files and the same study
 * in another folder renders the same bytes. The SHA-256 of each file says
 * which bytes were read.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { Study } from './study.js';

/** `path` (absolute, or relative to the working folder) relative to `base`, written with `/`. */
function pathFrom(base: string, path: string): string {
  const rel = relative(resolve(base), resolve(path));
  if (rel === '') return '.';
  return isAbsolute(rel) ? rel : rel.split('\\').join('/');
}

/**
 * The study with every path it records (inputs, problems, the quarantine
 * file) made relative to `base`, the study file's folder (or the folder the
 * tables were named from when there is no study file).
 */
export function studyWithPathsFrom(study: Study, base: string): Study {
  const from = (p: string) => pathFrom(base, p);
  return {
    ...study,
    inputs: study.inputs.map((f) => ({ ...f, path: from(f.path) })),
    quality: {
      ...study.quality,
      problems: study.quality.problems.map((p) => ({ ...p, file: from(p.file) })),
      quarantineFile: study.quality.quarantineFile && from(study.quality.quarantineFile),
    },
    ...(study.pool ? { pool: studyWithPathsFrom(study.pool, base) } : {}),
  };
}
