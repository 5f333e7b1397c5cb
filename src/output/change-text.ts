/**
 * The individual change part of `follow-up measures` (change.md, "Outputs"), in
 * plain words: per instrument, who was analysed, the mean change with its
 * paired-t interval, the categories with their Wilson intervals, overall and by group.
 */
import type { ChangeResult, ChangeSummary } from '../measures/types.js';
import type { Proportion } from '../stats/types.js';
import { CHANGE_CATEGORIES, CHANGE_CATEGORY_WORDS, CUT_OFF_WORDS, betterWords, sSourceWords } from '../words/change.js';
import { decimal, pPhrase, percent } from '../words/format.js';

function share(p: Proportion): string {
  if (p.n === 0 || p.proportion === null) return `${p.k} of ${p.n}`;
  return `${p.k} of ${p.n} (${percent(p.proportion, 1)}${p.ci ? `, 95% CI ${percent(p.ci[0], 1)}–${percent(p.ci[1], 1)}` : ''})`;
}

function summaryLines(s: ChangeSummary, indent: string): string[] {
  const L: string[] = [];
  L.push(
    `${indent}Analysed ${s.n} of ${s.cohort}; no follow-up assessment ${s.noFollowUp} (no assessment ${s.noAssessment}, assessments on one day only ${s.oneDayOnly})`,
  );
  if (s.n === 0) return L;
  const ci = s.ci
    ? ` (95% CI ${decimal(s.ci[0], 2)} to ${decimal(s.ci[1], 2)}; paired t ${decimal(s.t, 2)}, ${pPhrase(s.p)})`
    : ' (no interval: fewer than two people, or every change equal)';
  L.push(`${indent}Mean first score ${decimal(s.meanPre, 2)}, mean last ${decimal(s.meanPost, 2)}; mean change ${decimal(s.meanChange, 2)}${ci}`);
  const c = s.categories;
  if (!c) {
    L.push(`${indent}Categories not computed: no reference SD, and fewer than two first scores (or all equal)`);
    return L;
  }
  for (const k of CHANGE_CATEGORIES) {
    const p = c[k];
    if (p) L.push(`${indent}${CHANGE_CATEGORY_WORDS[k]}: ${share(p)}`);
  }
  if (c.notClinicalAtStart) L.push(`${indent}${CHANGE_CATEGORY_WORDS.notClinicalAtStart} (counted in the above too): ${share(c.notClinicalAtStart)}`);
  return L;
}

/** The lines of the change part; none when the study has no instruments and assessments. */
export function changeTextLines(change: ChangeResult | null | undefined): string[] {
  if (!change) return [];
  const L: string[] = ['', 'Individual change (Jacobson–Truax: first against last assessment of each person)'];
  for (const [name, x] of Object.entries(change)) {
    L.push(`  ${name} (${betterWords(x.better)}; reliability ${x.reliability})`);
    L.push(
      x.sDiff === null
        ? '    S_diff not computed (no reference SD, and fewer than two first scores)'
        : `    S_diff ${decimal(x.sDiff, 3)} from s = ${decimal(x.s, 3)}, ${sSourceWords(x.sSource)}; reliable change beyond ±${decimal(x.reliableChange, 2)}`,
    );
    L.push(
      x.cutOff
        ? `    Clinical cut-off ${decimal(x.cutOff.value, 2)} (rule ${CUT_OFF_WORDS[x.cutOff.rule]})`
        : '    No clinical cut-off (no norms given): recovery is not reported',
    );
    if (x.source) L.push(`    Norms from: ${x.source}`);
    L.push(...summaryLines(x.overall, '    '));
    if (x.byGroup.length > 1) {
      L.push(`    By ${x.groupBy}:`);
      for (const g of x.byGroup) {
        L.push(`      ${g.group}`);
        L.push(...summaryLines(g, '        '));
      }
    }
  }
  return L;
}
