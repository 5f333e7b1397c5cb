/**
 * Breaches in the intervention window and cautions since release (issue 10; the
 * windows of measures.md "The cohort" and Measure 2), on a hand-made study.
 */
import { describe, expect, it } from 'vitest';
import { breachMeasure, cautionMeasure } from '../../src/measures/breaches.js';
import { caution, days, makeStudy, person, type Row } from './helpers.js';

const breach = (id: string, date: string): Row => ({ person_id: id, type: 'breach', date, conviction_date: '', offence: '', recall_reasons: '' });
const death = (id: string, date: string): Row => ({ person_id: id, type: 'death', date, conviction_date: '', offence: '', recall_reasons: '' });

const study = makeStudy(
  [
    person('a', { release_date: '2020-01-01', service_end: '2020-12-31' }),
    person('b', { release_date: '2020-01-01' }),
    person('c', { release_date: '2020-01-01' }),
    person('d', { release_date: '2020-01-01', follow_up_end: '2021-06-30' }),
  ],
  [
    breach('a', '2019-12-31'), // before release: ignored
    breach('a', '2020-03-01'),
    breach('a', '2020-03-01'), // identical row: one event
    breach('a', '2021-02-01'), // after e: outside I
    breach('b', '2020-02-01'),
    breach('b', '2020-05-01'),
    breach('b', '2020-06-01'),
    breach('c', '2020-07-01'), // on the day of death: in I
    death('c', '2020-07-01'),
    caution('a', '2020-04-01', '2020-04-20', 'T1'),
    caution('a', '2020-05-01', '2020-05-20', 'T1'),
    caution('d', '2021-06-01', '2021-07-15', 'T1'), // cautioned after F: not counted
  ],
  '2022-01-01',
);

describe('breaches and cautions', () => {
  it('counts people with a breach in I = [r, min(e, F)], breaches per person and the time to the first', () => {
    const b = breachMeasure(study);
    expect([b.overall.k, b.overall.n]).toEqual([3, 4]);
    expect(b.breachesInWindow).toBe(5);
    expect(b.breachesPerPerson).toEqual({ mean: 5 / 4, distribution: { '0': 1, '1': 2, '2': 0, '3+': 1 } });
    // a at 60 days, b at 31, c at the death (182 days), d censored at F (546 days)
    expect(b.timeToFirstBreach.time).toEqual([
      days('2020-01-01', '2020-02-01'),
      days('2020-01-01', '2020-03-01'),
      days('2020-01-01', '2020-07-01'),
      days('2020-01-01', '2021-06-30'),
    ]);
    expect(b.timeToFirstBreach.nEvent).toEqual([1, 1, 1, 0]);
  });

  it('counts people cautioned since release (caution date ≤ F) whether or not cautions count as reconvictions', () => {
    for (const includeCautions of [false, true]) {
      const c = cautionMeasure(study, { includeCautions });
      expect([c.overall.k, c.overall.n, c.cautions]).toEqual([1, 4, 2]);
      expect(c.countedAsReconvictions).toBe(includeCautions);
    }
  });
});
