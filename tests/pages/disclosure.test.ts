import { describe, expect, it } from 'vitest';
import { publish } from '../../src/disclosure/publish.js';
import type { DisclosurePolicy as Policy } from '../../src/disclosure/cells.js';
import type { StudyMeasures } from '../../src/measures/types.js';
import type { Study } from '../../src/study/study.js';

/** What a page gives its sections: the published measures decided once. */
const pageContext = (study: Study, measures: StudyMeasures, policy: Policy) => ({ study, measures, policy, published: publish(measures, policy) });
import {
  formatCount,
  isSmallCount,
  profileStatement,
  suppressCells,
  suppressProportion,
  suppressProportions,
  suppressTable,
  suppressWithTotal,
  sharedSizes,
  type DisclosurePolicy,
} from '../../src/disclosure/cells.js';
import { headline } from '../../src/pages/sections/words.js';
import { flowCounts } from '../../src/disclosure/flow.js';

const PUBLIC: DisclosurePolicy = { profile: 'public', minCell: 5 };
const ANALYST: DisclosurePolicy = { profile: 'analyst', minCell: 5 };
const hiddenOf = (cs: { hidden: boolean }[]) => cs.map((c) => c.hidden);

describe('primary suppression', () => {
  it('hides counts 1 to minCell − 1 and shows zero', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((v) => isSmallCount(v, PUBLIC))).toEqual([false, true, true, true, true, false, false]);
    expect([4, 9, 10].map((v) => isSmallCount(v, { profile: 'public', minCell: 10 }))).toEqual([true, true, false]);
  });
  it('is off in the analyst profile', () => {
    expect([1, 2, 3, 4].some((v) => isSmallCount(v, ANALYST))).toBe(false);
    expect(
      suppressTable(
        [
          [1, 2],
          [3, 40],
        ],
        ANALYST,
      )
        .cells.flat()
        .some(Boolean),
    ).toBe(false);
  });
  it('writes the threshold from minCell', () => {
    expect(formatCount({ value: 3, hidden: true }, PUBLIC)).toBe('<5');
    expect(formatCount({ value: 7, hidden: true }, { profile: 'public', minCell: 10 })).toBe('<10');
    expect(formatCount({ value: 12, hidden: true }, PUBLIC)).toBe('[c]');
    expect(formatCount({ value: 1234, hidden: false }, PUBLIC)).toBe('1,234');
    expect(formatCount({ value: 0, hidden: false }, PUBLIC)).toBe('0');
    expect(profileStatement({ profile: 'public', minCell: 10 })).toContain('counts from 1 to 9 are shown as "<10"');
    expect(profileStatement(ANALYST)).toMatch(/^Analyst report/);
  });
});

