/**
 * The README's "Problem kinds" (records.md, "Validation") lists every kind of
 * problem the code can report, errors under errors and warnings under
 * warnings, and no kind the code does not have. The kinds are the `as const`
 * lists of src/records/problems.ts, which type every reader's and the SQL
 * engine's problems, so a new kind cannot be emitted without being listed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_KINDS, WARNING_KINDS } from '../../src/records/problems.js';

const README = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');

/** The backquoted words at the start of the list items of the README's problem-kind lists. */
function listed(): { errors: string[]; warnings: string[] } {
  const start = README.indexOf('**Problem kinds.**');
  const warningsAt = README.indexOf('\nWarnings: the row is kept', start);
  const end = README.indexOf('\n\n**', warningsAt);
  expect(start, 'README has a "Problem kinds" paragraph').toBeGreaterThan(0);
  expect(warningsAt, 'and a warnings list after the errors').toBeGreaterThan(start);
  const kindsOf = (text: string) =>
    text
      .split('\n')
      .filter((line) => line.startsWith('- `'))
      .flatMap((line) => [...line.slice(0, line.indexOf(':')).matchAll(/`([a-z0-9_]+)`/g)].map((m) => m[1]));
  return { errors: kindsOf(README.slice(start, warningsAt)), warnings: kindsOf(README.slice(warningsAt, end)) };
}

describe("the README's problem kinds", () => {
  it('lists every error kind among the errors, and no other', () => {
    expect([...listed().errors].sort()).toEqual([...ERROR_KINDS].sort());
  });

  it('lists every warning kind among the warnings, and no other', () => {
    expect([...listed().warnings].sort()).toEqual([...WARNING_KINDS].sort());
  });

  it('names each kind once', () => {
    const { errors, warnings } = listed();
    const all = [...errors, ...warnings];
    expect(all.filter((k, i) => all.indexOf(k) !== i)).toEqual([]);
  });
});
