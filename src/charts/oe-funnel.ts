/**
 * The O/E funnel plot of the adjusted comparison (measures.md, "Services compared, adjusted
 * for whom they take on"): each service's observed over expected against its expected
 * number E, one panel per outcome. The drawn lines are 1 ± z·√(E·q)/E with q the shown
 * services' Σp(1 − p) over their ΣE, the limits of a service of average spread; each service
 * is judged against its own limits 1 ± z·√(Σp(1 − p))/E (the shapes; its 99.8% range a pale
 * bar), which the table beside the chart gives.
 */
import type { PublishedBinaryAdjusted } from '../disclosure/adjusted-services.js';
import { Z95 } from '../stats/normal.js';
import { decimal } from '../words/format.js';
import { ADJUSTED_OUTCOME_WORDS } from './adjusted-forest.js';
import { funnelLimitLines, funnelServiceLayers } from './funnel.js';
import { chartTitle, CONFIG, INK, LIGHT, SCHEMA, type ChartSpec } from './theme.js';

const Z998 = 3.090232306167813;

/** O/E funnel plots of the adjusted outcomes as panels side by side. */
export function oeFunnelChart(outcomes: PublishedBinaryAdjusted[]): ChartSpec {
  const titles = outcomes.map((o) => ADJUSTED_OUTCOME_WORDS[o.outcome].title);
  type Row = { outcome: string; kind: string; side?: string; e?: number; v?: number; v2?: number; label?: string; position?: string };
  const rows: Row[] = [];
  const notes: string[] = [];
  let maxE = 1;
  let maxRatio = 2;
  for (const o of outcomes) {
    for (const r of o.rows) if (r.expected !== null) maxE = Math.max(maxE, r.expected);
    for (const r of o.rows) if (r.ratio !== null) maxRatio = Math.max(maxRatio, r.ratio);
  }
  const top = Math.ceil(maxRatio * 1.1 * 2) / 2;
  for (const o of outcomes) {
    const title = ADJUSTED_OUTCOME_WORDS[o.outcome].title;
    // The lines use the shown services' average of Σp(1 − p)/E (each service's own from its 95% limits).
    let sumV = 0;
    let sumE = 0;
    for (const r of o.rows) {
      if (r.expected === null || r.limits95 === null) continue;
      sumV += (((r.limits95[1] - 1) * r.expected) / Z95) ** 2;
      sumE += r.expected;
    }
    const q = sumE > 0 ? sumV / sumE : null;
    if (q !== null && q > 0) {
      // 60 points on a square-root scale of E, where the limits curve most.
      for (let s = 1; s <= 60; s++) {
        const e = ((Math.sqrt(maxE) * s) / 60) ** 2;
        const half = (z: number) => (z * Math.sqrt(e * q)) / e;
        const r = (x: number) => Math.round(x * 1e5) / 1e5;
        const ee = r(e);
        rows.push(
          { outcome: title, kind: '95% limits', side: 'lower', e: ee, v: r(1 - half(Z95)) },
          { outcome: title, kind: '95% limits', side: 'upper', e: ee, v: r(1 + half(Z95)) },
          { outcome: title, kind: '99.8% limits', side: 'lower', e: ee, v: r(1 - half(Z998)) },
          { outcome: title, kind: '99.8% limits', side: 'upper', e: ee, v: r(1 + half(Z998)) },
        );
      }
    }
    const drawn = o.rows.filter((r) => !r.hidden && r.ratio !== null && r.expected !== null);
    for (const r of drawn) {
      rows.push({ outcome: title, kind: 'service', e: r.expected!, v: r.ratio!, label: r.service, position: r.adjustedPosition! });
      rows.push({ outcome: title, kind: 'own', e: r.expected!, v: Math.max(0, r.limits998![0]), v2: Math.min(top, r.limits998![1]) });
    }
    const out = drawn.filter((r) => r.adjustedPosition !== 'within 95%');
    notes.push(
      `${title}: ` +
        (out.length
          ? out.map((r) => `${r.service} O/E ${decimal(r.ratio, 2)} at E ${decimal(r.expected, 1)}, ${r.adjustedPosition}`).join('; ')
          : 'every service shown within its 95% limits') +
        (o.rows.length > drawn.length ? `; ${o.rows.length - drawn.length} withheld` : ''),
    );
  }
  const x = {
    field: 'e',
    type: 'quantitative' as const,
    scale: { domain: [0, Math.ceil(maxE)], nice: false },
    axis: { title: 'Expected number (E) from the case mix', tickCount: 4, grid: false },
  };
  const y = { field: 'v', type: 'quantitative' as const, scale: { domain: [0, top] }, axis: { title: 'Observed / expected (O/E)', tickCount: 5, grid: false } };
  return {
    $schema: SCHEMA,
    title: chartTitle(
      'Funnel plots of observed over expected: each service against what its case mix predicts',
      "O/E = 1: as many as predicted from whom the service takes on; dashed: 95% limits; dotted: 99.8% limits, for a service of average spread; pale bars: each service's own 99.8% limits; services outside them are named",
    ),
    description:
      `O/E funnel plots of ${titles.length} outcomes: each service's observed number over the number its people's case mix predicts, against that expected number, with 95% and 99.8% limits. ` +
      notes.join('. ') +
      '.',
    config: { ...CONFIG, header: { labelFontSize: 12, labelFontWeight: 'bold', title: null } },
    data: { values: rows },
    facet: { field: 'outcome', type: 'nominal', sort: titles, title: null },
    columns: 2,
    bounds: 'flush',
    spacing: { row: 40, column: 40 },
    spec: {
      width: 290,
      height: 210,
      layer: [
        funnelLimitLines(x, y, true),
        {
          transform: [{ filter: "datum.kind == 'own'" }],
          mark: { type: 'rule', color: LIGHT, strokeWidth: 3, opacity: 0.7 },
          encoding: { x, y, y2: { field: 'v2' } },
        },
        { mark: { type: 'rule', color: INK, strokeWidth: 1.2 }, encoding: { y: { datum: 1, type: 'quantitative' as const, scale: { domain: [0, top] } } } },
        ...funnelServiceLayers(x, y, 'e', maxE, true),
      ],
    },
  } satisfies ChartSpec;
}
