/**
 * Services compared, adjusted for whom they take on (measures.md): proven reoffending and
 * recall within W months indirectly standardised by the case-mix logistic model (observed,
 * expected, O/E with its limits, the risk-adjusted rate), and the Cox model of the
 * conviction-free time on service plus case mix with the likelihood-ratio test of service.
 * JSON: json-output.md `adjustedComparison`.
 */
import type { CoxCovariates } from '../stats/cox-fit.js';
import { compareCodePoints } from '../stats/code-point-order.js';
import { codedDesign, termColumns, type CodedDesign } from '../stats/design-matrix.js';
import { chiSquareUpperTail } from '../stats/chi-square-distribution.js';
import { Z95 } from '../stats/normal.js';
import { proportion } from '../stats/proportion.js';
import type { MeasureOptions } from '../study/options.js';
import type { Study } from '../study/study.js';
import { EVENT } from '../study/vocabulary.js';
import { addMonths } from '../time/days.js';
import type { AdjustedComparison, AdjustedService, BinaryAdjusted, CoxService, ModelFlow, TimeToReconvictionAdjusted } from './adjusted-types.js';
import { caseMixColumns, caseMixCovariates, completeCases, modelFlow, type CaseMixColumn } from './case-mix.js';
import { columnsOf } from './columns.js';
import type { DesistanceOutcomes } from './desistance.js';
import { runModelFit, type CoxResult, type LogisticResult, type ModelFitJob } from './model-fit-jobs.js';
import { modelFitter, type FitPlacement } from './model-fits.js';
import { resolveOptions } from './options.js';
import type { ProvenOutcomes } from './proven-reoffending.js';

/**
 * Above this many services the Cox model is not fitted: its information matrix has one row per
 * service term, so each Newton step costs n × services² (minutes with 1,500 services of a
 * handful of people each, whose hazard ratios would say nothing anyway). The binary models have
 * no service term and are always fitted.
 */
export const MAX_COX_SERVICES = 200;

/**
 * From this many people in the Cox model the full Cox model is fitted on the worker after
 * the other fits, one model at a time (at 10M people a fit's working set is about 1 GB);
 * below it, here beside the worker's last fits, which at 1M people ends the comparison about
 * a second sooner. Where a model is fitted changes no bit of it (model-fit-jobs.ts).
 */
const ONE_FIT_AT_A_TIME_ROWS = 2_000_000;

/** qnorm(0.999), exactly as measures.md gives it. */
export const Z998 = 3.090232306167813;

/** An adjusted comparison under way: its binary models are being fitted beside this thread. */
interface AdjustedComparisonUnderWay {
  /** Waits for the fits and gives the comparison. */
  finish(): AdjustedComparison | null;
  /** Ends the worker thread when `finish` will not be called (a measure before it failed). */
  stop(): void;
}

/**
 * The adjusted comparison of services over the given outcomes (proven reoffending's
 * eligible people, the desistance start and conviction-free time), in two steps, so that
 * this thread computes the other measures while a worker thread fits the binary models
 * (compute.ts). `finish` gives null when the cohort has fewer than two services (there is
 * nothing to compare).
 */
export function startAdjustedComparison(
  study: Study,
  outcomes: { provenReoffending: ProvenOutcomes; desistance: DesistanceOutcomes },
  options: Partial<MeasureOptions> = {},
  placement: FitPlacement = 'auto',
): AdjustedComparisonUnderWay {
  const opts = resolveOptions(options);
  const pr = outcomes.provenReoffending;
  const d = outcomes.desistance;
  return startAdjustedComparisonOfFrame(
    {
      columns: caseMixColumns(study, opts.caseMix),
      service: columnsOf(study).people.service,
      proven: { rows: pr.rows, reoffended: pr.reoffended, recalled: recallWithin(study, pr.rows, opts.provenWindowMonths), tooShort: pr.tooShort },
      desistance: { rows: d.rows, time: d.time, event: d.event },
    },
    opts,
    placement,
  );
}

/**
 * The model frame of the adjusted comparison: every value a model reads, by row. A row is
 * an index into `service` and the case-mix columns (the study's people rows in memory, the
 * fetched frame's rows on the SQL engine); the rows are in cohort (file) order.
 */
interface AdjustedFrame {
  /** The resolved case mix (caseMixColumns or resolveCaseMix). */
  columns: readonly CaseMixColumn[];
  service: ArrayLike<string>;
  /** Proven reoffending's eligible rows; per eligible row, reoffended and a recall in [r, r + W months). */
  proven: { rows: Int32Array; reoffended: Uint8Array; recalled: Uint8Array; tooShort: number };
  /** The desistance rows (the cohort from s) and their conviction-free time and event. */
  desistance: { rows: Int32Array; time: Float64Array; event: Uint8Array };
}

