/**
 * Numbers for notebook commentary, under the page's disclosure policy
 * (measures.md, "Disclosure control"): each method gives a Shown value that
 * prints what the page's tables publish, so a paragraph cannot print a count
 * the tables withhold. Interpolate them into say`…` sentences.
 */
import type { FlowResult, GroupComparison, StudyMeasures } from '../measures/types.js';
import type { Estimate, Proportion } from '../stats/types.js';
import { decimal, formatInteger, listWords, longDate, percent, percentInterval, pointsPhrase, pPhrase } from '../words/format.js';
import { countOfWhole, formatCount, isSmallCount, suppressProportion, type Count, type DisclosurePolicy, type Outside, type ShownProportion } from './cells.js';
import { shownComparison } from './comparison.js';
import { flowCounts } from './flow.js';
import { policyKey, Shown } from './narrative.js';
import { publish, type Published, type PublishedGroups } from './publish.js';

export class Narrator {
  readonly policy: DisclosurePolicy;
  private readonly key: string;
  private publishedMeasures: Published | null = null;

  /** A narrator for a page with this policy, about these measures (needed by flow() without an argument and outsideLimits()). */
  constructor(
    policy: DisclosurePolicy,
    private readonly measures?: StudyMeasures,
  ) {
    this.policy = { profile: policy.profile, minCell: policy.minCell };
    this.key = policyKey(this.policy);
  }

  /** The study's measures as this page publishes them. */
  get published(): Published {
    if (!this.measures) throw new Error("this narrator was made without the study's measures");
    this.publishedMeasures ??= publish(this.measures, this.policy);
    return this.publishedMeasures;
  }

  private shown(text: string, withheld = false): Shown {
    return new Shown(text, this.key, withheld);
  }

  /**
   * How the page decides a proportion: a measure's headline, a group's or a service's row
   * as its table publishes it (secondary suppression across the table included), when
   * `p` is one of the measures'; otherwise on its own.
   */
  private decided(p: Proportion, outside?: Outside): ShownProportion {
    return (this.measures && publishedProportion(this.measures, this.published, p)) ?? suppressProportion(p, '', this.policy, outside);
  }

  /**
   * "27 of 45 (60%, 95% CI 45%–73%)", or when withheld "fewer than 5 of 45", "all but fewer
   * than 5 of 45", or "a number withheld to protect small counts" (withheld to protect
   * another cell); `outside`: cohort members outside the denominator.
   */
  share(p: Proportion, outside?: Outside): Shown {
    const s = this.decided(p, outside);
    if (!s.hidden)
      return this.shown(
        s.proportion == null
          ? `0 of ${formatInteger(p.n)}`
          : `${formatInteger(p.k)} of ${formatInteger(p.n)} (${percent(s.proportion)}, 95% CI ${percentInterval(s.ci!)})`,
      );
    if (s.n.hidden) return this.shown('a number withheld to protect small counts', true);
    if (isSmallCount(p.k, this.policy)) return this.shown(`fewer than ${this.policy.minCell} of ${formatInteger(p.n)}`, true);
    if (isSmallCount(p.n - p.k, this.policy)) return this.shown(`all but fewer than ${this.policy.minCell} of ${formatInteger(p.n)}`, true);
    return this.shown(`a number of the ${formatInteger(p.n)} withheld to protect small counts`, true);
  }

  /** True when the proportion is withheld on this page. */
  withheld(p: Proportion, outside?: Outside): boolean {
    return this.decided(p, outside).hidden;
  }

  /** A count, or "<5"; a published Count as its tables print it. */
  count(n: number | Count): Shown {
    const c = typeof n === 'number' ? { value: n, hidden: isSmallCount(n, this.policy) } : n;
    return this.shown(formatCount(c, this.policy), c.hidden);
  }

  /** A published part's share of a published total, "35%"; "share withheld" when either is withheld. */
  shareOf(part: Count, total: Count): Shown {
    if (part.hidden || total.hidden) return this.shown('share withheld', true);
    return this.shown(total.value > 0 ? percent(part.value / total.value) : 'not computed');
  }

  /**
   * The cohort flow's counts as its diagram and table publish them (secondary
   * suppression included); `excluded`, everyone excluded (people less
   * included), is null unless both of those are shown.
   */
  flow(flow?: FlowResult): { people: Shown; cohort: Shown; excluded: Shown | null } {
    const f = flow ? flowCounts(flow, this.policy) : this.published.flow;
    const excluded = f.people.hidden || f.included.hidden ? null : this.shown(formatInteger(f.people.value - f.included.value));
    return { people: this.count(f.people), cohort: this.count(f.cohort), excluded };
  }

  /** A count of part of a whole whose other part is printed nowhere, or "[c]" when either part is small. */
  countOf(n: number, whole: number): Shown {
    return this.count(countOfWhole(n, whole, this.policy));
  }

