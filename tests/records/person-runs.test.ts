/** records.md "events": rows in any order — the person_id runs a part keeps until the people are known (person-index.ts). */
import { describe, expect, it } from 'vitest';
import { PersonRuns } from '../../src/records/person-index.js';

describe('PersonRuns', () => {
  it('gives back every run its own bytes, however long, in order', () => {
    const ids = ['P1', 'x'.repeat(254), 'y'.repeat(255), 'P1', 'z'.repeat(300), 'é✓', 'w'.repeat(1000), 'P2'];
    const runs = new PersonRuns();
    const bytes = ids.map((id) => new TextEncoder().encode(`,${id},`));
    expect(bytes.map((b) => runs.personOf(b, 1, b.length - 1))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const asked: string[] = [];
    const people = {
      personOf(buf: Uint8Array, start: number, end: number) {
        asked.push(new TextDecoder().decode(buf.subarray(start, end)));
        return asked.length * 10;
      },
    };
    // Kept rows name runs 0, 0, 2, 3, 3, 3, 7 (runs 1, 4, 5 and 6 are rows set aside, looked up all the same).
    const person = Int32Array.from([0, 0, 2, 3, 3, 3, 7]);
    expect(runs.resolveInto(people, person)).toBe(true);
    expect(Array.from(person)).toEqual([10, 10, 30, 40, 40, 40, 80]);
    expect(asked).toEqual(ids);
  });

  it("says so when a run names no kept person (a kept row's or not), or a row is not in run order", () => {
    const runs = new PersonRuns();
    const b = new TextEncoder().encode('P1P2P3');
    for (let k = 0; k < 3; k++) runs.personOf(b, 2 * k, 2 * k + 2);
    const answer = (unknown: string) => ({
      personOf: (buf: Uint8Array, s: number, e: number) => (new TextDecoder().decode(buf.subarray(s, e)) === unknown ? -1 : 5),
    });
    expect(runs.resolveInto(answer('P2'), Int32Array.from([0, 2]))).toBe(false);
    expect(runs.resolveInto(answer('none'), Int32Array.from([0, 2]))).toBe(true);
    expect(runs.resolveInto(answer('none'), Int32Array.from([2, 0]))).toBe(false);
  });
});
