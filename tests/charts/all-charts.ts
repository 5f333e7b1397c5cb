/** Every chart builder run on the hand-built measures, for the snapshot and property tests. */
import { cohortFlowChart } from '../../src/charts/cohort-flow.js';
import { forestPanelsChart } from '../../src/charts/forest.js';
import { funnelPanelsChart } from '../../src/charts/funnel.js';
import { kaplanMeierChart, kaplanMeierPanels } from '../../src/charts/kaplan-meier.js';
import { proportionsChart } from '../../src/charts/proportions.js';
import { recallReasonsChart } from '../../src/charts/recall-reasons.js';
import { seriousnessChart } from '../../src/charts/seriousness.js';
import { severityPairsChart } from '../../src/charts/severity-pairs.js';
import { snapshotChart } from '../../src/charts/snapshot.js';
import type { ChartSpec } from '../../src/charts/theme.js';
import { endReasonsChart, timeInServiceChart } from '../../src/charts/time-in-service.js';
import { suppressProportions, type DisclosurePolicy } from '../../src/disclosure/cells.js';
import { publish } from '../../src/disclosure/publish.js';
import { TEN, fixtureMeasures } from './fixtures.js';
import { valueRatioChart } from '../../src/charts/value-ratio.js';
import { fixtureValue } from '../support/value-fixture.js';

export function allCharts(policy: DisclosurePolicy = { profile: 'public', minCell: 5 }): Record<string, ChartSpec> {
  const m = fixtureMeasures();
  const groups = suppressProportions(
    m.recall.comparison.byGroup.map((g) => ({ ...g, label: g.group })),
    policy,
    { ...m.recall.overall, label: 'Everyone' },
  );
  const published = publish(m, policy);
  const byService = m.services.convictionFree.map((s) => ({ label: s.service, curve: s.curve }));
  return {
    'cohort-flow': cohortFlowChart(published.flow, policy),
    proportions: proportionsChart({
      title: 'Recalled at least once',
      outcome: 'were recalled at least once',
      groupTitle: 'Index offence category',
      rows: groups.rows,
      overall: groups.overall,
    }),
    'kaplan-meier': kaplanMeierChart({
      title: 'Time to first recall',
      survivalTitle: 'Not yet recalled',
      timeTitle: 'Months since release',
      series: [{ label: 'Cohort', curve: TEN }],
      policy,
    }),
    'kaplan-meier-groups': kaplanMeierChart({
      title: 'Conviction-free by service',
      survivalTitle: 'Conviction-free',
      timeTitle: 'Months since release',
      series: byService,
      policy,
    }),
    'kaplan-meier-panels': kaplanMeierPanels({
      title: 'Conviction-free by service',
      survivalTitle: 'Conviction-free',
      timeTitle: 'Months since release',
      series: byService,
      reference: { label: 'All services', curve: m.desistance.convictionFree },
      policy,
    }),
    'recall-reasons': recallReasonsChart(published.recallCounts.reasons, published.recallCounts.recallsInWindow, policy),
    seriousness: seriousnessChart(published.seriousness.rows, policy),
    'severity-pairs': severityPairsChart(
      m.reconviction,
      published.severityPairs,
      published.seriousness.rows[published.seriousness.rows.length - 1],
      policy,
      'ONS Crime Severity Score',
    ),
    'time-in-service': timeInServiceChart(m.timeInService, published.timeInService, policy),
    'end-reasons': endReasonsChart(published.timeInService, policy),
    snapshot: snapshotChart(m.snapshot!, published.snapshot!, policy),
    forest: forestPanelsChart(m.services.measures, published.services),
    funnel: funnelPanelsChart(m.services.measures, published.services),
    'value-ratio': valueRatioChart(fixtureValue()),
  };
}
