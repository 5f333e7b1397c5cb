/**
 * One decision per count on a page (measures.md, "Disclosure control"; issue
 * 8): a count printed in several tables is withheld in all of them or none,
 * and the words about a withheld count print only what a reader of the
 * published tables can already work out (issue 15).
 */
import { describe, expect, it } from 'vitest';
import { suppressTable, type DisclosurePolicy } from '../../src/disclosure/cells.js';
import { Narrator } from '../../src/disclosure/narrator.js';
import { publish } from '../../src/disclosure/publish.js';
import type { StudyMeasures } from '../../src/measures/types.js';
import { headlinesSection } from '../../src/pages/sections/headlines.js';
import { reconvictionSection } from '../../src/pages/sections/reconviction.js';
import { Html } from '../../src/pages/html.js';
import { comparison, fixtureMeasures, fixtureStudy, wilson } from './fixture-measures.js';

const PUBLIC: DisclosurePolicy = { profile: 'public', minCell: 5 };

/** 43 of the 45 reconvicted: the 2 not reconvicted are a small complement, so the 43 is withheld. */
function nearlyAllReconvicted(): StudyMeasures {
  const m = fixtureMeasures();
  const pairs = (category: string, less: number, same: number, more: number) => [
    ...Array.from({ length: less }, () => ({ index: 1500, reconviction: 40, indexCategory: category })),
    ...Array.from({ length: same }, () => ({ index: 700, reconviction: 700, indexCategory: category })),
    ...Array.from({ length: more }, () => ({ index: 400, reconviction: 1500, indexCategory: category })),
  ];
  m.reconviction = {
    ...m.reconviction,
    overall: wilson(43, 45),
    comparison: comparison([
      ['violent', 29, 30],
      ['sexual', 14, 15],
    ]),
    reconvictions: 80,
    perPerson: 80 / 45,
    perReconvicted: 80 / 43,
    // violent 20 less, 5 as serious, 4 more; sexual 10, 2, 2: 30, 7, 6 in all
    seriousness: { less: 30, same: 7, more: 6 },
    severityPairs: [...pairs('violent', 20, 5, 4), ...pairs('sexual', 10, 2, 2)],
    indictable: { k: 20, ofCohort: wilson(20, 45), ofReconvicted: wilson(20, 43) },
    indictableOnly: { k: 6, ofCohort: wilson(6, 45), ofReconvicted: wilson(6, 43) },
  };
  return m;
}

const markup = (blocks: unknown[]) =>
  blocks.map((b) => (b instanceof Html ? b.markup : JSON.stringify((b as { tables: Html[] }).tables.map((t) => t.markup)))).join('\n');

describe('a count printed in two tables', () => {
  it('the people reconvicted, withheld in the rate, are withheld in the seriousness and indictable tables too', () => {
    const m = nearlyAllReconvicted();
    // the precondition: the seriousness table on its own would print the 43 as its grand total
    const alone = suppressTable(
      [
        [20, 5, 4],
        [10, 2, 2],
      ],
      PUBLIC,
    );
    expect(alone.grandTotal).toBe(false);
    const p = publish(m, PUBLIC);
    expect(p.reconviction.k).toEqual({ value: 43, hidden: true });
    const all = p.seriousness.rows.at(-1)!;
    expect(all.total).toEqual({ value: 43, hidden: true });
    expect(p.indictable.ofReconvicted.n).toEqual({ value: 43, hidden: true });
    expect(p.indictableOnly.ofReconvicted.n).toEqual({ value: 43, hidden: true });
    // the pairs drawn and those left out add up to the 43 as well: every pair shared by 5 or more, yet none drawn
    expect(p.severityPairs).toEqual({ shown: [], leftOut: { value: 43, hidden: true } });
    // nor can the column totals give the 43 back: one of them is withheld with it
    expect(['less', 'same', 'more'].some((l) => all.cells[l as 'less'].hidden)).toBe(true);
    const ctx = { study: fixtureStudy(), measures: m, policy: PUBLIC, published: p };
    const section = markup(reconvictionSection(ctx).blocks);
    expect(section).not.toMatch(/>43</);
    expect(section).not.toContain('n = 43');
    expect(markup(headlinesSection(ctx).blocks)).not.toContain('Of the 43 people reconvicted');
    expect(section).toContain('is not shown in this public report: its points would add up to a count the tables above withhold.');
  });
  it("a headline proportion is its table's Everyone row", () => {
    const p = publish(fixtureMeasures(), PUBLIC);
    for (const key of ['recall', 'reconviction', 'desistance', 'provenReoffending'] as const) {
      const { label: _a, ...headline } = p[key];
      const { label: _b, ...everyone } = p.byGroup[key].overall;
      expect(headline, key).toEqual(everyone);
    }
  });
});

