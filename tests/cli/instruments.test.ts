/** The study file's `assessments` and `instruments` (study-file.md; change.md, "Instruments"): checked, an unknown key an error. */
import { describe, expect, it } from 'vitest';
import { parseStudyFile, StudySettingError } from '../../src/study/study-file.js';

const base = { people: 'p.csv', events: 'e.csv', extractionDate: '2020-01-01' };
const parse = (extra: Record<string, unknown>) => parseStudyFile(JSON.stringify({ ...base, ...extra }), '/s/study.json');
const fails = (extra: Record<string, unknown>) => {
  try {
    parse(extra);
  } catch (error) {
    expect(error).toBeInstanceOf(StudySettingError);
    return (error as Error).message;
  }
  throw new Error('expected a StudySettingError');
};

describe('instruments in the study file', () => {
  it('reads them, with optional parts null, and resolves the assessments path', () => {
    const f = parse({
      assessments: 'a.csv',
      instruments: {
        wellbeing: { reliability: 0.9, better: 'lower', clinical: { mean: 18, sd: 6 }, functional: { mean: 6, sd: 4.5 }, source: 'manual' },
        goals: { reliability: 0.7, better: 'higher' },
      },
    });
    expect(f.assessments).toBe('/s/a.csv');
    expect(f.instruments).toEqual({
      wellbeing: { reliability: 0.9, better: 'lower', sd: null, clinical: { mean: 18, sd: 6 }, functional: { mean: 6, sd: 4.5 }, source: 'manual' },
      goals: { reliability: 0.7, better: 'higher', sd: null, clinical: null, functional: null, source: null },
    });
    expect(parse({}).instruments).toBeNull();
  });

  it('refuses what change.md does not allow, naming the key', () => {
    const one = (spec: Record<string, unknown>) => fails({ instruments: { w: spec } });
    expect(one({ reliability: 1, better: 'lower' })).toContain('instruments.w.reliability is 1');
    expect(one({ reliability: 0, better: 'lower' })).toContain('between 0 and 1');
    expect(one({ better: 'lower' })).toContain('it is required');
    expect(one({ reliability: 0.8, better: 'down' })).toContain('instruments.w.better is "down"');
    expect(one({ reliability: 0.8, better: 'lower', sd: 4 })).toContain('has no "source"');
    expect(one({ reliability: 0.8, better: 'lower', clinical: { mean: 1 }, source: 'x' })).toContain('clinical.sd');
    expect(one({ reliability: 0.8, better: 'lower', clinical: { mean: 1, sd: 2, n: 3 }, source: 'x' })).toContain('unknown key "n"');
    expect(one({ reliability: 0.8, better: 'lower', norms: {} })).toContain('unknown key "norms"');
    expect(fails({ assessments: 'a.csv' })).toContain('no "instruments"');
    expect(fails({ instrument: {} })).toContain('unknown key "instrument"');
  });
});