/** The adjusted comparison from its model frame, at once (the SQL engine's). */
export function adjustedComparisonOfFrame(frame: AdjustedFrame, opts: MeasureOptions, placement: FitPlacement = 'auto'): AdjustedComparison | null {
  return startAdjustedComparisonOfFrame(frame, opts, placement).finish();
}

/**
 * The four fits, one after another on a worker thread (model-fits.ts) while this thread
 * computes the other measures: the two Cox models as soon as their inputs are made here,
 * then the two binary models; below ONE_FIT_AT_A_TIME_ROWS the full Cox model is fitted here
 * instead, at the finish. One at a time, not two, because at 10M people a fit's working set
 * is about a gigabyte, and two of them took the peak past 8 GB; the Cox models first,
 * because their inputs (about 0.7 GB at 10M people, against the binary models' 0.3 GB) go
 * as soon as both are fitted: this thread keeps only what their results are read with.
 */
function startAdjustedComparisonOfFrame(frame: AdjustedFrame, opts: MeasureOptions, placement: FitPlacement): AdjustedComparisonUnderWay {
  const { columns, service, proven: pr, desistance: d } = frame;
  if (new Set(Array.from(d.rows, (i) => service[i])).size < 2) return { finish: () => null, stop: () => {} };
  const cohort = pr.rows.length + pr.tooShort;
  // Both binary outcomes are of proven reoffending's eligible people: one set of complete cases and one design.
  const people = binaryModelPeople(columns, pr.rows);
  const fitter = modelFitter(Math.max(people.used.length, d.rows.length), placement);
  try {
    // No function made here refers to the inputs, so that once posted they are held by the jobs alone.
    const coxInputs = coxModelInputs(service, columns, d);
    const mixOnly = coxInputs && coxInputs.mix.names.length > 0 ? fitter.beside(coxJob(coxInputs, coxInputs.mix)) : null;
    // Below ONE_FIT_AT_A_TIME_ROWS the full model is fitted here at the finish, beside the worker's last fits.
    const fullHere = coxInputs !== null && coxInputs.time.length < ONE_FIT_AT_A_TIME_ROWS ? coxJob(coxInputs, coxInputs.full) : null;
    const fullModel = coxInputs && fullHere === null ? fitter.beside(coxJob(coxInputs, coxInputs.full)) : null;
    const cox = coxInputs && coxSummary(coxInputs);
    const design = people.design;
    const logistic = (outcome: Uint8Array) =>
      design === null ? null : fitter.beside({ kind: 'logistic', design, y: sharedGather(Uint8Array, outcome, people.used) });
    const proven = logistic(pr.reoffended);
    const recall = logistic(pr.recalled);
    const take = <T>(pending: (() => unknown) | null): T | null => (pending === null ? null : (pending() as T));
    return {
      finish() {
        try {
          const full = fullHere ? (runModelFit(fullHere) as CoxResult) : take<CoxResult>(fullModel);
          return {
            caseMix: columns.map((c) => c.name),
            windowMonths: opts.provenWindowMonths,
            provenReoffending: binaryAdjusted(service, people, pr.reoffended, take<LogisticResult>(proven), cohort, pr.tooShort, opts),
            recall: binaryAdjusted(service, people, pr.recalled, take<LogisticResult>(recall), cohort, pr.tooShort, opts),
            timeToReconviction: cox && full ? coxAdjusted(cox, full, take<CoxResult>(mixOnly)) : null,
          };
        } finally {
          fitter.stop();
        }
      },
      stop: () => fitter.stop(),
    };
  } catch (e) {
    fitter.stop();
    throw e;
  }
}

/**
 * values[rows[k]] for each k, in shared memory (a job posted to the fit worker reads it there
 * without a copy), as Type: Uint8Array for 0/1 values (the same numbers to a model, an eighth
 * of the memory), Float64Array for times.
 */
function sharedGather<T extends Uint8Array | Float64Array>(
  Type: { new (b: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number },
  values: ArrayLike<number>,
  rows: Int32Array,
): T {
  const out = new Type(new SharedArrayBuffer(Type.BYTES_PER_ELEMENT * rows.length));
  for (let k = 0; k < rows.length; k++) out[k] = values[rows[k]];
  return out;
}

/** 1 for each person (`rows`) with a recall dated in [r, r + W months). */
function recallWithin(study: Study, rows: ArrayLike<number>, months: number): Uint8Array {
  const { people: p, events: ev, personStart } = columnsOf(study);
  const out = new Uint8Array(rows.length);
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j];
    const r = p.releaseDate[i];
    const w = addMonths(r, months);
    for (let x = personStart[i], stop = personStart[i + 1]; x < stop; x++) {
      if (ev.type[x] !== EVENT.recall) continue;
      const t = ev.date[x];
      if (t >= r && t < w) {
        out[j] = 1;
        break;
      }
    }
  }
  return out;
}

