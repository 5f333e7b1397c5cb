/**
 * `follow-up preview [analyses/NAME.ts] [--port N]` (issue 12): the live
 * notebook server of src/preview, until Ctrl-C.
 */
import { readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startPreview } from '../../preview/server.js';
import { parseFlags, UsageError } from '../args.js';
import type { Output } from '../output.js';

export const PREVIEW_HELP = `follow-up preview: live pages of the notebooks

  follow-up preview [analyses/NAME.ts] [--port N]

Serves every notebook in analyses/ (or the one named) on http://127.0.0.1:4321/
(or port N), re-runs a notebook when it, a module it imports or a file it reads
changes, and reloads the open page. Pages are kept in reports/. Ctrl-C stops it.

Exit status: 0 stopped, 2 usage error.`;

/** The notebooks of analyses/: every .ts file but the runner of them all. */
function findNotebooks(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && f !== 'render-all.ts')
    .sort()
    .map((f) => resolve(dir, f));
}

export async function runPreview(argv: readonly string[], out: Output): Promise<number> {
  const positional = argv.filter((a, i) => !a.startsWith('--') && !(i > 0 && argv[i - 1] === '--port'));
  if (positional.length > 1) throw new UsageError('give at most one notebook: follow-up preview [analyses/NAME.ts]');
  const flags = parseFlags(
    argv.filter((a) => !positional.includes(a)),
    { port: 'string' },
    'preview',
  );
  const portText = flags.get('port');
  const port = portText === undefined ? 4321 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${String(portText)}: expected a whole number from 0 to 65535`);
  const root = process.cwd();
  let notebooks: string[];
  if (positional.length === 1) {
    const file = resolve(positional[0]);
    if (!existsSync(file) || !file.endsWith('.ts')) throw new UsageError(`cannot read the notebook ${positional[0]}; give a .ts file such as analyses/NAME.ts`);
    notebooks = [file];
  } else {
    notebooks = findNotebooks(resolve(root, 'analyses'));
    if (notebooks.length === 0)
      throw new UsageError('no notebooks in analyses/ here; run it in a study folder (follow-up init DIR makes one) or name a notebook');
  }
  let preview: Awaited<ReturnType<typeof startPreview>>;
  try {
    preview = await startPreview({ notebooks, root, reportsDir: resolve(root, 'reports'), port, log: (l) => out.stdout(l) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use; give another with --port N`);
    throw error;
  }
  out.stdout(`Preview of ${notebooks.length} notebook${notebooks.length === 1 ? '' : 's'} on ${preview.url} (Ctrl-C stops it)`);
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await preview.close();
  return 0;
}
