/** The entry point takes a pool too: openStudy reads the study file's `comparison` tables (comparison.md). */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareStudy, comparisonJson, openStudy } from '../../../src/index.js';

describe('openStudy with a comparison pool', () => {
  it('loads the pool beside the service, paths relative to the study file, and compares', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'open-pool-'));
    cpSync(fileURLToPath(new URL('../../fixtures/r/comparison/seed-11/', import.meta.url)), join(dir, 'data'), { recursive: true });
    writeFileSync(
      join(dir, 'study.json'),
      JSON.stringify({
        people: 'data/people.csv',
        events: 'data/events.csv',
        offences: 'data/offences.csv',
        extractionDate: '2022-12-31',
        comparison: { people: 'data/pool-people.csv', events: 'data/pool-events.csv', ratio: 2 },
      }),
    );
    const opened = await openStudy(join(dir, 'study.json'));
    const pool = opened.records.pool!;
    expect(pool.inputs.map((f) => f.path)).toEqual(['data/pool-people.csv', 'data/pool-events.csv']);
    expect(pool.quality.people.read).toBe(pool.quality.people.used + pool.quality.people.quarantined);
    const result = compareStudy(opened.records, opened.file.comparison!.settings, { includeCautions: opened.measures.options.includeCautions });
    expect(result.settings.ratio).toBe(2);
    expect(comparisonJson(result).value).toBeNull();
    expect(result.sample.treated.length).toBe(result.flow.service.matched + result.flow.pool.matched);
    expect(result.sample.standardError.type).toBe('cluster');
  });
});
