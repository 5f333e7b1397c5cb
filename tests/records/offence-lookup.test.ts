import { describe, expect, it } from 'vitest';
import { StudyError, defaultOffenceLookupPath, loadOffenceLookup } from '../../src/records/index.js';
import { splitCommentBlock } from '../../src/records/offence-lookup.js';
import type { Problem } from '../../src/study/study.js';

const dir = 'tests/fixtures/records/lookup';
const summary = (p: Problem) => [p.kind, p.line, p.column, p.value];

describe('the offence lookup', () => {
  it('reads a lookup with a # comment block, keeping the labelled severity source', async () => {
    const lookup = await loadOffenceLookup('tests/fixtures/records/offences.csv');
    expect(lookup.code).toEqual(['VIO1', 'SEX1', 'THF1', 'ROB1']);
    expect(lookup.label[2]).toBe('Shoplifting');
    expect(lookup.group[0]).toBe('violence against the person');
    expect(lookup.category).toEqual(['violent', 'sexual', 'acquisitive', 'violent']);
    expect(lookup.modeOfTrial).toEqual(['either_way', 'either_way', 'summary', 'indictable_only']);
    expect(Array.from(lookup.severity)).toEqual([300, 900, 20, 1200]);
    expect(lookup.rowOf.get('ROB1')).toBe(3);
    expect(lookup.severitySource).toBe('made-up weights for tests only.');
    expect(lookup.table.numRows()).toBe(4);
    expect(lookup.table.columnNames()).toEqual(['code', 'label', 'group', 'category', 'mode_of_trial', 'severity']);
  });

  it('takes the severity source from a sibling .source.md when the file has no comment', async () => {
    const lookup = await loadOffenceLookup(`${dir}/sourced.csv`);
    expect(lookup.severitySource).toBe('Severity weights: invented for the tests, from a sibling file.');
    // Enum values are matched ignoring case and stored in lower case.
    expect(lookup.modeOfTrial).toEqual(['either_way', 'either_way']);
  });

  it('keeps the whole comment block when no line is labelled', () => {
    expect(splitCommentBlock('# Weights from\n# the ONS CSS.\ncode,label\n')).toEqual({
      comment: 'Weights from\nthe ONS CSS.',
      severitySource: 'Weights from\nthe ONS CSS.',
      body: 'code,label\n',
      lineOffset: 2,
    });
  });

  it('loads the default lookup from the package', async () => {
    expect(defaultOffenceLookupPath()).toMatch(/data-samples\/offences\.csv$/);
    const lookup = await loadOffenceLookup();
    expect(lookup.code.length).toBeGreaterThan(50);
    expect(lookup.severitySource).toMatch(/Crime Severity Score/);
    for (const s of lookup.severity) expect(s).toBeGreaterThan(0);
  });

  it('lists every problem of a bad lookup with its line (comment lines counted)', async () => {
    const error = await loadOffenceLookup(`${dir}/bad.csv`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StudyError);
    expect((error as StudyError).problems.map(summary)).toEqual([
      ['duplicate_code', 4, 'code', 'A1'],
      ['wrong_type', 5, 'category', 'burglarious'],
      ['wrong_type', 6, 'mode_of_trial', 'sometimes'],
      ['out_of_range', 6, 'severity', '-4'],
      ['missing_value', 7, 'label', ''],
      ['wrong_type', 7, 'severity', 'abc'],
    ]);
    expect((error as StudyError).problems.every((p) => p.table === 'offences' && p.file === `${dir}/bad.csv`)).toBe(true);
  });

  it('refuses a lookup without a severity column', async () => {
    const error = await loadOffenceLookup(`${dir}/no-severity.csv`).catch((e: unknown) => e);
    expect((error as StudyError).problems.map(summary)).toEqual([['missing_column', 1, 'severity', null]]);
  });
});