describe('secondary suppression', () => {
  it('hides the smallest other non-zero part when one part of a total is hidden', () => {
    // 12 + 3 + 0 + 20 = 35: 3 alone could be read off as 35 − 12 − 0 − 20.
    const s = suppressWithTotal([12, 3, 0, 20], PUBLIC);
    expect(hiddenOf(s.parts)).toEqual([true, true, false, false]);
    expect(s.total).toEqual({ value: 35, hidden: false });
  });
  it('leaves a vector alone when two parts are already small', () => {
    const s = suppressWithTotal([2, 3, 30], PUBLIC);
    expect(hiddenOf(s.parts)).toEqual([true, true, false]);
  });
  it('does not let two "<5" cells be pinned down by their sum', () => {
    // 14 + 1 + 1 = 16: the hidden pair adds to 2 and each is at least 1, so each is 1 — hide the 14 too.
    expect(hiddenOf(suppressWithTotal([14, 1, 1], PUBLIC).parts)).toEqual([true, true, true]);
    // 4 + 4 + 20 = 28: the pair adds to 8 and each is at most 4, so each is 4.
    expect(hiddenOf(suppressWithTotal([4, 4, 20], PUBLIC).parts)).toEqual([true, true, true]);
    // 14 + 2 + 1 = 17: the pair adds to 3, which is 1 + 2 or 2 + 1: nothing more to hide.
    expect(hiddenOf(suppressWithTotal([14, 2, 1], PUBLIC).parts)).toEqual([false, true, true]);
  });
  it('protects rows and columns of a table (caseload by service)', () => {
    // custody / community for three services; worked by hand in the comments of suppressCells.
    const t = suppressTable(
      [
        [8, 16],
        [3, 7],
        [1, 2],
      ],
      PUBLIC,
    );
    expect(t.cells).toEqual([
      [false, false],
      [true, true],
      [true, true],
    ]);
    expect(t.rowTotals).toEqual([false, true, true]);
    expect(t.columnTotals).toEqual([false, false]);
    expect(t.grandTotal).toBe(false);
    // No row or column is left with exactly one hidden member.
    const cells = [
      [8, 16],
      [3, 7],
      [1, 2],
    ];
    cells.forEach((row, r) => expect(row.filter((_, c) => t.cells[r][c]).length + (t.rowTotals[r] ? 1 : 0)).not.toBe(1));
  });
  it('prefers a cell that closes two relations at once', () => {
    // s + x + y = T1 and y + z = T2, with s = 3 and z = 4 small: hiding y protects both
    // relations, where the smaller x would leave z recoverable as T2 − y.
    const values = [3, 10, 20, 33, 4, 24];
    const hidden = suppressCells(
      values,
      [
        { parts: [0, 1, 2], total: 3 },
        { parts: [2, 4], total: 5 },
      ],
      PUBLIC,
    );
    expect(hidden).toEqual([true, false, true, false, true, false]);
  });
  it('follows a withheld cell into the next relation it sits in', () => {
    // a + b = 13 and b + c = 30 with a = 3: hiding b protects a, and then c must go or 30 − c gives b
    expect(
      suppressCells(
        [3, 10, 13, 20, 30],
        [
          { parts: [0, 1], total: 2 },
          { parts: [1, 3], total: 4 },
        ],
        PUBLIC,
      ),
    ).toEqual([true, true, false, true, false]);
  });
  it('reads a count another table withholds by its mark: "<5" is 1 to 4 whichever table withheld it', () => {
    // a (withheld by another table) + c + 10 = 12, a = c = 1: printed "<5", "<5", 10, 12, a
    // reader knows a + c = 2 with each ≥ 1, so both are 1; the 10 must go too.
    expect(suppressCells([1, 1, 10, 12], [{ parts: [0, 1, 2], total: 3 }], PUBLIC, [], [], [0])).toEqual([true, true, true, false]);
    // Printed "withheld" (a column withheld whole), a is known only as ≥ 0, and a + c = 2 pins nothing.
    expect(suppressCells([1, 1, 10, 12], [{ parts: [0, 1, 2], total: 3 }], PUBLIC, [], [0])).toEqual([true, true, false, false]);
  });
  it('never hides a cell in the keep list while another will do', () => {
    const hidden = suppressCells([69, 47, 2, 45], [{ parts: [2, 3], total: 1 }], PUBLIC, [3]);
    expect(hidden).toEqual([false, true, true, false]);
  });
});

