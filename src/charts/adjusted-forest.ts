/**
 * The forest plot of risk-adjusted rates beside the raw ones (measures.md, "Services
 * compared, adjusted for whom they take on"): per service, the raw rate with its 95%
 * interval and the risk-adjusted rate (O/E × the overall rate) with its 95% limits, one
 * panel per outcome, the overall rate as a dashed line.
 */
import type { PublishedBinaryAdjusted } from '../disclosure/adjusted-services.js';
import { percent } from '../words/format.js';
import { chartTitle, CONFIG, MUTED, SCHEMA, SERIES_COLOURS, type ChartSpec } from './theme.js';

/** Plain words for the two adjusted outcomes. */
export const ADJUSTED_OUTCOME_WORDS: Record<PublishedBinaryAdjusted['outcome'], { title: string; outcome: string }> = {
  provenReoffending: { title: 'Proven reoffending', outcome: 'reoffended (proven, fixed window)' },
  recall: { title: 'Recall within the window', outcome: 'were recalled within the window from release' },
};

const KINDS = ['raw', 'adjusted for case mix'];

/** Raw and risk-adjusted rates by service, side by side, for each adjusted outcome. */
export function adjustedForestChart(outcomes: PublishedBinaryAdjusted[]): ChartSpec {
  const titles = outcomes.map((o) => ADJUSTED_OUTCOME_WORDS[o.outcome].title);
  const services = outcomes[0]?.rows.map((r) => r.service) ?? [];
  const rows = outcomes.flatMap((o) => {
    const title = ADJUSTED_OUTCOME_WORDS[o.outcome].title;
    const overall = o.overall.hidden ? null : o.overall.proportion;
    return o.rows.flatMap((r) => [
      {
        outcome: title,
        label: r.service,
        kind: KINDS[0],
        p: r.hidden ? null : r.raw.proportion,
        lo: r.hidden ? null : (r.raw.ci?.[0] ?? null),
        hi: r.hidden ? null : (r.raw.ci?.[1] ?? null),
        overall,
        withheld: r.hidden ? 'withheld' : null,
      },
      {
        outcome: title,
        label: r.service,
        kind: KINDS[1],
        p: r.riskAdjustedRate,
        lo: r.rateLimits95 ? Math.max(0, r.rateLimits95[0]) : null,
        hi: r.rateLimits95 ? Math.min(1, r.rateLimits95[1]) : null,
        overall,
        withheld: null,
      },
    ]);
  });
  // The axis ends a little above the highest bar (a whole 10%), not at 100%: rates here are rarely above a half.
  const highest = Math.max(0.1, ...rows.map((r) => r.hi ?? 0));
  const x = {
    type: 'quantitative' as const,
    scale: { domain: [0, Math.min(1, Math.ceil(highest * 10 + 0.5) / 10)] },
    axis: { format: '.0%', title: null, tickCount: 4, labelFontSize: 10 },
  };
  const y = { field: 'label', type: 'nominal' as const, scale: { domain: services }, title: null, axis: { labelLimit: 320 } };
  const yOffset = { field: 'kind', type: 'nominal' as const, scale: { domain: KINDS, paddingOuter: 0.3 } };
  const color = {
    field: 'kind',
    type: 'nominal' as const,
    sort: KINDS,
    scale: { domain: KINDS, range: [SERIES_COLOURS[3], SERIES_COLOURS[0]] },
    legend: { title: null, orient: 'bottom' as const, labelLimit: 300 },
  };
  const describe = (o: PublishedBinaryAdjusted) => {
    const w = ADJUSTED_OUTCOME_WORDS[o.outcome];
    return (
      `${w.title} (share who ${w.outcome}; ${o.overall.hidden || o.overall.proportion == null ? 'overall withheld' : `${percent(o.overall.proportion)} overall`}): ` +
      o.rows
        .map((r) =>
          r.hidden || r.raw.proportion == null || r.riskAdjustedRate == null
            ? `${r.service} withheld`
            : `${r.service} raw ${percent(r.raw.proportion)}, adjusted ${percent(r.riskAdjustedRate)} (${percent(Math.max(0, r.rateLimits95![0]))} to ${percent(Math.min(1, r.rateLimits95![1]))})`,
        )
        .join(', ')
    );
  };
  return {
    $schema: SCHEMA,
    title: chartTitle('Raw and risk-adjusted rates by service', [
      'Light: the raw share with its 95% CI. Dark: the rate adjusted for case mix (O/E × the overall rate), its bar the 95% range chance',
      'allows around the overall rate for that service: a dark point off its bar is further from the prediction than chance would usually give',
    ]),
    description: `Forest plots of ${titles.length} outcomes by service, raw beside adjusted for case mix. ` + outcomes.map(describe).join('. ') + '.',
    config: { ...CONFIG, header: { labelFontSize: 12, labelFontWeight: 'bold', title: null, labelOrient: 'top' } },
    data: { values: rows },
    facet: { column: { field: 'outcome', type: 'nominal', sort: titles, title: null } },
    spacing: 14,
    spec: {
      width: 170,
      height: Math.max(60, 24 * services.length),
      layer: [
        {
          transform: [{ filter: 'isValid(datum.overall)' }],
          mark: { type: 'rule', color: MUTED, strokeDash: [4, 3] },
          encoding: { x: { field: 'overall', ...x } },
        },
        {
          transform: [{ filter: 'isValid(datum.p)' }],
          mark: { type: 'rule', strokeWidth: 1.6 },
          encoding: { y, yOffset, color, x: { field: 'lo', ...x }, x2: { field: 'hi' } },
        },
        {
          transform: [{ filter: 'isValid(datum.p)' }],
          mark: { type: 'point', filled: true, size: 30, opacity: 1 },
          encoding: { y, yOffset, color, x: { field: 'p', ...x } },
        },
        {
          transform: [{ filter: 'isValid(datum.withheld)' }],
          mark: { type: 'text', align: 'left', fontStyle: 'italic', fontSize: 10, color: MUTED },
          encoding: { y, x: { datum: 0, ...x }, text: { field: 'withheld' } },
        },
      ],
    },
  } satisfies ChartSpec;
}
