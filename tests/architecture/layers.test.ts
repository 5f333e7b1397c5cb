import { describe, expect, it } from 'vitest';
import { importsOf, layeringViolations, layerOf, sourceFiles } from './layers.js';

describe('layering', () => {
  it('finds the imports it checks (the check can fail)', () => {
    const report = sourceFiles().find((f) => f.endsWith('src/pages/report.ts'))!;
    expect(importsOf(report).map(layerOf)).toEqual(expect.arrayContaining(['render', 'disclosure', 'words', 'pages']));
  });
  it('has no import against the flow records → study → stats → measures → disclosure → charts → render → pages → entry → cli', () => {
    expect(layeringViolations()).toEqual([]);
  });
  it('has no module of src/charts importing from src/pages', () => {
    const charts = sourceFiles().filter((f) => layerOf(f) === 'charts');
    expect(charts.length).toBeGreaterThan(5);
    expect(charts.flatMap((f) => importsOf(f).filter((t) => layerOf(t) === 'pages'))).toEqual([]);
  });
});
