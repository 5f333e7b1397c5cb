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
import { adjustedComparisonFrom } from './adjusted-services.js';
import { caseloadSnapshot } from './snapshot.js';
import { timeInServiceMeasure } from './time-in-service.js';
import type { StudyMeasures } from './types.js';
import { changeMeasure } from './change/measure.js';
import { serviceBreakEven, type ValueInputsOfStudy } from './value/service-break-even.js';

/**
 * All measures of measures.md for the study: flow, cohort description (split
 * by `groupBy`), recall, reconviction, desistance, proven reoffending, time in
 * service, services compared, and the caseload snapshot when the study has a
 * snapshot date (null otherwise); with `value`, the break-even of value.md.
 */
export function computeMeasures(study: Study, options: Partial<MeasureOptions> = {}, value: ValueInputsOfStudy | null = null): StudyMeasures {
  const opts = resolveOptions(options);
  checkGroupByPresent(study, opts.groupBy);
  const outcomes = {
    recall: recallOutcomes(study, opts),
    reconviction: reconvictionOutcomes(study, opts),
    desistance: desistanceOutcomes(study, opts),
    provenReoffending: provenOutcomes(study, opts),
  };
  // The flow lists exactly the people each measure itself reported as unused.
  const unused = unusedFromOptions(study, opts, {
    reconviction: outcomes.reconviction.unused,
    desistance: outcomes.desistance.unused,
    provenReoffending: outcomes.provenReoffending.unused,
  });
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
    flow: cohortFlow(study, opts, unused),
    description: cohortDescription(study, opts.groupBy),
    recall: recallResultFrom(study, outcomes.recall, opts),
    reconviction: reconvictionResultFrom(study, outcomes.reconviction, opts),
    desistance: desistanceResultFrom(study, outcomes.desistance, opts),
    provenReoffending: provenResultFrom(study, outcomes.provenReoffending, opts),
    timeInService: timeInServiceMeasure(study, opts),
    services: compareServicesFrom(study, outcomes, opts),
    snapshot: study.snapshotDate === null || Number.isNaN(study.snapshotDate) ? null : caseloadSnapshot(study, study.snapshotDate),
    change: changeMeasure(study, opts.groupBy),
    breakEven: value === null ? null : serviceBreakEven(study, opts, value),
    adjustedComparison: adjustedComparisonFrom(study, outcomes, opts),
  };
  measures.breaches = breachMeasure(study, opts);
  measures.cautions = cautionMeasure(study, opts);
  // Only a study with death events has the competing-risks block (measures.md "Competing risks").
  const competing = competingRisksFrom(study, outcomes, measures, opts);
  if (competing !== null) measures.competingRisks = competing;
  return measures;
}
