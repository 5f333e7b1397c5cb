/**
 * Each option's choices come from one `as const` list (src/study/options.ts,
 * study-file.md): the measures' check, the study file's check, the flag's
 * error and `--help` all name the same values.
 */
import { describe, expect, it } from 'vitest';
import { kebabCase } from '../../src/cli/args.js';
import { MEASURES_HELP } from '../../src/cli/commands/measures.js';
import { resolveOptions } from '../../src/measures/index.js';
import { MEASURE_OPTION_CHOICES } from '../../src/study/options.js';
import { OPTION_CHECKS } from '../../src/study/study-file.js';

const options = Object.entries(MEASURE_OPTION_CHOICES) as [keyof typeof MEASURE_OPTION_CHOICES, readonly string[]][];

describe('option choices', () => {
  it.each(options)('%s: --help, the study file and the measures accept the same values', (key, choices) => {
    expect(MEASURES_HELP).toContain(`--${kebabCase(key)} ${choices.join('|')}\n`);
    for (const c of choices) {
      expect(OPTION_CHECKS[key](c, `options.${key}`)).toBe(c);
      expect(resolveOptions({ [key]: c })[key]).toBe(c);
    }
  });

  it.each(options)('%s: a value outside the list is refused with every choice named', (key, choices) => {
    const named = choices.map((c) => `"${c}"`).join(', ');
    expect(() => OPTION_CHECKS[key]('nonsense', `options.${key}`)).toThrow(`options.${key} is "nonsense"; expected one of ${named}`);
    expect(() => resolveOptions({ [key]: 'nonsense' })).toThrow(`Option ${key} must be one of ${named}; got "nonsense".`);
  });
});
