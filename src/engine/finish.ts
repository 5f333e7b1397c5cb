/**
 * Finishing the measures from the engine's aggregates with the toolkit's own
 * statistics (measures.md; issue 16): proportions, subgroup and service
 * comparisons, Kaplan–Meier curves and log-rank tests, summaries. Each step is
 * the in-memory measure's own finishing code (src/measures/) given the same
 * values, so the result is the same document.
 */
import { breachResultFromCounts, cautionResultFromCounts } from '../measures/breaches.js';
import { compareCounts, type GroupCounts } from '../measures/compare.js';
import { NO_SERVICE_END } from '../measures/cohort.js';
import { curvesByGroup, survivalCurve } from '../measures/curves.js';
import { NO_IN_REACH_START, NO_REASON_GIVEN, ONGOING } from '../measures/flow.js';
import { labelCollator, type GroupColumn } from '../measures/groups.js';
import { FOLLOW_UP_TOO_SHORT, WAITING_MONTHS } from '../measures/proven-reoffending.js';
import { serviceComparisonFromCounts } from '../measures/services.js';
import { monthsSummary, summarizeValues } from '../measures/summary.js';
import type { DescriptionColumn, ServiceComparison, StudyMeasures, Unused } from '../measures/types.js';
import { proportion } from '../stats/index.js';
import type { MeasureOptions } from '../study/options.js';
import { END_REASONS, RECALL_REASONS } from '../study/vocabulary.js';
import { daysToMonths, formatDay } from '../time/days.js';
import { TOOLKIT_VERSION } from '../version.js';
import { finishCompetingRisks } from './competing-risks.js';
import { labelsOf, type Labels } from './labels.js';
import { num, str, type SqlRow } from './runner.js';

interface FinishContext {
  opts: MeasureOptions;
  title: string | null;
  extractionDay: number;
  snapshotDay: number | null;
  /** The study's own lookup does not say where its severities come from (warning no_severity_source). */
  unsourcedLookup?: boolean;
  /** The grouping column's name as the labels read it (groupSourceOf's column). */
  groupColumnName: string;
  /** Severity of each offences_t.srank. */
  severityOfRank: number[];
}

type Results = Record<string, SqlRow[]>;

/** A 0/1 outcome counted per group: k and n by code. */
function counter(labels: Labels): { add: (raw: unknown, flag: boolean, count: number) => void; counts: GroupCounts } {
  const k = new Int32Array(labels.names.length);
  const n = new Int32Array(labels.names.length);
  return {
    add: (raw, flag, count) => {
      const g = labels.codeOf(raw);
      n[g] += count;
      if (flag) k[g] += count;
    },
    counts: { names: labels.names, k, n },
  };
}

/** Which labels occur among `raws` (the cohort's values). */
function listedOf(labels: Labels, raws: readonly unknown[]): boolean[] {
  const listed = new Array<boolean>(labels.names.length).fill(false);
  for (const r of raws) listed[labels.codeOf(r)] = true;
  return listed;
}

/**
 * The curve input (time, event) and each entry's group code, expanded from
 * counts per (group, event, day); sorted by the curves' own counting sort.
 */
function expand(rows: SqlRow[], codeOf: (row: SqlRow) => number): { time: Float64Array; event: Uint8Array; code: Int32Array } {
  let m = 0;
  for (const row of rows) m += num(row.cnt);
  const time = new Float64Array(m);
  const event = new Uint8Array(m);
  const code = new Int32Array(m);
  let at = 0;
  for (const row of rows) {
    const t = num(row.t);
    const e = num(row.ev);
    const g = codeOf(row);
    for (let c = num(row.cnt); c > 0; c--, at++) {
      time[at] = t;
      event[at] = e;
      code[at] = g;
    }
  }
  return { time, event, code };
}

/** Values with their counts, ascending. */
function valuesOf(rows: SqlRow[], value: (row: SqlRow) => number): Float64Array {
  const pairs = rows.map((row) => [value(row), num(row.cnt)] as const).sort((a, b) => a[0] - b[0]);
  let m = 0;
  for (const [, c] of pairs) m += c;
  const out = new Float64Array(m);
  let at = 0;
  for (const [v, c] of pairs) for (let i = 0; i < c; i++) out[at++] = v;
  return out;
}

