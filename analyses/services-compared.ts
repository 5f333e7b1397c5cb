/**
 * Notebook: the services of the national sample side by side: forest and
 * funnel plots of each measure, conviction-free curves by service with the
 * log-rank test.
 *
 *   npx tsx analyses/services-compared.ts   → reports/services-compared.html
 */
import { narrator, openStudy, say, writeReport } from 'follow-up';

const study = await openStudy(new URL('../data-samples/national/study.json', import.meta.url));
const m = study.measures;
const n = narrator(study);
const recall = n.published.services.find((s) => s.measure === 'recall');
const outside = n.outsideLimits('recall');
const lr = m.services.logRank;

const narrative = [
  say`Figures for a single service are hard to judge on their own. A joint inspection found that 62% of 65 Integrated Offender Management cases had breached their order or reoffended, but with no comparison with other cases the figure could not say whether that was high or low. This page sets the ${n.setting(m.services.services.length)} services of the national sample (synthetic records) side by side, each with its 95% confidence interval, so that a difference between services can be told apart from the play of chance in small numbers.`,
  recall
    ? say`Across all services, ${n.share(m.services.measures.find((c) => c.measure === 'recall')!.pooled)} of the cohort were recalled at least once during the intervention, close to the "about a third" that Räsänen and Davies (2026) cite for IIRMS users. ${
        outside.length
          ? say`On the funnel plot, ${n.list(outside)} ${outside.length === 1 ? 'lies' : 'lie'} outside the 99.8% control limits: a difference that chance alone would rarely produce at ${outside.length === 1 ? 'that size' : 'those sizes'}. `
          : 'No service lies outside the 99.8% control limits of the funnel plot. '
      }Services take on different people, so a service outside the limits calls for a closer look at whom it serves before any conclusion about how well it works.`
    : 'Recall is not compared on this page.',
  lr
    ? say`The conviction-free curves differ between services more than chance would easily explain (log-rank test, chi-square ${n.statistic(lr.chiSquare)} on ${n.setting(lr.df)} degrees of freedom, ${n.p(lr.p)}). The Justice Data Lab approach, matching each person with similar people outside the service, is what it would take to turn such differences into estimates of effect.`
    : 'The log-rank test could not be computed.',
];

console.log(
  `Wrote ${await writeReport(study, { out: new URL('../reports/', import.meta.url), name: 'services-compared', title: 'IIRMS services compared', narrative, focus: ['services'] })}`,
);
