/** Measure 2: reconviction and its seriousness relative to the index offence. */
import { seriousnessChart, seriousnessDrawn } from '../../charts/seriousness.js';
import { SERIOUSNESS_LEVELS, SERIOUSNESS_WORDS } from '../../words/labels.js';
import { severityPairsChart } from '../../charts/severity-pairs.js';
import { severityPoints } from '../../disclosure/severity.js';
import { fig, type Block, type ReportContext, type Section } from '../context.js';
import { formatCount, countAndShare, type ShownProportion } from '../../disclosure/cells.js';
import { decimal, percent, percentInterval, formatInteger } from '../../words/format.js';
import { html } from '../html.js';
import { table } from '../tables.js';
import { groupFigure } from './common.js';
import { headline, reconvictionWindowWords } from './words.js';

export function reconvictionSection(ctx: ReportContext): Section {
  const { measures: m, policy, study, published } = ctx;
  const r = m.reconviction;
  const blocks: Block[] = [];
  const overall = published.reconviction;
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
      shown: published.byGroup.reconviction,
      policy,
    }),
  );
  if (r.overall.k > 0) {
    const rows = published.seriousness.rows;
    const serTable = table({
      caption: 'Most serious reconviction compared with the index offence (people)',
      head: ['Index offence', ...SERIOUSNESS_LEVELS.map((l) => SERIOUSNESS_WORDS[l]), 'Reconvicted'],
      rows: rows.map((row) => [row.label, ...SERIOUSNESS_LEVELS.map((l) => countAndShare(row.cells[l], row.total, policy)), formatCount(row.total, policy)]),
      totalRows: [rows.length - 1],
    });
    const serNote =
      "Seriousness compares the highest severity among a person's reconvictions in the window with the severity of their index offence, using the offence lookup's severity weights.";
    // With every count withheld the bars would be empty and read as zero: the table alone, and why.
    if (seriousnessDrawn(rows)) blocks.push(fig(seriousnessChart(rows, policy), [serTable], [serNote]));
    else
      blocks.push(
        serTable,
        html`<p class="note">${`${serNote} The chart of these counts is not drawn: every count in it is withheld, and empty bars would read as zero.`}</p>`,
      );
    const points = severityPoints(r);
    const { shown: pointRows, leftOut: left } = published.severityPairs;
    const pairsTable = table({
      caption: 'Pairs of index and most serious reconviction severity, with the number of people',
      head: ['Index severity', 'Most serious reconviction severity', 'People'],
      rows: [
        ...pointRows.map((p) => [decimal(p.index, 0), decimal(p.reconviction, 0), formatInteger(p.people)]),
        ...(left.value > 0 ? [[`Pairs not shown (each shared by too few people)`, '', formatCount(left, policy)]] : []),
      ],
    });
    if (pointRows.length > 0)
      blocks.push(fig(severityPairsChart(r, published.severityPairs, rows[rows.length - 1], policy, study.offences.severitySource), [pairsTable]));
    else if (points.length > 0) {
      // pairs shared by enough people can still be withheld: their sum would give back a count the tables withhold
      const why = points.some((p) => p.people >= policy.minCell)
        ? 'its points would add up to a count the tables above withhold'
        : `no pair of severity values is shared by ${policy.minCell} or more people, so every point would single someone out`;
      blocks.push(
        html`<p class="note">${`The chart pairing each person's index offence with their most serious reconviction is not shown in this public report: ${why}. The seriousness table above summarises the same comparison.`}</p>`,
      );
    }
    const ind = [['Indictable (indictable-only or either-way)', published.indictable] as const, ['Indictable-only', published.indictableOnly] as const];
    const indRows = ind.map(([label, x]) => [label, formatCount(x.ofCohort.k, policy), share(x.ofCohort), share(x.ofReconvicted)]);
    blocks.push(
      table({
        caption: 'Reconvicted of an indictable offence, as a share of the cohort and of those reconvicted',
        head: [
          'Offence',
          'People',
          `Of the cohort (n = ${formatCount(published.indictable.ofCohort.n, policy)})`,
          `Of those reconvicted (n = ${formatCount(published.indictable.ofReconvicted.n, policy)})`,
        ],
        rows: indRows,
      }),
    );
  }
  return { id: 'reconviction', heading: 'Reconviction and its seriousness', blocks };
}

function share(p: ShownProportion): string {
  if (p.hidden) return 'withheld';
  if (p.proportion == null) return '–';
  return `${percent(p.proportion, 1)} (95% CI ${percentInterval(p.ci!, 1)})`;
}