function groupCurves(labels: Labels, listed: boolean[], groupBy: string, source: GroupColumn['source'], rows: SqlRow[], key: string, opts: MeasureOptions) {
  const { time, event, code } = expand(rows, (row) => labels.codeOf(row[key]));
  const rowsIndex = Int32Array.from({ length: time.length }, (_, j) => j);
  const column: GroupColumn = { groupBy, source, names: labels.names, codeOf: code };
  return curvesByGroup(column, listed, rowsIndex, time, event, opts.kmConfType);
}

/** The whole StudyMeasures document from the aggregates (the engine's equivalent of computeMeasures). */
export function finishMeasures(res: Results, ctx: FinishContext, source: GroupColumn['source']): StudyMeasures {
  const { opts } = ctx;
  const iv = opts.interval;
  const groups = labelsOf(
    ctx.groupColumnName,
    res.cohortGroups.map((r) => r.gkey),
  );
  const groupListed = listedOf(
    groups,
    res.cohortGroups.map((r) => r.gkey),
  );
  const services = labelsOf(
    'service',
    res.peopleServices.map((r) => r.service),
  );
  const serviceListed = listedOf(
    services,
    res.cohortServices.map((r) => r.service),
  );
  const some = (reason: string, count: number): Unused[] => (count > 0 ? [{ reason, count }] : []);
  const gaps = res.cohortGaps[0];
  const noEnd = num(gaps.no_end) || 0;
  const noInReach = num(gaps.no_in_reach) || 0;

  // One binary outcome per person, compared by group and by service.
  const outcome = (rows: SqlRow[], flag: (row: SqlRow) => boolean, keep: (row: SqlRow) => boolean = () => true) => {
    const byGroup = counter(groups);
    const byService = counter(services);
    let k = 0;
    let n = 0;
    for (const row of rows) {
      if (!keep(row)) continue;
      const c = num(row.cnt);
      const f = flag(row);
      byGroup.add(row.gkey, f, c);
      byService.add(row.service, f, c);
      n += c;
      if (f) k += c;
    }
    return { k, n, comparison: compareCounts(opts.groupBy, byGroup.counts, groupListed, iv), byService: byService.counts };
  };
  const serviceComparison = (measure: ServiceComparison['measure'], counts: GroupCounts): ServiceComparison =>
    serviceComparisonFromCounts(measure, counts, serviceListed, iv);

  // Measure 1: recall.
  const recall = outcome(res.recallGroups, (r) => num(r.rc) > 0);
  const distribution = { '0': 0, '1': 0, '2': 0, '3+': 0 };
  let recallsInWindow = 0;
  for (const row of res.recallGroups) {
    const rc = num(row.rc);
    distribution[rc === 0 ? '0' : rc === 1 ? '1' : rc === 2 ? '2' : '3+'] += num(row.cnt);
    recallsInWindow += num(row.total);
  }
  const reasonRow = res.recallReasons[0] ?? {};
  const reasons: Record<string, number> = {};
  RECALL_REASONS.forEach((reason, b) => (reasons[reason] = num(reasonRow[`r${b}`]) || 0));
  reasons.none = num(reasonRow.none) || 0;
  const recallCurve = expand(res.recallCurve, () => 0);

  // Measure 2: reconviction.
  const recon = outcome(res.reconvictionGroups, (r) => num(r.k) === 1);
  let reconvictions = 0;
  let kInd = 0;
  let kIndOnly = 0;
  for (const row of res.reconvictionGroups) {
    reconvictions += num(row.total);
    if (num(row.k) === 1 && num(row.ind) === 1) kInd += num(row.cnt);
    if (num(row.k) === 1 && num(row.indonly) === 1) kIndOnly += num(row.cnt);
  }
  const seriousness = { more: 0, same: 0, less: 0 };
  const triples = res.reconvictionPairs.map((row) => ({
    pair: Object.freeze({
      index: ctx.severityOfRank[num(row.isrank)],
      reconviction: ctx.severityOfRank[num(row.maxrank)],
      indexCategory: str(row.icat) as string,
    }),
    count: num(row.cnt),
  }));
  for (const t of triples) {
    if (t.pair.reconviction > t.pair.index) seriousness.more += t.count;
    else if (t.pair.reconviction < t.pair.index) seriousness.less += t.count;
    else seriousness.same += t.count;
  }
  triples.sort(
    (a, b) =>
      a.pair.index - b.pair.index ||
      a.pair.reconviction - b.pair.reconviction ||
      (a.pair.indexCategory < b.pair.indexCategory ? -1 : a.pair.indexCategory > b.pair.indexCategory ? 1 : 0),
  );
  const severityPairs: StudyMeasures['reconviction']['severityPairs'] = [];
  for (const t of triples) for (let c = 0; c < t.count; c++) severityPairs.push(t.pair);
  const reconUnused = opts.reconvictionWindow === 'after_intervention' ? some(NO_SERVICE_END, noEnd) : [];

  // Measure 3: desistance and proven reoffending.
  const desist = outcome(res.desistanceGroups, (r) => num(r.desisted) === 1);
  const desistCurve = expand(res.desistanceCurve, () => 0);
  const followUp = monthsSummary(valuesOf(res.desistanceFollowUp, (r) => num(r.fu)));
  const fromEnd = opts.desistanceFrom === 'service_end' ? some(NO_SERVICE_END, noEnd) : [];
  const proven = outcome(
    res.provenGroups,
    (r) => num(r.k) === 1,
    (r) => num(r.eligible) === 1,
  );
  let reoffences = 0;
  let covered = 0;
  for (const row of res.provenGroups) {
    covered += num(row.cnt);
    if (num(row.eligible) === 1) reoffences += num(row.total);
  }
  const tooShort = covered - proven.n;
  const provenUnused = [...fromEnd, ...some(FOLLOW_UP_TOO_SHORT, tooShort)];

  // Measure 4: time in service.
  const endReasons: Record<string, number> = {};
  for (const reason of END_REASONS) endReasons[reason] = 0;
  for (const row of res.endReasons) {
    const reason = str(row.end_reason) ?? 'not recorded';
    endReasons[reason] = (endReasons[reason] ?? 0) + num(row.cnt);
  }
  const inServiceInput = expand(res.inServiceCurve, () => 0);
  const inService = survivalCurve(inServiceInput.time, inServiceInput.event, opts.kmConfType);

  // The flow: excluded reasons in order of first appearance.
  const excludedRows = res.flow.filter((r) => num(r.included) !== 1).sort((a, b) => num(a.first) - num(b.first));
  const excluded: Record<string, number> = {};
  for (const row of excludedRows) {
    const reason = (str(row.reason) ?? '').trim() || NO_REASON_GIVEN;
    excluded[reason] = (excluded[reason] ?? 0) + num(row.cnt);
  }
  let included = 0;
  let released = 0;
  let people = 0;
  for (const row of res.flow) {
    people += num(row.cnt);
    if (num(row.included) === 1) {
      included += num(row.cnt);
      released += num(row.released);
    }
  }

  // Breaches in the intervention window, cautions since release (breaches.ts).
  const breach = outcome(res.breachGroups, (r) => num(r.bc) > 0);
  const breachDistribution = { '0': 0, '1': 0, '2': 0, '3+': 0 };
  let breachesInWindow = 0;
  for (const row of res.breachGroups) {
    const bc = num(row.bc);
    breachDistribution[bc === 0 ? '0' : bc === 1 ? '1' : bc === 2 ? '2' : '3+'] += num(row.cnt);
    breachesInWindow += num(row.total);
  }
  const breachCurve = expand(res.breachCurve, () => 0);
  const caution = outcome(res.cautionGroups, (r) => num(r.k) === 1);
  let cautions = 0;
  for (const row of res.cautionGroups) cautions += num(row.total);

  const services2 = groupCurves(services, serviceListed, 'people.service', 'people', res.desistanceCurve, 'service', opts);
  const counts = res.counts[0];
  const measures: StudyMeasures = {
    toolkitVersion: TOOLKIT_VERSION,
    title: ctx.title,
    extractionDate: formatDay(ctx.extractionDay) ?? '',
    extractionDateInferred: false,
    options: opts,
    dataQuality: {
      people: { read: num(counts.people), used: num(counts.people), quarantined: 0 },
      events: { read: num(counts.events), used: num(counts.events), quarantined: 0 },
      warnings: warningsOf(res.warnings, ctx.unsourcedLookup === true),
    },
    flow: {
      people,
      excluded,
      included,
      notYetReleased: included - released,
      cohort: released,
      unusedByMeasure: {
        recall: [],
        reconviction: reconUnused,
        desistance: fromEnd,
        provenReoffending: provenUnused,
        inReachTime: some(NO_IN_REACH_START, noInReach),
        communityTime: some(ONGOING, noEnd),
      },
    },
    description: describe(res, ctx, groups),
    recall: {
      window: opts.recallWindow,
      overall: proportion(recall.k, recall.n, iv),
      comparison: recall.comparison,
      recallsPerPerson: { mean: recall.n > 0 ? recallsInWindow / recall.n : null, distribution },
      reasons,
      recallsInWindow,
      timeToFirstRecall: survivalCurve(recallCurve.time, recallCurve.event, opts.kmConfType),
      timeToFirstRecallByGroup: groupCurves(groups, groupListed, opts.groupBy, source, res.recallCurve, 'gkey', opts),
    },
    reconviction: {
      window: opts.reconvictionWindow,
      includeCautions: opts.includeCautions,
      overall: proportion(recon.k, recon.n, iv),
      comparison: recon.comparison,
      reconvictions,
      perPerson: recon.n > 0 ? reconvictions / recon.n : null,
      perReconvicted: recon.k > 0 ? reconvictions / recon.k : null,
      seriousness,
      indictable: { k: kInd, ofCohort: proportion(kInd, recon.n, iv), ofReconvicted: proportion(kInd, recon.k, iv) },
      indictableOnly: { k: kIndOnly, ofCohort: proportion(kIndOnly, recon.n, iv), ofReconvicted: proportion(kIndOnly, recon.k, iv) },
      severityPairs,
      unused: reconUnused,
    },
    desistance: {
      from: opts.desistanceFrom,
      overall: proportion(desist.k, desist.n, iv),
      comparison: desist.comparison,
      followUpMonths: { min: followUp.min, median: followUp.median, max: followUp.max },
      convictionFree: survivalCurve(desistCurve.time, desistCurve.event, opts.kmConfType),
      convictionFreeByGroup: groupCurves(groups, groupListed, opts.groupBy, source, res.desistanceCurve, 'gkey', opts),
      unused: fromEnd,
    },
    provenReoffending: {
      windowMonths: opts.provenWindowMonths,
      waitingMonths: WAITING_MONTHS,
      eligible: proven.n,
      tooShort,
      overall: proportion(proven.k, proven.n, iv),
      comparison: proven.comparison,
      reoffences,
      reoffencesPerPerson: proven.n > 0 ? reoffences / proven.n : null,
      reoffencesPerReoffender: proven.k > 0 ? reoffences / proven.k : null,
      unused: provenUnused,
    },
    timeInService: {
      inReachMonths: monthsSummary(valuesOf(res.inReach, (r) => num(r.v))),
      communityMonths: monthsSummary(valuesOf(res.community, (r) => num(r.v))),
      ongoing: noEnd,
      endReasons,
      kmMedianMonths: inService.median === null ? null : daysToMonths(inService.median),
      inService,
    },
    services: {
      services: services.names.filter((_, g) => serviceListed[g]),
      measures: [
        serviceComparison('recall', recall.byService),
        serviceComparison('reconviction', recon.byService),
        serviceComparison('desistance', desist.byService),
        serviceComparison('provenReoffending', proven.byService),
      ],
      convictionFree: services2.curves.map((c) => ({ service: c.group, curve: c.curve })),
      logRank: services2.logRank,
    },
    snapshot: ctx.snapshotDay === null ? null : snapshotOf(res.snapshot ?? [], res.peopleServices, ctx.snapshotDay),
  };
  measures.breaches = breachResultFromCounts(
    { k: breach.k, n: breach.n, total: breachesInWindow, distribution: breachDistribution },
    breach.comparison,
    survivalCurve(breachCurve.time, breachCurve.event, opts.kmConfType),
    groupCurves(groups, groupListed, opts.groupBy, source, res.breachCurve, 'gkey', opts),
    opts,
  );
  measures.cautions = cautionResultFromCounts({ k: caution.k, n: caution.n, total: cautions }, caution.comparison, opts);
  // Only a study with death events has the competing-risks block (measures.md "Competing risks").
  if (res.crDeaths) measures.competingRisks = finishCompetingRisks(res, groups, groupListed, measures, opts);
  return measures;
}

