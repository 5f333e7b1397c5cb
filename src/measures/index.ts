/**
 * The measures of measures.md, computed from a validated Study. Each measure
 * can be used alone (e.g. from a notebook); `computeMeasures` gives them all.
 */
export { computeMeasures } from './compute.js';
export { cohortOf } from './cohort.js';
export { recallMeasure } from './recall.js';
export { reconvictionMeasure } from './reconviction.js';
export { desistanceInputs, desistanceMeasure } from './desistance.js';
export { provenReoffendingMeasure } from './proven-reoffending.js';
export { timeInServiceMeasure } from './time-in-service.js';
export { cohortDescription } from './description.js';
export { cohortFlow } from './flow.js';
export { caseloadSnapshot, placeAt } from './snapshot.js';
export { compareGroups } from './compare.js';
export { changeMeasure } from './change/measure.js';
export { compareServices } from './services.js';
export { groupColumn, NOT_RECORDED } from './groups.js';
export { MeasureOptionError, resolveOptions } from './options.js';
export type * from './types.js';
