/**
 * Notebook: Resettle against a matched comparison group. The follow-up of
 * Ryan et al. (2022) could only say what happened to the people Resettle
 * worked with; here each of them is matched, on a propensity score, with a man
 * released in the same years who did not receive the service, and the
 * differences are given with their intervals, as the Justice Data Lab would
 * (comparison.md).
 *
 *   npx tsx analyses/resettle-comparison.ts   → reports/resettle-comparison.html
 *
 * The comparison uses the study file's `comparison` settings (compareOpened).
 */
import { compareOpened, comparisonReportInput, narrator, openStudy, say, writeReport } from 'follow-up';

const study = await openStudy(new URL('../data-samples/resettle/comparison-study.json', import.meta.url));
const comparison = comparisonReportInput(compareOpened(study));
const n = narrator(study);
const flow = n.flow();

const narrative = [
  say`Ryan, Eldridge, Duffy, Crawley and O'Brien (2022, Journal of Forensic Practice) reported what happened to the people released to the Liverpool Resettle IIRMS, with nothing to set beside it: a reoffending rate on its own cannot say whether the service made a difference. This page adds what the study lacked, a comparison group. The records are synthetic: ${flow.cohort} people in the follow-up cohort, built to the paper's totals, and a pool of men with violent or sexual index offences released in the same years who did not receive the service, about ten times as many. The pool was made so that the service took on the men with more prior convictions, longer custody and later releases, and so that the service lowers proven reoffending a little; the page shows how much of that a matched comparison can recover.`,
  say`Every man of the cohort followed up for a year and the six-month wait for convictions is matched with the man of the pool nearest to him on the propensity score, the chance of receiving the service given his age, prior convictions, years in custody, index offence category and year of release. All of them are men, so sex is not a covariate. The section below gives the flow of both sides, the balance of each covariate before and after matching, and the differences in proven reoffending, its frequency and recall, each with its interval.`,
  say`Value for money follows from the same matched groups: each proven reoffence is priced from the shipped unit-cost table (Home Office figures where they could be confirmed, judgement where not, as the table says row by row), and the difference in cost is set against an illustrative £7,500 a participant. It is a sketch of the method, not Resettle's real cost.`,
  say`With so few people the intervals are wide, and the Justice Data Lab would call a result from fewer than sixty matched people indicative only. The crude difference between the cohort and the whole pool is a poor guide: the service's men were at higher risk to begin with, so it understates what the service did. And matching allows only for what it was given: whatever else decided who was referred to Resettle, such as assessed risk, motivation or staff judgement, is not in the comparison.`,
];

console.log(
  `Wrote ${await writeReport(study, {
    out: new URL('../reports/', import.meta.url),
    name: 'resettle-comparison',
    title: 'Resettle against a matched comparison group',
    narrative,
    focus: ['cohort', 'comparison', 'value'],
    comparison,
  })}`,
);
