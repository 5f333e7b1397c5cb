/**
 * `follow-up preview` (issue 12): serves the notebooks' pages on the loopback
 * address, re-runs a notebook in a fresh process whenever it, a toolkit module
 * it imports or a data file it read changes, and tells the open page to reload
 * through server-sent events. A failed run shows its error and stack beside
 * the last page that rendered.
 *
 * Served: an index (/), one frame page per notebook (/notebook/NAME), the
 * pages in the reports folder (/reports/FILE.html), the data files a notebook
 * read (/inputs/NAME/N/FILE, the Nth of them) and the event stream (/events). Nothing else.
 */
import { watch, type FSWatcher } from 'node:fs';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { errorLocation, relativePaths, type ErrorLocation } from './error-location.js';
import { importGraph } from './import-graph.js';
import { prepareRun, type PreparedRun } from './run-notebook.js';

interface PreviewOptions {
  /** The notebooks (.ts files) to run and serve. */
  notebooks: string[];
  /** The study's folder: notebooks run here, paths are shown relative to it. */
  root: string;
  /** Where the pages are kept and served from (reports/). */
  reportsDir: string;
  /** 4321 by default; 0 picks a free port. */
  port?: number;
  /** Quiet time after the last change before a run starts. */
  debounceMs?: number;
  log?: (line: string) => void;
}

export interface Preview {
  url: string;
  port: number;
  /** Resolves when every run started so far has finished (tests and the bench wait on it). */
  idle(): Promise<void>;
  /** Per notebook: its runs so far, the last run's time and whether it failed. */
  status(): NotebookStatus[];
  close(): Promise<void>;
}

interface NotebookStatus {
  name: string;
  runs: number;
  running: boolean;
  lastMs: number | null;
  pages: string[];
  error: { text: string; at: ErrorLocation | null } | null;
}

interface Notebook extends NotebookStatus {
  path: string;
  reads: string[];
  watched: Set<string>;
}

const HOST = '127.0.0.1';
/** The toolkit's folder (this file is src/preview/server.ts). */
const TOOLKIT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `child` is `parent` or inside it (after resolving any `..`). */
function inside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

const PAGE_STYLE = `body{margin:0;font:15px/1.4 system-ui,sans-serif;color:#222}header{padding:.5em 1em;background:#f3f3f3;border-bottom:1px solid #ddd}
header a{margin-right:1em}.status{color:#555}.error{margin:0;padding:1em;background:#fff0f0;border-bottom:2px solid #c00;color:#600}
.error pre{white-space:pre-wrap;font-size:13px;margin:.5em 0 0}iframe{border:0;width:100%;height:calc(100vh - 3em)}
.layout{display:flex;flex-direction:column}ul{line-height:1.8}`;

// The open page reloads itself when its notebook has run again; nothing to click.
const RELOAD_SCRIPT = (name: string) => `<script>
const source = new EventSource('/events');
source.addEventListener('update', (e) => { if (JSON.parse(e.data).name === ${JSON.stringify(name)}) location.reload(); });
source.addEventListener('running', (e) => { if (JSON.parse(e.data).name === ${JSON.stringify(name)}) document.getElementById('status').textContent = 'running…'; });
</script>`;

