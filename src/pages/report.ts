/**
 * Assembles one self-contained HTML page per study: headline figures first,
 * each chart with its table, then methods, data quality and provenance. No
 * request leaves the page (inline CSS, inline SVG, no script but JSON data),
 * and the same inputs always give the same bytes.
 */
import { renderChartSvg } from '../render/svg.js';
import type { StudyMeasures } from '../measures/types.js';
import type { ReportProfile } from '../study/options.js';
import type { Study } from '../study/study.js';
import { SECTION_IDS, type Block, type ReportContext, type Section, type SectionId } from './context.js';
import { profileStatement, type DisclosurePolicy } from '../disclosure/cells.js';
import { checkedNarrative, type Narrative } from '../disclosure/narrative.js';
import { publish } from '../disclosure/publish.js';
import { figure, titleText } from './figure.js';
import { Html, html, join } from './html.js';
import { PAGE_CSS } from './style.js';
import { cohortSection } from './sections/cohort.js';
import { desistanceSection, provenReoffendingSection } from './sections/desistance.js';
import { competingRisksSection } from './sections/competing-risks.js';
import { headlinesSection } from './sections/headlines.js';
import { methodsSection } from './sections/methods.js';
import { dataQualitySection, provenanceSection } from './sections/provenance.js';
import { recallSection } from './sections/recall.js';
import { reconvictionSection } from './sections/reconviction.js';
import { servicesSection } from './sections/services.js';
import { snapshotSection } from './sections/snapshot.js';
import { breakEvenSection, valueSection } from './sections/value.js';
import type { ValueForMoney } from '../measures/value/types.js';
import { timeInServiceSection } from './sections/time-in-service.js';
import { changeSection } from './sections/change.js';
import { comparisonSection } from './sections/comparison.js';
import { comparisonInput, type ComparisonInput } from '../output/comparison-input.js';
import { longDate } from '../words/format.js';

export interface StudyReportOptions {
  profile: ReportProfile;
  minCell: number;
  /**
   * Commentary paragraphs (escaped on the page). On a public page every number
   * in them must be a published value: the page refuses to render otherwise
   * (see disclosure/narrative.ts).
   */
  narrative?: Narrative;
  title?: string;
  /** Sections to include (default: every section that has something to show). */
  sections?: SectionId[];
  /**
   * When the page is dated: an ISO date or date-time. Default: SOURCE_DATE_EPOCH
   * when set, else the study's extraction date; never the wall clock.
   */
  generatedAt?: string;
  /** The object `follow-up compare --json` prints (comparison.md; checked key by key): adds the matched comparison section. */
  comparison?: ComparisonInput | { readonly [key: string]: unknown };
  /** Value for money of a matched comparison (json-output.md `value`); without it the page shows the break-even only, when the study has `value`. */
  value?: ValueForMoney | null;
}

/** The page's date and how it was chosen: SOURCE_DATE_EPOCH, else the extraction date. */
function pageDate(measures: StudyMeasures, options: StudyReportOptions, env: Record<string, string | undefined>): { text: string; how: string } {
  if (options.generatedAt) return { text: options.generatedAt, how: 'given by the caller' };
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch != null && /^\d+$/.test(epoch.trim())) {
    return { text: new Date(Number(epoch.trim()) * 1000).toISOString().replace('.000Z', 'Z'), how: 'from SOURCE_DATE_EPOCH' };
  }
  return { text: measures.extractionDate, how: 'the extraction date; set SOURCE_DATE_EPOCH to date the build instead' };
}

/** The page title: the option, else the study's title, else a generic one. */
export function reportTitle(study: Study, measures: StudyMeasures, options: Pick<StudyReportOptions, 'title'>): string {
  return options.title ?? measures.title ?? study.title ?? 'Follow-up study';
}

/**
 * Renders the report page. Async because vega renders SVG asynchronously.
 * Reads SOURCE_DATE_EPOCH from the environment (only to date the page).
 */