  /** The lower and upper ends of a proportion's interval in words: "45% and 73%". */
  interval(p: Proportion): Shown {
    const s = this.decided(p);
    return s.hidden || !s.ci ? this.shown('limits withheld', true) : this.shown(`${percent(s.ci[0])} and ${percent(s.ci[1])}`);
  }

  /** A share already published (e.g. a row of a published table), "35%". */
  percent(x: number): Shown {
    return this.shown(percent(x));
  }

  /** A length of time from a measure's summary: "18.7 months". */
  months(x: number | null): Shown {
    return this.shown(x == null ? 'not known' : `${decimal(x)} months`);
  }

  /** "p = 0.18" or "p < 0.001". */
  p(p: number | null): Shown {
    return this.shown(pPhrase(p));
  }

  /** A test statistic or other number that is not a count of people, with `digits` decimals. */
  statistic(x: number, digits = 1): Shown {
    return this.shown(decimal(x, digits));
  }

  /** A setting of the study or of the page (a window in months, minCell, the number of services): not a count of people. */
  setting(x: number): Shown {
    return this.shown(String(x));
  }

  /** A date in words: "30 January 2024". */
  date(iso: string): Shown {
    return this.shown(longDate(iso));
  }

  /** Labels (services, tiers) as a sentence list: "a, b and c". */
  list(items: readonly string[]): Shown {
    return new Shown(listWords([...items]), null);
  }

  /** The services whose published share of a compared measure lies outside the funnel plot's 99.8% limits. */
  outsideLimits(measure: Published['services'][number]['measure']): string[] {
    return this.published.services.find((s) => s.measure === measure)?.outsideLimits ?? [];
  }

  /**
   * The two-group comparison in words (risk difference with its interval and
   * Fisher's p), or null when a group is withheld or there are not two groups.
   */
  comparison(
    c: GroupComparison,
    overall: Proportion,
  ): { first: Shown; second: Shown; difference: Shown; fisher: Shown; significant: boolean; includesZero: boolean } | null {
    const { rows } = shownComparison(c, overall, this.policy);
    const used = rows.filter((r) => r.n.value > 0);
    if (used.length !== 2 || used.some((r) => r.hidden) || !c.riskDifference) return null;
    const g = c.byGroup.filter((x) => x.n > 0);
    return {
      first: this.shown(`${g[0].group} ${this.share(g[0])}`),
      second: this.shown(`${g[1].group} ${this.share(g[1])}`),
      difference: this.shown(pointsPhrase(c.riskDifference as Estimate)),
      fisher: this.shown(pPhrase(c.fisherP)),
      significant: c.fisherP != null && c.fisherP < 0.05,
      includesZero: c.riskDifference.ci != null && c.riskDifference.ci[0] <= 0 && c.riskDifference.ci[1] >= 0,
    };
  }
}

/**
 * The published decision on one of the measures' own proportions (found by identity): a
 * headline, an indictable share, a group's row by the grouping column or a service's row;
 * null for any other proportion.
 */
function publishedProportion(m: StudyMeasures, published: Published, p: Proportion): ShownProportion | null {
  const headlines: [Proportion, ShownProportion][] = [
    [m.recall.overall, published.recall],
    [m.reconviction.overall, published.reconviction],
    [m.desistance.overall, published.desistance],
    [m.provenReoffending.overall, published.provenReoffending],
    [m.reconviction.indictable.ofCohort, published.indictable.ofCohort],
    [m.reconviction.indictable.ofReconvicted, published.indictable.ofReconvicted],
    [m.reconviction.indictableOnly.ofCohort, published.indictableOnly.ofCohort],
    [m.reconviction.indictableOnly.ofReconvicted, published.indictableOnly.ofReconvicted],
  ];
  for (const [mine, shown] of headlines) if (mine === p) return shown;
  const byGroup: [GroupComparison, PublishedGroups][] = [
    [m.recall.comparison, published.byGroup.recall],
    [m.reconviction.comparison, published.byGroup.reconviction],
    [m.desistance.comparison, published.byGroup.desistance],
    [m.provenReoffending.comparison, published.byGroup.provenReoffending],
  ];
  for (const [c, shown] of byGroup) {
    const row = rowOf(c.byGroup, shown.rows, p);
    if (row) return row;
  }
  for (const [i, c] of m.services.measures.entries()) {
    const row = published.services[i] && rowOf(c.byService, published.services[i].rows, p);
    if (row) return row;
  }
  return null;
}

/** The published row of `p` among `groups`, matched by its label so a reordered table cannot mislead. */
function rowOf(groups: readonly (Proportion & { group: string })[], rows: readonly ShownProportion[], p: Proportion): ShownProportion | null {
  const i = groups.indexOf(p as Proportion & { group: string });
  if (i < 0) return null;
  return rows.find((r) => r.label === groups[i].group) ?? null;
}