/** Starts the preview server; the first run of every notebook starts at once. */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const root = resolve(options.root);
  const reportsDir = resolve(options.reportsDir);
  const debounceMs = options.debounceMs ?? 60;
  const log = options.log ?? (() => {});
  await mkdir(reportsDir, { recursive: true });

  const notebooks = new Map<string, Notebook>();
  for (const path of options.notebooks) {
    const name = basename(path).replace(/\.[cm]?ts$/, '');
    if (notebooks.has(name)) throw new Error(`two notebooks are called ${name}; rename one`);
    notebooks.set(name, { name, path: resolve(path), runs: 0, running: false, lastMs: null, pages: [], error: null, reads: [], watched: new Set() });
  }

  const clients = new Set<ServerResponse>();
  const send = (event: string, data: object) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  // One run at a time: the machine's cores are the notebook's.
  const queue: string[] = [];
  let draining: Promise<void> = Promise.resolve();
  let closed = false;
  const timers = new Map<string, NodeJS.Timeout>();

  // Each notebook's next run, its process already started (see warm-start.mjs).
  const spares = new Map<string, PreparedRun>();
  const spare = (nb: Notebook) => {
    if (!closed && !spares.has(nb.name)) spares.set(nb.name, prepareRun(nb.path, root));
  };

  async function runOne(nb: Notebook): Promise<void> {
    nb.running = true;
    send('running', { name: nb.name });
    const run = spares.get(nb.name) ?? prepareRun(nb.path, root);
    spares.delete(nb.name);
    const result = await run.start();
    nb.running = false;
    nb.runs++;
    nb.lastMs = result.ms;
    if (result.ok) {
      for (const page of result.pages) await copyFile(join(result.outDir, page), join(reportsDir, page));
      nb.pages = result.pages;
      nb.error = null;
      if (result.reads.length > 0) nb.reads = result.reads;
      log(`${nb.name}: rendered ${result.pages.join(', ')} in ${Math.round(result.ms)} ms`);
    } else {
      // Paths under the study folder relative to it, the toolkit's own as follow-up/…: no machine path on the page.
      const raw = result.stderr.trim() || 'the notebook exited with an error and printed nothing';
      const text = relativePaths(relativePaths(raw, root), TOOLKIT_ROOT).replace(/^(\s+at .*?\()(?=(node_modules|src)\/)/gm, '$1follow-up/');
      nb.error = { text, at: errorLocation(result.stderr, root) };
      log(`${nb.name}: failed${nb.error.at ? ` at ${nb.error.at.file} line ${nb.error.at.line}` : ''}`);
    }
    await rm(result.outDir, { recursive: true, force: true });
    if (closed) return;
    spare(nb);
    rewatch();
    send('update', { name: nb.name, ok: result.ok });
  }

  function schedule(name: string): void {
    if (closed) return;
    if (!queue.includes(name)) queue.push(name);
    draining = draining.then(async () => {
      while (queue.length > 0 && !closed) {
        const next = notebooks.get(queue.shift() as string);
        if (next) await runOne(next);
      }
    });
  }

  // Watch folders, not files: editors save by writing a new file and renaming it over the old.
  const watchers = new Map<string, FSWatcher>();
  function rewatch(): void {
    const dirs = new Set<string>();
    for (const nb of notebooks.values()) {
      nb.watched = new Set([...importGraph(nb.path), ...nb.reads]);
      for (const file of nb.watched) dirs.add(dirname(file));
    }
    for (const [dir, w] of watchers) {
      if (!dirs.has(dir)) {
        w.close();
        watchers.delete(dir);
      }
    }
    for (const dir of dirs) {
      if (watchers.has(dir)) continue;
      try {
        const w = watch(dir, (_event, file) => {
          if (file === null) return;
          const changed = join(dir, file.toString());
          for (const nb of notebooks.values()) {
            if (!nb.watched.has(changed)) continue;
            clearTimeout(timers.get(nb.name));
            timers.set(
              nb.name,
              setTimeout(() => schedule(nb.name), debounceMs),
            );
          }
        });
        watchers.set(dir, w);
      } catch {
        // a folder removed since: its files come back with the next run's list
      }
    }
  }

  function indexPage(): string {
    const items = [...notebooks.values()]
      .map((nb) => `<li><a href="/notebook/${encodeURIComponent(nb.name)}">${escapeHtml(nb.name)}</a> <span class="status">${statusText(nb)}</span></li>`)
      .join('\n');
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>follow-up preview</title><style>${PAGE_STYLE}</style></head>
<body><header><strong>follow-up preview</strong></header><main style="padding:0 1em"><h1>Notebooks</h1><ul>${items}</ul></main>
<script>new EventSource('/events').addEventListener('update', () => location.reload());</script></body></html>`;
  }

  function statusText(nb: Notebook): string {
    if (nb.running) return 'running…';
    if (nb.runs === 0) return 'waiting for its first run';
    const ms = nb.lastMs === null ? '' : ` (${(nb.lastMs / 1000).toFixed(1)} s)`;
    return nb.error ? `failed${ms}` : `rendered${ms}`;
  }

  function notebookPage(nb: Notebook): string {
    const error = nb.error
      ? `<section class="error" role="alert"><strong>${escapeHtml(basename(nb.path))} failed${
          nb.error.at ? ` at ${escapeHtml(nb.error.at.file)} line ${nb.error.at.line}, column ${nb.error.at.column}` : ''
        }</strong>${nb.pages.length ? ' — the last page that rendered is shown below.' : ''}<pre>${escapeHtml(nb.error.text)}</pre></section>`
      : '';
    const frames = nb.pages.map((p) => `<iframe title="${escapeHtml(p)}" src="/reports/${encodeURIComponent(p)}?run=${nb.runs}"></iframe>`).join('');
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(nb.name)} · follow-up preview</title><style>${PAGE_STYLE}</style></head>
<body><header><a href="/">All notebooks</a><strong>${escapeHtml(nb.name)}</strong> <span class="status" id="status">${statusText(nb)}</span></header>
${inputsList(nb)}<div class="layout">${error}${frames || (nb.error ? '' : '<p style="padding:1em">Running the notebook…</p>')}</div>${RELOAD_SCRIPT(nb.name)}</body></html>`;
  }

  function inputsList(nb: Notebook): string {
    if (nb.reads.length === 0) return '';
    const links = nb.reads.map(
      (f, i) => `<a href="/inputs/${encodeURIComponent(nb.name)}/${i}/${encodeURIComponent(basename(f))}">${escapeHtml(basename(f))}</a>`,
    );
    return `<header class="status">Inputs: ${links.join(' ')}</header>`;
  }

  async function serveFile(res: ServerResponse, path: string, type: string): Promise<void> {
    try {
      const body = await readFile(path);
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refuse = (status: number, text: string) => void res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${text}\n`);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(405, 'only GET');
    const raw = (req.url ?? '/').split('?')[0];
    let path: string;
    try {
      path = decodeURIComponent(raw);
    } catch {
      return refuse(400, 'bad address');
    }
    // Checked after decoding, so %2e%2e and %2f cannot climb out either.
    if (path.includes('\0') || path.includes('\\') || path.split('/').includes('..')) return refuse(403, 'refused: the address leaves the served folders');
    const html = (text: string) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(text);
    if (path === '/') return html(indexPage());
    if (path === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': follow-up preview\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    let m = /^\/notebook\/([^/]+)$/.exec(path);
    if (m) {
      const nb = notebooks.get(m[1]);
      return nb ? html(notebookPage(nb)) : refuse(404, 'no such notebook');
    }
    m = /^\/reports\/([^/]+\.html)$/.exec(path);
    if (m) {
      const file = resolve(reportsDir, m[1]);
      if (!inside(reportsDir, file)) return refuse(403, 'refused');
      return serveFile(res, file, 'text/html; charset=utf-8');
    }
    m = /^\/inputs\/([^/]+)\/(\d+)\/([^/]+)$/.exec(path);
    if (m) {
      // Only the very files the notebook read, by their place in its list: no path is taken from the address.
      const file = notebooks.get(m[1])?.reads[Number(m[2])];
      if (file === undefined || basename(file) !== m[3]) return refuse(403, 'refused: not one of the notebook’s inputs');
      return serveFile(res, file, file.endsWith('.json') ? 'application/json' : 'text/csv; charset=utf-8');
    }
    return refuse(404, 'not found');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 4321, HOST, () => done());
  });
  const port = (server.address() as AddressInfo).port;
  rewatch();
  for (const name of notebooks.keys()) schedule(name);

  return {
    url: `http://${HOST}:${port}/`,
    port,
    idle: async () => {
      // A change during a run queues another; wait until the queue is quiet.
      for (;;) {
        const current = draining;
        await current;
        if (current === draining && queue.length === 0) return;
      }
    },
    status: () => [...notebooks.values()].map(({ name, runs, running, lastMs, pages, error }) => ({ name, runs, running, lastMs, pages, error })),
    close: async () => {
      closed = true;
      for (const t of timers.values()) clearTimeout(t);
      for (const w of watchers.values()) w.close();
      watchers.clear();
      for (const client of clients) client.end();
      clients.clear();
      await draining; // the run under way finishes; no process is left behind
      await Promise.all([...spares.values()].map((s) => s.cancel()));
      spares.clear();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
