/**
 * follow-up, the package entry point: what a notebook imports.
 *
 *   import { openStudy, narrator, say, writeReport } from 'follow-up';
 *   const study = await openStudy(new URL('./study.json', import.meta.url));
 *   const n = narrator(study);
 *   await writeReport(study, { out: 'reports', narrative: [say`${n.share(study.measures.recall.overall)} were recalled.`] });
 *
 * Internals (readers, suppression cells, chart builders, page sections) stay
 * out of it; they may change between versions.
 */
export { openStudy, type OpenedStudy } from './notebook/open-study.js';
export { writeReport, type WriteReportOptions } from './notebook/write-report.js';
export { narrator } from './notebook/narrator.js';
export type { Narrator } from './disclosure/narrator.js';
export { publish, type Published, type PublishedServices } from './disclosure/publish.js';
export { publishAdjusted, changedByAdjustment, type PublishedAdjusted, type PublishedBinaryAdjusted } from './disclosure/adjusted-services.js';
export { say, words, NarrativeDisclosureError, type Narrative, type Sentence, type Shown } from './disclosure/narrative.js';
export type { Count, DisclosurePolicy, ShownProportion } from './disclosure/cells.js';
export {
  computeMeasures,
  recallMeasure,
  reconvictionMeasure,
  desistanceMeasure,
  provenReoffendingMeasure,
  timeInServiceMeasure,
  cohortDescription,
  cohortFlow,
  caseloadSnapshot,
  compareGroups,
  compareServices,
} from './measures/index.js';
export type * from './measures/types.js';
export { compareStudy, type CompareOptions } from './measures/comparison/compare-study.js';
export { compareOpened } from './notebook/compare-opened.js';
export { ComparisonError } from './measures/comparison/errors.js';
export type * from './measures/comparison/types.js';
export type { MatchedSample } from './measures/comparison/matched-sample.js';
export type { ComparisonSettings } from './study/comparison-settings.js';
export { comparisonJson, comparisonReportInput } from './output/comparison-json.js';
export { formatComparisonText } from './output/comparison-text.js';
export type * from './measures/adjusted-types.js';
export type { Study } from './study/study.js';
export type { MeasureOptions, ReportOptions } from './study/options.js';
export type { SectionId } from './pages/context.js';
export { renderStudyReport } from './pages/index.js';
export type { ComparisonInput } from './output/comparison-input.js';
export { valueForMoney } from './measures/value/value-for-money.js';
export { serviceBreakEven } from './measures/value/service-break-even.js';
export { readUnitCostFile } from './records/unit-costs.js';
export type * from './measures/value/types.js';
