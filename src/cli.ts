// The command line: parse arguments, run the pure stages, print, write, and
// return an exit code. Commands live in src/commands/; this module wires them
// and turns every failure into a message and an exit code. It never calls
// process.exit, so tests run the whole tool in-process.

import { Command, CommanderError } from 'commander';
import { makeChalk } from './format-diagnostics.js';
import { packageVersion } from './paths.js';
import { EXIT, UserError, useColor, type CliIO, type Context } from './commands/context.js';
import { registerGaps } from './commands/gaps.js';
import { registerValidate } from './commands/validate.js';
import { registerDiff } from './commands/diff.js';
import { registerSchema } from './commands/schema.js';
import { registerInit } from './commands/init.js';
import { registerReport } from './commands/report.js';

export { EXIT, UserError, type CliIO } from './commands/context.js';

/** Exit code for a bug in cixi-plan itself (EX_SOFTWARE), distinct from the contract's 0/1/2. */
export const EXIT_INTERNAL = 70;

/** Build a fresh commander program bound to one run's context. */
export function createProgram(ctx: Context): Command {
  const { io } = ctx;
  const program = new Command('cixi-plan')
    .description("Validate a city's five-year plan kept as YAML and compile it into progress reports.")
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(ctx.chalk.red(s)),
    })
    .showSuggestionAfterError(true)
    .allowExcessArguments(false);
  registerValidate(program, ctx);
  registerGaps(program, ctx);
  registerDiff(program, ctx);
  registerSchema(program, ctx);
  registerInit(program, ctx);
  registerReport(program, ctx);
  return program;
}

/** Run the CLI with arguments (without node and script) and return the exit code. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const ctx: Context = { io, chalk: makeChalk(useColor(io)), exitCode: EXIT.ok };
  const program = createProgram(ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof UserError) {
      io.stderr(`${ctx.chalk.red('error')}: ${err.message}\n`);
      return err.exitCode;
    }
    // Anything else is a bug in cixi-plan: say so plainly, without a stack trace unless asked.
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`${ctx.chalk.red('internal error')}: ${message}\nThis is a bug in cixi-plan; run with CIXI_PLAN_DEBUG=1 for details.\n`);
    if (io.env.CIXI_PLAN_DEBUG && err instanceof Error && err.stack) io.stderr(err.stack + '\n');
    return EXIT_INTERNAL;
  }
}
