/**
 * The comparison pool as its own validated tables (comparison.md "The comparison pool"):
 * checked as the service's are, `service` optional, a person of the service an error in
 * the pool's row, every row accounted for, quarantine and the privacy guard.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPool, loadStudy, StudyError, studyFromRows } from '../../src/records/index.js';
import { conviction, OFFENCES, person } from '../measures/helpers.js';

const service = [person('S1', { release_date: '2020-01-01' }), person('S2', { release_date: '2020-02-01' })];
const poolPerson = (id: string, fields: Record<string, string> = {}) => ({ ...person(id, { release_date: '2020-03-01', ...fields }), service: '' });

describe('a pool from rows', () => {
  it('is read as its own tables, with service optional and its events by person', () => {
    const study = studyFromRows(
      {
        people: service,
        events: [],
        offences: OFFENCES,
        pool: { people: [poolPerson('Q1'), poolPerson('Q2', { service: 'national records' })], events: [conviction('Q2', '2020-05-01', '2020-06-01', 'T1')] },
      },
      { extractionDate: '2022-12-31' },
    );
    const pool = study.pool!;
    expect(pool.people.numRows()).toBe(2);
    expect(pool.quality.people).toEqual({ read: 2, used: 2, quarantined: 0 });
    expect(pool.quality.events).toEqual({ read: 1, used: 1, quarantined: 0 });
    expect(Array.from(pool.personStart)).toEqual([0, 0, 1]);
    expect(pool.extractionDate).toBe(study.extractionDate);
    // The service's own tables are untouched by the pool.
    expect(study.people.numRows()).toBe(2);
  });

  it('refuses a person in both the service and the pool, naming the pool row', () => {
    let error: unknown;
    try {
      studyFromRows(
        { people: service, events: [], offences: OFFENCES, pool: { people: [poolPerson('Q1'), poolPerson('S2')] } },
        { extractionDate: '2022-12-31' },
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StudyError);
    const problems = (error as StudyError).problems.filter((p) => p.severity === 'error');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'person_in_service_and_pool', file: '<pool people rows>', line: 3, column: 'person_id', value: 'S2' });
  });

  it('sets bad pool rows aside in quarantine, every row accounted for', () => {
    const study = studyFromRows(
      {
        people: service,
        events: [],
        offences: OFFENCES,
        pool: {
          people: [poolPerson('Q1'), poolPerson('S1'), poolPerson('Q3', { age_at_release: 'old' })],
          events: [conviction('Q1', '2020-05-01', '2020-06-01', 'T1'), conviction('S1', '2020-05-01', '2020-06-01', 'T1')],
        },
      },
      { extractionDate: '2022-12-31', quarantine: true },
    );
    const q = study.pool!.quality;
    expect(q.people).toEqual({ read: 3, used: 1, quarantined: 2 });
    expect(q.people.read).toBe(q.people.used + q.people.quarantined);
    expect(q.events.read).toBe(q.events.used + q.events.quarantined);
    expect(q.events.quarantined).toBe(1);
    expect(q.problems.map((p) => p.kind)).toContain('person_in_service_and_pool');
  });

  it('applies the privacy guard to the pool', () => {
    expect(() =>
      studyFromRows(
        { people: service, events: [], offences: OFFENCES, pool: { people: [{ ...poolPerson('Q1'), name: 'John Smith' }] } },
        { extractionDate: '2022-12-31' },
      ),
    ).toThrow(/privacy|name/i);
  });
});

describe('a pool from files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pool-'));
  const csv = (rows: Record<string, string>[]) => `${Object.keys(rows[0]).join(',')}\n${rows.map((r) => Object.values(r).join(',')).join('\n')}\n`;
  writeFileSync(join(dir, 'people.csv'), csv(service));
  writeFileSync(join(dir, 'events.csv'), 'person_id,type,date,conviction_date,offence,recall_reasons\n');
  writeFileSync(join(dir, 'offences.csv'), csv(OFFENCES));

  it('names the pool file, line, column and value of a person in both, and quarantines into pool/', async () => {
    writeFileSync(join(dir, 'pool.csv'), csv([poolPerson('Q1'), poolPerson('S1')]));
    const study = await loadStudy(
      { people: join(dir, 'people.csv'), events: join(dir, 'events.csv'), offences: join(dir, 'offences.csv') },
      { extractionDate: '2022-12-31' },
    );
    await expect(loadPool({ people: join(dir, 'pool.csv'), events: null }, study)).rejects.toThrow(/pool\.csv line 3, column person_id/);
    const quarantined = await loadPool({ people: join(dir, 'pool.csv'), events: null }, study, { quarantineDir: join(dir, 'q') });
    expect(quarantined.quality.people).toEqual({ read: 2, used: 1, quarantined: 1 });
    expect(readFileSync(join(dir, 'q', 'pool', 'quarantine.csv'), 'utf8')).toContain('person_in_service_and_pool');
  });

  it('reads a pool without an events table as a pool with no events', async () => {
    writeFileSync(join(dir, 'pool2.csv'), csv([poolPerson('Q1'), poolPerson('Q2')]));
    const study = await loadStudy(
      { people: join(dir, 'people.csv'), events: join(dir, 'events.csv'), offences: join(dir, 'offences.csv') },
      { extractionDate: '2022-12-31' },
    );
    const pool = await loadPool({ people: join(dir, 'pool2.csv'), events: null }, study);
    expect(pool.people.numRows()).toBe(2);
    expect(pool.events.numRows()).toBe(0);
    expect(pool.inputs.map((i) => i.role)).toEqual(['people']);
  });
});