describe('proportions', () => {
  it('hides a small k, a small n − k and the rate derived from either', () => {
    const a = suppressProportion({ k: 3, n: 45, proportion: 3 / 45, ci: [0.02, 0.18] }, 'x', PUBLIC);
    expect([a.k.hidden, a.n.hidden, a.hidden, a.proportion, a.ci]).toEqual([true, false, true, null, null]);
    const b = suppressProportion({ k: 43, n: 45, proportion: 43 / 45, ci: [0.85, 0.99] }, 'x', PUBLIC);
    expect([b.k.hidden, b.hidden, formatCount(b.k, PUBLIC)]).toEqual([true, true, '[c]']);
    const zero = suppressProportion({ k: 0, n: 45, proportion: 0, ci: [0, 0.08] }, 'x', PUBLIC);
    expect(zero.hidden).toBe(false);
    const all = suppressProportion({ k: 45, n: 45, proportion: 1, ci: [0.92, 1] }, 'x', PUBLIC);
    expect(all.hidden).toBe(false);
    const tiny = suppressProportion({ k: 2, n: 3, proportion: 2 / 3, ci: [0.2, 0.94] }, 'x', PUBLIC);
    expect([tiny.k.hidden, tiny.n.hidden]).toEqual([true, true]);
  });
  it('suppresses across services so the small one cannot be recovered from the pooled total', () => {
    // 27/45, 9/30, 3/12, pooled 39/87: 3 is small; 9 must go too (39 − 27 − 3 would give it, and 39 − 27 − 9 the 3).
    const p = (k: number, n: number, label: string) => ({ k, n, proportion: k / n, ci: [0, 1] as [number, number], label });
    const s = suppressProportions([p(27, 45, 'A'), p(9, 30, 'B'), p(3, 12, 'C')], PUBLIC, p(39, 87, 'All'));
    expect(s.rows.map((r) => [r.k.hidden, r.n.hidden, r.hidden])).toEqual([
      [false, false, false],
      [true, false, true],
      [true, false, true],
    ]);
    expect(s.overall!.hidden).toBe(false);
    expect(s.rows.map((r) => formatCount(r.k, PUBLIC))).toEqual(['27', '[c]', '<5']);
  });
  it('says so in the headline', () => {
    const shown = suppressProportion({ k: 27, n: 45, proportion: 0.6, ci: [0.4545185459, 0.7297511343] }, 'x', PUBLIC);
    expect(headline(shown, 'were recalled at least once', PUBLIC)).toBe('27 of the 45 people (60%, 95% CI 45%–73%) were recalled at least once.');
    const small = suppressProportion({ k: 3, n: 45, proportion: 3 / 45, ci: [0.02, 0.18] }, 'x', PUBLIC);
    expect(headline(small, 'were recalled at least once', PUBLIC)).toBe(
      'Fewer than 5 of the 45 people were recalled at least once (the exact number is withheld).',
    );
    const analyst = suppressProportion({ k: 3, n: 45, proportion: 3 / 45, ci: [0.02323, 0.17863] }, 'x', ANALYST);
    expect(headline(analyst, 'were recalled', ANALYST)).toBe('3 of the 45 people (7%, 95% CI 2%–18%) were recalled.');
    // large counts with thousands separators, as in the tables: 986 / 2805 = 35.2%
    const large = suppressProportion({ k: 986, n: 2805, proportion: 986 / 2805, ci: [0.3340604830592083, 0.36937596495244296] }, 'x', PUBLIC);
    expect(headline(large, 'were recalled', PUBLIC)).toBe('986 of the 2,805 people (35%, 95% CI 33%–37%) were recalled.');
    const fewLeft = suppressProportion({ k: 2802, n: 2805, proportion: 2802 / 2805, ci: [0.997, 1] }, 'x', PUBLIC);
    expect(headline(fewLeft, 'were recalled', PUBLIC)).toBe('All but fewer than 5 of the 2,805 people were recalled (the exact number is withheld).');
  });
});

describe('cohort flow', () => {
  it('keeps the cohort size and hides the included count instead', () => {
    const f = flowCounts(
      {
        people: 69,
        excluded: { 'released before 2008': 14, 'transferred out': 6, 'died in custody': 2 },
        included: 47,
        notYetReleased: 2,
        cohort: 45,
        unusedByMeasure: {},
      },
      PUBLIC,
    );
    expect(f.cohort).toEqual({ value: 45, hidden: false });
    expect(f.notYetReleased.hidden).toBe(true);
    expect(f.included.hidden).toBe(true);
    expect(f.excluded.map((e) => e.count.hidden)).toEqual([false, false, true]);
    expect(f.people.hidden).toBe(false);
  });
});

describe('cells linked to the cohort outside a table', () => {
  it('protects a small "follow-up too short" count against the cohort minus the eligible', () => {
    // Resettle shape: 12 of 41 eligible reoffended; 4 of the 45 had follow-up too short. 45 − 41 would give the 4.
    const s = suppressProportions([{ k: 12, n: 41, proportion: 12 / 41, ci: [0.18, 0.44], label: 'x' }], PUBLIC, undefined, { count: 4 });
    expect(s.outside).toEqual({ value: 4, hidden: true });
    expect(s.rows[0].n.hidden).toBe(true);
    expect(s.rows[0].hidden).toBe(true);
    // 40 of 45 too short leaves 5 eligible: nothing small, nothing hidden
    const t = suppressProportions([{ k: 0, n: 5, proportion: 0, ci: [0, 0.43], label: 'x' }], PUBLIC, undefined, { count: 40 });
    expect([t.outside!.hidden, t.rows[0].hidden]).toEqual([false, false]);
  });
  it('counts the people a measure used in its flow relation', () => {
    // 9 in the cohort, 8 still in the service, so 1 is used: the 8 cannot be shown either.
    const f = flowCounts(
      { people: 9, excluded: {}, included: 9, notYetReleased: 0, cohort: 9, unusedByMeasure: { communityTime: [{ reason: 'ongoing', count: 8 }] } },
      PUBLIC,
    );
    expect(f.unused.map((u) => formatCount(u.count, PUBLIC))).toEqual(['[c]']);
    const g = flowCounts(
      { people: 45, excluded: {}, included: 45, notYetReleased: 0, cohort: 45, unusedByMeasure: { communityTime: [{ reason: 'ongoing', count: 8 }] } },
      PUBLIC,
    );
    expect(g.unused.map((u) => formatCount(u.count, PUBLIC))).toEqual(['8']);
  });
  it('withholds a whole column and protects the rows it sits in', () => {
    // two groups, the second withheld whole: its cells are unknown (≥ 0), so the first group's cells
    // would give them away from the row totals, and are withheld too
    const t = suppressTable(
      [
        [3, 2],
        [6, 7],
      ],
      PUBLIC,
      [1],
    );
    expect(t.cells).toEqual([
      [true, true],
      [true, true],
    ]);
    // the row totals can stay: 5 = <5 + (unknown ≥ 0) pins neither cell down
    expect(t.rowTotals).toEqual([false, false]);
  });
});

