// The progress line (progress.ts): on a terminal only, from one second on, rewritten in place and cleared at the end.
import { describe, expect, it } from 'vitest';
import { loadStudyReading } from '../../src/records/load-study.js';
import { NO_PROGRESS, progressLine } from '../../src/records/progress.js';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, columns: 60, write: (t: string) => written.push(t) }, written };
}

describe('progress line', () => {
  it('shows phase, rows read and elapsed time on a terminal after one second, and clears itself', () => {
    const { stream, written } = fakeStream(true);
    let t = 0;
    const p = progressLine(stream, () => t);
    p.phase('reading people');
    p.rows(16_384);
    expect(written).toEqual([]); // under a second: nothing
    t = 1500;
    p.rows(32_768);
    expect(written).toEqual(['\rfollow-up: reading people, 32,768 rows, 1.5 s\x1b[K']);
    t = 1600;
    p.rows(49_152); // within 200 ms of the last: not redrawn
    expect(written).toHaveLength(1);
    p.phase('reading events in 2 threads'); // a new phase is drawn at once
    expect(written[1]).toBe('\rfollow-up: reading events in 2 threads, 1.6 s\x1b[K');
    t = 2000;
    p.phase('checking and ordering 1,000,000,000 events, and a very long phase name');
    expect(written[2].length).toBe('\r'.length + 59 + '\x1b[K'.length); // cut to the terminal's width
    p.done();
    expect(written[3]).toBe('\r\x1b[K');
    p.done();
    expect(written).toHaveLength(4);
  });

  it('writes nothing when the stream is not a terminal, or when the work took under a second', () => {
    const { stream, written } = fakeStream(false);
    expect(progressLine(stream, () => 5000)).toBe(NO_PROGRESS);
    const tty = fakeStream(true);
    const p = progressLine(tty.stream, () => 0);
    p.phase('reading people');
    p.rows(100);
    p.done();
    expect([...written, ...tty.written]).toEqual([]);
  });

  it('a load reports its phases and rows to the progress it is given', async () => {
    const { stream, written } = fakeStream(true);
    let t = 0;
    const phases: string[] = [];
    const p = progressLine(stream, () => (t += 400));
    const spy = {
      phase: (n: string) => {
        phases.push(n);
        p.phase(n);
      },
      rows: p.rows,
      done: p.done,
    };
    const study = await loadStudyReading(
      { people: 'data-samples/national/people.csv', events: 'data-samples/national/events.csv', offences: 'data-samples/offences.csv' },
      { extractionDate: '2024-03-31', progress: spy },
      { parts: 1, inWorkers: false, minBytes: 0 },
    );
    // Every event row read is checked and ordered: the used and the quarantined.
    const events = (study.quality.events.used + study.quality.events.quarantined).toLocaleString('en-GB');
    expect(phases).toEqual(['reading people', 'reading events', `checking and ordering ${events} events`]);
    expect(written.some((w) => w.startsWith(`\rfollow-up: checking and ordering ${events} events`))).toBe(true);
  });
});
