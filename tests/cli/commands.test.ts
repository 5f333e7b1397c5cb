import { describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/run-cli.js';

const RESETTLE = 'data-samples/resettle/study.json';

describe('follow-up validate', () => {
  test('a sample is valid, with its row counts', async () => {
    const r = await runCli('validate', '--study', RESETTLE);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('people   69 read, 69 used, 0 quarantined');
    expect(r.stdout).toContain('Valid: no errors.');
  });

  test('invalid records exit 1 and list each error with its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    writeFileSync(join(dir, 'people.csv'), 'person_id,service,index_offence,release_date\np001,A,VAP-ABH,2020-02-30\np002,A,NOPE,2020-01-01\n');
    writeFileSync(join(dir, 'events.csv'), 'person_id,type,date\n');
    const r = await runCli('validate', '--people', join(dir, 'people.csv'), '--events', join(dir, 'events.csv'));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/Invalid: 2 errors/);
    expect(r.stdout).toMatch(/people\.csv line 2, column release_date: value '2020-02-30'/);
    expect(r.stdout).toMatch(/people\.csv line 3, column index_offence: value 'NOPE'/);
  });
});

describe('usage errors exit 2 and say how to fix it', () => {
  test.each([
    [['validate', '--peopel', 'x'], /unknown flag --peopel/],
    [['measures'], /needs a study/],
    [['measures', '--study', RESETTLE, '--interval', 'wald'], /--interval is "wald"; expected one of/],
    [['measures', '--people', 'nowhere.csv', '--events', 'nowhere.csv'], /cannot read the people file/],
    [['report', '--study', RESETTLE], /needs --out DIR/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('%j', async (argv, message) => {
    const r = await runCli(...argv);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('follow-up measures', () => {
  test('--json prints only the document, with the published figures', async () => {
    const r = await runCli('measures', '--study', RESETTLE, '--json');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.recall.overall).toMatchObject({ k: 27, n: 45, proportion: 0.6 });
    expect(doc.desistance.overall).toMatchObject({ k: 29, n: 45 });
    expect(doc.reconviction.indictable.ofCohort).toMatchObject({ k: 7, n: 45 });
    expect(doc.options.recallWindow).toBe('intervention');
    expect(doc.snapshot).toBeNull();
  });

  test('a flag overrides the study file', async () => {
    const r = await runCli('measures', '--study', RESETTLE, '--json', '--recall-window', 'licence', '--proven-window-months', '24');
    const doc = JSON.parse(r.stdout);
    expect(doc.options.recallWindow).toBe('licence');
    expect(doc.provenReoffending.windowMonths).toBe(24);
  });
});