describe('time in service', () => {
  it('hides the community n when "still in the service" is small, and a count whose complement is small', async () => {
    const { timeInServicePublished } = await import('../../src/disclosure/time-in-service.js');
    const { countOfWhole } = await import('../../src/disclosure/cells.js');
    const summary = { n: 43, mean: 19, sd: 14, median: 16, q1: 12.7, q3: 20.3, min: 7.2, max: 97.4 };
    const empty = { n: 0, mean: null, sd: null, median: null, q1: null, q3: null, min: null, max: null };
    const curve = {
      time: [],
      nRisk: [],
      nEvent: [],
      nCensor: [],
      survival: [],
      stdErr: [],
      lower: [],
      upper: [],
      median: null,
      medianLower: null,
      medianUpper: null,
      confType: 'log' as const,
    };
    // Resettle shape: 43 ended (24 completed, 9 recalled, 4 disengaged, 4 transferred, 1 died, 1 other), 2 ongoing
    const c = timeInServicePublished(
      {
        inReachMonths: empty,
        communityMonths: summary,
        ongoing: 2,
        endReasons: { completed: 24, recalled: 9, disengaged: 4, transferred: 4, died: 1, other: 1 },
        kmMedianMonths: 16.4,
        inService: curve,
      },
      PUBLIC,
    );
    expect(c.community.n.hidden).toBe(true);
    // the five small counts add up to 12 and the ended ones to a hidden 43: nothing pinned down, 24 and 9 stay
    expect(c.ends.map((e) => formatCount(e.count, PUBLIC))).toEqual(['24', '9', '<5', '<5', '<5', '<5', '<5']);
    expect(countOfWhole(44, 45, PUBLIC).hidden).toBe(true);
    expect(countOfWhole(40, 45, PUBLIC).hidden).toBe(false);
    expect(countOfWhole(3, 45, PUBLIC).hidden).toBe(true);
    expect(countOfWhole(44, 45, ANALYST).hidden).toBe(false);
  });
});

describe('services counting fewer people than their cohort', () => {
  it('protects each service’s left-out people, across services too', () => {
    // proven reoffending: A has 48 eligible of a cohort of 50 (2 too short), B 40 of 50 (10 too short)
    const p = (k: number, n: number, label: string) => ({ k, n, proportion: k / n, ci: [0, 1] as [number, number], label });
    const s = suppressProportions([p(10, 48, 'A'), p(12, 40, 'B')], PUBLIC, p(22, 88, 'All'), { count: 12, rows: [2, 10] });
    // A's 48 would give its 2; then B's 10 would give A's 2 from the 12, so B's 40 goes too
    expect(s.rows.map((r) => [r.n.hidden, r.hidden])).toEqual([
      [true, true],
      [true, true],
    ]);
    expect(s.overall!.hidden).toBe(false);
    const none = suppressProportions([p(10, 45, 'A'), p(12, 40, 'B')], PUBLIC, p(22, 85, 'All'), { count: 15, rows: [5, 10] });
    expect(none.rows.map((r) => r.hidden)).toEqual([false, false]);
  });
});

