/**
 * comparison.md "Who is compared" and "Outcomes and effects" on the edge days: a month-end
 * release (w and c clamped), an offence on the window's last day (in) and on w (out), a
 * conviction on the waiting period's last day (in) and on c (out), too-short follow-up
 * counted before a missing covariate, cautions as includeCautions.
 */
import { describe, expect, it } from 'vitest';
import { personOutcomes } from '../../../src/measures/comparison/outcomes.js';
import { whoIsCompared } from '../../../src/measures/comparison/who-is-compared.js';
import { caution, conviction, makeStudy, person, recall } from '../helpers.js';

// r = 2019-08-31: w = 2020-08-31 (12 months), c = 2021-02-28 (6 more, clamped).
const study = makeStudy(
  [
    person('A', { release_date: '2019-08-31', age_at_release: '30' }),
    person('B', { release_date: '2019-08-31', age_at_release: '30' }),
    person('C', { release_date: '2019-08-31', age_at_release: '30' }),
    // F = 2021-02-27, one day before c: too short (and missing age: counted as too short only).
    person('D', { release_date: '2019-08-31', follow_up_end: '2021-02-27' }),
    person('E', { release_date: '2019-08-31' }),
    person('F', { release_date: '2019-08-31', age_at_release: '30', follow_up_end: '2021-02-28' }),
  ],
  [
    conviction('A', '2020-08-30', '2021-02-27', 'T1'), // offence on w − 1, conviction on c − 1: proven
    conviction('A', '2020-08-31', '2020-09-10', 'V1'), // offence on w: out
    conviction('B', '2020-03-01', '2021-02-28', 'T1'), // conviction on c: out of the window's count
    recall('B', '2020-08-30'),
    caution('C', '2019-09-01', '2019-10-01', 'M1'),
    recall('C', '2020-08-31'), // on w: out
  ],
  '2022-12-31',
);

describe('the edge days of the outcome window', () => {
  const side = whoIsCompared(study, ['age_at_release'], 12, 'service');

  it('counts too short first, then the first missing covariate', () => {
    expect(side.cohort).toBe(6);
    expect(side.tooShort).toBe(1);
    expect(side.missingCovariate).toEqual({ age_at_release: 1 });
    expect(side.rows.length).toBe(4); // F on c itself is long enough
  });

  it('counts an offence on w − 1 convicted on c − 1, but not one on w nor one convicted on c', () => {
    const o = personOutcomes(study, side, false);
    expect(Array.from(o.frequency)).toEqual([1, 0, 0, 0]);
    expect(Array.from(o.reoffended)).toEqual([1, 0, 0, 0]);
    expect(o.daysToFirst[0]).toBe(365); // 2019-08-31 to 2020-08-30
    expect(o.groups[0]).toEqual(['theft']);
    expect(Array.from(o.recall)).toEqual([0, 1, 0, 0]);
    const withCautions = personOutcomes(study, side, true);
    expect(Array.from(withCautions.frequency)).toEqual([1, 0, 1, 0]);
  });

  it('takes the conviction-free time from the first reconviction convicted by F, else F', () => {
    const o = personOutcomes(study, side, false);
    expect(o.event[0]).toBe(1);
    expect(o.time[0]).toBe(365);
    expect(o.event[1]).toBe(1); // B's conviction on c is within the whole follow-up
    expect(o.event[2]).toBe(0);
  });
});
