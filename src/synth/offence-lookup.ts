/**
 * Reads the default offence lookup the samples use, so that the generator
 * picks offences by category, mode of trial and severity instead of repeating
 * the table in code.
 */
import { readFileSync } from 'node:fs';
import type { ModeOfTrial, OffenceCategory } from '../study/vocabulary.js';

export interface SynthOffence {
  code: string;
  label: string;
  group: string;
  category: OffenceCategory;
  modeOfTrial: ModeOfTrial;
  severity: number;
}

/** The default lookup, next to the samples. */
export const DEFAULT_OFFENCES_PATH = new URL('../../data-samples/offences.csv', import.meta.url);

/**
 * Parses the lookup file the toolkit ships: `#` comment lines, a header, and
 * plain comma-separated rows (the shipped file has no quoted fields).
 */
export function readOffenceLookup(path: URL | string = DEFAULT_OFFENCES_PATH): Map<string, SynthOffence> {
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const header = lines[0].split(',');
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${String(path)}: no column ${name}`);
    return i;
  };
  const [c, l, g, cat, m, s] = ['code', 'label', 'group', 'category', 'mode_of_trial', 'severity'].map(col);
  const out = new Map<string, SynthOffence>();
  for (const line of lines.slice(1)) {
    const f = line.split(',');
    out.set(f[c], {
      code: f[c],
      label: f[l],
      group: f[g],
      category: f[cat] as OffenceCategory,
      modeOfTrial: f[m] as ModeOfTrial,
      severity: Number(f[s]),
    });
  }
  return out;
}

/** The offence of a code, or an error naming the code (a scenario typo must not pass). */
export function offenceOf(lookup: Map<string, SynthOffence>, code: string): SynthOffence {
  const o = lookup.get(code);
  if (!o) throw new Error(`offence code ${code} is not in the lookup`);
  return o;
}