describe('group sizes shared between tables', () => {
  it('gives every table the same withheld group sizes, whatever the order', () => {
    const a = sharedSizes(
      [
        { label: 'violent', n: 30 },
        { label: 'sexual', n: 12 },
        { label: 'other', n: 3 },
      ],
      PUBLIC,
    );
    const b = sharedSizes(
      [
        { label: 'other', n: 3 },
        { label: 'violent', n: 30 },
        { label: 'sexual', n: 12 },
      ],
      PUBLIC,
    );
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
    // 3 is small; the next smallest, 12, goes with it
    expect([a.get('other')!.hidden, a.get('sexual')!.hidden, a.get('violent')!.hidden]).toEqual([true, true, false]);
  });
  it('keeps a shared size as given and hides counts instead', () => {
    const p = (k: number, n: number, label: string) => ({ k, n, proportion: k / n, ci: [0, 1] as [number, number], label });
    const rows = [p(20, 30, 'violent'), p(6, 12, 'sexual'), p(1, 3, 'other')];
    const sizes = sharedSizes(
      rows.map((r) => ({ label: r.label, n: r.n })),
      PUBLIC,
    );
    const s = suppressProportions(
      rows,
      PUBLIC,
      p(27, 45, 'All'),
      undefined,
      rows.map((r) => sizes.get(r.label)!),
    );
    expect(s.rows.map((r) => r.n.hidden)).toEqual([false, true, true]);
    expect(s.rows.map((r) => r.hidden)).toEqual([false, true, true]);
  });
});

describe('rates derived from a withheld count', () => {
  it('withholds the share of recorded ACEs when the number recorded is withheld', async () => {
    const { descriptionTables } = await import('../../src/pages/sections/cohort.js');
    const { descriptionPublished } = await import('../../src/disclosure/description.js');
    const { fixtureMeasures } = await import('./fixture-measures.js');
    const aceRow = (recorded: number, fourOrMore: number) => {
      const d = structuredClone(fixtureMeasures().description);
      d.overall.numeric.aces.n = recorded;
      d.overall.fourOrMoreAces = fourOrMore;
      return /Four or more ACEs<\/th><td class="num">([^<]*)<\/td>/.exec(descriptionTables(d, descriptionPublished(d, PUBLIC), PUBLIC).markup)![1];
    };
    // 40 of 45 recorded: both parts of the cohort are 5 or more, so 33 / 40 = 82.5% can be shown
    expect(aceRow(40, 33)).toBe('33 (82.5% of recorded)');
    // 42 of 45 recorded: 3 not recorded, so 42 is withheld, and 20 / 42 = 47.6% would give it back
    expect(aceRow(42, 20)).toBe('20');
    // 38 of 40 recorded with four or more: the 2 without are small, so the count goes too
    expect(aceRow(40, 38)).toBe('[c]');
  });

  it('withholds the mean recalls per person when the number of recalls is small', async () => {
    const { recallSection } = await import('../../src/pages/sections/recall.js');
    const { fixtureMeasures, fixtureStudy } = await import('./fixture-measures.js');
    const noteOf = (recalls: number, mean: number) => {
      const measures = fixtureMeasures();
      measures.recall.recallsInWindow = recalls;
      measures.recall.recallsPerPerson.mean = mean;
      const blocks = recallSection(pageContext(fixtureStudy(), measures, PUBLIC)).blocks;
      return blocks.flatMap((b) => ('notes' in b ? (b.notes ?? []) : [])).find((n) => n.startsWith('Mean recalls'));
    };
    expect(noteOf(42, 42 / 45)).toBe('Mean recalls per person: 0.93 (42 recalls in the window).');
    // 0.07 × 45 cohort members = 3.15: the mean would give the 3 recalls back
    expect(noteOf(3, 3 / 45)).toBe('Mean recalls per person: withheld (<5 recalls in the window).');
  });
});

