import { describe, expect, it } from 'vitest';
import { recallMeasure, reconvictionMeasure } from '../../src/measures/index.js';
import { MeasureOptionError, resolveOptions } from '../../src/measures/index.js';
import { reconvictionStudy } from './studies.js';

describe('measure options', () => {
  it('fills defaults and ignores undefined entries', () => {
    const o = resolveOptions({ groupBy: undefined, includeCautions: true });
    expect(o.groupBy).toBe('category');
    expect(o.includeCautions).toBe(true);
    expect(o.recallWindow).toBe('intervention');
  });

  it('refuses a value outside its vocabulary, naming option and value', () => {
    expect(() => recallMeasure(reconvictionStudy, { recallWindow: 'licensed' as never })).toThrow(/recallWindow.*"licensed"/);
    expect(() => reconvictionMeasure(reconvictionStudy, { reconvictionWindow: 'after' as never })).toThrow(/reconvictionWindow/);
    expect(() => resolveOptions({ includeCautions: 'yes' as never })).toThrow(/includeCautions/);
    expect(() => resolveOptions({ groupBy: ' ' })).toThrow(/groupBy/);
    expect(() => resolveOptions({ kmConfType: 'loglog' as never })).toThrow(/log-log/);
    expect(() => recallMeasure(reconvictionStudy, { groupBy: 'shoe_size' })).toThrow(MeasureOptionError);
  });
});

describe('study tables', () => {
  it('refuses a people table filtered with arquero, whose rows would not match the events', () => {
    const filtered = { ...reconvictionStudy, people: reconvictionStudy.people.filter((d: { included: boolean }) => d.included) };
    expect(() => recallMeasure(filtered)).toThrow(/filtered or ordered/);
  });
});
