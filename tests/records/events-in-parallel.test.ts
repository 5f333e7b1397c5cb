import { mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StudyError } from '../../src/records/index.js';
import { loadStudyReading, type EventsReading, type LoadOptions } from '../../src/records/load-study.js';
import { planEventsChunks, runChunksHere, sharedPartsLayout } from '../../src/records/events-in-parallel.js';
import type { EventsChunkJob } from '../../src/records/events-chunk.js';
import { readCsvFile, readCsvRange, type CsvRecord } from '../../src/records/csv-reader.js';
import type { Study } from '../../src/study/study.js';

const offences = 'tests/fixtures/records/offences.csv';
const whole: EventsReading = { parts: 1, inWorkers: false, minBytes: 0 };
const inParts = (parts: number): EventsReading => ({ parts, inWorkers: false, minBytes: 0 });

// P05's age is not a number: P05 is set aside, and their events with them.
const PEOPLE =
  [
    'person_id,service,index_offence,release_date,age_at_release',
    'P01,North East,VIO1,2018-01-01,30',
    'P02,North East,SEX1,2018-02-01,31',
    'P03,"Kent, Surrey and Sussex",THF1,2018-03-01,32',
    'P04,South Wales,ROB1,2018-04-01,33',
    'P05,South Wales,ROB1,2018-05-01,old',
    'P06,South Wales,VIO1,2018-06-01,35',
  ].join('\n') + '\n';

/**
 * 40 lines of events (P01 on lines 2–8, P02 on 9–15, … P05 on 30–36, P06 on 37–40), not in date
 * order, with these problems worked out by hand (line numbers as in the file): 7 unknown_person,
 * 15 invalid_date, 20–21 one record whose note spans two lines (fine), 24 duplicate_event of 23,
 * 28 recall_reasons_on_non_recall, 30–36 person_quarantined (P05 is set aside) except 33, a row with
 * too many fields (malformed_csv), 37 written with CRLF (fine).
 */
function eventsText(): string {
  const lines = ['person_id,type,date,conviction_date,offence,recall_reasons,note'];
  const person = (line: number) => `P0${Math.min(6, 1 + Math.floor((line - 2) / 7))}`;
  for (let line = 2; line <= 40; line++) {
    const date = `2019-${String(1 + ((line * 5) % 12)).padStart(2, '0')}-${String(1 + (line % 27)).padStart(2, '0')}`;
    let row = `${person(line)},breach,${date},,,,`;
    if (line === 7) row = `P99,breach,${date},,,,`;
    if (line === 15) row = `${person(line)},breach,2019-02-30,,,,`;
    if (line === 20) row = `${person(line)},breach,${date},,,,"first line\nsecond line"`;
    if (line === 21) continue; // taken by the note of line 20
    if (line === 24) row = lines[lines.length - 1];
    if (line === 28) row = `${person(line)},conviction,${date},${date},THF1,further_charge,`;
    if (line === 33) row = `${person(line)},breach,${date},,,,,surplus`;
    if (line === 37) row += '\r';
    lines.push(row);
  }
  return lines.join('\n') + '\n';
}

function writeStudy(events: string, people = PEOPLE): { people: string; events: string; offences: string } {
  const dir = mkdtempSync(join(tmpdir(), 'records-par-'));
  writeFileSync(join(dir, 'people.csv'), people);
  writeFileSync(join(dir, 'events.csv'), events);
  return { people: join(dir, 'people.csv'), events: join(dir, 'events.csv'), offences };
}

const plain = (v: unknown) => (typeof v === 'number' && Number.isNaN(v) ? 'NaN' : v);

function snapshot(s: Study): unknown {
  const table = (t: Study['people']) => Object.fromEntries(t.columnNames().map((n) => [n, Array.from(t.column(n) as unknown as ArrayLike<unknown>, plain)]));
  return {
    people: table(s.people),
    events: table(s.events),
    personStart: Array.from(s.personStart),
    extractionDate: s.extractionDate,
    quality: { ...s.quality, quarantineFile: s.quality.quarantineFile !== null },
    inputs: s.inputs,
  };
}