/** Warning counts by kind, in the order the in-memory reader first meets them. */
function warningsOf(rows: SqlRow[], unsourcedLookup: boolean): Record<string, number> {
  const out: Record<string, number> = unsourcedLookup ? { no_severity_source: 1 } : {};
  const found = rows.filter((r) => num(r.cnt) > 0).sort((a, b) => num(a.stage) - num(b.stage) || num(a.first) - num(b.first));
  for (const r of found) out[str(r.kind) as string] = num(r.cnt);
  return out;
}

const CATEGORY_COLUMNS = [
  ['sex', 'sex'],
  ['ethnicity', 'ethnicity'],
  ['tier', 'tier'],
  ['category', 'icat'],
  ['group', 'igrp'],
] as const;
const NUMBER_COLUMNS = [
  ['age_at_release', 'age'],
  ['prior_convictions', 'prior'],
  ['custody_years_before_release', 'custody'],
  ['aces', 'aces'],
] as const;

/** description.ts cohortDescription from counts per (group, value). */
function describe(res: Results, ctx: FinishContext, groups: Labels): StudyMeasures['description'] {
  const cats = CATEGORY_COLUMNS.map(([name, sql]) => {
    const rows = res.describeCategories.filter((r) => r.col === sql);
    const labels = labelsOf(
      name,
      rows.map((r) => r.v),
    );
    return {
      labels,
      rows,
      listed: listedOf(
        labels,
        rows.map((r) => r.v),
      ),
    };
  });
  const column = (keep: (gkey: unknown) => boolean, group: string | null): DescriptionColumn => {
    let n = 0;
    for (const row of cats[0].rows) if (keep(row.gkey)) n += num(row.cnt);
    const counts = (c: number) => {
      const { labels, rows, listed } = cats[c];
      const tally = new Array<number>(labels.names.length).fill(0);
      for (const row of rows) if (keep(row.gkey)) tally[labels.codeOf(row.v)] += num(row.cnt);
      return labels.names.flatMap((value, v) => (listed[v] ? [{ value, count: tally[v], percent: n > 0 ? (100 * tally[v]) / n : null }] : []));
    };
    const values = (sql: string) =>
      valuesOf(
        res.describeNumbers.filter((r) => r.col === sql && keep(r.gkey)),
        (r) => Number(String(r.v).trim()),
      );
    const aces = values('aces');
    let fourOrMore = 0;
    for (let j = 0; j < aces.length; j++) if (aces[j] >= 4) fourOrMore++;
    return {
      group,
      n,
      categorical: { sex: counts(0), ethnicity: counts(1), tier: counts(2), category: counts(3), group: counts(4) },
      numeric: {
        age_at_release: summarizeValues(values(NUMBER_COLUMNS[0][1])),
        prior_convictions: summarizeValues(values(NUMBER_COLUMNS[1][1])),
        custody_years_before_release: summarizeValues(values(NUMBER_COLUMNS[2][1])),
        aces: summarizeValues(aces),
      },
      fourOrMoreAces: fourOrMore,
    };
  };
  const overall = column(() => true, null);
  const present = new Set(cats[0].rows.map((r) => groups.codeOf(r.gkey)));
  const byGroup = groups.names.flatMap((name, g) => (present.has(g) ? [column((gkey) => groups.codeOf(gkey) === g, name)] : []));
  return { groupBy: ctx.opts.groupBy, overall, byGroup };
}

/** snapshot.ts caseloadSnapshot from counts per (service, place). */
function snapshotOf(rows: SqlRow[], peopleServices: SqlRow[], day: number): NonNullable<StudyMeasures['snapshot']> {
  const rowOf = new Map<string, { service: string; inCustody: number; inCommunity: number; total: number }>();
  for (const r of peopleServices) {
    const service = str(r.service) as string;
    rowOf.set(service, { service, inCustody: 0, inCommunity: 0, total: 0 });
  }
  for (const r of rows) {
    const row = rowOf.get(str(r.service) as string);
    if (!row || r.place === 'out') continue;
    if (r.place === 'custody') row.inCustody += num(r.cnt);
    else row.inCommunity += num(r.cnt);
    row.total += num(r.cnt);
  }
  const byService = [...rowOf.values()].sort((a, b) => labelCollator.compare(a.service, b.service));
  let inCustody = 0;
  let inCommunity = 0;
  for (const row of byService) {
    inCustody += row.inCustody;
    inCommunity += row.inCommunity;
  }
  return { date: formatDay(day) as string, inCustody, inCommunity, total: inCustody + inCommunity, byService };
}
