/**
 * The `follow-up` command: validate, measures, report. Exit status 0 on
 * success, 1 when the records are invalid or a check fails, 2 for a usage
 * error; the message says which and how to fix it.
 */
import { MeasureOptionError } from '../measures/options.js';
import { UsageError } from './args.js';
import { InvalidRecordsError } from './load.js';
import { processOutput, type Output } from './output.js';
import { TOOLKIT_VERSION } from '../version.js';

interface Command {
  help: string;
  run(argv: readonly string[], out: Output): Promise<number>;
}

// Loaded on demand: `validate` should not pay for vega's start-up.
const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => {
    const m = await import('./commands/validate.js');
    return { help: m.VALIDATE_HELP, run: m.runValidate };
  },
  measures: async () => {
    const m = await import('./commands/measures.js');
    return { help: m.MEASURES_HELP, run: m.runMeasures };
  },
  report: async () => {
    const m = await import('./commands/report.js');
    return { help: m.REPORT_HELP, run: m.runReport };
  },
  preview: async () => {
    const m = await import('./commands/preview.js');
    return { help: m.PREVIEW_HELP, run: m.runPreview };
  },
  compare: async () => {
    const m = await import('./commands/compare.js');
    return { help: m.COMPARE_HELP, run: m.runCompare };
  },
  init: async () => {
    const m = await import('./commands/init.js');
    return { help: m.INIT_HELP, run: m.runInit };
  },
};

const HELP = `follow-up ${TOOLKIT_VERSION}: reconviction and recall follow-up studies

  follow-up validate  --study study.json     check the records
  follow-up measures  --study study.json     compute every measure (--json for machines)
  follow-up report    --study study.json --out DIR   render the report page
  follow-up compare   --study study.json     the service against a matched comparison group
  follow-up preview   [analyses/NAME.ts] [--port N]  live pages of the notebooks
  follow-up init      DIR                     start a new study folder

Run follow-up COMMAND --help for its flags.`;

/** Runs the CLI; returns the exit status. */
export async function main(argv: readonly string[], out: Output = processOutput): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === 'help') {
    out.stdout(HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    out.stdout(TOOLKIT_VERSION);
    return 0;
  }
  const load = COMMANDS[name];
  if (load === undefined) {
    out.stderr(`follow-up: unknown command "${name}"; the commands are ${Object.keys(COMMANDS).join(', ')}`);
    return 2;
  }
  const command = await load();
  if (rest.includes('--help')) {
    out.stdout(command.help);
    return 0;
  }
  try {
    return await command.run(rest, out);
  } catch (error) {
    if (error instanceof UsageError || error instanceof MeasureOptionError) {
      out.stderr(`follow-up ${name}: ${error.message}`);
      return 2;
    }
    if (error instanceof InvalidRecordsError) {
      out.stderr(`follow-up ${name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

// Run when executed directly (bin/follow-up.js), not when imported by tests.
if (process.argv[1] !== undefined && /main\.[tj]s$/.test(process.argv[1])) {
  // exitCode, not exit(): a piped stdout must drain before the process ends.
  main(process.argv.slice(2)).then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      process.stderr.write(`follow-up: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