/** Everything a load gives: the study (and quarantine file), or the error with its problems. */
async function outcome(files: { people: string; events: string; offences: string }, options: LoadOptions, reading: EventsReading): Promise<unknown> {
  const quarantineDir = options.quarantineDir ? mkdtempSync(join(tmpdir(), 'records-parq-')) : null;
  try {
    const s = await loadStudyReading(files, { ...options, quarantineDir }, reading);
    return { study: snapshot(s), quarantine: quarantineDir ? readFileSync(s.quality.quarantineFile!, 'utf8') : null };
  } catch (error) {
    if (!(error instanceof StudyError)) throw error;
    return { message: error.message, problems: error.problems, quality: { ...error.quality, quarantineFile: null } };
  }
}

describe('reading a CSV range', () => {
  const TEXT = 'a,b\r\n1,"x\ny"\n\n2,z\r3,w\n4,"v"';

  it('numbers lines from the range start, counts its line ends, and says whether it ended on a record end', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'csv-range-')), 't.csv');
    writeFileSync(path, TEXT);
    const read = (start: number, end: number) => {
      const records: number[] = [];
      const info = readCsvRange(path, (r: CsvRecord) => records.push(r.line), start, end, 4);
      return { records, ...info };
    };
    // Whole: records on lines 1 (header), 2 (spanning 2–3), 5 (after the blank line 4), 6 (after a lone CR), 7; 6 line ends.
    expect(read(0, Infinity)).toEqual({ records: [1, 2, 5, 6, 7], lines: 6, bytes: TEXT.length, aligned: true });
    // Cut after '1,"x\n' (byte 10): inside the quoted field, so the range does not end on a record end.
    expect(read(0, 10).aligned).toBe(false);
    // Cut after 'y"\n\n' (byte 14): 4 line ends before it; the rest numbers its lines from 1 (line 5 of the file).
    expect(read(0, 14)).toEqual({ records: [1, 2], lines: 4, bytes: 14, aligned: true });
    expect(read(14, Infinity)).toEqual({ records: [1, 2, 3], lines: 2, bytes: TEXT.length - 14, aligned: true });
  });

  it('cuts a file just after line ends, into parts that read as the whole does', () => {
    const path = writeStudy(eventsText()).events;
    const text = readFileSync(path);
    const wholeLines: number[] = [];
    readCsvFile(path, (r) => wholeLines.push(r.line));
    for (let parts = 2; parts <= 9; parts++) {
      const ranges = planEventsChunks(path, parts)!;
      expect(ranges[0].start).toBe(0);
      expect(ranges[ranges.length - 1].end).toBe(Infinity);
      const joined: number[] = [];
      let offset = 0;
      let aligned = true;
      for (const r of ranges) {
        if (r.start > 0) expect(text[r.start - 1]).toBe(0x0a);
        const info = readCsvRange(path, (rec) => joined.push(rec.line + offset), r.start, r.end);
        offset += info.lines;
        aligned &&= info.aligned;
      }
      // A cut inside the note of lines 20–21 is caught; every other cut joins exactly.
      const cutInNote = ranges.some((r) => r.start > 0 && text.subarray(0, r.start).toString().split('\n').length - 1 === 20);
      expect(aligned, `parts ${parts}`).toBe(!cutInNote);
      if (aligned) expect(joined, `parts ${parts}`).toEqual(wholeLines);
    }
  });
});

