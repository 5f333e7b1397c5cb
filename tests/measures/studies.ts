/** Studies shared by several measure tests. */
import { caution, conviction, makeStudy, person } from './helpers.js';

/*
 * Severities: S1 200, V1 100, V2 50, P1 50, T1 10, M1 5. Extraction 2021-12-31.
 * P1 (index V2, 50): r 2020-01-01, e 2020-06-30.
 *   T1 on the release day; P1 (50, summary) on the service-end day; V1 dated in the
 *   window but convicted after F; a caution (M1) after e.
 * P2 (index S1, 200): r 2020-02-01, ongoing, F 2021-06-30.
 *   V1 before release (ignored); V1 after F (ignored); V1 on F convicted on F;
 *   T1 and M1 on one day (two reoffences).
 * P3 (index T1): r 2020-03-01, e 2020-12-31, no events.
 * P4 (index M1, 5): r 2020-05-01, e 2021-01-31; S1 the day after e.
 */
export const reconvictionStudy = makeStudy(
  [
    person('P1', { index_offence: 'V2', release_date: '2020-01-01', service_end: '2020-06-30' }),
    person('P2', { index_offence: 'S1', release_date: '2020-02-01', follow_up_end: '2021-06-30' }),
    person('P3', { index_offence: 'T1', release_date: '2020-03-01', service_end: '2020-12-31' }),
    person('P4', { index_offence: 'M1', release_date: '2020-05-01', service_end: '2021-01-31', end_reason: 'disengaged' }),
  ],
  [
    conviction('P1', '2020-01-01', '2020-03-01', 'T1'),
    conviction('P1', '2020-06-30', '2020-08-01', 'P1'),
    conviction('P1', '2020-07-01', '2022-02-01', 'V1'),
    caution('P1', '2020-09-01', '2020-09-01', 'M1'),
    conviction('P2', '2020-01-15', '2020-03-01', 'V1'),
    conviction('P2', '2021-01-10', '2021-02-01', 'T1'),
    conviction('P2', '2021-01-10', '2021-02-01', 'M1'),
    conviction('P2', '2021-06-30', '2021-06-30', 'V1'),
    conviction('P2', '2021-07-01', '2021-08-01', 'V1'),
    conviction('P4', '2021-02-01', '2021-05-01', 'S1'),
  ],
  '2021-12-31',
);
