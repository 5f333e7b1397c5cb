/**
 * Disclosure is decided once per page (issue 8; CONTRIBUTING.md, "disclosure/"):
 * publish(measures, policy) decides every count, share, interval and test of
 * the study's measures, and the page's sections and charts read its record.
 * No module of src/pages/sections or src/charts may call the suppression
 * functions of disclosure/cells.ts, nor the per-table decisions publish makes
 * for them: a section deciding a table on its own could show a count that
 * another table of the page withholds.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerOf, SRC, sourceFiles } from './layers.js';

/** Functions that decide what to withhold; only src/disclosure (and publish's caller, pages/report.ts) may call them. */
const DECISIONS = [
  // disclosure/cells.ts: the low-level suppression
  'isSmallCount',
  'suppressCells',
  'suppressTable',
  'suppressWithTotal',
  'suppressEach',
  'suppressProportions',
  'suppressProportion',
  'sharedSizes',
  'countOfWhole',
  // the tables publish decides for the page
  'publish',
  'shownComparison',
  'shownServices',
  'cohortComparison',
  'flowCounts',
  'snapshotTable',
  'seriousnessTable',
  'publishTable',
  'timeInServicePublished',
  'recallCounts',
  'descriptionPublished',
  'severityPairsPublished',
  'shownSeverityPoints',
  'publishChange',
  'publishAdjusted',
  'publishCompetingRisk',
];

/** The values (not types) a module imports from src/disclosure, by name. */
function disclosureImports(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s*from\s*['"][^'"]*\/disclosure\/[^'"]+['"]/g)) {
    if (m[1]) continue;
    for (const part of m[2].split(',')) {
      const name = part.trim();
      if (name && !name.startsWith('type ')) names.push(name.split(/\s+as\s+/)[0]);
    }
  }
  // a namespace or dynamic import would hide the names: refuse those outright
  if (/import\s*\*\s*as\s+\w+\s+from\s*['"][^'"]*\/disclosure\//.test(text)) names.push('* (namespace import)');
  if (/import\(\s*['"][^'"]*\/disclosure\//.test(text)) names.push('import() (dynamic import)');
  return names;
}

const sectionsAndCharts = () =>
  sourceFiles().filter((f) => {
    const rel = relative(SRC, f).split('\\').join('/');
    return rel.startsWith('pages/sections/') || layerOf(f) === 'charts';
  });

describe('disclosure decided once per page', () => {
  it('reads the names a module imports from disclosure (the check can fail)', () => {
    expect(disclosureImports("import { formatCount, isSmallCount, type Count } from '../../disclosure/cells.js';")).toEqual(['formatCount', 'isSmallCount']);
    expect(disclosureImports("import type { Published } from '../disclosure/publish.js';")).toEqual([]);
    expect(disclosureImports("import * as cells from '../disclosure/cells.js';")).toEqual(['* (namespace import)']);
    // publish itself calls the low-level functions: the scanner sees them there
    const publish = readFileSync(`${SRC}/disclosure/publish.ts`, 'utf8');
    expect(disclosureImports(publish.replace(/from '\.\//g, "from '../disclosure/"))).toEqual(expect.arrayContaining(['sharedSizes', 'suppressProportions']));
  });
  it('no page section or chart makes a disclosure decision: they read the published record', () => {
    const files = sectionsAndCharts();
    expect(files.length).toBeGreaterThan(30);
    const offending = files.flatMap((f) =>
      disclosureImports(readFileSync(f, 'utf8'))
        .filter((name) => DECISIONS.includes(name) || name.includes('('))
        .map((name) => `${relative(SRC, f)}: ${name}`),
    );
    expect(offending).toEqual([]);
  });
  it('only the page assembler calls publish, once', () => {
    const callers = sourceFiles()
      .filter((f) => !['disclosure', 'notebook', 'index'].includes(layerOf(f)))
      .filter((f) => /\bpublish\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(callers).toEqual(['pages/report.ts']);
  });
});
