/**
 * Issue 14: with 1,500 or more services a chart's sort order became one
 * nested Vega expression per value and Vega's expression parser ran out of
 * stack ("Maximum call stack size exceeded"). The Kaplan–Meier panels (one per
 * service drawn) put a long order in a field instead (charts/theme.ts,
 * SORT_LIST_MAX); rendered for real here, in the order given.
 */
import { describe, expect, it } from 'vitest';
import { kaplanMeierPanels } from '../../src/charts/kaplan-meier.js';
import { SORT_LIST_MAX } from '../../src/charts/theme.js';
import { renderChartSvg } from '../../src/render/svg.js';
import type { Curve } from '../../src/stats/types.js';

/** Ten people, all still event-free after a year: one short step curve. */
const CURVE: Curve = {
  time: [0, 365],
  nRisk: [10, 10],
  nEvent: [0, 0],
  nCensor: [0, 10],
  survival: [1, 1],
  stdErr: [0, 0],
  lower: [1, 1],
  upper: [1, 1],
  median: null,
  medianLower: null,
  medianUpper: null,
  confType: 'log',
};

describe('a chart of 1,600 panels renders, in the order given', () => {
  it('Kaplan–Meier panels of 1,600 services', async () => {
    // Names in an order no sort of the text would give: the panels must follow the list.
    const labels = Array.from({ length: 1600 }, (_, i) => `Service ${String((i * 7919) % 1600).padStart(4, '0')}`);
    expect(labels.length).toBeGreaterThan(SORT_LIST_MAX);
    const svg = await renderChartSvg(
      kaplanMeierPanels({
        title: 'Conviction-free by service',
        survivalTitle: 'Conviction-free',
        timeTitle: 'Months since release',
        series: labels.map((label) => ({ label, curve: CURVE })),
        policy: { profile: 'analyst', minCell: 5 },
      }),
    );
    const headers = [...svg.matchAll(/>(Service \d{4})</g)].map((m) => m[1]);
    expect(new Set(headers).size).toBe(1600);
    expect([...new Set(headers)]).toEqual(labels);
  }, 300_000);
});
