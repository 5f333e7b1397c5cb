/** The caseload snapshot on a date, by service. */
import { snapshotChart } from '../../charts/snapshot.js';
import { fig, type ReportContext, type Section } from '../context.js';
import { formatCount } from '../../disclosure/cells.js';
import { percent, longDate } from '../../words/format.js';
import { html } from '../html.js';
import { table } from '../tables.js';

export function snapshotSection(ctx: ReportContext): Section | null {
  const { measures: m, policy } = ctx;
  const s = m.snapshot;
  const t = ctx.published.snapshot;
  if (!s || !t) return null;
  const rows = [...t.rows, t.total].map((r) => [
    r.service,
    formatCount(r.inCustody, policy),
    formatCount(r.inCommunity, policy),
    formatCount(r.total, policy),
    r.custodyShare == null ? '–' : percent(r.custodyShare, 1),
  ]);
  return {
    id: 'snapshot',
    heading: `Caseload on ${longDate(s.date)}`,
    blocks: [
      html`<p>${`Everyone whose service had started by ${longDate(s.date)} (in-reach or release on or before it) and had not ended before it, whether or not they are in the follow-up cohort. A person is in custody on the day if not yet released, or if recalled and not re-released by then.`}</p>`,
      fig(snapshotChart(s, t, policy), [
        table({
          caption: `Caseload on ${longDate(s.date)} by service (people)`,
          head: ['Service', 'In custody', 'In the community', 'Total', 'Share in custody'],
          rows,
          totalRows: [rows.length - 1],
        }),
      ]),
    ],
  };
}