/** The people of the binary models (`rows` with every covariate recorded) and their design matrix. */
interface BinaryModelPeople {
  used: Int32Array;
  missingCovariate: Record<string, number>;
  /** Rows of `used`. */
  usedRows: Int32Array;
  design: CodedDesign | null;
}

function binaryModelPeople(columns: readonly CaseMixColumn[], rows: Int32Array): BinaryModelPeople {
  const { used, missingCovariate } = completeCases(columns, rows);
  const usedRows = used.map((j) => rows[j]);
  const design = used.length === 0 ? null : codedDesign(caseMixCovariates(columns, usedRows), used.length);
  return { used, missingCovariate, usedRows, design };
}

const scale = (lim: [number, number], by: number): [number, number] => [lim[0] * by, lim[1] * by];

/**
 * Indirect standardisation: the logistic regression of the outcome on the case mix (no
 * service term) over the people with complete covariates; per service O, E = Σ p̂,
 * O/E, (O/E) × overall rate, and O/E limits 1 ± z·√(Σ p̂(1 − p̂)) / E, not clipped.
 */
function binaryAdjusted(
  service: ArrayLike<string>,
  people: BinaryModelPeople,
  outcome: Uint8Array,
  fit: LogisticResult | null,
  cohort: number,
  tooShort: number,
  opts: MeasureOptions,
): BinaryAdjusted | null {
  const { used, missingCovariate, usedRows, design } = people;
  const flow = modelFlow(cohort, tooShort, missingCovariate, used.length);
  if (design === null || fit === null) return null;
  const byName = new Map<string, { n: number; o: number; e: number; v: number }>();
  let observed = 0;
  let expected = 0;
  for (let k = 0; k < used.length; k++) {
    const name = service[usedRows[k]];
    let s = byName.get(name);
    if (!s) byName.set(name, (s = { n: 0, o: 0, e: 0, v: 0 }));
    const p = fit.fitted[k];
    s.n++;
    s.o += outcome[used[k]];
    s.e += p;
    s.v += p * (1 - p);
    observed += outcome[used[k]];
    expected += p;
  }
  const overall = proportion(observed, used.length, opts.interval);
  const rate = overall.proportion as number;
  const byService: AdjustedService[] = [...byName.keys()].sort(compareCodePoints).map((name) => {
    const s = byName.get(name)!;
    const ratio = s.o / s.e;
    const half = (z: number) => (z * Math.sqrt(s.v)) / s.e;
    const limits95: [number, number] = [1 - half(Z95), 1 + half(Z95)];
    const limits998: [number, number] = [1 - half(Z998), 1 + half(Z998)];
    return {
      service: name,
      n: s.n,
      observed: s.o,
      expected: s.e,
      ratio,
      riskAdjustedRate: ratio * rate,
      raw: proportion(s.o, s.n, opts.interval),
      limits95,
      limits998,
      rateLimits95: scale(limits95, rate),
      rateLimits998: scale(limits998, rate),
    };
  });
  return {
    flow,
    overall,
    expected,
    model: {
      terms: fit.terms,
      deviance: fit.deviance,
      nullDeviance: fit.nullDeviance,
      aic: fit.aic,
      iterations: fit.iterations,
      converged: fit.converged,
      warnings: fit.warnings,
    },
    byService,
  };
}

/** What the Cox models are fitted on, and what their results are read with. */
interface CoxModelInputs {
  flow: ModelFlow;
  names: string[];
  counts: Map<string, { n: number; events: number }>;
  reference: string;
  serviceTerms: string[];
  nEvent: number;
  time: Float64Array;
  event: Uint8Array;
  /** Service (treatment contrasts against the reference) plus the case mix. */
  full: CoxCovariates;
  mix: { names: string[]; columns: (Float64Array | Uint8Array)[] };
}

/**
 * The Cox model (Efron ties) of the conviction-free time from s on service (reference: the
 * service with most people, ties by code point) plus the case mix, every cohort person with
 * complete covariates: its inputs, or null when it is not fitted (fewer than two services or
 * more than MAX_COX_SERVICES, or no event).
 */
