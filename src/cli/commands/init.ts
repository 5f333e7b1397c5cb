/**
 * `follow-up init DIR` (issue 12): a new study folder that runs as it is —
 * study.json, the three tables with their headers and one example row each,
 * and a starter notebook. Refuses a folder that already holds anything.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { INIT_FILES } from '../init/templates.js';
import { UsageError } from '../args.js';
import type { Output } from '../output.js';
import { shownPath } from '../paths.js';

export const INIT_HELP = `follow-up init: start a new study folder

  follow-up init DIR

Writes DIR/study.json, DIR/people.csv, DIR/events.csv, DIR/offences.csv (headers
and one example row each), DIR/package.json and DIR/analyses/first-look.ts.
DIR must be new or empty.
Then: follow-up validate --study DIR/study.json, and follow-up preview in DIR.

Exit status: 0 written, 2 usage error.`;

export async function runInit(argv: readonly string[], out: Output): Promise<number> {
  if (argv.length !== 1 || argv[0].startsWith('--')) throw new UsageError('follow-up init needs one folder: follow-up init DIR');
  const dir = resolve(argv[0]);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new UsageError(`${argv[0]} is not empty; give a new or empty folder so nothing is overwritten`);
  }
  for (const [rel, text] of INIT_FILES) {
    const path = join(dir, rel);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text, { encoding: 'utf8', flag: 'wx' });
  }
  out.stdout(
    [
      `Wrote a new study in ${shownPath(dir)}: ${INIT_FILES.map(([rel]) => rel).join(', ')}.`,
      `Next: follow-up validate --study ${shownPath(join(dir, 'study.json'))}`,
    ].join('\n'),
  );
  return 0;
}
