/**
 * Loading and checking study records (records.md): the public API.
 */
export type { LoadOptions, StudyFiles } from './load-study.js';
export { loadStudy, studyFromRows, loadPool } from './load-study.js';
export type { RowsInput } from './sources.js';
export { loadOffenceLookup, defaultOffenceLookupPath } from './offence-lookup.js';
export { StudyError, formatProblem } from './problems.js';
export { REFUSED_COLUMNS, maskValue } from './privacy.js';
export { InputFileError } from './open-input.js';
