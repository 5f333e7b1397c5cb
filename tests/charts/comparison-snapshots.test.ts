/**
 * Snapshot tests of the matched comparison's charts (comparison.md,
 * "Reporting"), fed with the hand-written `follow-up compare --json` object of
 * tests/fixtures/comparison/resettle-compare.json after disclosure control
 * (disclosure/matched.ts), in the manner of snapshots.test.ts: rendered
 * headless, normalised, compared with tests/charts/snapshots/. Regenerate
 * after a deliberate change with UPDATE_SNAPSHOTS=1 and review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../src/render/svg.js';
import type { ChartSpec } from '../../src/charts/theme.js';
import type { ComparisonInput } from '../../src/output/comparison-input.js';
import type { DisclosurePolicy } from '../../src/disclosure/cells.js';
import { shownMatchedComparison } from '../../src/disclosure/matched.js';
import { comparisonFlowChart } from '../../src/charts/comparison-flow.js';
import { lovePlotChart } from '../../src/charts/love-plot.js';
import { propensityBalanceChart } from '../../src/charts/propensity-balance.js';
import { effectsForestChart } from '../../src/charts/effects-forest.js';
import { comparisonCurvesChart } from '../../src/charts/comparison-curves.js';

const SNAPSHOTS = join(dirname(fileURLToPath(import.meta.url)), 'snapshots');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';
const fixture = (): ComparisonInput => JSON.parse(readFileSync(new URL('../fixtures/comparison/resettle-compare.json', import.meta.url), 'utf8'));

/** As snapshots.test.ts: decimals to two places, one element per line. */
function normaliseSvg(svg: string): string {
  return svg
    .replace(/-?\d+\.\d{3,}/g, (n) => {
      const r = Math.round(Number(n) * 100) / 100;
      return Object.is(r, -0) ? '0' : String(r);
    })
    .replace(/></g, '>\n<')
    .concat('\n');
}

function comparisonCharts(policy: DisclosurePolicy, c: ComparisonInput = fixture()): Record<string, ChartSpec> {
  const shown = shownMatchedComparison(c, policy);
  return {
    'comparison-flow': comparisonFlowChart(shown.flow, policy),
    'love-plot': lovePlotChart(shown.balance, 'matching'),
    'propensity-balance': propensityBalanceChart(shown.balance[0], 'logit', 'matching'),
    'effects-forest': effectsForestChart([
      { label: 'Proven reoffending within a year', effect: shown.effects.provenReoffending },
      { label: 'Proven reoffences (frequency)', effect: shown.effects.frequency },
      { label: 'Recalled within a year', effect: shown.effects.recall },
    ]),
    'comparison-curves': comparisonCurvesChart(shown.curves),
  };
}

describe('comparison chart snapshots', () => {
  const cases: [string, DisclosurePolicy][] = [
    ...Object.keys(comparisonCharts({ profile: 'public', minCell: 5 })).map((name) => [name, { profile: 'public', minCell: 5 }] as [string, DisclosurePolicy]),
    ['comparison-flow', { profile: 'analyst', minCell: 5 }],
    ['comparison-curves', { profile: 'analyst', minCell: 5 }],
  ];
  for (const [name, policy] of cases) {
    it(`${name} (${policy.profile})`, async () => {
      const actual = normaliseSvg(await renderChartSvg(comparisonCharts(policy)[name]));
      const file = join(SNAPSHOTS, `${name}${policy.profile === 'analyst' ? '-analyst' : ''}.svg`);
      if (UPDATE || !existsSync(file)) {
        mkdirSync(SNAPSHOTS, { recursive: true });
        writeFileSync(file, actual);
        if (!UPDATE) throw new Error(`no snapshot yet: wrote ${file}; review it and run again`);
        return;
      }
      expect(actual).toBe(readFileSync(file, 'utf8'));
    });
  }

  it('draws no withheld value: a small-count effect and balance row leave the data of the forest and the love plot', () => {
    const c = fixture();
    c.effects.recall = { ...c.effects.recall, service: 2 / 38 };
    c.balance.find((r) => r.term === 'category=violent')!.before.meanPool = 1 - 3 / 414;
    const charts = comparisonCharts({ profile: 'public', minCell: 5 }, c);
    const values = (spec: ChartSpec) => ((spec as { layer: { data?: { values?: { label?: string }[] } }[] }).layer ?? []).flatMap((l) => l.data?.values ?? []);
    const forest = values(charts['effects-forest']).filter((v) => v.label === 'Recalled within a year');
    expect(forest).toEqual([{ label: 'Recalled within a year', note: 'withheld (small counts)' }]);
    const love = values(charts['love-plot']).filter((v) => v.label === 'index offence category: violent');
    expect(love).toEqual([{ label: 'index offence category: violent', note: 'withheld (small counts)' }]);
    // the service's 38 and the comparison's 38 are counts the flow chart draws
    const flow = (charts['comparison-flow'] as { data: { values: { label: string; value: number | null }[] } }).data.values;
    expect(flow.filter((s) => s.label === 'Matched').map((s) => s.value)).toEqual([38, 38]);
  });
});
