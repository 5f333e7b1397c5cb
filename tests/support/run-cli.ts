/** Runs the command line in this process (src/cli/main.ts), with its standard output and error caught. */
import { main } from '../../src/cli/main.js';
import type { Output } from '../../src/cli/output.js';

export async function runCli(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const output: Output = { stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
  const status = await main(argv, output);
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}
