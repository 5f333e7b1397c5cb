/**
 * Notebook: IOM with a comparison. A joint inspection found that 62% of 65
 * Integrated Offender Management cases breached their order or reoffended, but
 * set nothing beside the figure, so it could not be judged. This notebook
 * takes a synthetic IOM cohort built to that figure and sets beside it a
 * matched comparison group from people released in the same years and area
 * who were not on IOM (comparison.md).
 *
 *   npx tsx analyses/iom-comparison.ts   → reports/iom-comparison.html
 *
 * The comparison uses the study file's `comparison` settings (compareOpened).
 */
import { compareOpened, comparisonReportInput, narrator, openStudy, say, writeReport } from 'follow-up';

const study = await openStudy(new URL('../data-samples/iom/study.json', import.meta.url));
const comparison = comparisonReportInput(compareOpened(study));
const m = study.measures;
const n = narrator(study);
const flow = n.flow();

const narrative = [
  say`The joint inspection of Integrated Offender Management found that 62% of the 65 IOM cases it examined had breached their order or reoffended, and noted that without a comparison with people not on IOM the figure was impossible to judge: among prolific offenders a high rate is expected whatever is done. The records on this page are synthetic, built so that 40 of the ${flow.cohort} cases (62%) breached their order or committed an offence in the year after release, with a pool of people released in the same years who were not on IOM, about ten times as many.`,
  say`By the Ministry of Justice's proven-reoffending measure (an offence within a year of release, convicted within a further six months), ${n.share(m.provenReoffending.overall, n.published.leftOut.provenReoffending)} of the cases reoffended. IOM selects people with many prior convictions and acquisitive offences, who reoffend more, so the pool as a whole is not a fair comparison. Each case is therefore matched with the two people of the pool nearest to it on the propensity score (the chance of being on IOM given age, sex, prior convictions, years in custody, index offence category and year of release).`,
  say`The section below gives the flow of both sides, the balance of every covariate, and the differences in proven reoffending, its frequency and recall with their intervals, in the Justice Data Lab's words. It says what the inspection could not: how the cases compare with similar people not on IOM. It cannot say why: anything that decided who was put on IOM and is not among the covariates is not allowed for.`,
];

console.log(
  `Wrote ${await writeReport(study, {
    out: new URL('../reports/', import.meta.url),
    name: 'iom-comparison',
    title: 'IOM with a comparison',
    narrative,
    focus: ['cohort', 'proven-reoffending', 'comparison'],
    comparison,
  })}`,
);
