/**
 * The preview's parts (issue 12): where a failure is, the import graph it
 * watches, and a re-run when a data file the notebook read changes.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { errorLocation, relativePaths } from '../../src/preview/error-location.js';
import { importGraph } from '../../src/preview/import-graph.js';
import { startPreview } from '../../src/preview/server.js';

const root = '/home/eve/study';

describe('errorLocation', () => {
  test('the first frame in the study, not in a package or the preview', () => {
    const stack = [
      "TypeError: Cannot read properties of undefined (reading 'title')",
      '    at file:///home/eve/study/node_modules/follow-up/src/x.ts:3:1',
      '    at render (file:///home/eve/study/analyses/live.ts:12:34)',
      '    at file:///home/eve/study/src/lib.ts:4:2',
    ].join('\n');
    expect(errorLocation(stack, root)).toEqual({ file: 'analyses/live.ts', line: 12, column: 34 });
  });
  test('an esbuild syntax error names file:line:column', () => {
    const text = 'TransformError: Transform failed with 1 error:\n/home/eve/study/analyses/live.ts:2:120: ERROR: Expected "}" but found ")"';
    expect(errorLocation(text, root)).toEqual({ file: 'analyses/live.ts', line: 2, column: 120 });
  });
  test('nothing in the study: no location', () => {
    expect(errorLocation('Error: boom\n    at node:internal/x:1:2\n    at /elsewhere/a.ts:1:1', root)).toBeNull();
  });
  test('paths under the study become relative', () => {
    expect(relativePaths('at file:///home/eve/study/a.ts:1:1 and /home/eve/study/b.csv', root)).toBe('at a.ts:1:1 and b.csv');
  });
});

describe('importGraph', () => {
  test('follows relative imports transitively, .js to .ts, and stops at packages', () => {
    const graph = importGraph(resolve('analyses/resettle-follow-up.ts')).map((f) => relative(process.cwd(), f));
    expect(graph[0]).toBe('analyses/resettle-follow-up.ts');
    expect(graph).toContain('src/notebook/write-report.ts'); // imported through the entry point
    expect(graph).toContain('src/stats/fisher-exact.ts'); // notebook → pages → measures → stats
    expect(graph).toContain('src/records/events-reader.ts');
    expect(graph.some((f) => f.includes('node_modules'))).toBe(false);
    expect(new Set(graph).size).toBe(graph.length);
  });
});

describe('a change to an input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'preview-inputs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('re-runs the notebook that read it', async () => {
    mkdirSync(join(dir, 'analyses'));
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
    for (const f of ['people.csv', 'events.csv']) copyFileSync(resolve('data-samples/resettle', f), join(dir, f));
    copyFileSync(resolve('data-samples/offences.csv'), join(dir, 'offences.csv'));
    const study = { title: 'Before', people: 'people.csv', events: 'events.csv', offences: 'offences.csv', extractionDate: '2019-12-31' };
    writeFileSync(join(dir, 'study.json'), JSON.stringify(study));
    const nb = join(dir, 'analyses', 'inputs.ts');
    writeFileSync(
      nb,
      [
        `import { readStudyFile } from '${resolve('src/study/study-file.ts')}';`,
        `import { loadStudy } from '${resolve('src/records/index.ts')}';`,
        `import { computeMeasures } from '${resolve('src/measures/index.ts')}';`,
        `import { writeReport } from '${resolve('src/index.ts')}';`,
        `const file = await readStudyFile('study.json');`,
        `const study = await loadStudy({ people: 'people.csv', events: 'events.csv', offences: 'offences.csv' }, { title: file.title, extractionDate: file.extractionDate });`,
        `const open = { file, records: study, measures: computeMeasures(study, {}), report: { profile: 'public' as const, minCell: 5 } };`,
        `await writeReport(open, { out: 'reports', name: 'inputs', title: file.title ?? '' });`,
      ].join('\n'),
    );
    const preview = await startPreview({ notebooks: [nb], root: dir, reportsDir: join(dir, 'reports'), port: 0, debounceMs: 30 });
    try {
      await preview.idle();
      expect(preview.status()[0].error).toBeNull();
      expect(readFileSync(join(dir, 'reports', 'inputs.html'), 'utf8')).toContain('<h1>Before</h1>');
      writeFileSync(join(dir, 'study.json'), JSON.stringify({ ...study, title: 'After' }));
      const deadline = Date.now() + 30_000;
      while (preview.status()[0].runs < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await preview.idle();
      expect(preview.status()[0].runs).toBe(2);
      expect(readFileSync(join(dir, 'reports', 'inputs.html'), 'utf8')).toContain('<h1>After</h1>');
    } finally {
      await preview.close();
    }
  }, 60_000);
});
