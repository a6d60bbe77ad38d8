// The command line: parse arguments, run the pure stages, print, write, and
// return an exit code. The only module (with io.ts) that touches the terminal
// and the file system. It never calls process.exit, so tests run it in-process.

import { Command, CommanderError, Option } from 'commander';
import type { ChalkInstance } from 'chalk';
import type { Diagnostic } from './diagnostic.js';
import { diagnosticsToJson, formatDiagnostics, makeChalk } from './format-diagnostics.js';
import { IO_ERROR, readPlanFolder } from './io.js';
import { packageVersion } from './paths.js';
import { validatePlan, type ValidationResult, type ValidationSummary } from './validate.js';

/** What the CLI may use of the outside world; tests pass fakes. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour is used only then). */
  isTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Exit codes of DESIGN.md's CLI contract. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** A problem the user must fix before anything can run; carries its exit code. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}

interface Context {
  io: CliIO;
  chalk: ChalkInstance;
  exitCode: number;
}

/** Colour only on a terminal, and never when NO_COLOR is set to anything non-empty. */
export function useColor(io: CliIO): boolean {
  const noColor = io.env.NO_COLOR;
  return io.isTTY && (noColor === undefined || noColor === '');
}

// Read and validate a plan folder; print diagnostics. Usage/I-O errors throw UserError.
async function loadAndValidate(
  ctx: Context,
  planDir: string,
  opts: { printDiagnostics: boolean; quiet?: boolean },
): Promise<ValidationResult & { ioFailed: boolean }> {
  const read = await readPlanFolder(planDir, ctx.io.cwd);
  if (!read.ok) throw new UserError(read.message);
  const result = validatePlan(read.sources);
  const diagnostics = sortByFile([...read.diagnostics, ...result.diagnostics]);
  const ioFailed = read.diagnostics.some((d) => d.code === IO_ERROR);
  const readErrors = read.diagnostics.filter((d) => d.severity === 'error').length;
  const merged: ValidationResult = {
    ...result,
    diagnostics,
    summary: { ...result.summary, errors: result.summary.errors + readErrors },
  };
  if (read.diagnostics.length > 0) delete merged.data;
  if (opts.printDiagnostics) printDiagnostics(ctx, diagnostics, result, opts.quiet ?? false);
  return { ...merged, ioFailed };
}

function sortByFile(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}

function printDiagnostics(ctx: Context, diagnostics: Diagnostic[], result: ValidationResult, quiet: boolean): void {
  const shown = quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  if (shown.length === 0) return;
  const texts = new Map(result.sources.map((s) => [s.file, s.text]));
  ctx.io.stderr(formatDiagnostics(shown, texts, makeChalk(useColor({ ...ctx.io, isTTY: ctx.io.isTTY }))) + '\n');
}

/** The one-line summary of a validation run. */
export function summaryLine(s: ValidationSummary): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const counts = [
    plural(s.pillars, 'pillar'),
    plural(s.actions, 'action'),
    plural(s.indicators, 'indicator'),
    plural(s.milestones, 'milestone'),
    `${plural(s.observations, 'observation')} (${s.missing} missing) in ${plural(s.years, 'year file')}`,
    plural(s.warnings, 'warning'),
  ];
  return counts.join(', ');
}

async function runValidate(ctx: Context, opts: { plan: string; strict: boolean; format: 'text' | 'json' }): Promise<void> {
  const json = opts.format === 'json';
  const result = await loadAndValidate(ctx, opts.plan, { printDiagnostics: !json });
  const { summary } = result;
  const failed = result.ioFailed || summary.errors > 0 || (opts.strict && summary.warnings > 0);
  ctx.exitCode = result.ioFailed ? EXIT.usage : failed ? EXIT.invalid : EXIT.ok;
  if (json) {
    const body = { valid: !failed, summary, diagnostics: diagnosticsToJson(result.diagnostics) };
    ctx.io.stdout(JSON.stringify(body, null, 2) + '\n');
    return;
  }
  const c = ctx.chalk;
  if (summary.errors > 0 || result.ioFailed) {
    ctx.io.stdout(`${c.red('✗')} ${opts.plan}: ${summary.errors} error${summary.errors === 1 ? '' : 's'}, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}\n`);
  } else if (failed) {
    ctx.io.stdout(`${c.yellow('✗')} ${opts.plan}: valid, but --strict fails on ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}\n`);
  } else {
    ctx.io.stdout(`${c.green('✓')} ${opts.plan}: ${summaryLine(summary)}\n`);
  }
}

/** Build a fresh commander program bound to `io` (one per run, so tests stay isolated). */
export function createProgram(io: CliIO, ctx: Context): Command {
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

  program
    .command('validate')
    .description('check the plan and year files: YAML syntax, schema, semantic rules, data quality')
    .option('--plan <dir>', 'plan folder', 'plan')
    .option('--strict', 'treat warnings as errors (exit 1)', false)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (opts: { plan: string; strict: boolean; format: 'text' | 'json' }) => {
      await runValidate(ctx, opts);
    });

  return program;
}


/** Run the CLI with arguments (without node and script) and return the exit code. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const ctx: Context = { io, chalk: makeChalk(useColor(io)), exitCode: EXIT.ok };
  const program = createProgram(io, ctx);
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
    io.stderr(`${ctx.chalk.red('internal error')}: ${message}\nThis is a bug in cixi-plan; set CIXI_PLAN_DEBUG=1 for details.\n`);
    if (io.env.CIXI_PLAN_DEBUG && err instanceof Error && err.stack) io.stderr(err.stack + '\n');
    return 70;
  }
}
