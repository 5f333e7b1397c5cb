/**
 * The sentences that state the definitions and windows in force, shared by
 * headlines, section text and the methods section.
 */
import type { MeasureOptions } from '../../study/options.js';
import { formatCount, type DisclosurePolicy, type ShownProportion } from '../../disclosure/cells.js';
import { complementSmall, withheldAsSmall } from '../../disclosure/marks.js';
import { percent, percentInterval, formatInteger } from '../../words/format.js';

export function recallWindowWords(w: MeasureOptions['recallWindow']): string {
  return w === 'licence' ? 'between release and the end of follow-up' : 'during the intervention (from release to the end of the service or of follow-up)';
}

export function reconvictionWindowWords(w: MeasureOptions['reconvictionWindow']): string {
  switch (w) {
    case 'during_intervention':
      return 'for an offence committed during the intervention';
    case 'after_intervention':
      return 'for an offence committed after their time in the service ended';
    default:
      return 'for an offence committed after release';
  }
}

export function desistanceFromWords(f: MeasureOptions['desistanceFrom']): string {
  return f === 'service_end' ? 'since their time in the service ended' : 'since release';
}

/**
 * A headline sentence about a proportion: "27 of the 45 people (60%, 95% CI
 * 45%–73%) were recalled at least once …", with the withheld forms when the
 * disclosure profile hides the count.
 */
export function headline(p: ShownProportion, predicate: string, policy: DisclosurePolicy, subject = 'people'): string {
  if (p.n.value === 0) return `No ${subject} could be counted, so none ${predicate}.`;
  if (p.n.hidden) {
    return withheldAsSmall(p.n, policy)
      ? `The number of ${subject} who ${predicate} is withheld because the group is small.`
      : `The number of ${subject} who ${predicate} is withheld, with the number of ${subject}, so that a small count of people left out cannot be worked out from the cohort.`;
  }
  const n = formatInteger(p.n.value);
  if (!p.hidden) {
    return `${formatInteger(p.k.value)} of the ${n} ${subject} (${percent(p.proportion!)}, 95% CI ${percentInterval(p.ci!)}) ${predicate}.`;
  }
  if (withheldAsSmall(p.k, policy)) return `Fewer than ${policy.minCell} of the ${n} ${subject} ${predicate} (the exact number is withheld).`;
  if (complementSmall(p, policy)) return `All but fewer than ${policy.minCell} of the ${n} ${subject} ${predicate} (the exact number is withheld).`;
  return `The number of the ${n} ${subject} who ${predicate} is withheld (${formatCount(p.k, policy)}) so that small numbers elsewhere cannot be worked out.`;
}
