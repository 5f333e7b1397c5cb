/** Number formats and narrative phrases, with values worked out by hand or from R. */
import { describe, expect, it } from 'vitest';
import { decimal, percent, percentInterval, pointsPhrase, pPhrase, ratioPhrase, longDate, listWords } from '../../src/words/format.js';
import { Narrator } from '../../src/disclosure/narrator.js';
import { wrapWords } from '../../src/charts/theme.js';
import { countAndShare } from '../../src/disclosure/cells.js';

describe('formats', () => {
  it('rounds half away from zero on the decimal value', () => {
    expect([percent(0.125), percent(0.135), percent(0.6), percent(2 / 3, 1), percent(0.0005, 1)]).toEqual(['13%', '14%', '60%', '66.7%', '0.1%']);
    expect([decimal(16.361396303901437), decimal(-0.05, 1), decimal(null)]).toEqual(['16.4', '-0.1', '–']);
    // R: prop.test(27, 45, correct = FALSE)$conf.int = 0.4545185 0.7297511
    expect(percentInterval([0.4545185459, 0.7297511343])).toBe('45%–73%');
    expect(percentInterval([0.4545185459, 0.7297511343], 1)).toBe('45.5%–73.0%');
  });
  it('gives a count its share of the total only when both are shown and neither is zero', () => {
    const policy = { profile: 'public' as const, minCell: 5 };
    const c = (value: number, hidden = false) => ({ value, hidden });
    // 12 / 45 = 0.2667
    expect(countAndShare(c(12), c(45), policy)).toBe('12 (26.7%)');
    expect(countAndShare(c(3, true), c(45), policy)).toBe('<5');
    expect(countAndShare(c(12), c(45, true), policy)).toBe('12');
    expect(countAndShare(c(0), c(45), policy)).toBe('0');
    expect(countAndShare(c(1200), c(1600), policy)).toBe('1,200 (75.0%)');
  });
  it('prints p-values, differences and ratios as a statistician would', () => {
    expect([pPhrase(0.17518666743970393), pPhrase(0.00006263316996993622), pPhrase(null), pPhrase(0.001)]).toEqual([
      'p = 0.18',
      'p < 0.001',
      'p not computed',
      'p = 0.001',
    ]);
    expect(pointsPhrase({ estimate: 0.25, ci: [-0.06416911000315234, 0.5114583609016425] })).toBe('25 percentage points (95% CI −6 to 51)');
    expect(ratioPhrase({ estimate: 1.6, ci: [0.7853733574552187, 3.2595961853034576] })).toBe('1.60 (95% CI 0.79 to 3.26)');
  });
  it('writes dates and lists in words', () => {
    expect([
      longDate('2024-01-30'),
      longDate('2019-12-31'),
      longDate('2024-13-01'),
      longDate('2023-02-29'),
      longDate('2024-02-29'),
      longDate('2024-01-30T10:00:00Z'),
    ]).toEqual(['30 January 2024', '31 December 2019', '2024-13-01', '2023-02-29', '29 February 2024', '2024-01-30T10:00:00Z']);
    expect([listWords([]), listWords(['a']), listWords(['a', 'b']), listWords(['a', 'b', 'c'])]).toEqual(['', 'a', 'a and b', 'a, b and c']);
    expect(wrapWords('Kaplan–Meier estimate from release; shading: 95% confidence band', 30)).toEqual([
      'Kaplan–Meier estimate from',
      'release; shading: 95%',
      'confidence band',
    ]);
  });
});

/** A narrator's Shown values as the text they print. */
const text = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe('Narrator', () => {
  const pub = new Narrator({ profile: 'public', minCell: 5 });
  it('gives the flow counts as the flow diagram publishes them, and no excluded total that would give a withheld count back', () => {
    // 69 people, 22 excluded, 47 included, 2 not released, 45 in the cohort: the 2 is small, so 47 is withheld with it
    const flow = {
      people: 69,
      excluded: { 'released before 2008': 14, 'transferred out': 6, 'died in custody': 2 },
      included: 47,
      notYetReleased: 2,
      cohort: 45,
      unusedByMeasure: {},
    };
    expect(text(pub.flow(flow))).toEqual({ people: '69', cohort: '45', excluded: null });
    expect(text(new Narrator({ profile: 'analyst', minCell: 5 }).flow(flow))).toEqual({ people: '69', cohort: '45', excluded: '22' });
    expect(text(pub.flow({ ...flow, included: 50, notYetReleased: 5, cohort: 45, excluded: { 'released before 2008': 19 } }))).toEqual({
      people: '69',
      cohort: '45',
      excluded: '19',
    });
  });
  it('gives shares with their interval, or the withheld form', () => {
    expect(text(pub.share({ k: 27, n: 45, proportion: 0.6, ci: [0.4545185459, 0.7297511343] }))).toBe('27 of 45 (60%, 95% CI 45%–73%)');
    expect(text(pub.share({ k: 986, n: 2805, proportion: 986 / 2805, ci: [0.3340604830592083, 0.36937596495244296] }))).toBe(
      '986 of 2,805 (35%, 95% CI 33%–37%)',
    );
    expect(text(pub.share({ k: 3, n: 45, proportion: 3 / 45, ci: [0.02, 0.18] }))).toBe('fewer than 5 of 45');
    expect(text(pub.share({ k: 43, n: 45, proportion: 43 / 45, ci: [0.85, 0.99] }))).toBe('all but fewer than 5 of 45');
    expect(text(pub.withheld({ k: 12, n: 41, proportion: 12 / 41, ci: [0.18, 0.44] }, { count: 4 }))).toBe(true);
    expect(text(pub.countOf(43, 45))).toBe('[c]');
    expect(text(pub.count(3))).toBe('<5');
    expect(text(new Narrator({ profile: 'analyst', minCell: 5 }).count(3))).toBe('3');
  });
  it('compares two groups, and declines when a group is withheld', () => {
    const comparison = {
      groupBy: 'category',
      byGroup: [
        { group: 'violent', k: 22, n: 33, proportion: 22 / 33, ci: [0.49607894427805616, 0.8024977232077931] as [number, number] },
        { group: 'sexual', k: 5, n: 12, proportion: 5 / 12, ci: [0.19326031365875665, 0.6804886874504503] as [number, number] },
      ],
      fisherP: 0.17518666743970393,
      fisherNote: null,
      chiSquare: null,
      riskDifference: { estimate: 0.25, ci: [-0.06416911000315234, 0.5114583609016425] as [number, number] },
      relativeRisk: null,
    };
    const c = pub.comparison(comparison, { k: 27, n: 45, proportion: 0.6, ci: [0.4545185459, 0.7297511343] });
    expect(text(c)).toEqual({
      first: 'violent 22 of 33 (67%, 95% CI 50%–80%)',
      second: 'sexual 5 of 12 (42%, 95% CI 19%–68%)',
      difference: '25 percentage points (95% CI −6 to 51)',
      fisher: 'p = 0.18',
      significant: false,
      includesZero: true,
    });
    const small = { ...comparison, byGroup: [comparison.byGroup[0], { ...comparison.byGroup[1], k: 3, proportion: 0.25 }] };
    expect(text(pub.comparison(small, { k: 25, n: 45, proportion: 25 / 45, ci: [0.4, 0.7] }))).toBeNull();
  });
});
