import { describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { jsonErrorPlace, parseStudyFile } from '../../src/study/study-file.js';
import { runCli } from '../support/run-cli.js';

const dir = resolve('tests/fixtures/extracts');

describe('settings for real extracts', () => {
  test('the study file takes dateFormat, delimiter, sheet and offencesExtra', () => {
    const f = parseStudyFile(
      JSON.stringify({
        people: 'p.csv',
        events: 'e.csv',
        extractionDate: '2019-12-31',
        dateFormat: 'DD/MM/YYYY',
        delimiter: ';',
        sheet: 'People',
        offencesExtra: 'extra.csv',
      }),
      '/d/study.json',
    );
    expect([f.dateFormat, f.delimiter, f.sheet, f.offencesExtra]).toEqual(['DD/MM/YYYY', ';', 'People', '/d/extra.csv']);
    expect(() => parseStudyFile(JSON.stringify({ people: 'p', events: 'e', extractionDate: '2019-12-31', dateFormat: 'MM/DD/YYYY' }), '/d/study.json')).toThrow(
      '/d/study.json: dateFormat is "MM/DD/YYYY"; expected one of "YYYY-MM-DD", "DD/MM/YYYY", "D/M/YYYY"',
    );
  });

  test('--date-format reads a UK export; without it, one error per file names the setting', async () => {
    const args = ['--people', join(dir, 'dd-mm-yyyy/people.csv'), '--events', join(dir, 'dd-mm-yyyy/events.csv'), '--extraction-date', '2019-12-31'];
    const ok = await runCli('validate', ...args, '--date-format', 'DD/MM/YYYY');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('people   69 read, 69 used, 0 quarantined');
    const bad = await runCli('validate', ...args);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('Invalid: 3 errors.');
    expect(bad.stdout).toContain('set "dateFormat": "DD/MM/YYYY" in the study file, or --date-format DD/MM/YYYY');
  });

  test('a study file with offencesExtra adds a local code', async () => {
    const d = mkdtempSync(join(tmpdir(), 'extra-'));
    writeFileSync(
      join(d, 'extra.csv'),
      "# Severity source: the service's own weights\ncode,label,group,category,mode_of_trial,severity\nVAP-GBH-S2O,Local wounding code,violence against the person,violent,either_way,1300\n",
    );
    writeFileSync(
      join(d, 'study.json'),
      JSON.stringify({
        people: join(dir, 'unknown-codes/people.csv'),
        events: join(dir, 'unknown-codes/events.csv'),
        extractionDate: '2019-12-31',
        offencesExtra: 'extra.csv',
      }),
    );
    const r = await runCli('validate', '--study', join(d, 'study.json'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('offences 100 codes in the lookup');
  });

  test('a study file that is not JSON is reported with its line and column', () => {
    const text = '{\n  "people": "p.csv",\n  "events" "e.csv"\n}';
    expect(() => parseStudyFile(text, '/d/study.json')).toThrow(/^\/d\/study.json line 3, column 12 is not valid JSON: /);
    expect(jsonErrorPlace('{"a": ', 'Unexpected end of JSON input')).toBe(' line 1, column 7');
  });

  test('--out naming a file is refused, not made a folder', async () => {
    const r = await runCli('report', '--study', 'data-samples/resettle/study.json', '--out', join(tmpdir(), 'x.pdf'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('looks like a file name; --out names the folder the page is written into');
  });

  test('pages of one study with different options have different names', async () => {
    const d = mkdtempSync(join(tmpdir(), 'pages-'));
    const a = await runCli('report', '--study', 'data-samples/resettle/study.json', '--out', d);
    const b = await runCli('report', '--study', 'data-samples/resettle/study.json', '--out', d, '--recall-window', 'licence', '--profile', 'analyst');
    expect([a.status, b.status]).toEqual([0, 0]);
    expect(a.stdout).toMatch(/\/resettle-[a-z0-9-]+\.html \(public profile\)/);
    expect(b.stdout).toMatch(/-recallwindow-licence-analyst\.html \(analyst profile\)/);
  });
});