describe('curves by service', () => {
  it('does not draw a service whose size the tables withhold', async () => {
    const { servicesSection } = await import('../../src/pages/sections/services.js');
    const { curveOf, fixtureMeasures, fixtureStudy, wilson } = await import('./fixture-measures.js');
    const measures = fixtureMeasures(['A', 'B', 'C']);
    // sizes 45, 30 and 3: the 3 is small, and the 30 is withheld with it, or 87 − 45 − 30 would give the 3 back
    const sizes: [string, number][] = [
      ['A', 45],
      ['B', 30],
      ['C', 3],
    ];
    measures.services.measures[0].byService = sizes.map(([group, n]) => ({ group, ...wilson(Math.floor(n / 3), n) }));
    measures.services.measures[0].pooled = wilson(25, 78);
    const curve = (n: number) => curveOf(Array.from({ length: n }, (_, i) => [30 + 20 * i, (i % 3 === 0 ? 1 : 0) as 0 | 1]));
    measures.services.convictionFree = sizes.map(([service, n]) => ({ service, curve: curve(n) }));
    const blocks = servicesSection(pageContext(fixtureStudy(), measures, PUBLIC)).blocks;
    const km = blocks.find((b) => 'spec' in b && JSON.stringify(b.spec.title).includes('Conviction-free over time'));
    if (!km || !('spec' in km)) throw new Error('no conviction-free figure');
    const riskRows = [...km.tables[0].markup.matchAll(/<tr><th scope="row">([^<]*)<\/th><td class="num">([^<]*)<\/td>/g)].map((r) => [r[1], r[2]]);
    // only A is drawn, with its 45 at risk at 0 months; B's 30 appears nowhere
    expect(riskRows).toEqual([['A', '45']]);
    expect(km.notes).toContain('Not drawn, because the number of people is withheld: B and C.');
    expect(JSON.stringify(km.spec)).not.toContain('"B"');
    const analyst = servicesSection(pageContext(fixtureStudy(), measures, ANALYST)).blocks.find(
      (b) => 'spec' in b && JSON.stringify(b.spec.title).includes('Conviction-free over time'),
    );
    expect(
      analyst && 'tables' in analyst
        ? [...analyst.tables[0].markup.matchAll(/<tr><th scope="row">([^<]*)<\/th><td class="num">([^<]*)<\/td>/g)].map((r) => [r[1], r[2]])
        : [],
    ).toEqual([
      ['A', '45'],
      ['B', '30'],
      ['C', '3'],
    ]);
  });
});

describe('groups of a measure that leaves people out', () => {
  it('protects each group’s left-out people against the group sizes printed with recall', async () => {
    const { shownComparison } = await import('../../src/disclosure/comparison.js');
    const { fixtureMeasures } = await import('./fixture-measures.js');
    const m = fixtureMeasures();
    const p = m.provenReoffending;
    // recall prints the groups as 30 violent and 15 sexual; proven reoffending counts 28 and 14 of them (3 too short)
    expect(m.recall.comparison.byGroup.map((g) => g.n)).toEqual([30, 15]);
    const shown = shownComparison(p.comparison, p.overall, PUBLIC, { count: p.tooShort }, m.recall.comparison);
    // 30 − 28 = 2 violent people too short: the 28 is withheld
    expect(shown.rows.map((r) => [r.label, r.n.value, r.n.hidden])).toEqual([
      ['violent', 28, true],
      ['sexual', 14, true],
    ]);
    expect(shown.overall.n.hidden).toBe(true);
    expect(shown.outside).toEqual({ value: 3, hidden: true });
  });
});

describe('desistance from the end of the service', () => {
  it('withholds its n, and its curve, when the people still in the service are few', async () => {
    const { desistanceSection } = await import('../../src/pages/sections/desistance.js');
    const { comparison, fixtureMeasures, fixtureStudy, wilson } = await import('./fixture-measures.js');
    const lead = (n: number) => {
      const measures = fixtureMeasures();
      // the groups add up to the overall: the sexual group keeps 9 of 14 or 13 followed, the violent the rest
      const sexual = n === 42 ? 14 : 13;
      measures.desistance = {
        ...measures.desistance,
        from: 'service_end',
        overall: wilson(27, n),
        comparison: comparison([
          ['violent', 18, n - sexual],
          ['sexual', 9, sexual],
        ]),
      };
      const blocks = desistanceSection(pageContext(fixtureStudy(), measures, PUBLIC)).blocks;
      const first = blocks[0];
      return {
        lead: 'markup' in first ? first.markup : '',
        curve: blocks.some((b) => 'spec' in b && JSON.stringify(b.spec.title).includes('Conviction-free over time')),
      };
    };
    // 45 in the cohort, 42 followed from the end of the service: 45 − 42 = 3 still in it
    expect(lead(42)).toEqual({
      lead: '<p class="lead">The number of people who had no further conviction since their time in the service ended is withheld, with the number of people, so that a small count of people left out cannot be worked out from the cohort.</p>',
      curve: false,
    });
    // 45 − 38 = 7: nothing small, so the share and the curve are shown; 27 / 38 = 71%
    expect(lead(38).lead).toMatch(/^<p class="lead">27 of the 38 people \(71%, 95% CI/);
    expect(lead(38).curve).toBe(true);
  });
});
