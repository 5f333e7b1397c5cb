/**
 * Numbers for notebook narrative, under the page's disclosure profile: a
 * narrative paragraph must not print a count the tables withhold.
 */
import { flowCounts } from '../charts/cohort-flow.js';
import type { FlowResult, GroupComparison } from '../measures/types.js';
import type { Estimate, Proportion } from '../stats/types.js';
import { countOfWhole, formatCount, formatInteger, isSmallCount, suppressProportion, type DisclosurePolicy, type Outside } from './disclosure.js';
import { decimal, percent, percentInterval, pointsPhrase, pPhrase } from './format.js';
import { shownComparison } from './sections/common.js';

export class Narrator {
  constructor(readonly policy: DisclosurePolicy) {}

  /** "27 of 45 (60%, 95% CI 45%–73%)", or "fewer than 5 of 45" when withheld; `outside`: cohort members outside the denominator. */
  share(p: Proportion, outside?: Outside): string {
    const s = suppressProportion(p, '', this.policy, outside);
    if (!s.hidden) return s.proportion == null ? `0 of ${formatInteger(p.n)}` : `${formatInteger(p.k)} of ${formatInteger(p.n)} (${percent(s.proportion)}, 95% CI ${percentInterval(s.ci!)})`;
    if (s.n.hidden) return 'a number withheld to protect small counts';
    if (isSmallCount(p.k, this.policy)) return `fewer than ${this.policy.minCell} of ${formatInteger(p.n)}`;
    return `all but fewer than ${this.policy.minCell} of ${formatInteger(p.n)}`;
  }

  /** True when the proportion is withheld on this page. */
  withheld(p: Proportion, outside?: Outside): boolean {
    return suppressProportion(p, '', this.policy, outside).hidden;
  }

  /** A count, or "<5". */
  count(n: number): string {
    return formatCount({ value: n, hidden: isSmallCount(n, this.policy) }, this.policy);
  }

  /**
   * The cohort flow's counts as its diagram and table publish them (secondary
   * suppression included); `excluded`, everyone excluded (people less
   * included), is null unless both of those are shown.
   */
  flow(flow: FlowResult): { people: string; cohort: string; excluded: string | null } {
    const f = flowCounts(flow, this.policy);
    const excluded = f.people.hidden || f.included.hidden ? null : formatInteger(f.people.value - f.included.value);
    return { people: formatCount(f.people, this.policy), cohort: formatCount(f.cohort, this.policy), excluded };
  }

  /** A count of part of a whole whose other part is printed nowhere, or "[c]" when either part is small. */
  countOf(n: number, whole: number): string {
    return formatCount(countOfWhole(n, whole, this.policy), this.policy);
  }

  /** The lower and upper ends of a proportion's interval in words: "45% and 73%". */
  interval(p: Proportion): string {
    const s = suppressProportion(p, '', this.policy);
    return s.hidden || !s.ci ? 'limits withheld' : `${percent(s.ci[0])} and ${percent(s.ci[1])}`;
  }

  months(x: number | null): string {
    return x == null ? 'not known' : `${decimal(x)} months`;
  }

  /** "p = 0.18" or "p < 0.001". */
  p(p: number | null): string {
    return pPhrase(p);
  }

  /**
   * The two-group comparison in words (risk difference with its interval and
   * Fisher's p), or null when a group is withheld or there are not two groups.
   */
  comparison(c: GroupComparison, overall: Proportion): { first: string; second: string; difference: string; fisher: string; significant: boolean; includesZero: boolean } | null {
    const { rows } = shownComparison(c, overall, this.policy);
    const used = rows.filter((r) => r.n.value > 0);
    if (used.length !== 2 || used.some((r) => r.hidden) || !c.riskDifference) return null;
    const g = c.byGroup.filter((x) => x.n > 0);
    return {
      first: `${g[0].group} ${this.share(g[0])}`,
      second: `${g[1].group} ${this.share(g[1])}`,
      difference: pointsPhrase(c.riskDifference as Estimate),
      fisher: pPhrase(c.fisherP),
      significant: c.fisherP != null && c.fisherP < 0.05,
      includesZero: c.riskDifference.ci != null && c.riskDifference.ci[0] <= 0 && c.riskDifference.ci[1] >= 0,
    };
  }
}