describe('reading the events file in parts', () => {
  it('finds every problem at its line, as reading it whole does, however the file is cut', async () => {
    const files = writeStudy(eventsText());
    const expected = await outcome(files, {}, whole);
    const e = expected as { problems: { kind: string; line: number; table: string }[] };
    expect(e.problems.map((p) => [p.table, p.kind, p.line])).toEqual([
      ['people', 'wrong_type', 6],
      ['events', 'unknown_person', 7],
      ['events', 'invalid_date', 15],
      ['events', 'duplicate_event', 24],
      ['events', 'recall_reasons_on_non_recall', 28],
      ['events', 'person_quarantined', 30],
      ['events', 'person_quarantined', 31],
      ['events', 'person_quarantined', 32],
      ['events', 'malformed_csv', 33],
      ['events', 'person_quarantined', 34],
      ['events', 'person_quarantined', 35],
      ['events', 'person_quarantined', 36],
    ]);
    for (let parts = 2; parts <= 12; parts++) expect(await outcome(files, {}, inParts(parts)), `parts ${parts}`).toEqual(expected);
  });

  it('sets aside the same rows in quarantine mode, however the file is cut', async () => {
    const files = writeStudy(eventsText());
    const expected = (await outcome(files, { quarantineDir: 'yes' }, whole)) as { study: { quality: { events: unknown } }; quarantine: string };
    // 38 records after the header (line 21 belongs to line 20's); set aside: 7, 15, and P05's 30–36.
    expect(expected.study.quality.events).toEqual({ read: 38, used: 29, quarantined: 9 });
    expect(
      expected.quarantine
        .split('\n')
        .filter((l) => l.startsWith('events,'))
        .map((l) => Number(l.split(',')[2])),
    ).toEqual([7, 15, 30, 31, 32, 33, 34, 35, 36]);
    for (let parts = 2; parts <= 12; parts++) expect(await outcome(files, { quarantineDir: 'yes' }, inParts(parts)), `parts ${parts}`).toEqual(expected);
  });

  it('gives the study of a clean file with the person rows of the whole read', async () => {
    const lines = eventsText()
      .split('\n')
      .filter((l, i) => i === 0 || (/^P0[12346],breach,2019-\d\d-\d\d,,,,\r?$/.test(l) && !l.includes('2019-02-30')));
    const files = writeStudy(lines.join('\n') + '\n', PEOPLE.replace(',old', ',36'));
    const expected = (await outcome(files, {}, whole)) as { study: { events: { person: number[] } } };
    expect(expected.study.events.person.slice(0, 3)).toEqual([0, 0, 0]);
    for (let parts = 2; parts <= 8; parts++) expect(await outcome(files, {}, inParts(parts)), `parts ${parts}`).toEqual(expected);
  });

  it('falls back to one piece when a quoted field runs across a cut', async () => {
    // A note of 60 lines after line 30 (element 30, as line 21 is the end of line 20's note): a cut in the middle falls inside it.
    const body = eventsText().split('\n');
    body.splice(30, 0, `P03,breach,2019-06-06,,,,"${Array.from({ length: 60 }, (_, i) => `note line ${i}`).join('\n')}"`);
    const files = writeStudy(body.join('\n'));
    const ranges = planEventsChunks(files.events, 2)!;
    expect(readCsvRange(files.events, () => {}, ranges[0].start, ranges[0].end).aligned).toBe(false);
    const expected = await outcome(files, {}, whole);
    for (const parts of [2, 3, 4]) expect(await outcome(files, {}, inParts(parts)), `parts ${parts}`).toEqual(expected);
  });

  it('uses none of the events (read = used + quarantined) when the people cannot be read, as reading whole does', async () => {
    const files = writeStudy(eventsText(), 'person_id,index_offence,release_date\nP01,VIO1,\n');
    const expected = (await outcome(files, {}, whole)) as { problems: { kind: string }[]; quality: { events: unknown } };
    expect(expected.problems.map((p) => p.kind)).toEqual(['missing_column']);
    expect(expected.quality.events).toEqual({ read: 38, used: 0, quarantined: 38 });
    for (const parts of [2, 5]) expect(await outcome(files, {}, inParts(parts))).toEqual(expected);
  });

  it('gives the same outcome for every CSV fixture pair', async () => {
    for (const dir of ['valid', 'errors', 'malformed', 'privacy']) {
      const path = `tests/fixtures/records/${dir}`;
      const csv = readdirSync(path).filter((f) => f.endsWith('.csv'));
      for (const people of csv.filter((f) => f.startsWith('people'))) {
        for (const events of csv.filter((f) => f.startsWith('events'))) {
          const files = { people: `${path}/${people}`, events: `${path}/${events}`, offences };
          const expected = await outcome(files, {}, whole);
          for (const parts of [2, 3]) expect(await outcome(files, {}, inParts(parts)), `${dir} ${people} ${events} parts ${parts}`).toEqual(expected);
        }
      }
    }
  });

  it('puts each part after the line ends of the parts before it, or in columns of its own when the shared ones are too short', async () => {
    const path = writeStudy(eventsText()).events;
    const size = readFileSync(path).length;
    const ranges = planEventsChunks(path, 3)!;
    const jobsFor = (layout: ReturnType<typeof sharedPartsLayout>): EventsChunkJob[] =>
      ranges.map(({ start, end }, part) => ({
        path,
        fd: openSync(path, 'r'),
        file: 'events.csv',
        allow: [],
        offenceCodes: ['THF1'],
        start,
        end,
        fileBytes: size,
        part,
        ...layout,
      }));
    const lineEnds = ranges.map(
      ({ start, end }) =>
        readFileSync(path)
          .subarray(start, Math.min(end, size))
          .filter((b) => b === 0x0a).length,
    );
    const roomy = await runChunksHere(jobsFor(sharedPartsLayout(size, 3))).finish(null);
    expect(roomy.map((r) => r.at)).toEqual([0, lineEnds[0] + 1, lineEnds[0] + lineEnds[1] + 2]);
    // Read before the people are known, every person_id stands for a person: 38 records but the invalid date (15) and the row of too many fields (33).
    expect(roomy.map((r) => r.columns.count)).toEqual([12, 13, 11]);
    // Room for 20 rows: the first part fits, the second would run past the end and has columns of its own, and so has the third.
    const short = { columns: sharedPartsLayout(20 * 17 - 3 * 17, 3).columns, rooms: sharedPartsLayout(0, 3).rooms };
    expect(short.columns.person.length).toBe(20);
    const cramped = await runChunksHere(jobsFor(short)).finish(null);
    expect(cramped.map((r) => r.at)).toEqual([0, null, null]);
    expect(cramped.map((r) => Array.from(r.columns.date))).toEqual(roomy.map((r) => Array.from(r.columns.date)));
  });

  it('reads a file whose line ends outnumber the room for rows (blank lines) to the outcome of the whole read', async () => {
    const body = eventsText().split('\n');
    body.splice(25, 0, ...new Array(3000).fill(''));
    const files = writeStudy(body.join('\n'));
    const expected = await outcome(files, { quarantineDir: 'yes' }, whole);
    for (const parts of [2, 3]) expect(await outcome(files, { quarantineDir: 'yes' }, inParts(parts)), `parts ${parts}`).toEqual(expected);
    expect(await outcome(files, { quarantineDir: 'yes' }, { parts: 2, inWorkers: true, minBytes: 0 })).toEqual(expected);
  });

  it('finds people whose person_ids are longer than a person table slot holds (20 bytes), in parts and in workers', async () => {
    const long = (text: string) =>
      text.replace(/P0(\d)/g, 'a-person-id-longer-than-twenty-bytes-$1').replace(/P99/g, 'an-unknown-person-id-longer-than-twenty-bytes');
    const files = writeStudy(long(eventsText()), long(PEOPLE));
    const expected = await outcome(files, { quarantineDir: 'yes' }, whole);
    expect((expected as { study: { quality: { events: unknown } } }).study.quality.events).toEqual({ read: 38, used: 29, quarantined: 9 });
    for (const parts of [2, 3]) expect(await outcome(files, { quarantineDir: 'yes' }, inParts(parts)), `parts ${parts}`).toEqual(expected);
    expect(await outcome(files, { quarantineDir: 'yes' }, { parts: 2, inWorkers: true, minBytes: 0 })).toEqual(expected);
  });

  it('reads the parts in worker threads to the same outcome', async () => {
    const files = writeStudy(eventsText());
    const expected = await outcome(files, { quarantineDir: 'yes' }, whole);
    expect(await outcome(files, { quarantineDir: 'yes' }, { parts: 3, inWorkers: true, minBytes: 0 })).toEqual(expected);
  });

  it('stops the worker threads when the people cannot be read at all', async () => {
    const files = writeStudy(eventsText());
    // A directory where the people file should be: refused before any worker starts, in one line saying why.
    const people = mkdtempSync(join(tmpdir(), 'records-par-dir-')) + '.csv';
    mkdirSync(people);
    await expect(loadStudyReading({ ...files, people }, {}, { parts: 2, inWorkers: true, minBytes: 0 })).rejects.toThrow(
      /cannot read the people file .*: it is a directory, not a file/,
    );
  });
});
