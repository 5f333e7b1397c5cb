/**
 * `--assessments FILE` (study-file.md: each key has a flag of the same meaning): it replaces
 * the study file's assessments table; its instruments still come from the study file.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runCli } from '../support/run-cli.js';

const sample = fileURLToPath(new URL('../../data-samples/resettle/', import.meta.url));
const STUDY = join(sample, 'study.json');
const dir = mkdtempSync(join(tmpdir(), 'assessments-flag-'));
const lines = readFileSync(join(sample, 'assessments.csv'), 'utf8').trimEnd().split(/\r?\n/);
const FEWER = join(dir, 'fewer.csv');
writeFileSync(FEWER, `${lines.slice(0, 11).join('\n')}\n`);

describe('--assessments', () => {
  test("replaces the study file's table", async () => {
    const whole = JSON.parse((await runCli('validate', '--study', STUDY, '--json')).stdout);
    expect(whole.assessments).toEqual({ read: lines.length - 1, used: lines.length - 1, quarantined: 0 });
    const r = await runCli('validate', '--study', STUDY, '--assessments', FEWER, '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).assessments).toEqual({ read: 10, used: 10, quarantined: 0 });
  });

  test('a missing file is a usage error naming it', async () => {
    const r = await runCli('validate', '--study', STUDY, '--assessments', join(dir, 'none.csv'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('none.csv');
  });

  test("without the study file's instruments it is a usage error that says what to add", async () => {
    const r = await runCli('validate', '--people', join(sample, 'people.csv'), '--events', join(sample, 'events.csv'), '--assessments', FEWER);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--assessments needs the instruments they score (change.md): name them in the study file\'s "instruments" key');
  });
});
