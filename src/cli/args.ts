/**
 * Command-line flags: `--name value`, `--name=value`, and for booleans
 * `--name`, `--name=true|false` or `--no-name`. Anything else is a usage error
 * that says how to fix it.
 */

export type FlagKind = 'string' | 'boolean';

/** A mistake in how a command was called: exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export type ParsedFlags = Map<string, string | boolean>;

/** Parses argv (after the command name) against the flags a command accepts. */
export function parseFlags(argv: readonly string[], accepted: Readonly<Record<string, FlagKind>>, command: string): ParsedFlags {
  const flags: ParsedFlags = new Map();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--') || arg === '--') {
      throw new UsageError(`unexpected argument "${arg}"; every input is given by a flag (see follow-up ${command} --help)`);
    }
    const eq = arg.indexOf('=');
    let name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    let inline: string | undefined = eq === -1 ? undefined : arg.slice(eq + 1);
    let negated = false;
    if (!(name in accepted) && name.startsWith('no-') && accepted[name.slice(3)] === 'boolean') {
      name = name.slice(3);
      negated = true;
      if (inline !== undefined) throw new UsageError(`--no-${name} takes no value`);
    }
    const kind = accepted[name];
    if (kind === undefined) {
      throw new UsageError(`unknown flag --${name} for follow-up ${command}; run follow-up ${command} --help for the flags`);
    }
    if (flags.has(name)) throw new UsageError(`--${name} is given twice; give it once`);
    if (kind === 'boolean') {
      if (negated) flags.set(name, false);
      else if (inline === undefined) flags.set(name, true);
      else if (/^(true|false)$/i.test(inline)) flags.set(name, inline.toLowerCase() === 'true');
      else throw new UsageError(`--${name}=${inline}: expected --${name}, --${name}=true, --${name}=false or --no-${name}`);
      continue;
    }
    if (inline === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`--${name} needs a value: --${name} VALUE`);
      inline = next;
      i++;
    }
    flags.set(name, inline);
  }
  return flags;
}

/** `recallWindow` → `recall-window`. */
export function kebabCase(camel: string): string {
  return camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
