/**
 * Issue 14, "validate says valid, report crashes": a grouping column named
 * `risk"level` (or with a backslash, a line break, U+2028) ended a string in a
 * Vega expression, because Vega-Lite writes a field's title into its tooltip
 * and ARIA description expressions escaping only `"`. The charts escape such a
 * title at its root (charts/theme.ts, titledAxis); these tests render for real
 * (vega's toSVG) and through validate → report.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countBarsChart } from '../../src/charts/count-bars.js';
import { proportionsChart } from '../../src/charts/proportions.js';
import { main } from '../../src/cli/main.js';
import type { Output } from '../../src/cli/output.js';
import { type DisclosurePolicy, suppressProportions } from '../../src/disclosure/cells.js';
import { renderChartSvg } from '../../src/render/svg.js';

const POLICY: DisclosurePolicy = { profile: 'public', minCell: 5 };

/** Titles that break out of a double-quoted Vega string unless escaped. */
const TITLES = ['Risk"level', 'Risk\\level', 'Risk\\"level', 'Risk\\', 'Risk\nlevel', 'Risk\r\nlevel', 'Risk\u2028level', 'Risk\u2029level', "Risk'level"];

/** How the SVG writes text: XML escapes, as vega's toSVG writes them. */
const inSvg = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/\n/g, '&#xA;').replace(/\r/g, '&#xD;');

describe('a group title with quotes, backslashes or line breaks renders', () => {
  const rows = suppressProportions(
    [
      { label: 'low"er', k: 6, n: 20, proportion: 0.3, ci: [0.15, 0.52] },
      { label: 'hi\\gh', k: 9, n: 21, proportion: 9 / 21, ci: [0.24, 0.63] },
    ],
    POLICY,
  ).rows;

  for (const title of TITLES) {
    it(`proportions and count bars titled ${JSON.stringify(title)}`, async () => {
      const proportions = await renderChartSvg(proportionsChart({ title: 'Recalled', outcome: 'were recalled', groupTitle: title, rows }));
      // the ARIA description of each point names the group by its title, as it is
      expect(proportions).toContain(`${inSvg(title)}: low&quot;er;`);
      const bars = await renderChartSvg(
        countBarsChart({
          title: 'Recalls',
          categoryTitle: title,
          countTitle: 'People',
          bars: [{ label: 'a"b\\c', count: { value: 7, hidden: false } }],
          policy: POLICY,
        }),
      );
      expect(bars).toContain(`${inSvg(title)}: a&quot;b\\c;`);
    });
  }

  it('the axis shows the title itself, not its escaped form', async () => {
    const svg = await renderChartSvg(proportionsChart({ title: 'Recalled', outcome: 'were recalled', groupTitle: 'Risk\\"level', rows }));
    expect(svg).toContain('Risk\\&quot;level');
    expect(svg).not.toContain('Risk\\\\');
  });
});

describe('validate → report with a grouping column named risk"level\\x', () => {
  it('validate accepts it and report renders the page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vega-escaping-'));
    const people = readFileSync('data-samples/iom/people.csv', 'utf8').trimEnd().split('\n');
    const values = ['lo"w', 'hi\\gh', 'mid\\"dle'];
    const withColumn = people.map((line, i) => (i === 0 ? `${line},"risk""level\\x"` : `${line},"${values[i % 3].replace(/"/g, '""')}"`));
    writeFileSync(join(dir, 'people.csv'), `${withColumn.join('\n')}\n`);
    writeFileSync(join(dir, 'events.csv'), readFileSync('data-samples/iom/events.csv'));
    const study = { people: 'people.csv', events: 'events.csv', extractionDate: '2024-03-31', options: { groupBy: 'risk"level\\x' } };
    writeFileSync(join(dir, 'study.json'), JSON.stringify(study));
    const err: string[] = [];
    const output: Output = { stdout: () => {}, stderr: (t) => err.push(t) };

    expect(await main(['validate', '--study', join(dir, 'study.json')], output)).toBe(0);
    expect(await main(['report', '--study', join(dir, 'study.json'), '--out', join(dir, 'out')], output)).toBe(0);
    expect(err.join('\n')).not.toContain('unexpected failure');
    const page = readFileSync(join(dir, 'out', readdirSync(join(dir, 'out'))[0]), 'utf8');
    // the group chart was drawn, its points described with the column's title and each group's value
    expect(page).toMatch(/aria-label="[^"]*Risk&quot;level\\x: lo&quot;w;/);
    expect(page).toMatch(/aria-label="[^"]*Risk&quot;level\\x: mid\\&quot;dle;/);
  }, 120_000);
});
