/**
 * Seriousness of reconviction relative to the index offence: for each
 * reconvicted person, whether their most serious reconviction was less, as or
 * more serious than the index offence; stacked bars for all reconvicted people
 * and by index offence category. Withheld counts are not drawn, and a bar
 * with a withheld count says so beside it, so that it does not read as zero
 * (or as the shown counts alone).
 */
import { formatCount, type DisclosurePolicy } from '../disclosure/cells.js';
import type { SeriousnessRow } from '../disclosure/seriousness.js';
import { SERIOUSNESS_LEVELS, SERIOUSNESS_WORDS } from '../words/labels.js';
import { GROUP_AXIS } from './proportions.js';
import { CHART_WIDTH, chartTitle, CONFIG, ORDINAL3, SCHEMA, type ChartSpec } from './theme.js';

/** True when some bar has a count to draw: with every count withheld the chart would be empty bars that read as zero. */
export function seriousnessDrawn(rows: readonly SeriousnessRow[]): boolean {
  return rows.some((r) => SERIOUSNESS_LEVELS.some((l) => !r.cells[l].hidden && r.cells[l].value > 0));
}

/** Builds the stacked bars of seriousness relative to the index offence. */
export function seriousnessChart(all: readonly SeriousnessRow[], policy: DisclosurePolicy): ChartSpec {
  const order = all.map((r) => r.label);
  const values = all.flatMap((r) =>
    SERIOUSNESS_LEVELS.filter((l) => !r.cells[l].hidden && r.cells[l].value > 0).map((l) => ({
      label: r.label,
      level: SERIOUSNESS_WORDS[l],
      order: SERIOUSNESS_LEVELS.indexOf(l),
      count: r.cells[l].value,
    })),
  );
  // Beside each bar with a withheld count, at the end of what is drawn: "withheld" alone when nothing is drawn.
  const withheld = all
    .filter((r) => SERIOUSNESS_LEVELS.some((l) => r.cells[l].hidden))
    .map((r) => {
      const drawn = SERIOUSNESS_LEVELS.reduce((a, l) => a + (r.cells[l].hidden ? 0 : r.cells[l].value), 0);
      return { label: r.label, at: drawn, note: drawn > 0 ? '+ withheld' : 'withheld' };
    });
  const words = SERIOUSNESS_LEVELS.map((l) => SERIOUSNESS_WORDS[l]);
  const description =
    'Reconvicted people by how serious their most serious reconviction was compared with their index offence. ' +
    all
      .map((r) => `${r.label}: ` + SERIOUSNESS_LEVELS.map((l) => `${SERIOUSNESS_WORDS[l].toLowerCase()} ${formatCount(r.cells[l], policy)}`).join(', '))
      .join('; ') +
    '.';
  return {
    $schema: SCHEMA,
    title: chartTitle(
      'Seriousness of reconviction compared with the index offence',
      withheld.length > 0
        ? 'People reconvicted, by their most serious reconviction; withheld counts are not drawn, and their bars say "withheld"'
        : 'People reconvicted, by their most serious reconviction',
    ),
    description,
    config: CONFIG,
    width: CHART_WIDTH - 200,
    height: Math.max(40, 32 * all.length),
    data: { values },
    encoding: {
      y: { field: 'label', type: 'nominal', scale: { domain: order }, title: 'Index offence', axis: GROUP_AXIS },
      x: { field: 'count', type: 'quantitative', stack: 'zero', axis: { title: 'People reconvicted', tickMinStep: 1, format: 'd' } },
      order: { field: 'order' },
    },
    layer: [
      {
        mark: { type: 'bar', stroke: 'white', strokeWidth: 1, height: { band: 0.7 } },
        encoding: { color: { field: 'level', type: 'ordinal', scale: { domain: words, range: ORDINAL3 }, legend: { title: null } } },
      },
      {
        // each segment's count at its right end, white on the dark fills
        mark: { type: 'text', align: 'right', dx: -4, fontSize: 11 },
        encoding: {
          text: { field: 'count' },
          color: { condition: { test: 'datum.order > 0', value: 'white' }, value: '#111111' },
        },
      },
      ...(withheld.length > 0
        ? [
            {
              data: { values: withheld },
              mark: { type: 'text' as const, align: 'left' as const, dx: 4, fontSize: 11, fontStyle: 'italic', color: '#444444' },
              encoding: { x: { field: 'at', type: 'quantitative' as const }, text: { field: 'note' } },
            },
          ]
        : []),
    ],
  } satisfies ChartSpec;
}
