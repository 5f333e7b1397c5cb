/** The page builder: determinism, escaping, self-containment, dating, headline wording, and disclosure reaching the charts. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { say, words } from '../../src/disclosure/narrative.js';
import { renderStudyReport, writeStudyReport } from '../../src/pages/index.js';
import { slugify, jsonForScript, esc } from '../../src/pages/html.js';
import { XSS, fixtureMeasures, fixtureStudy } from './fixture-measures.js';

const PUBLIC = { profile: 'public' as const, minCell: 5 };

function specsOf(page: string): { title: unknown; description: string; layer?: { data?: { values?: unknown } }[]; data?: { values?: unknown } }[] {
  return [...page.matchAll(/<script type="application\/json" class="vega-lite-spec" data-figure="[^"]+">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
}

const titleOf = (s: { title: unknown }) => (typeof s.title === 'string' ? s.title : (s.title as { text: string }).text);

describe('renderStudyReport', () => {
  const saved = process.env.SOURCE_DATE_EPOCH;
  afterEach(() => {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = saved;
  });

  it('gives byte-identical pages for the same inputs, dated by the extraction date without SOURCE_DATE_EPOCH', async () => {
    delete process.env.SOURCE_DATE_EPOCH;
    const a = await renderStudyReport(fixtureStudy(), fixtureMeasures(), PUBLIC);
    const b = await renderStudyReport(fixtureStudy(), fixtureMeasures(), PUBLIC);
    expect(a).toBe(b);
    expect(a).toContain('page dated 31 December 2019');
  });

  it('dates the page from SOURCE_DATE_EPOCH when it is set', async () => {
    process.env.SOURCE_DATE_EPOCH = '1700000000'; // 2023-11-14T22:13:20Z
    const page = await renderStudyReport(fixtureStudy(), fixtureMeasures(), PUBLIC);
    expect(page).toContain('page dated 2023-11-14T22:13:20Z');
    expect(page).toContain('from SOURCE_DATE_EPOCH');
  });

  it('escapes every text from the data and keeps script data inert', async () => {
    const page = await renderStudyReport(fixtureStudy(), fixtureMeasures(), { ...PUBLIC, narrative: [say`Look: ${words(XSS)}`], title: `Title ${XSS}` });
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // inside JSON script blocks no "<" survives, so no </script> can end them early
    for (const m of page.matchAll(/<script type="application\/json"[^>]*>([\s\S]*?)<\/script>/g)) expect(m[1]).not.toMatch(/[<>]/);
    expect(jsonForScript({ a: '</script><script>alert(1)</script>' })).toBe('{"a":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}');
    expect(esc(`a&b<c>"d"'e'`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&#39;e&#39;');
  });

  it('asks for nothing outside the page', async () => {
    const page = await renderStudyReport(fixtureStudy(), fixtureMeasures(), PUBLIC);
    expect(page).not.toMatch(/<link\b/i);
    expect(page).not.toMatch(/<script(?![^>]*type="application\/json")/i);
    expect(page).not.toMatch(/\s(src|href)="(?!#)/i);
    expect(page).not.toMatch(/@import|url\(\s*["']?https?:/i);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('puts the headline figures first, in plain words', async () => {
    const page = await renderStudyReport(fixtureStudy(), fixtureMeasures(), PUBLIC);
    const headlines = page.indexOf('id="headlines"');
    expect(headlines).toBeGreaterThan(0);
    expect(headlines).toBeLessThan(page.indexOf('<figure'));
    expect(page).toContain('27 of the 45 people (60%, 95% CI 45%–73%) were recalled to custody at least once during the intervention');
    expect(page).toContain('On 30 June 2019, 37 people were accessing the services: 12 in custody (32%) and 25 in the community (68%).');
  });

  it('states the options, data quality and provenance', async () => {
    const page = await renderStudyReport(fixtureStudy(), fixtureMeasures(), PUBLIC);
    for (const text of [
      'recallWindow',
      'intervention',
      'provenWindowMonths',
      'kmConfType',
      'Wilson score interval',
      'follow-up 0.1.0',
      'a'.repeat(64),
      'c'.repeat(64),
      'event after follow up end',
      '<td class="num">70</td>',
    ]) {
      expect(page).toContain(text);
    }
    const inferred = { ...fixtureMeasures(), extractionDateInferred: true };
    expect(await renderStudyReport(fixtureStudy(), inferred, PUBLIC)).toContain(
      '2019-12-31 (inferred: no extraction date was given, so the latest date in the records was used)',
    );
  });

  it('does not draw or embed what the public profile withholds', async () => {
    const pub = specsOf(await renderStudyReport(fixtureStudy(), fixtureMeasures(), PUBLIC));
    const analyst = specsOf(await renderStudyReport(fixtureStudy(), fixtureMeasures(), { profile: 'analyst', minCell: 5 }));
    const snapshot = (specs: ReturnType<typeof specsOf>) => specs.find((s) => titleOf(s).startsWith('Caseload on'))!;
    // The hostile service has 1 in custody and 2 in the community: not drawn in public, drawn for analysts.
    const bars = (s: ReturnType<typeof specsOf>[number]) => s.layer![0].data!.values as { service: string; people: number }[];
    expect(bars(snapshot(pub)).filter((b) => b.service === XSS)).toEqual([]);
    expect(
      bars(snapshot(analyst))
        .filter((b) => b.service === XSS)
        .map((b) => b.people),
    ).toEqual([1, 2]);
    expect(snapshot(pub).description).toContain(`${XSS}: <5 in custody, <5 in the community`);
    expect(snapshot(analyst).description).toContain(`${XSS}: 1 in custody, 2 in the community`);
  });

  it('writes <outDir>/<slug>.html', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'follow-up-write-'));
    try {
      const path = await writeStudyReport(fixtureStudy(), fixtureMeasures(), { ...PUBLIC, title: 'Resettle: follow-up (2019)' }, join(dir, 'out'));
      expect(path).toBe(join(dir, 'out', 'resettle-follow-up-2019.html'));
      expect(await readFile(path, 'utf8')).toContain('<title>Resettle: follow-up (2019)</title>');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(slugify('Räsänen & Davies — South Wales')).toBe('rasanen-davies-south-wales');
    expect(slugify('<<>>')).toBe('study');
  });

  it('refuses a minCell that is not a whole number of at least 1', async () => {
    await expect(renderStudyReport(fixtureStudy(), fixtureMeasures(), { profile: 'public', minCell: 0 })).rejects.toThrow(
      'minCell must be a whole number ≥ 1, got 0',
    );
  });
});
