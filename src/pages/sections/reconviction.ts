/** Measure 2: reconviction and its seriousness relative to the index offence. */
import { seriousnessChart, seriousnessTable } from '../../charts/seriousness.js';
import { SERIOUSNESS_LEVELS, SERIOUSNESS_WORDS } from '../../words/labels.js';
import { severityPairsChart, severityPoints, shownSeverityPoints } from '../../charts/severity-pairs.js';
import { fig, type Block, type ReportContext, type Section } from '../context.js';
import { formatCount, isSmallCount, suppressProportion, countAndShare } from '../../disclosure/cells.js';
import { decimal, percent, percentInterval, formatInteger } from '../../words/format.js';
import { html } from '../html.js';
import { table } from '../tables.js';
import { groupFigure } from './common.js';
import { headline, reconvictionWindowWords } from './words.js';

export function reconvictionSection(ctx: ReportContext): Section {
  const { measures: m, policy, study } = ctx;
  const r = m.reconviction;
  const blocks: Block[] = [];
  const overall = suppressProportion(r.overall, 'Reconvicted', policy);
  blocks.push(
    html`<p class="lead">${headline(overall, `were reconvicted ${reconvictionWindowWords(r.window)}${r.includeCautions ? ' (cautions counted as reconvictions)' : ''}`, policy)}</p>`,
  );
  if (!overall.hidden && r.overall.k > 0) {
    blocks.push(
      html`<p>${`There were ${formatInteger(r.reconvictions)} reconvictions: ${decimal(r.perPerson, 2)} per person in the cohort and ${decimal(r.perReconvicted, 2)} per person reconvicted.`}</p>`,
    );
  }
  blocks.push(
    groupFigure({
      title: 'Reconvicted',
      outcome: 'were reconvicted',
      outcomeColumn: 'Reconvicted',
      comparison: r.comparison,
      overall: r.overall,
      policy,
      reference: m.recall.comparison,
    }),
  );
  if (r.overall.k > 0) {
    const rows = seriousnessTable(r, policy);
    const serTable = table({
      caption: 'Most serious reconviction compared with the index offence (people)',
      head: ['Index offence', ...SERIOUSNESS_LEVELS.map((l) => SERIOUSNESS_WORDS[l]), 'Reconvicted'],
      rows: rows.map((row) => [row.label, ...SERIOUSNESS_LEVELS.map((l) => countAndShare(row.cells[l], row.total, policy)), formatCount(row.total, policy)]),
      totalRows: [rows.length - 1],
    });
    blocks.push(
      fig(
        seriousnessChart(r, policy),
        [serTable],
        [
          "Seriousness compares the highest severity among a person's reconvictions in the window with the severity of their index offence, using the offence lookup's severity weights.",
        ],
      ),
    );
    const points = severityPoints(r);
    const { shown: pointRows, leftOut: left } = shownSeverityPoints(r, policy);
    const pairsTable = table({
      caption: 'Pairs of index and most serious reconviction severity, with the number of people',
      head: ['Index severity', 'Most serious reconviction severity', 'People'],
      rows: [
        ...pointRows.map((p) => [decimal(p.index, 0), decimal(p.reconviction, 0), formatInteger(p.people)]),
        ...(left > 0
          ? [[`Pairs not shown (each shared by too few people)`, '', formatCount({ value: left, hidden: isSmallCount(left, policy) }, policy)]]
          : []),
      ],
    });
    if (pointRows.length > 0) blocks.push(fig(severityPairsChart(r, policy, study.offences.severitySource), [pairsTable]));
    else if (points.length > 0) {
      blocks.push(
        html`<p class="note">${`The chart pairing each person's index offence with their most serious reconviction is not shown in this public report: no pair of severity values is shared by ${policy.minCell} or more people, so every point would single someone out. The seriousness table above summarises the same comparison.`}</p>`,
      );
    }
    const ind = [['Indictable (indictable-only or either-way)', r.indictable] as const, ['Indictable-only', r.indictableOnly] as const];
    const indRows = ind.flatMap(([label, x]) => {
      const a = suppressProportion(x.ofCohort, label, policy);
      const b = suppressProportion(x.ofReconvicted, label, policy);
      return [[label, formatCount(a.k, policy), share(a), share(b)]];
    });
    blocks.push(
      table({
        caption: 'Reconvicted of an indictable offence, as a share of the cohort and of those reconvicted',
        head: [
          'Offence',
          'People',
          `Of the cohort (n = ${formatCount(suppressProportion(r.indictable.ofCohort, '', policy).n, policy)})`,
          `Of those reconvicted (n = ${formatCount(suppressProportion(r.indictable.ofReconvicted, '', policy).n, policy)})`,
        ],
        rows: indRows,
      }),
    );
  }
  return { id: 'reconviction', heading: 'Reconviction and its seriousness', blocks };
}

function share(p: ReturnType<typeof suppressProportion>): string {
  if (p.hidden) return 'withheld';
  if (p.proportion == null) return '–';
  return `${percent(p.proportion, 1)} (95% CI ${percentInterval(p.ci!, 1)})`;
}
