/** A Kaplan–Meier figure with its numbers-at-risk table and medians. */
import { MAX_OVERLAID_CURVES, atRiskTable, kaplanMeierChart, kaplanMeierPanels, riskMonths, type KmPanelsInput } from '../../charts/kaplan-meier.js';
import { DAYS_PER_MONTH } from '../../time/days.js';
import { fig, type FigureRequest } from '../context.js';
import { formatCount } from '../../disclosure/cells.js';
import { curveTotals } from '../../disclosure/curves.js';
import { decimal } from '../../words/format.js';
import { table } from '../tables.js';

export function kmFigure(opts: KmPanelsInput & { notes?: string[] }): FigureRequest {
  const spec = opts.series.length > MAX_OVERLAID_CURVES ? kaplanMeierPanels(opts) : kaplanMeierChart(opts);
  const months = riskMonths(opts.series, opts.policy);
  const risk = atRiskTable(opts.series, months, opts.policy);
  const riskTable = table({
    caption: `${opts.title}: number at risk`,
    head: [opts.series.length > 1 ? 'Group' : '', ...months.map((m) => `${m} months`)],
    rows: risk.map((r) => [r.series, ...r.cells.map((c) => c.text)]),
  });
  const medianTable = table({
    caption: `${opts.title}: Kaplan–Meier median and 95% CI (months)`,
    head: [opts.series.length > 1 ? 'Group' : '', 'Median', '95% CI', 'Events', 'Censored'],
    rows: opts.series.map((s) => {
      const c = s.curve;
      const { events, censored } = curveTotals(c, opts.policy);
      const m = (d: number | null) => (d == null ? 'not reached' : decimal(d / DAYS_PER_MONTH));
      return [
        s.label,
        m(c.median),
        c.median == null || (c.medianLower == null && c.medianUpper == null)
          ? '–'
          : `${c.medianLower == null ? 'not reached' : m(c.medianLower)} to ${c.medianUpper == null ? 'not reached' : m(c.medianUpper)}`,
        formatCount(events, opts.policy),
        formatCount(censored, opts.policy),
      ];
    }),
  });
  const notes = [...(opts.notes ?? [])];
  if (opts.policy.profile === 'public') notes.push(`Curves are drawn only while at least ${opts.policy.minCell} people are at risk.`);
  return fig(spec, [riskTable, medianTable], notes);
}
