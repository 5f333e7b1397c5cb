/**
 * Notebook: the IIRMS caseload on 30 January 2024 by service, in custody and
 * in the community, set against the Ministry of Justice ad hoc statistics.
 *
 *   npx tsx analyses/national-snapshot.ts   → reports/national-snapshot.html
 */
import { narrator, openStudy, say, words, writeReport } from 'follow-up';

const study = await openStudy(new URL('../data-samples/national/study.json', import.meta.url));
const n = narrator(study);
const s = study.measures.snapshot;
const table = n.published.snapshot;
if (!s || !table) throw new Error('the national sample has no snapshotDate: add "snapshotDate": "2024-01-30" to its study.json');
const shown = table.rows.filter((r) => r.custodyShare != null);
const highest = [...shown].sort((a, b) => b.custodyShare! - a.custodyShare! || (a.service < b.service ? -1 : 1))[0];
const lowest = [...shown].sort((a, b) => a.custodyShare! - b.custodyShare! || (a.service < b.service ? -1 : 1))[0];
// the totals as the snapshot table publishes them (a column total can be withheld to protect a small cell)
const t = table.total;

const narrative = [
  say`The Ministry of Justice's ad hoc statistics on IIRMS (15 March 2024) counted 1,020 people accessing an IIRMS on 30 January 2024: 358 in custody, either preparing for release or recalled, and 662 on probation in the community (35% and 65%). The figures came from an administrative system and, as the release warns, are subject to data-entry error.`,
  say`This page applies a written rule to person-level records (synthetic, ${n.flow().people} people in ${n.setting(table.rows.length)} services): a person counts on ${n.date(s.date)} if their service has started (in-reach or release on or before that day) and has not ended before it; they are in custody if not yet released, or recalled and not re-released by that day. By that rule ${n.count(t.total)} people were in the services: ${n.count(t.inCustody)} in custody (${n.shareOf(t.inCustody, t.total)}) and ${n.count(t.inCommunity)} in the community (${n.shareOf(t.inCommunity, t.total)}). Because the rule is explicit, the boundary cases (a release, recall or end on the day itself) are decided the same way every time, which an administrative count cannot promise.`,
  shown.length > 1
    ? say`Services differ: the share in custody runs from ${n.percent(lowest.custodyShare!)} in ${words(lowest.service)} to ${n.percent(highest.custodyShare!)} in ${words(highest.service)}. Part of that reflects how far each service reaches into custody before release (in-reach), not only recall, so the split should be read with each service's design in mind.`
    : 'Too few services can be shown to compare their custody shares.',
];

console.log(
  `Wrote ${await writeReport(study, { out: new URL('../reports/', import.meta.url), name: 'national-snapshot', title: `IIRMS caseload on ${n.date(s.date)} by service`, narrative, focus: ['snapshot'] })}`,
);
