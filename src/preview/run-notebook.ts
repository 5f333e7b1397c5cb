/**
 * One run of a notebook for the preview (issue 12): a fresh Node process with
 * tsx, writing its pages into a folder of its own (FOLLOW_UP_REPORTS_DIR, which
 * the notebook helper honours) and recording the data files it read. The
 * process is started ahead of the run (warm-start.mjs) so that the packages'
 * start-up is paid while the person is still typing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface RunResult {
  ok: boolean;
  /** Folder holding the pages the run wrote (the caller moves them and removes it). */
  outDir: string;
  /** Names of the HTML files written. */
  pages: string[];
  /** Data files the notebook read (absolute paths); empty when it died before saying. */
  reads: string[];
  /** What the notebook printed on standard error (its stack when it threw). */
  stderr: string;
  stdout: string;
  /** From the go signal to the process's end: what a person waits after saving. */
  ms: number;
}

export interface PreparedRun {
  /** Runs the notebook now; never throws for a failing notebook. */
  start(): Promise<RunResult>;
  /** Ends a run that was never started (the process and its folder). */
  cancel(): Promise<void>;
}

const RECORD_READS = fileURLToPath(new URL('./record-reads.mjs', import.meta.url));
const WARM_START = fileURLToPath(new URL('./warm-start.mjs', import.meta.url));
const TSX = import.meta.resolve('tsx');

/** Starts the process for a run of `notebook` (a .ts file) in `cwd`, waiting for start(). */
export function prepareRun(notebook: string, cwd: string): PreparedRun {
  const outDir = mkdtempSync(join(tmpdir(), 'follow-up-preview-'));
  const readsFile = join(outDir, '.reads.json');
  const child: ChildProcess = spawn(process.execPath, ['--import', TSX, '--import', RECORD_READS, WARM_START, notebook], {
    cwd,
    env: { ...process.env, TZ: 'UTC', FOLLOW_UP_REPORTS_DIR: outDir, FOLLOW_UP_PREVIEW_READS: readsFile },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (t: string) => (stdout += t));
  child.stderr?.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  const exited = new Promise<number>((done) => {
    child.on('error', (error) => {
      stderr += String(error);
      done(1);
    });
    child.on('close', (status) => done(status ?? 1));
  });
  child.stdin?.on('error', () => {}); // a process that died early: its exit says why

  return {
    async start() {
      const started = performance.now();
      child.stdin?.end('go\n');
      const code = await exited;
      const ms = performance.now() - started;
      const pages = (await readdir(outDir)).filter((f) => f.endsWith('.html')).sort();
      let reads: string[] = [];
      try {
        reads = JSON.parse(await readFile(readsFile, 'utf8')) as string[];
      } catch {
        // it died before it could say
      }
      await rm(readsFile, { force: true });
      if (code === 0 && pages.length === 0) stderr += 'The notebook finished without writing a page (writeReport writes one).\n';
      return { ok: code === 0 && pages.length > 0, outDir, pages, reads, stderr, stdout, ms };
    },
    async cancel() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