function coxModelInputs(service: ArrayLike<string>, columns: readonly CaseMixColumn[], d: AdjustedFrame['desistance']): CoxModelInputs | null {
  const { used, missingCovariate } = completeCases(columns, d.rows);
  const flow = modelFlow(d.rows.length, undefined, missingCovariate, used.length);
  const usedRows = used.map((j) => d.rows[j]);
  const counts = new Map<string, { n: number; events: number }>();
  used.forEach((j, k) => {
    const name = service[usedRows[k]];
    let c = counts.get(name);
    if (!c) counts.set(name, (c = { n: 0, events: 0 }));
    c.n++;
    c.events += d.event[j];
  });
  const names = [...counts.keys()].sort(compareCodePoints);
  if (names.length < 2 || names.length > MAX_COX_SERVICES) return null;
  let reference = names[0];
  for (const s of names) if (counts.get(s)!.n > counts.get(reference)!.n) reference = s;
  const time = sharedGather(Float64Array, d.time, used);
  const event = sharedGather(Uint8Array, d.event, used);
  const nEvent = event.reduce((a, b) => a + b, 0);
  if (nEvent === 0) return null;
  // Service as treatment contrasts against the reference (R: relevel(factor(service), ref)).
  const serviceColumns = names
    .filter((s) => s !== reference)
    .map((s) => ({ name: `service=${s}`, column: new Uint8Array(new SharedArrayBuffer(used.length)) }));
  // 0/1 in a byte each (at 10M people, 19 services' columns in 180 MB, not 1.4 GB), shared with the fit worker.
  // One pass over the people sets each one's own column (a pass per service compared every person's service with each name).
  const columnOf = new Map(serviceColumns.map((c) => [c.name.slice('service='.length), c.column] as const));
  for (let k = 0; k < usedRows.length; k++) {
    const column = columnOf.get(service[usedRows[k]]);
    if (column) column[k] = 1;
  }
  // The case mix's terms as coxph takes them (no intercept): numbers as they are, each level's 0/1 in a byte.
  const mixTerms = termColumns(caseMixCovariates(columns, usedRows), used.length);
  const mix = { names: mixTerms.terms, columns: mixTerms.columns };
  const full = { names: [...serviceColumns.map((c) => c.name), ...mix.names], columns: [...serviceColumns.map((c) => c.column), ...mix.columns] };
  return { flow, names, counts, reference, serviceTerms: serviceColumns.map((c) => c.name), nEvent, time, event, full, mix };
}

function coxJob(inputs: CoxModelInputs, covariates: CoxCovariates): ModelFitJob {
  return { kind: 'cox', time: inputs.time, event: inputs.event, covariates };
}

/** What the Cox models' results are read with: their inputs without the columns. */
type CoxSummary = Omit<CoxModelInputs, 'time' | 'event' | 'full' | 'mix'>;

function coxSummary({ flow, names, counts, reference, serviceTerms, nEvent }: CoxModelInputs): CoxSummary {
  return { flow, names, counts, reference, serviceTerms, nEvent };
}

/** Each service's hazard ratio from the full model, and the likelihood-ratio test of the service terms against the case-mix-only model. */
function coxAdjusted(inputs: CoxSummary, full: CoxResult, mixOnly: CoxResult | null): TimeToReconvictionAdjusted {
  const { flow, names, counts, reference, serviceTerms, nEvent } = inputs;
  const logLikMix = mixOnly ? mixOnly.logLik.final : full.logLik.null;
  const df = full.terms.slice(0, serviceTerms.length).filter((t) => t.estimate !== null).length;
  const statistic = 2 * (full.logLik.final - logLikMix);
  const byService: CoxService[] = names.map((s) => {
    const c = counts.get(s)!;
    if (s === reference) return { service: s, n: c.n, nEvent: c.events, reference: true, estimate: 0, hazardRatio: 1, se: null, z: null, p: null, ci: null };
    const t = full.terms[serviceTerms.indexOf(`service=${s}`)];
    return { service: s, n: c.n, nEvent: c.events, reference: false, estimate: t.estimate, hazardRatio: t.hazardRatio, se: t.se, z: t.z, p: t.p, ci: t.ci };
  });
  return {
    flow,
    nEvent,
    reference,
    byService,
    lrTest: { statistic, df, p: df > 0 ? chiSquareUpperTail(statistic, df) : null },
    caseMix: full.terms
      .slice(serviceTerms.length)
      .map((t) => ({ term: t.term, estimate: t.estimate, se: t.se, z: t.z, p: t.p, ci: t.ci, hazardRatio: t.hazardRatio })),
    logLik: { null: full.logLik.null, caseMixOnly: logLikMix, full: full.logLik.final },
    warnings: [...full.warnings, ...(mixOnly?.warnings ?? [])],
  };
}
