import { describe, expect, it } from 'vitest';
import { caseloadSnapshot, computeMeasures, placeAt } from '../../src/measures/index.js';
import { parseISODate } from '../../src/time/days.js';
import { makeStudy, person, recall, rerelease } from './helpers.js';

/*
 * Snapshot at D = 2024-01-30 over everyone in people, included or not.
 * Service A:
 *   S2 recalled and re-released on D itself → community (a recall comes first on a day).
 *   S3 recalled on D, re-released later → custody.
 *   S4 recalled earlier, re-released exactly on D → community.
 *   S5 service ends on D → still counted, community.
 *   S6 service ended the day before D → not counted.
 * Service B:
 *   S1 in-reach only, no release → custody.
 *   S8 excluded, released on D → community.
 *   S9 in-reach before D, released after D → custody.
 *   S10 recalled, re-released, recalled again before D → custody.
 *   S11 follow-up ends before D; recalled after it but before D → custody (every event up to D counts).
 *   S12 recall before release (ignored), then released → community.
 * Service C:
 *   S7 in-reach starts the day after D → not counted (C listed with zeros).
 */
const study = makeStudy(
  [
    person('S1', { service: 'B', in_reach_start: '2023-12-01' }),
    person('S2', { service: 'A', release_date: '2023-06-01' }),
    person('S3', { service: 'A', release_date: '2023-06-01' }),
    person('S4', { service: 'A', release_date: '2023-06-01' }),
    person('S5', { service: 'A', release_date: '2023-06-01', service_end: '2024-01-30' }),
    person('S6', { service: 'A', release_date: '2023-06-01', service_end: '2024-01-29' }),
    person('S7', { service: 'C', in_reach_start: '2024-01-31' }),
    person('S8', { service: 'B', included: 'false', exclusion_reason: 'transferred out', release_date: '2024-01-30' }),
    person('S9', { service: 'B', in_reach_start: '2023-11-01', release_date: '2024-02-01' }),
    person('S10', { service: 'B', release_date: '2023-01-01' }),
    person('S11', { service: 'B', release_date: '2023-01-01', follow_up_end: '2023-12-31' }),
    person('S12', { service: 'B', in_reach_start: '2023-10-01', release_date: '2023-12-01' }),
  ],
  [
    recall('S2', '2024-01-30'),
    rerelease('S2', '2024-01-30'),
    recall('S3', '2024-01-30'),
    rerelease('S3', '2024-02-10'),
    recall('S4', '2023-12-01'),
    rerelease('S4', '2024-01-30'),
    recall('S10', '2023-05-01'),
    rerelease('S10', '2023-06-01'),
    recall('S10', '2023-12-24'),
    recall('S11', '2024-01-10'),
    recall('S12', '2023-11-01'),
  ],
  '2024-03-31',
  '2024-01-30',
);

describe('caseload snapshot', () => {
  const s = caseloadSnapshot(study, '2024-01-30');

  it('places each person by the exact rule', () => {
    const D = parseISODate('2024-01-30')!;
    const places = Array.from({ length: study.people.numRows() }, (_, i) => placeAt(study, i, D));
    expect(places).toEqual([
      'in custody', // S1 in-reach, not released
      'in the community', // S2 recalled and re-released on D
      'in custody', // S3 recalled on D, re-released later
      'in the community', // S4 re-released exactly on D
      'in the community', // S5 service ends on D
      'not in service', // S6 ended the day before
      'not in service', // S7 starts the day after
      'in the community', // S8 released on D
      'in custody', // S9 released after D
      'in custody', // S10 recalled again
      'in custody', // S11 recalled after its follow-up end, before D
      'in the community', // S12 recall before release ignored
    ]);
  });

  it('counts custody and community per service, every service listed and sorted by name', () => {
    expect(s.date).toBe('2024-01-30');
    expect(s.byService).toEqual([
      { service: 'A', inCustody: 1, inCommunity: 3, total: 4 },
      { service: 'B', inCustody: 4, inCommunity: 2, total: 6 },
      { service: 'C', inCustody: 0, inCommunity: 0, total: 0 },
    ]);
    expect([s.inCustody, s.inCommunity, s.total]).toEqual([5, 5, 10]);
  });

  it('moves with the date: the day before D, S2 and S3 are in the community and S8 not yet released', () => {
    const before = caseloadSnapshot(study, '2024-01-29');
    // A: S2, S3 community; S4 custody (re-released on D); S5 community; S6 ends on the 29th: counted.
    expect(before.byService[0]).toEqual({ service: 'A', inCustody: 1, inCommunity: 4, total: 5 });
    // B: S1, S9, S10, S11 custody; S8 has neither in-reach nor release by then; S12 community.
    expect(before.byService[1]).toEqual({ service: 'B', inCustody: 4, inCommunity: 1, total: 5 });
  });

  it('is in computeMeasures when the study has a snapshot date, and null otherwise', () => {
    expect(computeMeasures(study).snapshot).toEqual(s);
    const noDate = makeStudy([person('S1', { service: 'B', in_reach_start: '2023-12-01' })], [], '2024-03-31');
    expect(computeMeasures(noDate).snapshot).toBeNull();
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => caseloadSnapshot(study, '30/01/2024')).toThrow(/30\/01\/2024/);
  });
});
