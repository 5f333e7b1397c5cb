/** Data quality and provenance. */
import type { ReportContext, Section } from '../context.js';
import { html } from '../html.js';
import { definitionList, table } from '../tables.js';
import { formatInteger } from '../../words/format.js';

export function dataQualitySection(ctx: ReportContext): Section {
  const q = ctx.measures.dataQuality;
  const rows = [
    ...(q.offences ? [['Offence lookup', formatInteger(q.offences.read), formatInteger(q.offences.used), formatInteger(q.offences.quarantined)]] : []),
    ['People', formatInteger(q.people.read), formatInteger(q.people.used), formatInteger(q.people.quarantined)],
    ['Events', formatInteger(q.events.read), formatInteger(q.events.used), formatInteger(q.events.quarantined)],
    ...(q.assessments ? [['Assessments', formatInteger(q.assessments.read), formatInteger(q.assessments.used), formatInteger(q.assessments.quarantined)]] : []),
  ];
  const warnings = Object.entries(q.warnings).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const problems = ctx.study.quality.problems;
  const errors = problems.filter((p) => p.severity === 'error').length;
  // Rows, not errors: one row can have several errors, and a refused column is an error of no row.
  const setAside = (q.offences?.quarantined ?? 0) + q.people.quarantined + q.events.quarantined + (q.assessments?.quarantined ?? 0);
  const blocks = [
    html`<p>${'Every row read is either used or quarantined (set aside with its reason); nothing is dropped silently. These are counts of records, not of people in the cohort, and are not suppressed.'}</p>`,
    table({ caption: 'Rows read, used and quarantined', head: ['Table', 'Read', 'Used', 'Quarantined'], rows }),
    warnings.length
      ? table({
          caption: 'Warnings by kind (rows kept, ignored by the measures where stated)',
          head: ['Kind', 'Count'],
          rows: warnings.map(([k, n]) => [k.replace(/_/g, ' '), formatInteger(n)]),
        })
      : html`<p>No warnings.</p>`,
  ];
  if (ctx.study.quality.quarantineFile || errors > 0) {
    const rowsPhrase = `${formatInteger(setAside)} row${setAside === 1 ? '' : 's'} had errors and ${setAside === 1 ? 'was' : 'were'} quarantined (${formatInteger(errors)} error${errors === 1 ? '' : 's'} in all)`;
    blocks.push(
      html`<p>${`${rowsPhrase}${ctx.study.quality.quarantineFile ? `; they are listed with their reasons in ${ctx.study.quality.quarantineFile}` : ''}.`}</p>`,
    );
  }
  return { id: 'data-quality', heading: 'Data quality', blocks };
}

export function provenanceSection(ctx: ReportContext, generated: { text: string; how: string }): Section {
  const { measures: m, study } = ctx;
  const inputs = table({
    caption: 'Input files',
    head: ['Role', 'File', 'Bytes', 'SHA-256'],
    rows: study.inputs.map((f) => [f.role, f.path, formatInteger(f.bytes), f.sha256]),
    numeric: [2],
    className: 'inputs',
  });
  return {
    id: 'provenance',
    heading: 'Provenance',
    blocks: [
      definitionList([
        ['Toolkit', `follow-up ${m.toolkitVersion}`],
        [
          'Extraction date',
          m.extractionDateInferred
            ? `${m.extractionDate} (inferred: no extraction date was given, so the latest date in the records was used)`
            : m.extractionDate,
        ],
        ['Page dated', `${generated.text} (${generated.how})`],
        ['Options', JSON.stringify(m.options)],
      ]),
      inputs,
    ],
  };
}
