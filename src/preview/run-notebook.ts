/**
 * One run of a notebook for the preview (issue 12): a fresh Node process with
 * tsx, writing its pages into a folder of its own (FOLLOW_UP_REPORTS_DIR, which
 * the notebook helper honours) and recording the data files it read.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RunResult {
  ok: boolean;
  /** Folder holding the pages the run wrote (the caller moves them and removes it). */
  outDir: string;
  /** Names of the HTML files written. */
  pages: string[];
  /** Data files the notebook read (absolute paths). */
  reads: string[];
  /** What the notebook printed on standard error (its stack when it threw). */
  stderr: string;
  stdout: string;
  ms: number;
}

const RECORD_READS = fileURLToPath(new URL('./record-reads.mjs', import.meta.url));
const TSX = import.meta.resolve('tsx');

/** Runs `notebook` (a .ts file) in a new process with `cwd`; never throws for a failing notebook. */
export async function runNotebookOnce(notebook: string, cwd: string): Promise<RunResult> {
  const started = performance.now();
  const outDir = await mkdtemp(join(tmpdir(), 'follow-up-preview-'));
  const readsFile = join(outDir, '.reads.json');
  const child = spawn(process.execPath, ['--import', TSX, '--import', RECORD_READS, notebook], {
    cwd,
    env: { ...process.env, TZ: 'UTC', FOLLOW_UP_REPORTS_DIR: outDir, FOLLOW_UP_PREVIEW_READS: readsFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
  child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  const code = await new Promise<number>((done) => {
    child.on('error', (error) => {
      stderr += String(error);
      done(1);
    });
    child.on('close', (status) => done(status ?? 1));
  });
  const pages = (await readdir(outDir)).filter((f) => f.endsWith('.html')).sort();
  let reads: string[] = [];
  try {
    reads = JSON.parse(await readFile(readsFile, 'utf8')) as string[];
  } catch {
    // the process died before it could write them: keep the last run's list
  }
  await rm(readsFile, { force: true });
  const ok = code === 0 && pages.length > 0;
  if (code === 0 && pages.length === 0) stderr += 'The notebook finished without writing a page (writeNotebookPage writes one).\n';
  return { ok, outDir, pages, reads, stderr, stdout, ms: performance.now() - started };
}
