/**
 * A notebook's commentary on a page, under the page's disclosure policy
 * (measures.md, "Disclosure control"): a paragraph must not print a count the
 * tables withhold. Numbers from the records reach a paragraph only as
 * published values (`Shown`, made by the narrator from the published
 * measures); the words and numbers the author types (a paper's figures, a
 * year) are the template's literal text. So a public page can tell the two
 * apart, and refuses to render a paragraph with any other number in it.
 */
import type { DisclosurePolicy } from './cells.js';

/** A value as a page may print it: its text, and whether it stands for something withheld. */
export class Shown {
  constructor(
    readonly text: string,
    /** The policy it was published under ("public 5"); null for words that are not counts. */
    readonly under: string | null,
    readonly withheld = false,
  ) {}
  toString(): string {
    return this.text;
  }
  toJSON(): string {
    return this.text;
  }
}

/** A paragraph written with the `say` tag: literal text and published values. */
export class Sentence {
  constructor(
    readonly literals: readonly string[],
    readonly values: readonly unknown[],
  ) {}
}

/** Commentary paragraphs: `say`-tagged sentences, or plain text with no digit in it on a public page. */
export type Narrative = readonly (string | Sentence)[];

/** A commentary paragraph the page's policy does not allow. */
export class NarrativeDisclosureError extends Error {
  override name = 'NarrativeDisclosureError';
}

/** The tag for commentary: say`From the records, ${narrator.share(p)} were recalled.` */
export function say(literals: TemplateStringsArray, ...values: unknown[]): Sentence {
  return new Sentence([...literals], values);
}

/** Text that is not a count (a label, a list of names), to interpolate into a sentence as it is. */
export function words(text: string): Shown {
  return new Shown(text, null);
}

/** The key of a policy, as a Shown value records it. */
export function policyKey(policy: DisclosurePolicy): string {
  return `${policy.profile} ${policy.minCell}`;
}

/**
 * The paragraphs as plain text, after checking them against the page's
 * policy. On a public page: a plain-text paragraph may have no digit in it; a
 * sentence's interpolated values must be Shown values published under this
 * same policy (or words), or text and numbers without a digit. Throws
 * NarrativeDisclosureError naming the paragraph and the value otherwise.
 */
export function checkedNarrative(narrative: Narrative, policy: DisclosurePolicy): string[] {
  const key = policyKey(policy);
  const strict = policy.profile === 'public';
  return narrative.map((p, i) => {
    const where = `commentary paragraph ${i + 1}`;
    if (typeof p === 'string') {
      const digit = /\d[\d,.]*/.exec(p);
      if (strict && digit) {
        throw new NarrativeDisclosureError(
          `${where} is plain text with the number "${digit[0]}" in it, on a public page. Write commentary with the say\`…\` tag, ` +
            'numbers from the records through the narrator (say.count, say.share, …), so that the page can check that none of them is withheld.',
        );
      }
      return p;
    }
    return sentenceText(p, where, key, strict, policy);
  });
}

/** A sentence's text; a sentence may hold sentences (say`… ${cond ? say`…` : say`…`}`), checked the same way. */
function sentenceText(p: Sentence, where: string, key: string, strict: boolean, policy: DisclosurePolicy): string {
  let text = p.literals[0];
  p.values.forEach((v, j) => {
    if (v instanceof Sentence) {
      text += sentenceText(v, where, key, strict, policy) + p.literals[j + 1];
      return;
    }
    if (strict) {
      const problem = refusal(v, key);
      if (problem) {
        throw new NarrativeDisclosureError(
          `${where} prints ${JSON.stringify(String(v))}, ${problem}, on a public page with minCell ${policy.minCell}: ` +
            'a number from the records must come from the narrator (say.count, say.share, say.flow, …), which withholds what the tables withhold.',
        );
      }
    }
    text += String(v) + p.literals[j + 1];
  });
  return text;
}

function refusal(v: unknown, key: string): string | null {
  if (v instanceof Shown) return v.under === null || v.under === key ? null : `which was published under the policy "${v.under}", not this page's`;
  if (typeof v === 'number' || typeof v === 'bigint') return 'a number that was not published';
  if (/\d/.test(String(v))) return 'text with a number that was not published';
  return null;
}
