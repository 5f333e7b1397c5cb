/**
 * `follow-up init DIR` (issue 12): what it writes validates and renders, the
 * starter notebook runs, and a folder with anything in it is refused.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../support/run-cli.js';

const base = mkdtempSync(join(tmpdir(), 'init-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('follow-up init', () => {
  const dir = join(base, 'study');

  test('writes a study that validates and a report page that renders', async () => {
    const init = await runCli('init', dir);
    expect(init.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['analyses', 'events.csv', 'offences.csv', 'package.json', 'people.csv', 'study.json']);
    // every table: its header and one line of example data
    for (const table of ['people.csv', 'events.csv']) expect(readFileSync(join(dir, table), 'utf8').trim().split('\n')).toHaveLength(2);
    expect(readFileSync(join(dir, 'people.csv'), 'utf8').split('\n')[0]).toBe(
      'person_id,service,tier,sex,ethnicity,age_at_release,index_offence,prior_convictions,custody_years_before_release,aces,referral_date,in_reach_start,release_date,service_end,end_reason,included,exclusion_reason,follow_up_end',
    );
    const validate = await runCli('validate', '--study', join(dir, 'study.json'));
    expect(validate.status).toBe(0);
    expect(validate.stdout).toContain('people   1 read, 1 used, 0 quarantined');
    expect(validate.stdout).toContain('events   1 read, 1 used, 0 quarantined');
    expect(validate.stdout).toContain('Valid: no errors.');
    expect(validate.stdout).toContain('No warnings.');
    const report = await runCli('report', '--study', join(dir, 'study.json'), '--out', join(dir, 'reports'));
    expect(report.status).toBe(0);
    const html = readFileSync(join(dir, 'reports', 'new-follow-up-study.html'), 'utf8');
    expect(html).toContain('<h1>New follow-up study</h1>');
    expect(html).toContain('<svg');
    expect(html).not.toContain('ex0001');
  });

  test('the starter notebook renders its page (its import of follow-up pointed at the source)', () => {
    const nb = readFileSync(join(dir, 'analyses', 'first-look.ts'), 'utf8');
    expect(nb).toContain("from 'follow-up'");
    // The folder has no node_modules here: the entry point is named by its path.
    const local = join(dir, 'analyses', 'first-look-local.ts');
    writeFileSync(local, nb.replace("from 'follow-up'", `from '${resolve('src/index.ts')}'`));
    const out = join(base, 'starter-pages');
    execFileSync(process.execPath, ['--import', 'tsx', local], { env: { ...process.env, TZ: 'UTC', FOLLOW_UP_REPORTS_DIR: out }, stdio: 'pipe' });
    const html = readFileSync(join(out, 'first-look.html'), 'utf8');
    expect(html).toContain('<h1>New follow-up study</h1>');
    expect(html).toContain('This page follows the people of New follow-up study');
  });

  test('refuses a folder that is not empty, and writes nothing into it', async () => {
    const full = join(base, 'full');
    await runCli('init', full);
    writeFileSync(join(full, 'study.json'), '{"mine": true}');
    const again = await runCli('init', full);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/full is not empty; give a new or empty folder/);
    expect(readFileSync(join(full, 'study.json'), 'utf8')).toBe('{"mine": true}');
    expect((await runCli('init')).status).toBe(2);
    expect(existsSync(join(base, 'nothing'))).toBe(false);
  });
});
