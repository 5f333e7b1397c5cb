/** Chart builders: what they draw, what they withhold, and that every spec is titled, described and labelled. */
import { describe, expect, it } from 'vitest';
import { atRiskTable, kaplanMeierChart, kmPoints, riskMonths, thinSteps } from '../../src/charts/kaplan-meier.js';
import { atRisk } from '../../src/stats/kaplan-meier.js';
import { snapshotChart } from '../../src/charts/snapshot.js';
import { snapshotTable } from '../../src/disclosure/snapshot.js';
import { seriousnessTable } from '../../src/disclosure/seriousness.js';
import { severityPoints } from '../../src/disclosure/severity.js';
import { thinFunnel } from '../../src/charts/funnel.js';
import { wrapWords } from '../../src/charts/theme.js';
import { DAYS_PER_MONTH } from '../../src/time/days.js';
import { TEN, SIX, fixtureMeasures } from './fixtures.js';
import { allCharts } from './all-charts.js';
import { funnelPosition } from '../../src/disclosure/services.js';

const PUBLIC = { profile: 'public' as const, minCell: 5 };
const ANALYST = { profile: 'analyst' as const, minCell: 5 };

describe('Kaplan–Meier chart', () => {
  it('draws the hand-worked curve from (0, 1), stepping at events only', () => {
    const pts = kmPoints({ label: 'All', curve: TEN }, ANALYST);
    expect(pts.map((p) => Math.round(p.month * DAYS_PER_MONTH))).toEqual([0, 30, 90, 120, 200, 250, 365, 400]);
    expect(pts.map((p) => p.survival)).toEqual([1, 0.9, 0.7875, 0.675, 0.54, 0.405, 0.2025, 0.2025]);
  });
  it('stops where fewer than minCell people are at risk in the public profile', () => {
    // at risk: 30→10, 60→9, 90→8, 120→7, 150→6, 200→5, 250→4: the last drawn time is 200 days.
    const pts = kmPoints({ label: 'All', curve: TEN }, PUBLIC);
    expect(Math.round(pts[pts.length - 1].month * DAYS_PER_MONTH)).toBe(200);
    expect(pts[pts.length - 1].survival).toBe(0.54);
  });
  it('counts the people at risk as R summary(fit, times) does, masking small numbers', () => {
    expect(atRisk(TEN, [0, 30, 31, 200, 201, 400, 401])).toEqual([10, 10, 9, 5, 4, 1, 0]);
    expect(riskMonths([{ label: 'a', curve: TEN }])).toEqual([0, 6, 12]);
    // public: the curve stops at 200 days (6.6 months), and so does the axis
    expect(riskMonths([{ label: 'a', curve: TEN }], PUBLIC)).toEqual([0, 6]);
    const t = atRiskTable(
      [
        { label: 'a', curve: TEN },
        { label: 'b', curve: SIX },
      ],
      [0, 6, 12],
      PUBLIC,
    );
    // 6 months = 182.6 days: 200, 250, 300, 365 and 400 are still at risk (5); 12 months = 365.25 days: only 400 (1).
    expect(t.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['10', '5', '<5'],
      ['6', '0', '0'],
    ]);
  });
  it('keeps one step per pixel column', () => {
    const pts = [0, 0.1, 0.2, 0.3, 1.5, 1.6, 3].map((month, i) => ({ series: 's', month, survival: 1 - i / 10, lower: null, upper: null }));
    expect(thinSteps(pts, 1).map((p) => p.month)).toEqual([0, 0.3, 1.5, 1.6, 3]);
  });
  it('names the curves and the axes in words', () => {
    const spec = kaplanMeierChart({
      title: 'Time to first recall',
      survivalTitle: 'Not yet recalled',
      timeTitle: 'Months since release',
      series: [{ label: 'All', curve: TEN }],
      policy: ANALYST,
    });
    expect(spec.description).toContain('median 8.2 months'); // first S < 0.5 is S(250) = 0.405; 250 / 30.4375 = 8.2
    const json = JSON.stringify(spec);
    expect(json).toContain('"title":"Months since release"');
    expect(json).toContain('Not yet recalled (95% CI shaded)');
    expect(json).toContain('"interpolate":"step-after"');
  });
});

describe('withheld cells are not drawn', () => {
  it('snapshot: a service with 1 and 2 people has no bars in public, and its total reads "[c]" or "<5"', () => {
    const m = fixtureMeasures();
    const pub = snapshotChart(m.snapshot!, snapshotTable(m.snapshot!, PUBLIC), PUBLIC) as unknown as {
      layer: { data: { values: { service: string; people?: number; text?: string }[] } }[];
    };
    expect(pub.layer[0].data.values.map((v) => `${v.service}:${v.people}`)).toEqual(['Resettle:8', 'Resettle:16']);
    expect(pub.layer[1].data.values.map((v) => v.text)).toEqual(['24', 'total [c]', 'total <5']);
    const analyst = snapshotChart(m.snapshot!, snapshotTable(m.snapshot!, ANALYST), ANALYST) as unknown as typeof pub;
    expect(analyst.layer[0].data.values).toHaveLength(6);
  });
  it('seriousness: rows from the severity pairs, with secondary suppression', () => {
    const rows = seriousnessTable(fixtureMeasures().reconviction, PUBLIC).rows;
    // fixture pairs: less 9 violent + 3 sexual; same 2 violent + 1 sexual; more 1 violent
    expect(rows.map((r) => r.label)).toEqual(['violent', 'sexual', 'All reconvicted']);
    const all = rows[2];
    expect([all.cells.less.value, all.cells.same.value, all.cells.more.value, all.total.value]).toEqual([12, 3, 1, 16]);
    expect([all.cells.less.hidden, all.cells.same.hidden, all.cells.more.hidden, all.total.hidden]).toEqual([false, true, true, false]);
  });
  it('severity pairs: grouped by value, never in person order', () => {
    const pts = severityPoints(fixtureMeasures().reconviction);
    expect(pts.map((p) => [p.index, p.reconviction, p.people])).toEqual([
      [400, 1500, 1],
      [700, 700, 2],
      [1500, 40, 8],
      [1500, 150, 4],
      [1500, 1500, 1],
    ]);
  });
});

