/**
 * Issue 8: PeopleReader.row was split into one function per column family
 * over named fields, behaviour identical. Rows with errors in every family
 * give the same problems in the same order as the reader before the split
 * (this list was recorded from it, commit 51f9bdb, and the texts compared
 * whole): identity first, then service, sex, the numbers, the index offence,
 * the dates, end_reason, included/exclusion_reason, the order of the dates;
 * a kept row's follow_up_end past the extraction date is a warning.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStudy } from '../../src/records/index.js';

const PEOPLE =
  'person_id,service,tier,sex,ethnicity,age_at_release,index_offence,prior_convictions,custody_years_before_release,aces,referral_date,in_reach_start,release_date,service_end,end_reason,included,exclusion_reason,follow_up_end\np001,A,T1,male,White,30,VAP-GBH-S20,2,3,1,2019-01-01,2019-06-01,2020-01-01,2021-01-01,completed,true,,\n,,T1,martian,White,5,NOPE,1e300,99,11,2019-02-30,2020-06-01,2020-01-01,2019-01-01,,no,,2019-06-01\np001,B,,female,,200,,x,-1,1.5,,,2099-01-01,2099-02-01,exploded,maybe,,\np003,C,,,,,VAP-GBH-S20,,,,,,2020-01-01,2020-06-01,,false,,2030-01-01\nAB123456C,C,,,,40,VAP-GBH-S20,,,,,,2020-01-01,,,,,\np007,D,,,,40,VAP-GBH-S20,,,,,,2020-01-01,,,,,2030-01-01\n';

describe('the people reader checks each column family in the same order', () => {
  it('rows with errors in every family', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'people-row-'));
    writeFileSync(join(dir, 'people.csv'), PEOPLE);
    writeFileSync(join(dir, 'events.csv'), 'person_id,type,date\np001,breach,2020-06-01\n');
    const s = await loadStudy(
      { people: join(dir, 'people.csv'), events: join(dir, 'events.csv') },
      { quarantineDir: join(dir, 'q'), extractionDate: '2024-12-31' },
    );
    expect(s.quality.problems.map((p) => [p.line, p.column, p.kind])).toEqual([
      [3, 'person_id', 'missing_value'],
      [3, 'service', 'missing_value'],
      [3, 'sex', 'wrong_type'],
      [3, 'age_at_release', 'out_of_range'],
      [3, 'prior_convictions', 'out_of_range'],
      [3, 'custody_years_before_release', 'out_of_range'],
      [3, 'aces', 'out_of_range'],
      [3, 'index_offence', 'unknown_offence'],
      [3, 'referral_date', 'invalid_date'],
      [3, 'end_reason', 'missing_value'],
      [3, 'exclusion_reason', 'missing_value'],
      [3, 'in_reach_start', 'dates_out_of_order'],
      [3, 'service_end', 'dates_out_of_order'],
      [3, 'release_date', 'dates_out_of_order'],
      [4, 'person_id', 'duplicate_person_id'],
      [4, 'age_at_release', 'out_of_range'],
      [4, 'prior_convictions', 'wrong_type'],
      [4, 'custody_years_before_release', 'out_of_range'],
      [4, 'aces', 'wrong_type'],
      [4, 'index_offence', 'missing_value'],
      [4, 'end_reason', 'wrong_type'],
      [4, 'included', 'wrong_type'],
      [4, 'release_date', 'dates_out_of_order'],
      [4, 'service_end', 'dates_out_of_order'],
      [5, 'end_reason', 'missing_value'],
      [5, 'exclusion_reason', 'missing_value'],
      [6, 'person_id', 'privacy_value'],
      [7, 'follow_up_end', 'follow_up_end_after_extraction'],
    ]);
    expect(s.quality.problems[14].expected).toBe('a person_id used only once (first used on line 2, which is kept)');
    expect(s.quality.people).toEqual({ read: 6, used: 2, quarantined: 4 });
  });
});
