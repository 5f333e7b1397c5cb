/**
 * What every section of a report page reads, and what it gives back: blocks of
 * markup and figures still to be rendered (the page renders every chart's SVG
 * in one pass).
 */
import type { ChartSpec } from '../charts/theme.js';
import type { StudyMeasures } from '../measures/types.js';
import type { Study } from '../study/study.js';
import type { DisclosurePolicy } from '../disclosure/cells.js';
import type { Html } from './html.js';
import type { Published } from '../disclosure/publish.js';

export interface ReportContext {
  study: Study;
  measures: StudyMeasures;
  policy: DisclosurePolicy;
  /** The measures as this page publishes them, decided once (disclosure/publish.ts). */
  published: Published;
}

/** A chart waiting for its SVG. */
export interface FigureRequest {
  kind: 'figure';
  spec: ChartSpec;
  tables: Html[];
  notes?: string[];
  caption?: string;
}

export type Block = Html | FigureRequest;

/** A section of the page: an id for links, a heading and its blocks. */
export interface Section {
  id: SectionId;
  heading: string;
  blocks: Block[];
}

/** Every section a report can have, in page order. */
export const SECTION_IDS = [
  'headlines',
  'commentary',
  'cohort',
  'recall',
  'reconviction',
  'desistance',
  'proven-reoffending',
  'competing-risks',
  'time-in-service',
  'services',
  'change',
  'comparison',
  'snapshot',
  'value',
  'methods',
  'data-quality',
  'provenance',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export function fig(spec: ChartSpec, tables: Html[], notes?: string[], caption?: string): FigureRequest {
  return { kind: 'figure', spec, tables, notes, caption };
}
