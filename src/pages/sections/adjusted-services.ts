/**
 * Services compared, adjusted for whom they take on (measures.md): the risk-adjusted rates
 * beside the raw ones, the O/E funnel plot, the Cox model's hazard ratios against the
 * largest service with the likelihood-ratio test of service, and who each model used.
 * What is printed comes from disclosure/adjusted-services.ts.
 */
import { adjustedForestChart, ADJUSTED_OUTCOME_WORDS } from '../../charts/adjusted-forest.js';
import { oeFunnelChart } from '../../charts/oe-funnel.js';
import { MAX_COX_SERVICES } from '../../measures/adjusted-services.js';
import { changedByAdjustment, type PublishedBinaryAdjusted, type PublishedFlow } from '../../disclosure/adjusted-services.js';
import { formatCount, type DisclosurePolicy } from '../../disclosure/cells.js';
import { decimal, formatInteger, listWords, percent, pPhrase, pValue } from '../../words/format.js';
import { covariateWords } from '../../words/comparison.js';
import { fig, type Block, type ReportContext } from '../context.js';
import { html } from '../html.js';
import { table } from '../tables.js';

const POSITION_WORDS: Record<string, string> = {
  'within 95%': 'within',
  'between 95% and 99.8%': 'beyond 95%',
  'outside 99.8%': 'beyond 99.8%',
};

/** "used 2,023 of 2,805: 735 followed up too short, 47 without previous convictions recorded". */
function flowWords(f: PublishedFlow, policy: DisclosurePolicy): string {
  const why = [
    ...(f.tooShort && f.tooShort.value > 0 ? [`${formatCount(f.tooShort, policy)} followed up for less than the window and its 6 months' wait`] : []),
    ...f.missing.filter((m) => m.count.value > 0).map((m) => `${formatCount(m.count, policy)} without ${covariateWords(m.covariate)} recorded`),
  ];
  return `used ${formatCount(f.used, policy)} of the ${formatInteger(f.cohort)} people it could cover${why.length ? `; left out: ${listWords(why)}` : ''}`;
}

function limitsText(l: [number, number] | null): string {
  return l ? `${decimal(l[0], 2)}–${decimal(l[1], 2)}` : 'withheld';
}

function binaryTable(b: PublishedBinaryAdjusted, policy: DisclosurePolicy) {
  const rows = b.rows.map((r) => [
    r.service,
    formatCount(r.raw.n, policy),
    r.hidden || r.raw.proportion == null ? `${formatCount(r.raw.k, policy)}, withheld` : `${formatInteger(r.raw.k.value)} (${percent(r.raw.proportion, 1)})`,
    r.expected == null ? 'withheld' : decimal(r.expected, 1),
    r.ratio == null ? 'withheld' : decimal(r.ratio, 2),
    limitsText(r.limits95),
    r.riskAdjustedRate == null ? 'withheld' : percent(r.riskAdjustedRate, 1),
    r.adjustedPosition ? POSITION_WORDS[r.adjustedPosition] : '',
  ]);
  rows.push([
    'All services',
    formatCount(b.overall.n, policy),
    b.overall.hidden || b.overall.proportion == null ? 'withheld' : `${formatInteger(b.overall.k.value)} (${percent(b.overall.proportion, 1)})`,
    b.overall.hidden ? 'withheld' : decimal(b.overall.k.value, 1),
    '1.00',
    '',
    b.overall.hidden || b.overall.proportion == null ? 'withheld' : percent(b.overall.proportion, 1),
    '',
  ]);
  return table({
    caption: `${ADJUSTED_OUTCOME_WORDS[b.outcome].title}: observed (O) and raw rate, expected from the case mix (E), O/E with the 95% limits chance allows around 1, and the risk-adjusted rate`,
    head: ['Service', 'People', 'Observed (raw rate)', 'Expected', 'O/E', '95% limits', 'Adjusted rate', 'O/E is'],
    rows,
    totalRows: [rows.length - 1],
    className: 'wide',
  });
}

/** What moved: services outside the raw funnel's 99.8% limits that are inside once adjusted, and the reverse. */
function changeSentence(b: PublishedBinaryAdjusted): string {
  const title = ADJUSTED_OUTCOME_WORDS[b.outcome].title;
  const changed = changedByAdjustment(b);
  const rate = (s: string) => {
    const r = b.rows.find((x) => x.service === s)!;
    return `${s} (raw ${percent(r.raw.proportion!)}, O/E ${decimal(r.ratio, 2)})`;
  };
  const inside = changed.filter((c) => c.raw === 'outside 99.8%' && c.adjusted === 'within 95%').map((c) => rate(c.service));
  const closer = changed.filter((c) => c.raw === 'outside 99.8%' && c.adjusted !== 'within 95%').map((c) => rate(c.service));
  const outside = changed.filter((c) => c.adjusted === 'outside 99.8%').map((c) => rate(c.service));
  const stillOut = b.rows.filter((r) => r.rawPosition === 'outside 99.8%' && r.adjustedPosition === 'outside 99.8%').map((r) => r.service);
  const parts: string[] = [];
  if (inside.length)
    parts.push(
      `${listWords(inside)} ${inside.length === 1 ? 'lies' : 'lie'} outside the 99.8% limits on raw rates (against the overall rate of the same people) but within the 95% limits once adjusted: ${inside.length === 1 ? 'its' : 'their'} rate is about what the people ${inside.length === 1 ? 'it takes' : 'they take'} on would predict`,
    );
  if (closer.length)
    parts.push(
      `${listWords(closer)} ${closer.length === 1 ? 'lies' : 'lie'} outside the 99.8% limits on raw rates but inside them once adjusted, though still beyond the 95% limits: the case mix explains part of the difference, not all of it`,
    );
  if (outside.length)
    parts.push(
      `${listWords(outside)} ${outside.length === 1 ? 'lies' : 'lie'} inside the 99.8% limits on raw rates but outside them once adjusted: for whom ${outside.length === 1 ? 'it takes' : 'they take'} on, ${outside.length === 1 ? 'its' : 'their'} rate is further from the prediction than chance would usually give`,
    );
  if (stillOut.length) parts.push(`${listWords(stillOut)} ${stillOut.length === 1 ? 'stays' : 'stay'} outside the 99.8% limits either way`);
  if (!parts.length) return `${title}: adjusting for case mix moves no service across the 99.8% limits.`;
  return `${title}: ${parts.join('; ')}.`;
}

