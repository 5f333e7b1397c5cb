import { describe, expect, it } from 'vitest';
import { comparisonSentence } from '../../src/pages/sections/common.js';
import type { GroupComparison } from '../../src/measures/types.js';

const row = (label: string, n: number, nHidden: boolean, hidden: boolean) => ({
  label,
  k: { value: 3, hidden },
  n: { value: n, hidden: nHidden },
  proportion: 0.1,
  ci: [0, 0.2] as [number, number],
  hidden,
});
const c = {} as GroupComparison;

describe('why comparison tests are withheld', () => {
  it('names a group too small when a group size is withheld', () => {
    expect(comparisonSentence(c, [row('violent', 3, true, true), row('sexual', 40, false, false)], { profile: 'public', minCell: 5 })).toBe(
      'Comparison tests are withheld because at least one group is too small to publish.',
    );
  });
  it('names a small count within a group when only a count is withheld', () => {
    expect(comparisonSentence(c, [row('violent', 30, false, true), row('sexual', 40, false, false)], { profile: 'public', minCell: 5 })).toBe(
      'Comparison tests are withheld because a count within at least one group is too small to publish.',
    );
  });
});
