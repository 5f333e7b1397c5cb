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
    expect(Array.from(runs.resolve(people))).toEqual([10, 20, 30, 40, 50, 60, 70, 80]);
    expect(asked).toEqual(ids);
  });
});
