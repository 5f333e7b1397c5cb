/** The assessments table (records.md, "assessments"): validated like the others, counted in read = used + quarantined. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadStudy, studyFromRows } from '../../src/records/index.js';
import type { Instrument } from '../../src/study/instruments.js';
import { day, studyError } from './helpers.js';

const instruments: Record<string, Instrument> = {
  wellbeing: { reliability: 0.9, better: 'lower', sd: null, clinical: null, functional: null, source: null },
  goals: { reliability: 0.8, better: 'higher', sd: null, clinical: null, functional: null, source: null },
};
const people = 'person_id,service,index_offence,release_date\nP1,Ashby,VAP-GBH-S20,2020-01-10\nP2,Ashby,VAP-GBH-S20,2020-02-10\nP3,Ashby,BAD,2020-02-10\n';
const events = 'person_id,type,date,conviction_date,offence\n';

function write(assessments: string): { people: string; events: string; assessments: string } {
  const dir = mkdtempSync(join(tmpdir(), 'assess-'));
  writeFileSync(join(dir, 'people.csv'), people.replace(',BAD,', ',VAP-GBH-S20,'));
  writeFileSync(join(dir, 'events.csv'), events);
  writeFileSync(join(dir, 'assessments.csv'), assessments);
  return { people: join(dir, 'people.csv'), events: join(dir, 'events.csv'), assessments: join(dir, 'assessments.csv') };
}

describe('assessments table', () => {
  it('reads a valid table into typed columns, instruments matched ignoring case', async () => {
    const files = write('Person_ID , Instrument,date,score\nP1,wellbeing,2019-12-01,20\nP1,WELLBEING,2020-06-01,12.5\nP2,goals,2020-03-01,3\n,,,\n');
    const study = await loadStudy(files, { extractionDate: '2021-01-01', instruments });
    expect(study.quality.assessments).toEqual({ read: 3, used: 3, quarantined: 0 });
    const a = study.assessments!;
    expect(a.names).toEqual(['wellbeing', 'goals']);
    expect([...a.person]).toEqual([0, 0, 1]);
    expect([...a.instrument]).toEqual([0, 0, 1]);
    expect([...a.date]).toEqual([day('2019-12-01'), day('2020-06-01'), day('2020-03-01')]);
    expect([...a.score]).toEqual([20, 12.5, 3]);
    expect(study.instruments?.goals.better).toBe('higher');
    expect(study.inputs.map((i) => i.role)).toContain('assessments');
  });

  it('names file, line, column and value of each error, and lists them all', async () => {
    const files = write(
      [
        'person_id,instrument,date,score',
        'P1,wellbeing,2019-12-01,20',
        'P9,wellbeing,2019-12-01,20',
        'P1,mood,2019-12-01,20',
        'P1,wellbeing,2023-02-30,20',
        'P1,goals,2019-12-01,high',
        'P1,wellbeing,2019-12-01,18',
        'P1,goals,2019-12-01,',
        'A1234BC,goals,2019-12-01,4',
      ].join('\n'),
    );
    const error = await studyError(files, { extractionDate: '2021-01-01', instruments });
    const got = error.problems.filter((p) => p.table === 'assessments').map((p) => [p.kind, p.line, p.column, p.value]);
    expect(got).toEqual([
      ['unknown_person', 3, 'person_id', 'P9'],
      ['unknown_instrument', 4, 'instrument', 'mood'],
      ['invalid_date', 5, 'date', '2023-02-30'],
      ['wrong_type', 6, 'score', 'high'],
      ['duplicate_assessment', 7, 'date', '2019-12-01'],
      ['missing_value', 8, 'score', ''],
      ['privacy_value', 9, 'person_id', 'A1•••BC'],
    ]);
    expect(error.quality.assessments).toEqual({ read: 8, used: 1, quarantined: 7 });
    const line = formatProblem(error.problems.find((p) => p.kind === 'unknown_instrument')!);
    expect(line).toContain('assessments.csv line 4, column instrument');
    expect(line).toContain("'mood'");
    // A person_id is never printed.
    expect(formatProblem(error.problems.find((p) => p.kind === 'unknown_person')!)).not.toContain('P9');
  });

  it('in quarantine mode sets the bad rows aside with the others and goes on', async () => {
    const files = write('person_id,instrument,date,score\nP1,wellbeing,2019-12-01,20\nP1,wellbeing,2019-12-01,21\nP2,goals,2020-03-01,x\n');
    const dir = mkdtempSync(join(tmpdir(), 'quarantine-'));
    const study = await loadStudy(files, { extractionDate: '2021-01-01', instruments, quarantineDir: dir });
    expect(study.quality.assessments).toEqual({ read: 3, used: 1, quarantined: 2 });
    const csv = readFileSync(join(dir, 'quarantine.csv'), 'utf8');
    expect(csv).toContain('duplicate_assessment');
    expect(csv).toContain('assessments');
  });

  it('a missing required column makes the table unusable: every row counted as quarantined', async () => {
    const files = write('person_id,instrument,date\nP1,wellbeing,2019-12-01\n');
    const error = await studyError(files, { extractionDate: '2021-01-01', instruments });
    expect(error.problems.map((p) => [p.kind, p.table, p.column])).toContainEqual(['missing_column', 'assessments', 'score']);
  });

  it('assessments of a person whose row is in error are set aside with it', () => {
    const rows = {
      people: [
        { person_id: 'P1', service: 'A', index_offence: 'VAP-GBH-S20', release_date: '2020-01-10' },
        { person_id: 'P2', service: 'A', index_offence: 'VAP-GBH-S20', release_date: '2020-02-30' },
      ],
      events: [],
      assessments: [
        { person_id: 'P1', instrument: 'goals', date: '2020-01-01', score: 3 },
        { person_id: 'P2', instrument: 'goals', date: '2020-01-01', score: 3 },
      ],
    };
    const study = studyFromRows(rows, { extractionDate: '2021-01-01', instruments, quarantine: true });
    expect(study.quality.assessments).toEqual({ read: 2, used: 1, quarantined: 1 });
    expect(study.quality.problems.map((p) => p.kind)).toContain('person_quarantined');
  });
});
