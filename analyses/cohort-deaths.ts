/**
 * Notebook: reconviction and recall in a cohort where people die, with death
 * as a competing risk (measures.md "Competing risks"), beside 1 − Kaplan–Meier.
 *
 *   npx tsx analyses/cohort-deaths.ts   → reports/cohort-deaths.html
 */
import { narrator, openStudy, say, writeReport } from 'follow-up';

const study = await openStudy(new URL('../data-samples/cohort-deaths/study.json', import.meta.url));
const m = study.measures;
const n = narrator(study);
const c = m.competingRisks;
const five = c?.reconviction.overall.atYears.find((a) => a.years === 5);

const narrative = [
  say`Staff of probation services in South Wales speak of people on their caseload who died, some by suicide. Where deaths are common, the usual Kaplan–Meier estimate of reconviction, which treats a death as the end of the records, overstates the chance of being reconvicted: a person who has died can no longer offend. This page follows a synthetic cohort of ${n.flow().cohort} people in two services and estimates reconviction and recall with death as a competing event.`,
  five && c && five.difference > 0
    ? say`By five years after release, 1 − Kaplan–Meier and the cumulative incidence differ by ${n.statistic(100 * five.difference)} percentage points; the section on deaths and competing risks gives the difference at one, two and five years, for reconviction and for recall.`
    : 'The section on deaths and competing risks gives the difference between the two estimates at one, two and five years.',
];

console.log(
  `Wrote ${await writeReport(study, { out: new URL('../reports/', import.meta.url), name: 'cohort-deaths', title: 'Reconviction and recall with death as a competing risk (synthetic cohort)', narrative, focus: ['headlines', 'desistance', 'competing-risks'] })}`,
);