export async function renderStudyReport(study: Study, measures: StudyMeasures, options: StudyReportOptions): Promise<string> {
  if (!Number.isInteger(options.minCell) || options.minCell < 1) throw new Error(`minCell must be a whole number ≥ 1, got ${options.minCell}`);
  const policy: DisclosurePolicy = { profile: options.profile, minCell: options.minCell };
  const ctx: ReportContext = { study, measures, policy, published: publish(measures, policy) };
  const title = reportTitle(study, measures, options);
  const generated = pageDate(measures, options, process.env);
  const wanted = new Set<SectionId>(options.sections ?? SECTION_IDS);
  const narrative = checkedNarrative(options.narrative ?? [], policy);
  const comparison = options.comparison && comparisonInput(options.comparison);
  // Value for money comes with the comparison's JSON (json-output.md puts it under `value`) unless given on its own.
  const sections = buildSections(ctx, wanted, narrative, generated, comparison, options.value ?? comparison?.value ?? null);

  // Render every chart once, in page order, with ids unique on the page.
  const requests = sections.flatMap((s) => s.blocks.filter((b): b is Exclude<Block, Html> => !(b instanceof Html)));
  const svgs = await Promise.all(requests.map((r, i) => renderChartSvg(r.spec, `f${i + 1}-`)));
  const figureHtml = new Map(
    requests.map((r, i) => {
      const caption = `Figure ${i + 1}: ${r.caption ?? titleText(r.spec)}.${r.tables.length ? ` The numbers are in the table${r.tables.length > 1 ? 's' : ''} above.` : ''}`;
      return [r, figure({ id: `figure-${i + 1}`, spec: r.spec, svg: svgs[i], tables: r.tables, notes: r.notes, caption })];
    }),
  );

  const body = sections.map(
    (s) => html`<section id="${s.id}" aria-labelledby="${s.id}-heading">
<h2 id="${s.id}-heading">${s.heading}</h2>
${s.blocks.map((b) => (b instanceof Html ? b : figureHtml.get(b)!))}
</section>`,
  );
  const toc = html`<nav class="toc" aria-label="Contents"><ol>${sections.map((s) => html`<li><a href="#${s.id}">${s.heading}</a></li>`)}</ol></nav>`;
  const page = html`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="follow-up ${measures.toolkitVersion}">
<title>${title}</title>
<style>${new Html(PAGE_CSS)}</style>
</head>
<body>
<header>
<h1>${title}</h1>
<p class="meta">${`Records extracted ${longDate(measures.extractionDate)}${measures.extractionDateInferred ? ' (inferred from the latest date in the records)' : ''} · page dated ${longDate(generated.text)} · follow-up ${measures.toolkitVersion}`}</p>
<p class="profile${new Html(policy.profile === 'analyst' ? ' analyst' : '')}" id="profile">${profileStatement(policy)}</p>
</header>
${toc}
<main>
${join(body)}
</main>
<footer><p>${'Made with the follow-up toolkit from anonymised records. Each chart is followed by its numbers; its Vega-Lite specification is embedded in the page as JSON.'}</p></footer>
</body>
</html>
`;
  return page.markup;
}

function buildSections(
  ctx: ReportContext,
  wanted: Set<SectionId>,
  narrative: string[],
  generated: { text: string; how: string },
  comparison?: ComparisonInput,
  value: ValueForMoney | null = null,
): Section[] {
  const m = ctx.measures;
  const out: (Section | null)[] = [];
  const want = (id: SectionId) => wanted.has(id);
  if (want('headlines')) out.push(headlinesSection(ctx));
  if (want('commentary') && narrative.length)
    out.push({ id: 'commentary', heading: 'Commentary', blocks: [html`<div class="commentary">${narrative.map((p) => html`<p>${p}</p>`)}</div>`] });
  if (want('cohort')) out.push(cohortSection(ctx));
  if (m.flow.cohort > 0) {
    if (want('recall')) out.push(recallSection(ctx));
    if (want('reconviction')) out.push(reconvictionSection(ctx));
    if (want('desistance')) out.push(desistanceSection(ctx));
    if (want('proven-reoffending')) out.push(provenReoffendingSection(ctx));
    if (want('competing-risks')) out.push(competingRisksSection(ctx));
    if (want('time-in-service')) out.push(timeInServiceSection(ctx));
    if (want('services') && m.services.services.length > 1) out.push(servicesSection(ctx));
    if (want('comparison') && comparison) out.push(comparisonSection(ctx, comparison));
  }
  if (want('change') && m.flow.cohort > 0) out.push(changeSection(ctx));
  if (want('snapshot')) out.push(snapshotSection(ctx));
  if (want('value') && value) out.push(valueSection(value, ctx.policy));
  else if (want('value') && m.breakEven) out.push(breakEvenSection(m.breakEven, ctx.policy));
  if (want('methods')) out.push(methodsSection(ctx));
  if (want('data-quality')) out.push(dataQualitySection(ctx));
  if (want('provenance')) out.push(provenanceSection(ctx, generated));
  return out.filter((s): s is Section => s != null);
}
