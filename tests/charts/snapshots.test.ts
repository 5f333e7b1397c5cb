/**
 * Snapshot tests in the style of Observable Plot: each chart is rendered to SVG
 * headless, normalised (numbers to two decimals, one element per line) and
 * compared with the committed file in tests/charts/snapshots/. Regenerate
 * after a deliberate change with UPDATE_SNAPSHOTS=1 and review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../src/render/svg.js';
import { allCharts } from './all-charts.js';

const SNAPSHOTS = join(dirname(fileURLToPath(import.meta.url)), 'snapshots');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

/** Rounds every decimal number to two places and puts each element on its own line. */
export function normaliseSvg(svg: string): string {
  return svg
    .replace(/-?\d+\.\d{3,}/g, (n) => {
      const r = Math.round(Number(n) * 100) / 100;
      return Object.is(r, -0) ? '0' : String(r);
    })
    .replace(/></g, '>\n<')
    .concat('\n');
}

const cases: [string, 'public' | 'analyst'][] = [
  ...Object.keys(allCharts()).map((name) => [name, 'public'] as [string, 'public']),
  ['snapshot', 'analyst'],
  ['severity-pairs', 'analyst'],
  ['cohort-flow', 'analyst'],
];

describe('chart snapshots', () => {
  for (const [name, profile] of cases) {
    it(`${name} (${profile})`, async () => {
      const spec = allCharts({ profile, minCell: 5 })[name];
      const actual = normaliseSvg(await renderChartSvg(spec));
      const file = join(SNAPSHOTS, `${name}${profile === 'analyst' ? '-analyst' : ''}.svg`);
      if (UPDATE || !existsSync(file)) {
        mkdirSync(SNAPSHOTS, { recursive: true });
        writeFileSync(file, actual);
        if (!UPDATE) throw new Error(`no snapshot yet: wrote ${file}; review it and run again`);
        return;
      }
      expect(actual).toBe(readFileSync(file, 'utf8'));
    });
  }

  it('renders the same SVG twice (no process-wide ids leak into the output)', async () => {
    const spec = allCharts().seriousness;
    expect(await renderChartSvg(spec)).toBe(await renderChartSvg(spec));
  });
});
