/**
 * Notebook: the services of the national sample side by side: forest and
 * funnel plots of each measure, conviction-free curves by service with the
 * log-rank test, and the same comparison adjusted for whom each service takes
 * on (O/E funnel, risk-adjusted rates, Cox hazard ratios).
 *
 *   npx tsx analyses/services-compared.ts   → reports/services-compared.html
 */
import { changedByAdjustment, narrator, openStudy, publishAdjusted, say, words, writeReport } from 'follow-up';

const study = await openStudy(new URL('../data-samples/national/study.json', import.meta.url));
const m = study.measures;
const n = narrator(study);
const recall = n.published.services.find((s) => s.measure === 'recall');
const outside = n.outsideLimits('recall');
const lr = m.services.logRank;
const adjusted = m.adjustedComparison ? publishAdjusted(m.adjustedComparison, m.services, n.policy) : null;
const proven = adjusted?.binary.find((b) => b.outcome === 'provenReoffending');
// the first service whose raw rate is outside the 99.8% limits and whose O/E is inside them
const into = proven ? changedByAdjustment(proven).find((c) => c.raw === 'outside 99.8%') : undefined;
const moved = into && proven ? proven.rows.find((r) => r.service === into.service) : undefined;
const cox = adjusted?.cox;

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
  proven && moved
    ? say`Adjusting for case mix changes the picture. The raw proven reoffending rate of ${words(moved.service)}, ${n.percent(moved.raw.proportion!)}, lies outside the 99.8% limits of the funnel around the overall ${n.percent(proven.overall.proportion!)}; but from its people's age, previous convictions and the rest of the case mix, the model predicts ${n.statistic(moved.expected!, 1)} reoffenders where it had ${n.count(moved.raw.k)}: an O/E of ${n.statistic(moved.ratio!, 2)}, inside the limits once adjusted. A raw difference between services is a reason to ask whom they take on before it is a finding about the service.`
    : 'Adjusting for case mix moves no service back inside the 99.8% limits of proven reoffending.',
  cox
    ? say`On conviction-free time, a Cox model with the service and the same case mix gives each service's hazard ratio against ${words(cox.reference)}, the largest; the likelihood-ratio test of the service terms gives chi-square ${n.statistic(cox.lrTest.statistic)} on ${n.setting(cox.lrTest.df)} degrees of freedom, ${n.p(cox.lrTest.p)}. Only what the records hold is adjusted for: what led people to one service rather than another, if unrecorded, is still in these figures.`
    : 'The adjusted Cox model could not be fitted.',
];

console.log(
  `Wrote ${await writeReport(study, { out: new URL('../reports/', import.meta.url), name: 'services-compared', title: 'IIRMS services compared', narrative, focus: ['services'] })}`,
);
