/**
 * Seriousness of reconviction relative to the index offence: for each
 * reconvicted person, whether their most serious reconviction was less, as or
 * more serious than the index offence; stacked bars for all reconvicted people
 * and by index offence category. Withheld cells are not drawn.
 */
import type { ReconvictionResult } from '../measures/types.js';
import { formatCount, suppressTable, type Count, type DisclosurePolicy } from '../disclosure/cells.js';
import { groupOrder } from '../measures/groups.js';
import { SERIOUSNESS_LEVELS, SERIOUSNESS_WORDS, type Seriousness } from '../words/labels.js';
import { GROUP_AXIS } from './proportions.js';
import { CHART_WIDTH, chartTitle, CONFIG, ORDINAL3, SCHEMA, type ChartSpec } from './theme.js';

interface SeriousnessRow {
  label: string;
  cells: Record<Seriousness, Count>;
  total: Count;
}

/**
 * The seriousness table as published: one row per index offence category
 * (from the severity pairs) and a last row for everyone reconvicted, with
 * secondary suppression across rows and columns. When the pairs do not add up
 * to the overall counts, only the overall row is given.
 */
export function seriousnessTable(result: ReconvictionResult, policy: DisclosurePolicy): SeriousnessRow[] {
  const byCategory = new Map<string, [number, number, number]>();
  for (const p of result.severityPairs) {
    const row = byCategory.get(p.indexCategory) ?? [0, 0, 0];
    row[p.reconviction < p.index ? 0 : p.reconviction === p.index ? 1 : 2]++;
    byCategory.set(p.indexCategory, row);
  }
  // The order of every other table by category (violent, sexual, …): the grouping's own.
  const found = [...byCategory.keys()];
  const labels = groupOrder(
    'category',
    found,
    found.map(() => NaN),
  ).map((k) => found[k]);
  const cells = labels.map((l) => byCategory.get(l)!);
  const s = result.seriousness;
  const agrees = cells.reduce((a, r) => [a[0] + r[0], a[1] + r[1], a[2] + r[2]], [0, 0, 0]).join() === [s.less, s.same, s.more].join();
  if (!agrees || labels.length < 2) {
    const mask = suppressTable([[s.less, s.same, s.more]], policy);
    return [row('All reconvicted', [s.less, s.same, s.more], mask.cells[0], mask.rowTotals[0])];
  }
  const mask = suppressTable(cells, policy);
  return [
    ...labels.map((l, i) => row(l, cells[i], mask.cells[i], mask.rowTotals[i])),
    row('All reconvicted', [s.less, s.same, s.more], mask.columnTotals, mask.grandTotal),
  ];
}

function row(label: string, v: number[], hidden: boolean[], totalHidden: boolean): SeriousnessRow {
  return {
    label,
    cells: { less: { value: v[0], hidden: hidden[0] }, same: { value: v[1], hidden: hidden[1] }, more: { value: v[2], hidden: hidden[2] } },
    total: { value: v[0] + v[1] + v[2], hidden: totalHidden },
  };
}

/** Builds the stacked bars of seriousness relative to the index offence. */
export function seriousnessChart(result: ReconvictionResult, policy: DisclosurePolicy): ChartSpec {
  const all = seriousnessTable(result, policy);
  // A row whose every count is withheld would be an empty bar that reads as zero: it is left out, and named.
  const rows = all.filter((r) => r.total.value === 0 || SERIOUSNESS_LEVELS.some((l) => !r.cells[l].hidden && r.cells[l].value > 0));
  const notDrawn = all.filter((r) => !rows.includes(r)).map((r) => r.label);
  const order = rows.map((r) => r.label);
  const values = rows.flatMap((r) =>
    SERIOUSNESS_LEVELS.filter((l) => !r.cells[l].hidden && r.cells[l].value > 0).map((l) => ({
      label: r.label,
      level: SERIOUSNESS_WORDS[l],
      order: SERIOUSNESS_LEVELS.indexOf(l),
      count: r.cells[l].value,
    })),
  );
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
      (policy.profile === 'public'
        ? 'People reconvicted, by their most serious reconviction; withheld cells are not drawn'
        : 'People reconvicted, by their most serious reconviction') +
        (notDrawn.length > 0 ? `; not drawn, as their counts are withheld: ${notDrawn.join(', ')}` : ''),
    ),
    description,
    config: CONFIG,
    width: CHART_WIDTH - 200,
    height: Math.max(40, 32 * rows.length),
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
    ],
  } satisfies ChartSpec;
}
