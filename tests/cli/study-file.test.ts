import { describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseStudyFile } from '../../src/study/study-file.js';
import { parseFlags, UsageError } from '../../src/cli/args.js';
import { resolveStudyConfig, STUDY_FLAGS } from '../../src/cli/config.js';

const minimal = { people: 'people.csv', events: 'events.csv', extractionDate: '2019-12-31' };

describe('study file', () => {
  test('resolves paths against the file and keeps every setting', () => {
    const file = parseStudyFile(
      JSON.stringify({
        ...minimal,
        title: 'Resettle',
        offences: '../offences.csv',
        snapshotDate: '2019-06-30',
        allowColumns: ['nomis'],
        options: { recallWindow: 'licence', provenWindowMonths: 24, includeCautions: true, groupBy: 'tier' },
        report: { profile: 'analyst', minCell: 10 },
      }),
      '/data/resettle/study.json',
    );
    expect(file.people).toBe('/data/resettle/people.csv');
    expect(file.offences).toBe('/data/offences.csv');
    expect(file.snapshotDate).toBe('2019-06-30');
    expect(file.allowColumns).toEqual(['nomis']);
    expect(file.options).toEqual({ recallWindow: 'licence', provenWindowMonths: 24, includeCautions: true, groupBy: 'tier' });
    expect(file.report).toEqual({ profile: 'analyst', minCell: 10 });
  });

  test.each([
    [{ ...minimal, extractoinDate: '2019-12-31' }, 'unknown key "extractoinDate"'],
    [{ ...minimal, options: { recalWindow: 'licence' } }, 'unknown key "recalWindow"'],
    [{ ...minimal, report: { profil: 'public' } }, 'unknown key "profil"'],
    [{ people: 'p.csv', events: 'e.csv' }, 'no "extractionDate"'],
    [{ ...minimal, extractionDate: '2019-02-30' }, 'expected a date that exists'],
    [{ ...minimal, options: { provenWindowMonths: 0 } }, 'whole number from 1 to 120'],
    [{ ...minimal, options: { provenWindowMonths: 12.5 } }, 'whole number from 1 to 120'],
    [{ ...minimal, options: { interval: 'wald' } }, 'expected one of "wilson", "clopper-pearson"'],
    [{ ...minimal, options: { includeCautions: 'yes' } }, 'expected true or false'],
    [{ ...minimal, report: { minCell: 0 } }, 'whole number ≥ 1'],
    [{ ...minimal, allowColumns: 'nomis' }, 'list of column names'],
  ])('refuses %j', (json, message) => {
    expect(() => parseStudyFile(JSON.stringify(json), 'study.json')).toThrow(message);
  });

  test('refuses text that is not JSON, naming the file', () => {
    expect(() => parseStudyFile('{ people: ', 'bad/study.json')).toThrow(/bad\/study\.json line 1, column 3 is not valid JSON/);
  });
});

describe('flags', () => {
  test('values, booleans and negations', () => {
    const flags = parseFlags(['--people', 'p.csv', '--events=e.csv', '--include-cautions', '--proven-window-months', '24'], STUDY_FLAGS, 'measures');
    expect(flags.get('people')).toBe('p.csv');
    expect(flags.get('events')).toBe('e.csv');
    expect(flags.get('include-cautions')).toBe(true);
    expect(parseFlags(['--no-include-cautions'], STUDY_FLAGS, 'measures').get('include-cautions')).toBe(false);
    expect(parseFlags(['--include-cautions=FALSE'], STUDY_FLAGS, 'measures').get('include-cautions')).toBe(false);
  });

  test.each([
    [['--peple', 'p.csv'], 'unknown flag --peple'],
    [['--people'], '--people needs a value'],
    [['--people', '--events', 'e.csv'], '--people needs a value'],
    [['p.csv'], 'unexpected argument "p.csv"'],
    [['--people', 'a', '--people', 'b'], 'given twice'],
    [['--include-cautions=maybe'], 'expected --include-cautions'],
  ])('usage error for %j', (argv, message) => {
    expect(() => parseFlags(argv, STUDY_FLAGS, 'measures')).toThrow(UsageError);
    expect(() => parseFlags(argv, STUDY_FLAGS, 'measures')).toThrow(message);
  });

  test('a flag overrides the study file, and option values are checked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'study-'));
    const path = join(dir, 'study.json');
    writeFileSync(path, JSON.stringify({ ...minimal, options: { provenWindowMonths: 24, groupBy: 'tier' } }));
    const flags = parseFlags(['--study', path, '--proven-window-months', '6', '--min-cell', '10'], STUDY_FLAGS, 'report');
    const config = await resolveStudyConfig(flags, 'report');
    expect(config.people).toBe(join(dir, 'people.csv'));
    expect(config.extractionDate).toBe('2019-12-31');
    expect(config.options.provenWindowMonths).toBe(6);
    expect(config.options.groupBy).toBe('tier');
    expect(config.options.recallWindow).toBe('intervention');
    expect(config.report).toEqual({ profile: 'public', minCell: 10 });

    const bad = parseFlags(['--study', path, '--proven-window-months', 'twelve'], STUDY_FLAGS, 'report');
    await expect(resolveStudyConfig(bad, 'report')).rejects.toThrow(/--proven-window-months is "twelve"/);
    await expect(resolveStudyConfig(parseFlags([], STUDY_FLAGS, 'measures'), 'measures')).rejects.toThrow(/needs a study/);
    const missing = parseFlags(['--study', join(dir, 'nope.json')], STUDY_FLAGS, 'measures');
    await expect(resolveStudyConfig(missing, 'measures')).rejects.toThrow(/cannot read the study file/);
  });
});
