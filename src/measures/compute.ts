/**
 * Every measure of a study in one pass over the options: what the CLI and the
 * reports call.
 */
import { checkGroupByPresent } from './groups.js';
import type { MeasureOptions } from '../study/options.js';
import { resolveOptions } from './options.js';
import type { Study } from '../study/study.js';
import { formatDay } from '../time/days.js';
import { TOOLKIT_VERSION } from '../version.js';
import { breachMeasure, cautionMeasure } from './breaches.js';
import { competingRisksFrom } from './competing-risks.js';
import { cohortDescription } from './description.js';
import { desistanceOutcomes, desistanceResultFrom } from './desistance.js';
import { cohortFlow, unusedFromOptions } from './flow.js';
import { provenOutcomes, provenResultFrom } from './proven-reoffending.js';
import { recallOutcomes, recallResultFrom } from './recall.js';
import { reconvictionOutcomes, reconvictionResultFrom } from './reconviction.js';
import { compareServicesFrom } from './services.js';
import { startAdjustedComparison } from './adjusted-services.js';
import { caseloadSnapshot } from './snapshot.js';
import { timeInServiceMeasure } from './time-in-service.js';
import type { StudyMeasures } from './types.js';
import { changeMeasure } from './change/measure.js';
import { serviceBreakEven, type ValueInputsOfStudy } from './value/service-break-even.js';

/**
 * All measures of measures.md for the study: flow, cohort description (split
 * by `groupBy`), recall, reconviction, desistance, proven reoffending, time in
 * service, services compared, and the caseload snapshot when the study has a
 * snapshot date (null otherwise); with `value`, the break-even of value.md. With `onStep`,
 * each step's time is handed to it as the step ends.
 */
export function computeMeasures(
  study: Study,
  options: Partial<MeasureOptions> = {},
  value: ValueInputsOfStudy | null = null,
  onStep: ((step: string, ms: number) => void) | null = null,
): StudyMeasures {
  const opts = resolveOptions(options);
  checkGroupByPresent(study, opts.groupBy);
  // Each step timed when asked (bench/measure-one.ts); the object's keys keep their order either way.
  const step = <T>(name: string, f: () => T): T => {
    if (onStep === null) return f();
    const t = performance.now();
    const out = f();
    onStep(name, performance.now() - t);
    return out;
  };
  const outcomes = {
    recall: step('recall outcomes', () => recallOutcomes(study, opts)),
    reconviction: step('reconviction outcomes', () => reconvictionOutcomes(study, opts)),
    desistance: step('desistance outcomes', () => desistanceOutcomes(study, opts)),
    provenReoffending: step('proven reoffending outcomes', () => provenOutcomes(study, opts)),
  };
  // The flow lists exactly the people each measure itself reported as unused.
  const unused = unusedFromOptions(study, opts, {
    reconviction: outcomes.reconviction.unused,
    desistance: outcomes.desistance.unused,
    provenReoffending: outcomes.provenReoffending.unused,
  });
  // Its binary models are fitted on a worker thread while the measures below are computed here.
  const adjusted = step('adjusted comparison (start)', () => startAdjustedComparison(study, outcomes, opts));
  try {
    const q = study.quality;
    const measures: StudyMeasures = {
      toolkitVersion: TOOLKIT_VERSION,
      title: study.title,
      extractionDate: formatDay(study.extractionDate) ?? '',
      extractionDateInferred: study.extractionDateInferred,
      options: opts,
      dataQuality: {
        ...(q.offences ? { offences: { ...q.offences } } : {}),
        people: { ...q.people },
        events: { ...q.events },
        ...(q.assessments ? { assessments: { ...q.assessments } } : {}),
        warnings: { ...q.warnings },
      },
      flow: step('flow', () => cohortFlow(study, opts, unused)),
      description: step('description', () => cohortDescription(study, opts.groupBy)),
      recall: step('recall', () => recallResultFrom(study, outcomes.recall, opts)),
      reconviction: step('reconviction', () => reconvictionResultFrom(study, outcomes.reconviction, opts)),
      desistance: step('desistance', () => desistanceResultFrom(study, outcomes.desistance, opts)),
      provenReoffending: step('proven reoffending', () => provenResultFrom(study, outcomes.provenReoffending, opts)),
      timeInService: step('time in service', () => timeInServiceMeasure(study, opts)),
      services: step('services', () => compareServicesFrom(study, outcomes, opts)),
      snapshot: study.snapshotDate === null || Number.isNaN(study.snapshotDate) ? null : caseloadSnapshot(study, study.snapshotDate),
      change: step('change', () => changeMeasure(study, opts.groupBy)),
      breakEven: value === null ? null : step('break-even', () => serviceBreakEven(study, opts, value)),
      adjustedComparison: step('adjusted comparison', () => adjusted.finish()),
    };
    measures.breaches = step('breaches', () => breachMeasure(study, opts));
    measures.cautions = step('cautions', () => cautionMeasure(study, opts));
    // Only a study with death events has the competing-risks block (measures.md "Competing risks").
    const competing = step('competing risks', () => competingRisksFrom(study, outcomes, measures, opts));
    if (competing !== null) measures.competingRisks = competing;
    return measures;
  } finally {
    adjusted.stop();
  }
}