describe('seriousness in words and in the chart', () => {
  it('prints the tightest bounds the published table allows, not only a lower bound', () => {
    // the Resettle shape: 16 reconvicted, 14 less serious, 1 as serious, 1 more; by category violent 11, 1, 1 and sexual 3, 0, 0
    const m = fixtureMeasures();
    const pair = (category: string, index: number, reconviction: number) => ({ index, reconviction, indexCategory: category });
    m.reconviction = {
      ...m.reconviction,
      seriousness: { less: 14, same: 1, more: 1 },
      severityPairs: [
        ...Array.from({ length: 11 }, () => pair('violent', 1500, 40)),
        pair('violent', 700, 700),
        pair('violent', 400, 1500),
        ...Array.from({ length: 3 }, () => pair('sexual', 1500, 40)),
      ],
    };
    const p = publish(m, PUBLIC);
    const cells = p.seriousness.rows.at(-1)!.cells;
    expect([cells.less.hidden, cells.same.hidden, cells.more.hidden]).toEqual([true, true, true]);
    // 16 less two counts of 1 to 4 each: from 8 to 14
    expect(p.seriousness.allBounds.less).toEqual([8, 14]);
    const ctx = { study: fixtureStudy(), measures: m, policy: PUBLIC, published: p };
    expect(markup(headlinesSection(ctx).blocks)).toContain(
      'Of the 16 people reconvicted, between 8 and 14 had a most serious reconviction less serious than their index offence;',
    );
    // every count withheld: no empty chart that reads as zero, the table and a note instead
    const blocks = reconvictionSection(ctx).blocks;
    expect(blocks.some((b) => !(b instanceof Html) && JSON.stringify(b.spec.title).includes('Seriousness'))).toBe(false);
    expect(markup(blocks)).toContain('The chart of these counts is not drawn: every count in it is withheld');
  });
  it('marks a bar with a withheld count as withheld', () => {
    const p = publish(fixtureMeasures(), PUBLIC);
    const ctx = { study: fixtureStudy(), measures: fixtureMeasures(), policy: PUBLIC, published: p };
    const chart = reconvictionSection(ctx).blocks.find((b) => !(b instanceof Html) && JSON.stringify(b.spec.title).includes('Seriousness'));
    const layers = (chart as unknown as { spec: { layer: { data?: { values: { label: string; note: string }[] } }[] } }).spec.layer;
    expect(layers[2].data!.values.map((v) => `${v.label}: ${v.note}`)).toEqual(['violent: withheld', 'sexual: withheld', 'All reconvicted: + withheld']);
  });
});

describe('group sizes shared with the change tables', () => {
  it('a group whose size the page withholds is withheld whole in the change table by group', async () => {
    const { openStudy } = await import('../../src/notebook/open-study.js');
    const { computeMeasures } = await import('../../src/measures/index.js');
    const s = await openStudy('data-samples/resettle/study.json');
    const m = computeMeasures(s.records, { groupBy: 'category' });
    const d = m.change!.distress;
    const sizes = Object.fromEntries(d.byGroup.map((g) => [g.group, g.cohort]));
    // a third group of 3 people: its size is small, and the next smallest (sexual) is withheld with it
    m.recall.comparison = comparison([
      ['violent', 15, sizes.violent],
      ['sexual', 6, sizes.sexual],
      ['other', 0, 3],
    ]);
    m.recall.overall = wilson(21, sizes.violent + sizes.sexual + 3);
    const p = publish(m, PUBLIC);
    expect(p.byGroup.recall.rows.map((r) => [r.label, r.n.hidden])).toEqual([
      ['violent', false],
      ['sexual', true],
      ['other', true],
    ]);
    const byGroup = Object.fromEntries(d.byGroup.map((g, i) => [g.group, p.change!.distress.byGroup[i]]));
    expect(byGroup.sexual.cohort).toEqual({ value: sizes.sexual, hidden: true });
    expect(
      [byGroup.sexual.n, byGroup.sexual.noAssessment, byGroup.sexual.oneDayOnly, ...byGroup.sexual.categories.map((c) => c.count)].every((c) => c.hidden),
    ).toBe(true);
    expect(byGroup.violent.cohort.hidden).toBe(false);
  });
});

describe('the narrator reads the published record', () => {
  /** Recall by category: violent 3 of 15 (small), sexual 10 of 30; everyone 13 of 45 is shown, so sexual is withheld too. */
  function smallGroup(): StudyMeasures {
    const m = fixtureMeasures();
    m.recall = {
      ...m.recall,
      overall: wilson(13, 45),
      comparison: comparison([
        ['violent', 3, 15],
        ['sexual', 10, 30],
      ]),
    };
    return m;
  }

  it("prints a group's share as its table does: withheld to protect the small group, not '10 of 30'", () => {
    const m = smallGroup();
    const sexual = m.recall.comparison.byGroup[1];
    const row = publish(m, PUBLIC).byGroup.recall.rows.find((r) => r.label === 'sexual')!;
    expect(row.hidden).toBe(true);
    const narrator = new Narrator(PUBLIC, m);
    expect(narrator.withheld(sexual)).toBe(true);
    expect(String(narrator.share(sexual))).toBe('a number of the 30 withheld to protect small counts');
    expect(String(narrator.interval(sexual))).toBe('limits withheld');
    // Decided on its own, as before, the share would have been printed.
    expect(String(new Narrator(PUBLIC).share(sexual))).toMatch(/^10 of 30 \(33%/);
    expect(String(narrator.share(m.recall.overall))).toMatch(/^13 of 45 \(29%/);
  });
});
