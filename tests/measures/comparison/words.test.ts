/** comparison.md "Reporting": the Justice Data Lab's words, both ends of the interval. */
import { describe, expect, it } from 'vitest';
import { per100Sentence, windowPhrase } from '../../../src/words/comparison.js';

describe('per 100 people', () => {
  it('says fewer or more with both ends, and when the difference could be zero', () => {
    expect(per100Sentence([-0.21, -0.03], { verb: 'reoffended within a year' })).toBe(
      'For every 100 people who received the service, between 3 and 21 fewer reoffended within a year than in a matched comparison group.',
    );
    expect(per100Sentence([-0.09, 0.04], { verb: 'reoffended within a year', group: 'matched' })).toBe(
      'For every 100 people who received the service, between 9 fewer and 4 more reoffended within a year than in a matched comparison group; the difference could be zero.',
    );
    expect(per100Sentence([0.05, 0.125], { verb: `were recalled ${windowPhrase(24)}`, group: 'weighted' })).toBe(
      'For every 100 people who received the service, between 5 and 13 more were recalled within 2 years than in a weighted comparison group.',
    );
    expect(per100Sentence([-0.4, 0.1], { verb: windowPhrase(6), events: 'proven reoffences' })).toBe(
      'For every 100 people who received the service there were between 40 fewer and 10 more proven reoffences within 6 months than in a matched comparison group; the difference could be zero.',
    );
    expect(windowPhrase(18)).toBe('within 18 months');
  });
});
