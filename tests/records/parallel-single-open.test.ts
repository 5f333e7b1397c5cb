/**
 * Issue 14: the parallel events reader could mix file versions when the file
 * was replaced while it was read (each part opened the path on its own). The
 * file is now opened once; every part, the header, the hash and the encoding
 * check read that handle, and its size and modification time are checked at
 * the end. The file is replaced mid-read by a hook after the first part (in
 * this thread, so no timing is involved).
 */
import { mkdtempSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/records/index.js';
import { type EventsReading, loadStudyReading } from '../../src/records/load-study.js';

const offences = 'tests/fixtures/records/offences.csv';
const PEOPLE = ['person_id,service,index_offence,release_date', 'P01,North East,VIO1,2018-01-01', 'P02,North East,SEX1,2018-02-01'].join('\n') + '\n';

/** 200 breaches of P01 and P02; `day` makes two versions of the same size that differ in every row's date. */
function eventsText(day: '01' | '02'): string {
  const lines = ['person_id,type,date'];
  for (let i = 0; i < 200; i++) lines.push(`P0${1 + (i % 2)},breach,2019-${String(1 + (i % 12)).padStart(2, '0')}-${day}`);
  return lines.join('\n') + '\n';
}

const WHEN = 1_700_000_000;

function study(): { dir: string; people: string; events: string; offences: string } {
  const dir = mkdtempSync(join(tmpdir(), 'single-open-'));
  writeFileSync(join(dir, 'people.csv'), PEOPLE);
  writeFileSync(join(dir, 'events.csv'), eventsText('01'));
  // A time of whole seconds, which a replacement can be given exactly.
  utimesSync(join(dir, 'events.csv'), WHEN, WHEN);
  return { dir, people: join(dir, 'people.csv'), events: join(dir, 'events.csv'), offences };
}

const inParts = (afterPart: (part: number) => void): EventsReading => ({ parts: 4, inWorkers: false, minBytes: 0, afterPart });

/** Day of the month of every event date, as loaded. */
const daysOf = (dates: Int32Array | Float64Array | number[]) => new Set(Array.from(dates, (d) => new Date(d * 86_400_000).getUTCDate()));

describe('the parallel events reader opens the file once', () => {
  it('a file replaced on its path (same size and time) after the first part: every part is still the version opened', async () => {
    const files = study();
    const before = statSync(files.events);
    const s = await loadStudyReading(
      files,
      { extractionDate: '2024-12-31' },
      inParts((part) => {
        if (part !== 0) return;
        // A new file renamed over the old one, given the old one's time: no size or time tells them apart.
        const next = join(files.dir, 'events.next.csv');
        writeFileSync(next, eventsText('02'));
        utimesSync(next, WHEN, WHEN);
        renameSync(next, files.events);
      }),
    );
    expect(statSync(files.events).size).toBe(before.size);
    expect(s.quality.events).toEqual({ read: 200, used: 200, quarantined: 0 });
    // Had a later part opened the path again, some dates would be on the 2nd.
    const events = s.events.columnNames().includes('date') ? (s.events.array('date') as Float64Array) : null;
    expect(events).not.toBeNull();
    expect(daysOf(events!)).toEqual(new Set([1]));
  });

  it('a file written over in place while its parts are read is refused, naming the change', async () => {
    const files = study();
    const error = await loadStudyReading(
      files,
      { extractionDate: '2024-12-31' },
      inParts((part) => {
        if (part !== 1) return;
        writeFileSync(files.events, eventsText('02'));
        // A time of its own, so the change shows whatever the clock's resolution.
        utimesSync(files.events, WHEN + 5, WHEN + 5);
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputFileError);
    expect((error as Error).message).toContain('changed while it was read');
    expect((error as Error).message).toContain('events');
  });

  it('a file replaced by one of another size is refused', async () => {
    const files = study();
    const error = await loadStudyReading(
      files,
      { extractionDate: '2024-12-31' },
      inParts((part) => {
        if (part === 2) writeFileSync(files.events, `${eventsText('02')}P01,breach,2020-01-01\n`);
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputFileError);
    expect((error as Error).message).toContain('changed while it was read');
  });
});
