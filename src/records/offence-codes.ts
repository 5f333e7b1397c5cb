/**
 * Offence codes a study's records use but its lookup lacks (records.md:
 * "an offence code not in the lookup" is an error). Every row of one unknown
 * code is the same mistake with the same fix, so its errors (and the events
 * set aside with the people it made unusable) are told once: which lookup was
 * used, how to add codes (study-file.md `offencesExtra`, which extends the
 * default lookup and never replaces its rows), and the nearest known code.
 */
import type { OffenceLookup, Problem } from '../study/study.js';
import { editDistance } from './headers.js';
import { offenceLookupOf } from './offence-lookup.js';
import type { QuarantinedRow } from './table-reader.js';
import { folded, foldedAway } from './problems.js';

/** A code compared loosely: upper case, without spaces, hyphens, underscores or dots. */
const loose = (code: string) => code.toUpperCase().replace(/[\s\-_.]/g, '');

/**
 * The known code an unknown one most likely stands for: the same loosely
 * (`vap abh` for `VAP-ABH`), else the only code within edit distance 2 of it
 * loosely (1 for codes up to 4 characters); null when none or several are.
 */
export function nearCode(code: string, known: readonly string[]): string | null {
  const k = loose(code);
  if (k === '') return null;
  const max = k.length <= 4 ? 1 : 2;
  let best: string | null = null;
  let bestDistance = max + 1;
  let tie = false;
  for (const c of known) {
    const d = editDistance(k, loose(c), max);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) tie = true;
  }
  return bestDistance <= max && !(tie && bestDistance > 0) ? best : null;
}

/** How a study's lookup is named in messages. */
export function lookupName(offencesFile: string | null, extraFile: string | null): string {
  const base = offencesFile === null ? "the toolkit's default lookup" : `the lookup ${offencesFile}`;
  return extraFile === null ? base : `${base} extended by ${extraFile}`;
}

const lines = (ps: readonly Problem[]) => {
  const shown = ps
    .slice(0, 5)
    .map((p) => p.line)
    .join(', ');
  return ps.length > 5 ? `${shown}, …` : shown;
};

/**
 * Folds the unknown_offence errors of each code into its first: the fold
 * says how many rows use the code and on which lines, which lookup was used,
 * how to add codes and the near code; the person_quarantined errors of the
 * events of people set aside only for that code are folded into it too.
 */
export function foldOffenceErrors(
  problems: readonly Problem[],
  lookup: OffenceLookup,
  name: string,
  peopleSetAside: readonly QuarantinedRow[],
  personIdField: number,
): Problem[] {
  const byCode = new Map<string, Problem[]>();
  for (const p of problems) {
    if (p.kind !== 'unknown_offence' || p.value === null) continue;
    const code = `${p.table}\u0000${p.file}\u0000${p.value.trim()}`;
    let g = byCode.get(code);
    if (!g) byCode.set(code, (g = []));
    g.push(p);
  }
  if (byCode.size === 0) return problems.slice();
  // People set aside for one unknown index offence and nothing else: their events' errors are knock-on.
  const codeOfPerson = new Map<string, string>();
  if (personIdField >= 0) {
    for (const row of peopleSetAside) {
      if (row.problems.length > 0 && row.problems.every((p) => p.kind === 'unknown_offence')) {
        const id = row.fields[personIdField]?.trim();
        const p = row.problems[0];
        if (id) codeOfPerson.set(id, `${p.table}\u0000${p.file}\u0000${p.value!.trim()}`);
      }
    }
  }
  const knockOn = new Map<string, Problem[]>();
  for (const p of problems) {
    if (p.kind !== 'person_quarantined' || p.value === null) continue;
    const code = codeOfPerson.get(p.value.trim());
    if (code === undefined) continue;
    let g = knockOn.get(code);
    if (!g) knockOn.set(code, (g = []));
    g.push(p);
  }
  const replaced = new Map<Problem, Problem | null>();
  for (const [key, g] of byCode) {
    const code = g[0].value!.trim();
    const near = nearCode(code, lookup.code);
    const rows = g.length === 1 ? `line ${g[0].line}` : `${g.length.toLocaleString('en-GB')} rows, lines ${lines(g)}`;
    const events = knockOn.get(key) ?? [];
    const setAside =
      events.length === 0
        ? ''
        : `; ${events.length.toLocaleString('en-GB')} event${events.length === 1 ? ' is' : 's are'} set aside with the people of this code`;
    const first = g[0];
    replaced.set(
      first,
      folded({
        ...first,
        expected:
          `an offence code in ${name} (this code: ${rows}${setAside})` +
          (near !== null ? `; did you mean ${near}?` : '') +
          '; to add codes, give a file of the new codes with --offences-extra (study file "offencesExtra"), which extends the lookup, or a whole lookup with --offences',
      }),
    );
    for (const p of g.slice(1)) replaced.set(p, null);
    for (const p of events) replaced.set(p, null);
    foldedAway(g);
  }
  const out: Problem[] = [];
  for (const p of problems) {
    const r = replaced.get(p);
    if (r === undefined) out.push(p);
    else if (r !== null) out.push(r);
  }
  return out;
}

/**
 * The default (or given) lookup with the rows of an `offencesExtra` lookup
 * added after its own (study-file.md: extends, never silently replaces): a
 * code already in the base lookup is an error on the extra file's line, with
 * what to do instead. The severity sources of both are kept side by side.
 */
export function extendOffenceLookup(
  base: OffenceLookup,
  extra: OffenceLookup,
  extraFile: string,
  extraText: string,
  baseName: string,
): { lookup: OffenceLookup; clashes: Problem[] } {
  const clashes: Problem[] = [];
  const textLines = extraText.split('\n');
  const lineOf = (code: string) => {
    const i = textLines.findIndex((l) => l.replace(/^"/, '').startsWith(`${code},`) || l.replace(/^"/, '').startsWith(`${code}"`));
    return i >= 0 ? i + 1 : 0;
  };
  const code = [...base.code],
    label = [...base.label],
    group = [...base.group];
  const category = [...base.category],
    modeOfTrial = [...base.modeOfTrial],
    severity = Array.from(base.severity);
  const rowOf = new Map(base.rowOf);
  extra.code.forEach((c, i) => {
    if (rowOf.has(c)) {
      clashes.push({
        severity: 'error',
        kind: 'duplicate_code',
        table: 'offences',
        file: extraFile,
        line: lineOf(c),
        column: 'code',
        value: c,
        expected: `a code not already in ${baseName} (offencesExtra adds codes and never replaces one; to change an existing code's row, give a whole lookup with --offences)`,
      });
      return;
    }
    rowOf.set(c, code.length);
    code.push(c);
    label.push(extra.label[i]);
    group.push(extra.group[i]);
    category.push(extra.category[i]);
    modeOfTrial.push(extra.modeOfTrial[i]);
    severity.push(extra.severity[i]);
  });
  const sources = [base.severitySource, extra.severitySource === null ? null : `added codes (${extraFile}): ${extra.severitySource}`].filter((s) => s !== null);
  return {
    lookup: offenceLookupOf({ code, label, group, category, modeOfTrial, severity }, sources.length > 0 ? sources.join('; ') : null),
    clashes,
  };
}
