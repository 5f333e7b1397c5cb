/**
 * The matched comparison of an opened study (comparison.md): the study file's
 * `comparison` settings and its `options.includeCautions`, overridden by the
 * notebook's own, so a notebook gets what `follow-up compare --study` prints.
 */
import { compareStudy } from '../measures/comparison/compare-study.js';
import type { ComparisonResult } from '../measures/comparison/types.js';
import type { ComparisonSettings } from '../study/comparison-settings.js';
import type { OpenedStudy } from './open-study.js';

/**
 * `compareStudy` on an opened study with its file's settings: the pool it
 * names, the file's `comparison` settings (then `overrides`), and whether
 * cautions count as reconvictions as the file's options say; value for money when the
 * file has a `value` key.
 */
export function compareOpened(opened: OpenedStudy, overrides: Partial<ComparisonSettings> = {}): ComparisonResult {
  const settings = { ...opened.file.comparison?.settings, ...overrides };
  return compareStudy(opened.records, settings, { includeCautions: opened.measures.options.includeCautions, value: opened.value });
}
