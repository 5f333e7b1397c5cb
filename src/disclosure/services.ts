/**
 * Services side by side as published (measures.md, "Comparing services";
 * "Disclosure control"), and where each published service sits against the
 * funnel plot's control limits.
 */
import type { ServiceComparison } from '../measures/types.js';
import { sharedSizes, suppressProportions, type DisclosurePolicy, type Outside, type ShownProportion } from './cells.js';

/**
 * A comparison's services and pooled proportion as published (secondary
 * suppression across services). `cohort` is a comparison whose n are the
 * services' whole cohorts (recall's): a measure counting fewer people (proven
 * reoffending, desistance from service end) then protects the people each
 * service left out, since the two n would give their number.
 */
export function shownServices(
  c: ServiceComparison,
  policy: DisclosurePolicy,
  cohort?: ServiceComparison,
): { rows: ShownProportion[]; pooled: ShownProportion } {
  const cohortN = new Map(cohort?.byService.map((s) => [s.group, s.n]));
  const outside: Outside | undefined =
    cohort && cohort !== c && c.byService.every((s) => cohortN.has(s.group))
      ? { count: cohort.pooled.n - c.pooled.n, rows: c.byService.map((s) => cohortN.get(s.group)! - s.n) }
      : undefined;
  // services' sizes as every table prints them (the cohort per service, from `cohort`)
  const sizes = cohort
    ? sharedSizes(
        cohort.byService.map((s) => ({ label: s.group, n: s.n })),
        policy,
      )
    : null;
  const rowSizes = sizes ? c.byService.map((s) => (cohortN.get(s.group) === s.n ? (sizes.get(s.group) ?? null) : null)) : undefined;
  const shown = suppressProportions(
    c.byService.map((s) => ({ ...s, label: s.group })),
    policy,
    { ...c.pooled, label: 'All services' },
    outside,
    rowSizes,
  );
  return { rows: shown.rows, pooled: shown.overall! };
}

/** The comparison whose n are the services' cohorts (recall counts everyone in the cohort). */
export function cohortComparison(all: ServiceComparison[]): ServiceComparison | undefined {
  return all.find((m) => m.measure === 'recall');
}

/** Where a service sits against the control limits. */
export function funnelPosition(p: number, n: number, c: ServiceComparison): 'within 95%' | 'between 95% and 99.8%' | 'outside 99.8%' {
  const lim = c.funnel.find((f) => f.n === n) ?? nearest(c, n);
  if (!lim) return 'within 95%';
  if (p < lim.lower998 || p > lim.upper998) return 'outside 99.8%';
  if (p < lim.lower95 || p > lim.upper95) return 'between 95% and 99.8%';
  return 'within 95%';
}

function nearest(c: ServiceComparison, n: number) {
  let best = c.funnel[0];
  for (const f of c.funnel) if (Math.abs(f.n - n) < Math.abs(best.n - n)) best = f;
  return best;
}