/** The adjusted part of the services section; nothing when the measures have no adjusted comparison. */
export function adjustedServicesBlocks(ctx: ReportContext): Block[] {
  const a = ctx.measures.adjustedComparison;
  const p = ctx.published.adjusted;
  if (!a || !p) return [];
  const policy = ctx.policy;
  const blocks: Block[] = [html`<h3>Adjusted for whom each service takes on</h3>`];
  blocks.push(
    html`<p>${`Raw rates differ partly because services take on different people. Here each person's chance of the outcome is predicted from their case mix (${listWords(p.caseMix.map(covariateWords))}) by one logistic regression over the people of every service, with no term for the service. A service's expected number E is the sum of its people's predicted chances; O/E compares what happened with that prediction (above 1: more than predicted), and the risk-adjusted rate is O/E times the overall rate. Limits for O/E are 1 ± z·√(Σp(1 − p))/E, z = 1.96 for 95% and 3.09 for 99.8%. This removes only the differences the recorded case mix explains: what decided who went to which service, if it is not recorded, stays in the comparison.`}</p>`,
  );
  if (p.binary.length) {
    const words = p.binary.map((b) => changeSentence(b));
    blocks.push(html`<p>${words.join(' ')}</p>`);
    const flows = p.binary.map(
      (b) => `${ADJUSTED_OUTCOME_WORDS[b.outcome].title} (within ${a.windowMonths} months of release): the model ${flowWords(b.flow, policy)}.`,
    );
    const warnings = p.binary.flatMap((b) => b.warnings.map((w) => `${ADJUSTED_OUTCOME_WORDS[b.outcome].title} model: R's glm would warn "${w}".`));
    blocks.push(
      fig(
        adjustedForestChart(p.binary),
        p.binary.map((b) => binaryTable(b, policy)),
        [...flows, ...warnings],
      ),
    );
    blocks.push(
      fig(
        oeFunnelChart(p.binary),
        [],
        [
          "The dashed and dotted lines are the limits of a service whose people's predicted chances spread as they do on average; each service is judged against its own limits, which depend on how its people's chances spread: the pale bar at each point is its 99.8% range, and the table gives its 95% limits.",
        ],
      ),
    );
  }
  const c = p.cox;
  if (!c) {
    blocks.push(
      html`<p class="note">${`No adjusted Cox model of conviction-free time: it needs at least two services with someone reconvicted, and is not fitted above ${MAX_COX_SERVICES} services (one term per service would make it slow and its hazard ratios say little).`}</p>`,
    );
  }
  if (c) {
    const rows = c.rows.map((r) => [
      r.service,
      formatCount(r.n, policy),
      formatCount(r.nEvent, policy),
      r.reference
        ? '1 (reference)'
        : r.hidden
          ? 'withheld'
          : r.hazardRatio == null
            ? 'not estimable'
            : `${decimal(r.hazardRatio, 2)} (${r.ci ? `${decimal(r.ci[0], 2)}–${decimal(r.ci[1], 2)}` : '–'})`,
      r.reference || r.hidden ? '' : pValue(r.p),
    ]);
    const lr = c.lrTest;
    blocks.push(html`<h3>Conviction-free time, adjusted</h3>`);
    blocks.push(
      html`<p>${`A Cox model of the time from release to the first offence leading to a reconviction, on the service and the same case mix (Efron ties). Each hazard ratio compares a service with ${c.reference}, the service with most people: below 1, reconviction came more slowly than there for people of the same recorded case mix. The likelihood-ratio test of the service terms against the case mix alone gives chi-square ${decimal(lr.statistic, 2)} on ${lr.df} degree${lr.df === 1 ? '' : 's'} of freedom, ${pPhrase(lr.p)}: ${lr.p !== null && lr.p < 0.05 ? 'the services differ by more than chance would easily give, once case mix is allowed for' : 'once case mix is allowed for, the differences between services are within what chance would easily give'}. The model ${flowWords(c.flow, policy)}.`}</p>`,
    );
    const secondary = c.rows.some(
      (r) => (r.n.hidden && !(r.n.value >= 1 && r.n.value < policy.minCell)) || (r.nEvent.hidden && !(r.nEvent.value >= 1 && r.nEvent.value < policy.minCell)),
    );
    if (secondary)
      blocks.push(
        html`<p class="note">${"[c]: withheld so that the number of a service's people left out of the model (its cohort, printed above, less the people here) cannot be worked out. A hazard ratio gives no count back and is shown unless the service's own counts are small."}</p>`,
      );
    blocks.push(
      table({
        caption: `Hazard ratios of reconviction against ${c.reference}, adjusted for case mix`,
        head: ['Service', 'People', 'Reconvicted', 'Hazard ratio (95% CI)', 'p'],
        rows,
      }),
    );
  }
  return blocks;
}
