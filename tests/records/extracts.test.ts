/**
 * The real-shaped extracts of tests/fixtures/extracts (made by its
 * make-extracts.ts): each is read to the same measures as its clean twin, or
 * refused with one message naming the fix; none gives an empty cohort.
 */
import { describe, expect, it } from 'vitest';
import { StudyError, formatProblem, loadStudy, type LoadOptions } from '../../src/records/index.js';
import { computeMeasures } from '../../src/measures/index.js';
import { toJsonDocument } from '../../src/output/json.js';

const dir = 'tests/fixtures/extracts';
const base: LoadOptions = { extractionDate: '2019-12-31', title: 'extract' };
const files = (d: string, ext = 'csv') => ({ people: `${dir}/${d}/people.${ext}`, events: `${dir}/${d}/events.${ext}` });
const measuresOf = async (f: ReturnType<typeof files>, options: LoadOptions = {}) => {
  const study = await loadStudy(f, { ...base, ...options });
  const doc = toJsonDocument(computeMeasures(study)) as unknown as Record<string, { warnings: Record<string, number> }>;
  return { doc, warnings: study.quality.problems.filter((p) => p.severity === 'warning').map(formatProblem) };
};
const withoutWarnings = (doc: Record<string, unknown>) => ({ ...doc, dataQuality: { ...(doc.dataQuality as object), warnings: null } });

async function refusal(f: ReturnType<typeof files>, options: LoadOptions = {}): Promise<string[]> {
  try {
    await loadStudy(f, { ...base, ...options });
  } catch (error) {
    if (error instanceof StudyError) return error.problems.filter((p) => p.severity === 'error').map(formatProblem);
    throw error;
  }
  throw new Error('expected a StudyError');
}

describe('real-shaped extracts', async () => {
  const clean = await measuresOf(files('clean'));

  it('the clean twin is a real cohort', () => {
    expect((clean.doc.flow as unknown as { cohort: number }).cohort).toBe(45);
    expect(clean.warnings).toEqual([]);
  });

  const read: [string, ReturnType<typeof files>, LoadOptions, string[]][] = [
    ['spaced headers, BOM and CRLF', files('spaced-headers'), {}, []],
    ['DD/MM/YYYY with a time part, dateFormat set', files('dd-mm-yyyy'), { dateFormat: 'DD/MM/YYYY' }, []],
    ["';' delimiter, found from the header", files('semicolon'), {}, []],
    ["';' delimiter, set", files('semicolon'), { delimiter: ';' }, []],
    ['tab delimiter (.txt)', files('tab', 'txt'), {}, []],
    ['Windows-1252', files('windows-1252'), {}, ['read_as_windows_1252']],
    ['trailing rows of commas', files('trailing-commas'), {}, ['empty_rows', 'empty_rows']],
    ['an .xlsx workbook (its sheets named after the tables)', files('xlsx', 'xlsx'), {}, []],
    ['Parquet', files('parquet', 'parquet'), {}, []],
    ['Arrow IPC', files('arrow', 'arrow'), {}, []],
  ];
  it.each(read)('%s: the same measures as the clean twin', async (_, f, options, kinds) => {
    const got = await measuresOf(f, options);
    expect(withoutWarnings(got.doc)).toEqual(withoutWarnings(clean.doc));
    const study = await loadStudy(f, { ...base, ...options });
    expect(study.quality.problems.map((p) => p.kind)).toEqual(kinds);
    console.log(`${_}:\n${got.warnings.map((w) => `  ${w}`).join('\n') || '  (no warnings)'}`);
  });

  it('an .xlsx workbook: a sheet named by the setting is read from both', async () => {
    const e = await refusal(files('xlsx', 'xlsx'), { sheet: 'People' });
    expect(e).toEqual([
      "tests/fixtures/extracts/xlsx/events.xlsx — expected a sheet named 'People'; the workbook's sheets are 'Notes', 'Events' (set \"sheet\" in the study file, or --sheet)",
    ]);
  });

  const refused: [string, ReturnType<typeof files>, LoadOptions][] = [
    ['DD/MM/YYYY without the setting', files('dd-mm-yyyy-unset'), {}],
    ['unknown codes', files('unknown-codes'), {}],
    ['release date column misspelt', files('release-date-misspelt'), {}],
    ['an .xls named .csv', files('xls-named-csv'), {}],
    ["a '|' file", files('pipe'), {}],
    ['a sheet that does not exist', files('xlsx', 'xlsx'), { sheet: 'Cohort' }],
    ["';' file read with commas set", files('semicolon'), { delimiter: ',' }],
  ];
  it.each(refused)('%s: refused with one message per file naming the fix', async (_, f, options) => {
    const errors = await refusal(f, options);
    console.log(`${_}:\n${errors.map((e) => `  ${e}`).join('\n')}`);
    expect(errors.length).toBeLessThanOrEqual(3);
    expect(errors.every((e) => / set | rename | save | write | fix |did you mean|--/.test(e))).toBe(true);
  });
});
