/** The study file's `comparison` key (comparison.md, its table of keys; study-file.md). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPARISON_SETTINGS, resolveComparisonSettings } from '../../../src/study/comparison-settings.js';
import { parseStudyFile } from '../../../src/study/study-file.js';

const file = (comparison: unknown) =>
  parseStudyFile(JSON.stringify({ people: 'p.csv', events: 'e.csv', extractionDate: '2022-12-31', comparison }), '/data/study.json');

describe('the comparison key', () => {
  it('resolves the pool paths against the study file and keeps only the settings given', () => {
    const c = file({ people: 'pool/people.csv', events: 'pool/events.csv', caliper: null, ratio: 2 }).comparison!;
    expect(c.people).toBe('/data/pool/people.csv');
    expect(c.events).toBe('/data/pool/events.csv');
    expect(c.settings).toEqual({ caliper: null, ratio: 2 });
    expect(file(undefined).comparison).toBeNull();
    expect(file({ people: 'p.csv' }).comparison!.events).toBeNull();
  });

  it('has the spec defaults', () => {
    expect(resolveComparisonSettings({})).toEqual({
      covariates: ['age_at_release', 'sex', 'prior_convictions', 'custody_years_before_release', 'category', 'release_year'],
      exact: [],
      method: 'nearest',
      distance: 'logit',
      caliper: 0.2,
      ratio: 1,
      replace: false,
      outcomeWindowMonths: 12,
    });
    expect(DEFAULT_COMPARISON_SETTINGS.caliper).toBe(0.2);
  });

  it.each([
    [{ people: 'p.csv', calliper: 0.2 }, /unknown key "calliper"/],
    [{ events: 'e.csv' }, /no "people"/],
    [{ people: 'p.csv', method: 'optimal' }, /method is "optimal"; expected one of "nearest", "weighting"/],
    [{ people: 'p.csv', distance: 'mahalanobis' }, /distance is "mahalanobis"/],
    [{ people: 'p.csv', caliper: 0 }, /caliper is 0; expected a number > 0/],
    [{ people: 'p.csv', ratio: 6 }, /ratio is 6; expected a whole number from 1 to 5/],
    [{ people: 'p.csv', ratio: 1.5 }, /ratio is 1.5/],
    [{ people: 'p.csv', replace: 'yes' }, /replace is "yes"; expected true or false/],
    [{ people: 'p.csv', outcomeWindowMonths: 61 }, /outcomeWindowMonths is 61; expected a whole number from 1 to 60/],
    [{ people: 'p.csv', covariates: [] }, /covariates is empty/],
    [{ people: 'p.csv', covariates: ['sex', 'sex'] }, /names "sex" twice/],
    [{ people: 'p.csv', covariates: ['sex'], exact: ['category'] }, /exact names "category", which is not in covariates/],
    ['pool.csv', /comparison must be an object/],
  ])('%j is an error', (block, message) => {
    expect(() => file(block)).toThrow(message);
  });
});
