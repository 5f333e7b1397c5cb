/**
 * Notebook: the IIRMS caseload on 30 January 2024 by service, in custody and
 * in the community, set against the Ministry of Justice ad hoc statistics.
 *
 *   npx tsx analyses/national-snapshot.ts   → reports/national-snapshot.html
 */
import { snapshotTable } from '../src/charts/snapshot.js';
import { longDate } from '../src/charts/theme.js';
import { formatCount, type Count } from '../src/pages/disclosure.js';
import { percent } from '../src/pages/format.js';
import { Narrator } from '../src/pages/narrative.js';
import { isMain, openSample, runNotebook, writeNotebookPage } from '../src/pages/notebook.js';

export async function render(outDir?: string): Promise<string> {
  const open = await openSample('national');
  const m = open.measures;
  const s = m.snapshot;
  if (!s) throw new Error('the national sample has no snapshotDate: add "snapshotDate": "2024-01-30" to its study.json');
  const policy = open.report;
  const say = new Narrator(policy);
  const table = snapshotTable(s, policy);
  const shown = table.rows.filter((r) => r.custodyShare != null);
  const highest = [...shown].sort((a, b) => b.custodyShare! - a.custodyShare! || (a.service < b.service ? -1 : 1))[0];
  const lowest = [...shown].sort((a, b) => a.custodyShare! - b.custodyShare! || (a.service < b.service ? -1 : 1))[0];
  // the totals as the snapshot table publishes them (a column total can be withheld to protect a small cell)
  const t = table.total;
  const n = (c: Count) => formatCount(c, policy);
  const share = (c: Count) => (c.hidden || t.total.hidden ? 'share withheld' : t.total.value > 0 ? percent(c.value / t.total.value) : 'not computed');
  const narrative = [
    `The Ministry of Justice's ad hoc statistics on IIRMS (15 March 2024) counted 1,020 people accessing an IIRMS on 30 January 2024: 358 in custody, either preparing for release or recalled, and 662 on probation in the community (35% and 65%). ` +
      `The figures came from an administrative system and, as the release warns, are subject to data-entry error.`,
    `This page applies a written rule to person-level records (synthetic, ${say.flow(m.flow).people} people in ${table.rows.length} services): a person counts on ${longDate(s.date)} if their service has started (in-reach or release on or before that day) and has not ended before it; they are in custody if not yet released, or recalled and not re-released by that day. ` +
      `By that rule ${n(t.total)} people were in the services: ${n(t.inCustody)} in custody (${share(t.inCustody)}) and ${n(t.inCommunity)} in the community (${share(t.inCommunity)}). ` +
      `Because the rule is explicit, the boundary cases (a release, recall or end on the day itself) are decided the same way every time, which an administrative count cannot promise.`,
    shown.length > 1
      ? `Services differ: the share in custody runs from ${percent(lowest.custodyShare!)} in ${lowest.service} to ${percent(highest.custodyShare!)} in ${highest.service}. ` +
        'Part of that reflects how far each service reaches into custody before release (in-reach), not only recall, so the split should be read with each service\'s design in mind.'
      : 'Too few services can be shown to compare their custody shares.',
  ];
  return writeNotebookPage(open, {
    name: 'national-snapshot',
    title: `IIRMS caseload on ${longDate(s.date)} by service`,
    narrative,
    focus: ['snapshot'],
  }, outDir);
}

if (isMain(import.meta.url)) runNotebook(render);
