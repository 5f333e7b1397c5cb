/**
 * Notebook: participant flow and cohort description by tier for the South
 * Wales IIRMS interview cohort (after Räsänen and Davies, 2026).
 *
 *   npx tsx analyses/south-wales-flow.ts   → reports/south-wales-flow.html
 */
import { narrator, openStudy, say, writeReport } from 'follow-up';

const study = await openStudy(new URL('../data-samples/south-wales/study.json', import.meta.url), { groupBy: 'tier' });
const m = study.measures;
const n = narrator(study);
const flow = n.flow();
const tiers = m.description.byGroup.map((g) => g.group).filter((g): g is string => g != null);
const minCell = n.setting(study.report.minCell);

const narrative = [
  say`Räsänen and Davies (2026, Probation Journal) interviewed people on probation who were using the South Wales IIRMS. Staff identified 16 people; 3 had been recalled, 1 had disengaged, 1 was no longer supervised and 1 was too unstable to take part, and of the 10 who were left 1 declined, so 9 took part. This page draws that participant flow from person-level records (synthetic, built to match the published account) and describes the people who took part by tier of provision (${tiers.length ? n.list(tiers) : 'tier not recorded'}).`,
  say`In the records, ${flow.people} people were identified, ${flow.excluded ?? 'some'} did not take part and ${flow.cohort} are in the cohort. ${
    study.report.profile === 'public'
      ? say`Almost every count in a group this small is below ${minCell}, so this public page shows them as "<${minCell}" and withholds the cells from which they could be worked out, even though the paper itself printed them. An analyst page (profile "analyst") shows every count, for internal use only.`
      : 'This is an analyst page: every count is shown, and it must not be published as it stands.'
  }`,
  say`The people who did not complete matter most: the authors point out that those recalled or disengaged are the ones future outcome research most needs to follow, and that a formal outcome evaluation is hard with numbers like these. With ${flow.cohort} people, any share has a very wide interval: one person more or less moves it by more than ten percentage points. For context, other studies put recall among IIRMS users at about a third, about 60% in the high-intensity Resettle model, against the Ministry of Justice's June 2024 proxy of 6.52% of the licence caseload recalled.`,
];

console.log(
  `Wrote ${await writeReport(study, { out: new URL('../reports/', import.meta.url), name: 'south-wales-flow', title: 'South Wales IIRMS: participant flow and cohort by tier', narrative, focus: ['cohort', 'change'] })}`,
);
