/**
 * Services compared (measures.md): per-service proportions for forest plots,
 * funnel-plot control limits, and conviction-free curves with the log-rank test.
 */
import { funnelLimits, proportion } from '../stats/index.js';
import type { MeasureOptions } from '../study/options.js';
import { resolveOptions } from './options.js';
import type { Study } from '../study/study.js';
import { countByGroup, compareCounts, type GroupCounts } from './compare.js';
import { curvesByGroup } from './curves.js';
import { desistanceOutcomes, type DesistanceOutcomes } from './desistance.js';
import { groupColumn, groupsInCohortRows } from './groups.js';
import { provenOutcomes, type ProvenOutcomes } from './proven-reoffending.js';
import { recallOutcomes, type RecallOutcomes } from './recall.js';
import { reconvictionOutcomes, type ReconvictionOutcomes } from './reconviction.js';
import { cohortRows } from './cohort.js';
import type { ServiceComparison, ServicesResult } from './types.js';

/** Up to this many people, the funnel lists every n; beyond, a log-spaced grid plus each service's n. */
const FUNNEL_EVERY_N_UP_TO = 2000;
const FUNNEL_GRID_POINTS = 400;

interface MeasureOutcomes {
  recall: RecallOutcomes;
  reconviction: ReconvictionOutcomes;
  desistance: DesistanceOutcomes;
  provenReoffending: ProvenOutcomes;
}

/**
 * Per service: the proportion and CI of recall, reconviction, desistance and
 * proven reoffending (forest plot) with Fisher's exact test across services;
 * the pooled proportion p0 and funnel limits p0 ± z·sqrt(p0(1 − p0)/n), clipped
 * to [0, 1], at 95% and 99.8%; conviction-free Kaplan–Meier curves by service
 * with the log-rank test. Services are those with someone in the cohort.
 */
export function compareServices(study: Study, options: Partial<MeasureOptions> = {}): ServicesResult {
  return compareServicesFrom(
    study,
    {
      recall: recallOutcomes(study, options),
      reconviction: reconvictionOutcomes(study, options),
      desistance: desistanceOutcomes(study, options),
      provenReoffending: provenOutcomes(study, options),
    },
    options,
  );
}

export function compareServicesFrom(study: Study, o: MeasureOutcomes, options: Partial<MeasureOptions> = {}): ServicesResult {
  const opts = resolveOptions(options);
  const services = groupColumn(study, 'people.service');
  const listed = groupsInCohortRows(services, cohortRows(study));
  const names = services.names.filter((_, g) => listed[g]);
  const one = (measure: ServiceComparison['measure'], rows: Int32Array, outcome: Uint8Array): ServiceComparison => {
    const counts = countByGroup(services, rows, outcome);
    return serviceComparisonFromCounts(measure, counts, listed, opts.interval);
  };
  const measures = [
    one('recall', o.recall.rows, o.recall.recalled),
    one('reconviction', o.reconviction.rows, o.reconviction.reconvicted),
    one('desistance', o.desistance.rows, o.desistance.desisted),
    one('provenReoffending', o.provenReoffending.rows, o.provenReoffending.reoffended),
  ];

  // Conviction-free curves by service, from the desistance start.
  const d = o.desistance;
  const byService = curvesByGroup(services, listed, d.rows, d.time, d.event, opts.kmConfType);
  const convictionFree = byService.curves.map((c) => ({ service: c.group, curve: c.curve }));
  const test = byService.logRank;
  return { services: names, measures, convictionFree, logRank: test };
}

/**
 * One measure compared across services from its counts per service (measures.md
 * "Services compared"): each listed service's proportion with Fisher's and the
 * chi-square test, the pooled proportion over the listed services, and the funnel
 * limits around it. The in-memory measures and the SQL engine (which counts in SQL)
 * both finish their counts here.
 */
export function serviceComparisonFromCounts(
  measure: ServiceComparison['measure'],
  counts: GroupCounts,
  listed: boolean[],
  interval: MeasureOptions['interval'],
): ServiceComparison {
  const comparison = compareCounts('service', counts, listed, interval);
  let k = 0;
  let n = 0;
  let largest = 0;
  const sizes: number[] = [];
  for (let g = 0; g < counts.names.length; g++) {
    if (!listed[g]) continue;
    k += counts.k[g];
    n += counts.n[g];
    largest = Math.max(largest, counts.n[g]);
    sizes.push(counts.n[g]);
  }
  const pooled = proportion(k, n, interval);
  return {
    measure,
    byService: comparison.byGroup,
    pooled,
    funnel: pooled.proportion === null ? [] : funnel(pooled.proportion, largest, sizes),
    fisherP: comparison.fisherP,
    fisherNote: comparison.fisherNote,
    chiSquare: comparison.chiSquare ? { statistic: comparison.chiSquare.statistic, df: comparison.chiSquare.df, p: comparison.chiSquare.p } : null,
  };
}

/** Control limits at each n of the funnel: every n up to the largest service, or a log grid for large studies. */
export function funnel(p0: number, largest: number, sizes: number[]): ServiceComparison['funnel'] {
  let ns: number[];
  if (largest <= FUNNEL_EVERY_N_UP_TO) {
    ns = Array.from({ length: largest }, (_, x) => x + 1);
  } else {
    const set = new Set<number>(sizes);
    for (let x = 1; x <= 100; x++) set.add(x);
    for (let s = 0; s <= FUNNEL_GRID_POINTS; s++) set.add(Math.round(100 * (largest / 100) ** (s / FUNNEL_GRID_POINTS)));
    ns = [...set].filter((x) => x >= 1 && x <= largest).sort((a, b) => a - b);
  }
  return ns.map((n) => {
    const [lower95, upper95] = funnelLimits(p0, n, 0.95);
    const [lower998, upper998] = funnelLimits(p0, n, 0.998);
    return { n, lower95, upper95, lower998, upper998 };
  });
}
