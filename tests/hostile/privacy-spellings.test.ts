/**
 * The privacy guard on the spellings and shapes of issue 14 (records.md,
 * "Privacy guard"): each refused, with a message that masks the value.
 */
import { describe, expect, it } from 'vitest';
import { StudyError, studyFromRows } from '../../src/records/index.js';
import { isNhsNumber } from '../../src/records/privacy.js';

const person = { person_id: 'S0000001', service: 'Resettle', index_offence: 'VAP-GBH-S20', release_date: '2019-01-01' };
const event = { person_id: 'S0000001', type: 'recall', date: '2019-06-01' };

function errorOf(people: Record<string, unknown>[]): StudyError {
  try {
    studyFromRows({ people, events: [event] }, { extractionDate: '2020-01-01' });
  } catch (error) {
    if (error instanceof StudyError) return error;
    throw error;
  }
  throw new Error('expected the study to be refused');
}

describe('refused column names', () => {
  const names = [
    'full name',
    'NHS number',
    'nhs_no',
    'prison number',
    'FirstName',
    'DateOfBirth',
    'Post Code',
    'e-mail',
    'phone number',
    'telephone',
    'mobile',
    'National Insurance Number',
    'NOMIS number',
    'nDelius CRN',
    'ｆｕｌｌ ｎａｍｅ',
    'Sur\u200bname',
    'Nаme' /* Cyrillic а */,
  ];
  for (const name of names) {
    it(`refuses a column named ${JSON.stringify(name)}`, () => {
      const error = errorOf([{ ...person, [name]: 'anything' }]);
      const p = error.problems.find((x) => x.kind === 'privacy_column');
      expect(p?.line).toBe(1);
      expect(error.message).toContain('no column that identifies a person');
      expect(error.message).not.toContain('anything');
    });
  }
  it('lets the record format and common extra columns through', () => {
    expect(() =>
      studyFromRows(
        { people: [{ ...person, region: 'North', risk_level: 'high', phase: '2', notes: 'fine' }], events: [event] },
        { extractionDate: '2020-01-01' },
      ),
    ).not.toThrow();
  });
});

describe('refused value shapes', () => {
  const shapes: [string, string][] = [
    ['2012-0123456A', 'a PNC ID'],
    ['A 1234 BC', 'a prison (NOMIS) number'],
    ['X 123456', 'an nDelius case reference (CRN)'],
    ['AB-12-34-56-C', 'a National Insurance number'],
    ['SW1A  1AA', 'a UK postcode'],
    ['А1234ВС', 'a prison (NOMIS) number'], // Cyrillic А, В, С
    ['Ａ１２３４ＢＣ', 'a prison (NOMIS) number'], // fullwidth
    ['A12\u200b34BC', 'a prison (NOMIS) number'], // zero-width space inside
    ['see 943 476 5919', 'an NHS number'],
    ['9434765919', 'an NHS number'],
    ['call 07700 900123', 'a UK phone number'],
    ['+44 7700 900123', 'a UK phone number'],
    ['020 7946 0000', 'a UK phone number'],
    ['dob 01/02/1980', 'a date of birth'],
    ['born on 3 March 1979', 'a date of birth'],
    ['DOB: 1980-02-01', 'a date of birth'],
  ];
  for (const [value, shape] of shapes) {
    it(`refuses ${JSON.stringify(value)} as ${shape}, masked`, () => {
      const error = errorOf([{ ...person, tier: value }]);
      const p = error.problems.find((x) => x.kind === 'privacy_value');
      expect(p?.expected).toBe(`no value shaped like ${shape} (records must be anonymised)`);
      expect(p?.line).toBe(2);
      expect(error.message).not.toContain(value);
      expect(error.message).toMatch(/value '(?:•••|.{2}•••.{2})'/);
    });
  }
  it('checks NHS numbers by their mod-11 check digit', () => {
    expect(isNhsNumber('9434765919')).toBe(true);
    expect(isNhsNumber('9434765918')).toBe(false);
    // 10-digit numbers failing the check are not refused.
    expect(() => studyFromRows({ people: [{ ...person, tier: '9434765918' }], events: [event] }, { extractionDate: '2020-01-01' })).not.toThrow();
  });
});

describe('messages quote values bounded and escaped', () => {
  it('cuts a long value, escapes line ends and never prints a person_id', () => {
    const error = errorOf([
      { ...person, release_date: `2019-01-01\nforged line ${'x'.repeat(100_000)}` },
      { ...person, person_id: 'S0000001' },
    ]);
    const lines = error.message.split('\n');
    expect(lines.every((l) => l.length < 400)).toBe(true);
    expect(error.message).toContain("value '2019-01-01\\nforged line xxxx");
    expect(error.message).toContain('more characters)');
    expect(error.message).not.toContain('S0000001');
  });
  it('refuses 1e999, 1e300 convictions, NUL and bidi overrides', () => {
    const error = errorOf([{ ...person, custody_years_before_release: '1e999', prior_convictions: '1e300', ethnicity: 'a\u0000b', tier: 'x\u202ey' }]);
    const kinds = error.problems.map((p) => `${p.column}:${p.kind}`);
    expect(kinds).toEqual(
      expect.arrayContaining(['custody_years_before_release:wrong_type', 'prior_convictions:out_of_range', 'ethnicity:wrong_type', 'tier:wrong_type']),
    );
    expect(error.message).toContain("value 'a\\u{0000}b'");
    expect(error.message).toContain("value 'x\\u{202e}y'");
  });
});
