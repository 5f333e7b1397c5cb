/**
 * Notebook: the Resettle follow-up of Ryan et al. (2022) reproduced from
 * person-level records, with what the paper could not show: intervals,
 * Kaplan–Meier curves, and a test of the violent/sexual recall difference.
 *
 *   npx tsx analyses/resettle-follow-up.ts   → reports/resettle-follow-up.html
 */
import { narrator, openStudy, say, writeReport } from 'follow-up';

const study = await openStudy(new URL('../data-samples/resettle/study.json', import.meta.url));
const m = study.measures;
const n = narrator(study);
const flow = n.flow();
const recall = n.comparison(m.recall.comparison, m.recall.overall);
const ind = m.reconviction.indictable;
const fu = m.desistance.followUpMonths;
const proven = m.provenReoffending;
const tooShort = n.published.leftOut.provenReoffending;
const left = n.countOf(m.timeInService.communityMonths.n, m.timeInService.communityMonths.n + m.timeInService.ongoing);

const narrative = [
  say`Ryan, Eldridge, Duffy, Crawley and O'Brien (2022, Journal of Forensic Practice) followed everyone released to the Liverpool Resettle IIRMS between 2008 and 2018 through the Police National Computer: 69 people were released and 45 met the study's criteria. This page works the same follow-up out from person-level records. The records are synthetic, built to match the paper's published totals, so the page shows what the analysis gives, not new facts about Resettle. Here ${flow.people} people are in the records and ${flow.cohort} are in the follow-up cohort.`,
  say`The paper reports that 60% were recalled to custody at least once during the intervention. From the records, ${n.share(m.recall.overall)} were recalled. With 45 people the interval is wide: the data fit a true share anywhere between about ${n.interval(m.recall.overall)}, which is worth keeping in mind before comparing this figure with the roughly one-third recall reported for other IIRMS users.`,
  recall
    ? say`The paper says recall was more common after a violent than after a sexual index offence, but reports no test. From the records: ${recall.first} against ${recall.second}, a difference of ${recall.difference}. Fisher's exact test gives ${recall.fisher}. ${
        recall.significant
          ? 'A difference this large would seldom arise by chance alone in groups of these sizes.'
          : `A difference of this size could easily arise by chance in groups this small, so the records are consistent with the paper's observation but cannot confirm it${recall.includesZero ? ': the interval for the difference includes no difference at all' : ''}.`
      }`
    : 'The violent and sexual groups cannot be compared on this page because one of them is too small to publish.',
  say`Ryan et al. state that reconvictions were for less serious offences than the index offence, and that 16% were convicted of an indictable offence, without saying 16% of whom. In the records, ${n.share(ind.ofCohort)} of the cohort had an indictable reconviction; as a share of the ${n.count(m.reconviction.overall.k)} people reconvicted, the same people are ${n.share(ind.ofReconvicted)}. The cohort reading matches the published 16% (16% of 45 is about 7 people); both readings are given below, each with its denominator.`,
  say`The paper's 64.4% with no further conviction corresponds here to ${n.share(m.desistance.overall, n.published.leftOut.desistance)}. Follow-up lengths differ widely (from ${n.months(fu.min)} to ${n.months(fu.max)}), so that share mixes people followed for one year with people followed for nine. The conviction-free Kaplan–Meier curve allows for the different lengths, and the Ministry of Justice's fixed-window proven-reoffending measure puts everyone on the same footing${
    n.withheld(proven.overall, tooShort)
      ? say`; on this public page, though, its figures are withheld: so few people had follow-up too short for the ${n.setting(proven.windowMonths)}-month window that printing the number followed up would reveal how many.`
      : say`: ${n.share(proven.overall, tooShort)} of those followed long enough reoffended within ${n.setting(proven.windowMonths)} months.`
  }`,
  say`People spent almost 19 months on average in the service in the community, according to the paper; here the mean is ${n.months(m.timeInService.communityMonths.mean)} for ${left.withheld ? 'the people' : say`the ${left} people`} who have left it (median ${n.months(m.timeInService.communityMonths.median)}). None of these figures says what would have happened without the service: the study has no comparison group. A Justice Data Lab analysis would match each person with similar people who did not receive the service and report the difference with its interval.`,
];

console.log(
  `Wrote ${await writeReport(study, { out: new URL('../reports/', import.meta.url), name: 'resettle-follow-up', title: 'Resettle IIRMS follow-up reproduced from records', narrative })}`,
);
