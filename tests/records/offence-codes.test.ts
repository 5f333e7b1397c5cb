import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadOffenceLookup, loadStudy } from '../../src/records/index.js';
import { nearCode } from '../../src/records/offence-codes.js';
import { studyError } from './helpers.js';

function files(people: string, events: string, extra?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'codes-'));
  writeFileSync(join(dir, 'people.csv'), people);
  writeFileSync(join(dir, 'events.csv'), events);
  if (extra !== undefined) writeFileSync(join(dir, 'extra.csv'), extra);
  return { people: join(dir, 'people.csv'), events: join(dir, 'events.csv'), offencesExtra: extra === undefined ? null : join(dir, 'extra.csv'), dir };
}

const people = 'person_id,service,index_offence,release_date\nP1,S,VAP-ABX,2019-01-01\nP2,S,VAP-ABX,2019-01-01\nP3,S,VAP-ABH,2019-01-01\n';
const events = 'person_id,type,date\nP1,recall,2019-03-01\nP1,recall,2019-04-01\nP2,breach,2019-05-01\nP3,recall,2019-03-01\n';

describe('unknown offence codes', () => {
  it('suggests the near code', () => {
    const known = ['VAP-ABH', 'VAP-GBH', 'THEFT-SHOP'];
    expect(nearCode('VAP-ABX', known)).toBe('VAP-ABH');
    expect(nearCode('vap abh', known)).toBe('VAP-ABH');
    expect(nearCode('VAP-XYZ', known)).toBe(null);
  });

  it('tells one code once, with the lookup used, how to add codes, the near code, and its knock-on events folded in', async () => {
    const f = files(people, events);
    const e = await studyError(f);
    const errors = e.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => formatProblem(p).replace(f.dir, 'DIR'))).toEqual([
      "DIR/people.csv line 2, column index_offence: value 'VAP-ABX' — expected an offence code in the toolkit's default lookup (this code: 2 rows, lines 2, 3; 3 events are set aside with the people of this code); did you mean VAP-ABH?; to add codes, give a file of the new codes with --offences-extra (study file \"offencesExtra\"), which extends the lookup, or a whole lookup with --offences",
    ]);
  });

  it('extends the default lookup with offencesExtra, warning when the extra codes have no severity source', async () => {
    const f = files(
      people,
      events,
      'code,label,group,category,mode_of_trial,severity\nVAP-ABX,Local assault code,violence against the person,violent,either_way,120\n',
    );
    const s = await loadStudy(f);
    expect(s.offences.code.length).toBe((await loadOffenceLookup()).code.length + 1);
    expect(s.offences.code.at(-1)).toBe('VAP-ABX');
    expect(s.offences.code[0]).toBe('VAP-MURDER');
    expect(s.quality.problems.map((p) => [p.kind, p.file.replace(f.dir, 'DIR')])).toEqual([['no_severity_source', 'DIR/extra.csv']]);
  });

  it('refuses an extra code that would replace a default one', async () => {
    const f = files(
      people,
      events,
      '# Severity source: local weights\ncode,label,group,category,mode_of_trial,severity\nVAP-ABX,Local,violence against the person,violent,either_way,120\nVAP-ABH,Replaced,violence against the person,violent,either_way,1\n',
    );
    const e = await studyError(f);
    expect(e.problems.map((p) => formatProblem(p).replace(f.dir, 'DIR'))).toEqual([
      "DIR/extra.csv line 4, column code: value 'VAP-ABH' — expected a code not already in the toolkit's default lookup (offencesExtra adds codes and never replaces one; to change an existing code's row, give a whole lookup with --offences)",
    ]);
  });
});

describe('encodings of a lookup and of JSON tables', () => {
  it('refuses a lookup that is not UTF-8, on its line', async () => {
    const f = files(people, events);
    const path = join(f.dir, 'lookup.csv');
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from('# Severity source: x\ncode,label,group,category,mode_of_trial,severity\nVAP-ABX,Caf'),
        Buffer.from([0xe9]),
        Buffer.from(',violence against the person,violent,either_way,1\n'),
      ]),
    );
    const e = await studyError({ ...f, offences: path });
    expect(e.problems.map((p) => formatProblem(p).replace(f.dir, 'DIR'))).toEqual([
      'DIR/lookup.csv line 3 — expected UTF-8 text; a byte on this line is not UTF-8 (Excel\'s plain "CSV" writes Windows-1252): save the lookup as "CSV UTF-8"',
    ]);
  });

  it('refuses a JSON table that is not UTF-8, on its line', async () => {
    const f = files(people, events);
    const path = join(f.dir, 'people.json');
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from('[\n{"person_id": "P1", "service": "Caf'),
        Buffer.from([0xe9]),
        Buffer.from('", "index_offence": "VAP-ABH", "release_date": ""}\n]'),
      ]),
    );
    const e = await studyError({ ...f, people: path });
    expect(e.problems.map((p) => formatProblem(p).replace(f.dir, 'DIR'))).toEqual([
      'DIR/people.json line 2 — expected UTF-8 text (JSON is UTF-8); byte 0xE9 on this line is not: save the file as UTF-8',
    ]);
  });
});
