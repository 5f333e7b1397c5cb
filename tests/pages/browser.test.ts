/**
 * Opens every rendered page in headless Chromium (playwright-core and the
 * system's /usr/bin/chromium): no console error, no request but the page
 * itself, every chart's SVG with its accessible text, every table, and a
 * hostile service name shown as text. Pages are built here, from the samples
 * and a hand-built study, into a temporary folder.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeStudyReport } from '../../src/pages/index.js';
import { openStudy, say, words } from '../../src/index.js';
import { XSS, fixtureMeasures, fixtureStudy } from './fixture-measures.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SAMPLES = ['resettle', 'south-wales', 'national'];
const openSample = (name: string) => openStudy(new URL(`../../data-samples/${name}/study.json`, import.meta.url));

let browser: Browser;
let dir: string;
const pages: { name: string; path: string }[] = [];
/** Every person_id of each sample, to look for on its pages. */
const personIds = new Map<string, Set<string>>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'follow-up-pages-'));
  for (const name of SAMPLES) {
    const open = await openSample(name);
    personIds.set(name, new Set(open.records.people.array('person_id') as string[]));
    pages.push({ name, path: await writeStudyReport(open.records, open.measures, { profile: 'public', minCell: 5 }, join(dir, name)) });
  }
  const resettle = await openSample('resettle');
  pages.push({
    name: 'resettle-analyst',
    path: await writeStudyReport(resettle.records, resettle.measures, { profile: 'analyst', minCell: 5 }, join(dir, 'analyst')),
  });
  for (const profile of ['public', 'analyst'] as const) {
    pages.push({
      name: `xss-${profile}`,
      path: await writeStudyReport(
        fixtureStudy(),
        fixtureMeasures(),
        { profile, minCell: 5, title: `Hostile ${profile}`, narrative: [say`A paragraph naming ${words(XSS)}.`] },
        join(dir, `xss-${profile}`),
      ),
    });
  }
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface PageFacts {
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  requests: string[];
  figures: { label: string | null; svgRole: string | null; svgLabel: string | null; caption: string; tables: number; specDescription: string | null }[];
  specs: number;
  tables: { caption: string; rows: number }[];
  imgElements: number;
  bodyText: string;
  profile: string;
}

async function visit(path: string): Promise<PageFacts> {
  const url = pathToFileURL(path).href;
  const page = await browser.newPage();
  const facts: Pick<PageFacts, 'consoleErrors' | 'pageErrors' | 'dialogs' | 'requests'> = { consoleErrors: [], pageErrors: [], dialogs: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') facts.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => facts.pageErrors.push(e.message));
  page.on('dialog', (d) => {
    facts.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => facts.requests.push(r.url()));
  await page.goto(url, { waitUntil: 'load' });
  const seen = await page.evaluate(() => {
    const specs = new Map<string, { description?: string }>();
    for (const s of document.querySelectorAll('script.vega-lite-spec')) specs.set(s.getAttribute('data-figure') ?? '', JSON.parse(s.textContent ?? 'null'));
    return {
      figures: [...document.querySelectorAll('figure')].map((f) => {
        const svg = f.querySelector('svg');
        return {
          label: f.getAttribute('aria-label'),
          role: f.getAttribute('role'),
          svgRole: svg?.getAttribute('role') ?? null,
          svgLabel: svg?.getAttribute('aria-label') ?? null,
          caption: f.querySelector('figcaption')?.textContent ?? '',
          tables: f.querySelectorAll('table').length,
          specDescription: specs.get(f.id)?.description ?? null,
        };
      }),
      specs: specs.size,
      tables: [...document.querySelectorAll('table')].map((t) => ({
        caption: t.querySelector('caption')?.textContent ?? '',
        rows: t.querySelectorAll('tbody tr').length,
      })),
      imgElements: document.querySelectorAll('img').length,
      // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees; textContent would add the <script> chart specs and <style>, whose JSON nulls the checks below must not see.
      bodyText: document.body.innerText,
      profile: document.getElementById('profile')?.textContent ?? '',
    };
  });
  await page.close();
  return { ...facts, ...seen, figures: seen.figures.map(({ role: _r, ...f }) => f) };
}

describe('report pages in Chromium', () => {
  it('builds a page for every sample and the hostile study', () => {
    expect(pages.map((p) => p.name)).toEqual(['resettle', 'south-wales', 'national', 'resettle-analyst', 'xss-public', 'xss-analyst']);
  });

  for (const name of ['resettle', 'south-wales', 'national', 'resettle-analyst', 'xss-public', 'xss-analyst']) {
    it(`${name}: loads with no error and no request beyond the page`, async () => {
      const page = pages.find((p) => p.name === name)!;
      const f = await visit(page.path);
      expect(f.consoleErrors).toEqual([]);
      expect(f.pageErrors).toEqual([]);
      expect(f.dialogs).toEqual([]);
      expect(f.requests).toEqual([pathToFileURL(page.path).href]);
      // every chart: an SVG image named by its spec's description, a caption, and its spec
      expect(f.figures.length).toBeGreaterThan(0);
      expect(f.specs).toBe(f.figures.length);
      for (const fig of f.figures) {
        expect(fig.svgRole).toBe('img');
        expect(fig.svgLabel).toBeTruthy();
        expect(fig.svgLabel).toBe(fig.specDescription);
        expect(fig.label).toBeTruthy();
        expect(fig.caption).toMatch(/^Figure \d+: /);
      }
      // every table has a caption and rows; all but the funnel plots carry their numbers in a table
      expect(f.tables.length).toBeGreaterThan(0);
      for (const t of f.tables) {
        expect(t.caption).not.toBe('');
        expect(t.rows).toBeGreaterThan(0);
      }
      for (const fig of f.figures.filter((x) => !/funnel plot/i.test(x.label ?? ''))) expect(fig.tables).toBeGreaterThan(0);
      // no formatting slip reaches the reader
      expect(f.bodyText).not.toMatch(/\bNaN\b|\bundefined\b|\bnull\b|Infinity|\[object /);
      expect(f.profile).toMatch(name.includes('analyst') ? /^Analyst report/ : /^Public report: counts from 1 to 4 are shown as "<5"/);
    });
  }

  it('prints no person_id, in the text or anywhere in the markup', async () => {
    for (const [name, ids] of personIds) {
      expect(ids.size, name).toBeGreaterThan(10);
      expect(
        [...ids].every((id) => typeof id === 'string' && id.length > 0),
        name,
      ).toBe(true);
      for (const page of pages.filter((p) => p.name === name || p.name === `${name}-analyst`)) {
        const words = (await readFile(page.path, 'utf8')).split(/[^A-Za-z0-9_-]+/);
        expect(
          words.filter((w) => ids.has(w)),
          page.name,
        ).toEqual([]);
      }
    }
  });

  it('shows a hostile service name as text, in tables, chart text and narrative', async () => {
    for (const name of ['xss-public', 'xss-analyst']) {
      const f = await visit(pages.find((p) => p.name === name)!.path);
      expect(f.imgElements).toBe(0);
      expect(f.dialogs).toEqual([]);
      expect(f.bodyText).toContain(`A paragraph naming ${XSS}.`);
      expect(f.bodyText).toContain(XSS);
    }
  });
});
