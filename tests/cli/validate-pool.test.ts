/**
 * `follow-up validate` checks the comparison pool too (comparison.md "The comparison pool":
 * "validated the same way"): its counts and problems after the service's, exit 1 when the
 * pool is invalid, and the pool under `pool` in `--json`.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'validate-pool-'));
cpSync(fileURLToPath(new URL('../fixtures/r/comparison/seed-7/', import.meta.url)), dir, { recursive: true });
const base = { people: 'people.csv', events: 'events.csv', offences: 'offences.csv', extractionDate: '2022-12-31' };
writeFileSync(join(dir, 'study.json'), JSON.stringify({ ...base, comparison: { people: 'pool-people.csv', events: 'pool-events.csv' } }));

// The pool with the service's first person appended: a person in both tables.
const service = readFileSync(join(dir, 'people.csv'), 'utf8').trimEnd().split(/\r?\n/);
const pool = readFileSync(join(dir, 'pool-people.csv'), 'utf8').trimEnd().split(/\r?\n/);
writeFileSync(join(dir, 'bad-pool-people.csv'), `${[...pool, service[1]].join('\n')}\n`);
writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...base, comparison: { people: 'bad-pool-people.csv', events: 'pool-events.csv' } }));
const badLine = pool.length + 1;

describe('follow-up validate with a comparison pool', () => {
  test('lists the pool after the service, with its counts', async () => {
    const r = await runCli('validate', '--study', join(dir, 'study.json'));
    expect(r.status).toBe(0);
    const at = r.stdout.indexOf('\nComparison pool\n');
    expect(at).toBeGreaterThan(0);
    expect(r.stdout.slice(at)).toContain(`  people   ${pool.length - 1} read, ${pool.length - 1} used, 0 quarantined`);
    expect(r.stdout.slice(at)).toContain('Valid: no errors.');
  });

  test('a person in both tables makes the pool invalid: exit 1, the row located, no person_id printed', async () => {
    const r = await runCli('validate', '--study', join(dir, 'bad.json'));
    expect(r.status).toBe(1);
    const poolPart = r.stdout.slice(r.stdout.indexOf('\nComparison pool\n'));
    expect(poolPart).toContain('Invalid: 1 error.');
    expect(poolPart).toMatch(
      new RegExp(
        `bad-pool-people\\.csv line ${badLine}, column person_id: value withheld \\(a person_id is never printed\\) — expected a person who did not receive the service`,
      ),
    );
    expect(r.stdout).not.toContain(service[1].split(',')[0]);
  });

  test('--json puts the pool under "pool", and valid is false when the pool is invalid', async () => {
    const good = JSON.parse((await runCli('validate', '--study', join(dir, 'study.json'), '--json')).stdout);
    expect(good.valid).toBe(true);
    expect(good.pool.people).toEqual({ read: pool.length - 1, used: pool.length - 1, quarantined: 0 });
    const bad = await runCli('validate', '--study', join(dir, 'bad.json'), '--json');
    expect(bad.status).toBe(1);
    const j = JSON.parse(bad.stdout);
    expect(j.valid).toBe(false);
    expect(j.pool.errors).toBe(1);
    const errors = j.pool.problems.filter((p: { severity: string }) => p.severity === 'error');
    expect(errors.map((p: { kind: string; line: number }) => [p.kind, p.line])).toEqual([['person_in_service_and_pool', badLine]]);
  });

  test('--pool-people names the pool without a study file key', async () => {
    const r = await runCli('validate', '--study', join(dir, 'bad.json'), '--pool-people', join(dir, 'pool-people.csv'));
    expect(r.status).toBe(0);
  });
});