describe('funnel plot', () => {
  it('places a service against its control limits', () => {
    const c = fixtureMeasures().services.measures[0];
    // p0 = 39/87; at n = 45 the 95% limits are 0.448 ± 1.96·sqrt(0.448·0.552/45) = 0.303 to 0.594
    expect(funnelPosition(0.6, 45, c)).toBe('between 95% and 99.8%');
    expect(funnelPosition(0.45, 45, c)).toBe('within 95%');
    expect(funnelPosition(0.95, 45, c)).toBe('outside 99.8%');
  });
  it('thins long limit lines but keeps the services’ own sizes', () => {
    const funnel = Array.from({ length: 400 }, (_, i) => ({ n: i + 1, lower95: 0, upper95: 1, lower998: 0, upper998: 1 }));
    const thin = thinFunnel(funnel, [123, 377]);
    expect(thin.length).toBeLessThan(90);
    expect(thin.map((f) => f.n)).toEqual(expect.arrayContaining([1, 123, 377, 400]));
  });
});

describe('every chart', () => {
  it('has a title, a description and axis titles in words', () => {
    for (const [name, spec] of Object.entries(allCharts())) {
      expect(spec.title, name).toBeTruthy();
      expect(spec.description.length, name).toBeGreaterThan(40);
      const json = JSON.stringify(spec);
      // no axis is left with a raw field name as its title
      for (const m of json.matchAll(/"axis":\{[^{}]*"title":"([^"]*)"/g)) expect(m[1], name).toMatch(/[A-Z][a-z]+/);
    }
  });
  it('wraps flow text at spaces', () => {
    expect(wrapWords('Proven reoffending: follow-up too short: <5', 20, '   ')).toEqual(['Proven reoffending:', '   follow-up too', '   short: <5']);
    expect(wrapWords('a verylongwordindeed b', 6, '  ')).toEqual(['a', '  verylongwordindeed', '  b']);
  });
});

describe('severity pairs in the public profile', () => {
  it('pools rare pairs, and pools a shown pair too when the pool would be small', async () => {
    const { shownSeverityPoints } = await import('../../src/disclosure/severity.js');
    const base = fixtureMeasures().reconviction;
    // 8 people at (1500, 40), 4 at (1500, 150), and 4 more single pairs: 8 not shown, drawn one pair of 8
    expect(shownSeverityPoints(base, PUBLIC)).toEqual({ shown: [{ index: 1500, reconviction: 40, people: 8 }], leftOut: 8 });
    // 6 at (300, 20), 5 at (300, 30), 1 at (900, 900): the lone person would be 12 − 6 − 5; the 5 join the pool
    const pairs = [
      ...Array.from({ length: 6 }, () => ({ index: 300, reconviction: 20, indexCategory: 'violent' })),
      ...Array.from({ length: 5 }, () => ({ index: 300, reconviction: 30, indexCategory: 'violent' })),
      { index: 900, reconviction: 900, indexCategory: 'violent' },
    ];
    expect(shownSeverityPoints({ ...base, severityPairs: pairs }, PUBLIC)).toEqual({ shown: [{ index: 300, reconviction: 20, people: 6 }], leftOut: 6 });
    expect(shownSeverityPoints({ ...base, severityPairs: pairs }, ANALYST).shown).toHaveLength(3);
  });
});

describe('severity pairs at scale', () => {
  it('an analyst chart pools a large cohort into one circle per pair, every pair drawn, the spec small', async () => {
    const { severityPairsChart, MAX_PERSON_POINTS } = await import('../../src/charts/severity-pairs.js');
    const { severityPairsPublished } = await import('../../src/disclosure/severity.js');
    const base = fixtureMeasures().reconviction;
    // 300,000 reconvicted people on 3 × 4 pairs of values
    const pairs = Array.from({ length: 300_000 }, (_, i) => ({ index: 100 * (1 + (i % 3)), reconviction: 10 * (1 + (i % 4)), indexCategory: 'violent' }));
    const chart = (r: typeof base) =>
      severityPairsChart(
        r,
        severityPairsPublished(r, ANALYST, { value: r.overall.k, hidden: false }, false),
        seriousnessTable(r, ANALYST).rows.at(-1)!,
        ANALYST,
        null,
      );
    const spec = chart({ ...base, severityPairs: pairs }) as unknown as { layer: { data: { values: { people: number }[] } }[] };
    const points = spec.layer[2].data.values;
    expect(points).toHaveLength(12);
    expect(points.reduce((a, p) => a + p.people, 0)).toBe(300_000);
    expect(JSON.stringify(spec).length).toBeLessThan(20_000);
    // A small cohort keeps one point per person.
    const few = chart({ ...base, severityPairs: pairs.slice(0, MAX_PERSON_POINTS) }) as unknown as typeof spec;
    expect(few.layer[2].data.values).toHaveLength(MAX_PERSON_POINTS);
  });
});
