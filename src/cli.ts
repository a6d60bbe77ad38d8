// The command line: parse arguments, run the pure stages, print, write, and
// return an exit code. Commands live in src/commands/; this module wires them
// and turns every failure into a message and an exit code. It never calls
// process.exit, so tests run the whole tool in-process.

import type { Command } from 'commander';
import { makeChalk } from './views/color.js';
import { packageVersion } from './paths.js';
import { EXIT, UserError, useColor, type CliIO, type Context } from './commands/io.js';
import { describeError } from './commands/output.js';
import { USAGE } from './commands/usage.js';
import type { Lang } from './present/i18n/types.js';

type Register = (program: Command, ctx: Context) => void;

// Each command's module, loaded only when needed: `cixi-plan validate` never loads the
// report's Handlebars, d3 or pdfkit. Help and unknown commands load them all.
const COMMANDS: Record<string, () => Promise<Register>> = {
  validate: async () => (await import('./commands/validate.js')).registerValidate,
  gaps: async () => (await import('./commands/gaps.js')).registerGaps,
  report: async () => (await import('./commands/report.js')).registerReport,
  diff: async () => (await import('./commands/diff.js')).registerDiff,
  schema: async () => (await import('./commands/schema.js')).registerSchema,
  sheet: async () => (await import('./commands/sheet.js')).registerSheet,
  import: async () => (await import('./commands/import.js')).registerImport,
  init: async () => (await import('./commands/init.js')).registerInit,
  explain: async () => (await import('./commands/explain.js')).registerExplain,
};

export { EXIT, UserError, type CliIO } from './commands/io.js';
export { removeTempFilesSync, setCleanupGuard } from './commands/output.js';

/** Exit code for a bug in cixi-plan itself (EX_SOFTWARE), distinct from the contract's 0/1/2. */
export const EXIT_INTERNAL = 70;

/**
 * Build a fresh commander program bound to one run's context, with the command named
 * by `argv` (or every command, for help and unknown names). An error commander would print
 * (an unknown option…) goes to `onError` instead, when given, to be printed in the run's
 * language once that is known.
 */
export async function createProgram(ctx: Context, argv: readonly string[] = [], onError?: (text: string) => void): Promise<Command> {
  const { io } = ctx;
  const { Command } = await import('commander');
  const { escapeLines } = await import('./views/terminal.js');
  const program = new Command('cixi-plan')
    .description("Validate a city's five-year plan kept as YAML and compile it into progress reports.")
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      // Commander quotes what was typed (an unknown command or option): shown, never obeyed.
      outputError: (s, write) => (onError === undefined ? write(ctx.chalk.red(escapeLines(s))) : onError(s)),
    })
    .showSuggestionAfterError(true)
    .allowExcessArguments(false);
  const name = argv[0];
  const wanted =
    name === '-V' || name === '--version' ? [] : name !== undefined && Object.hasOwn(COMMANDS, name) ? [name] : Object.keys(COMMANDS);
  for (const register of await Promise.all(wanted.map((n) => COMMANDS[n]!()))) register(program, ctx);
  return program;
}

/**
 * A write to standard output failed (a full disk, a closed device): an I/O error, exit 2, said
 * as `cannot write to standard output (ENOSPC: no space left on device)` (the system's reason
 * quoted as it is in both languages).
 */
class OutputError extends UserError {
  constructor(cause: unknown) {
    super({ en: `cannot write to standard output (${describeError(cause)})`, zh: `无法写入标准输出（${describeError(cause)}）` }, EXIT.usage);
    this.cause = cause;
  }
}

/**
 * How the CLI says a failure, in a language: `error: …` or `错误：…`, control characters in the
 * text shown, not sent. The words are loaded only then: --version and help need none of them.
 */
async function errorLine(lang: Lang, text: string, red: (label: string) => string = (label) => label): Promise<string> {
  const { messages } = await import('./present/i18n/index.js');
  const { escapeLines } = await import('./views/terminal.js');
  return `${red(messages(lang).diagnostics.severity.error)}${lang === 'en' ? ': ' : '：'}${escapeLines(text)}\n`;
}

/**
 * The line said when standard output fails after the run has written (a full disk, /dev/full),
 * in the language the run speaks: `error: cannot write to standard output (ENOSPC: …)`.
 */
export async function outputErrorLine(err: unknown, argv: readonly string[], cwd: string): Promise<string> {
  const lang = await usageLanguage(argv, cwd);
  return errorLine(lang, new OutputError(err).textIn(lang));
}

/** The value of an option as typed (`--plan DIR` or `--plan=DIR`), before `--`. */
function optionIn(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === name) return argv[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

/**
 * The language of a mistake found before the plan is read (a year, a format, a folder): the
 * one every view speaks, --lang, else the plan's (from --plan, or ./plan), else Chinese.
 */
async function usageLanguage(argv: readonly string[], cwd: string): Promise<Lang> {
  const typed = optionIn(argv, '--lang');
  try {
    // Loaded here, on the way to an error, not at every start.
    const { langFromTag } = await import('./present/i18n/lang.js');
    const lang = typed === undefined ? undefined : langFromTag(typed);
    if (lang !== undefined) return lang;
    const { planLanguage } = await import('./commands/context.js');
    return await planLanguage(optionIn(argv, '--plan') ?? 'plan', cwd);
  } catch {
    // Whatever went wrong is being reported already; say it in the default language.
    return 'zh-CN';
  }
}

/** Run the CLI with arguments (without node and script) and return the exit code. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  // A failing stdout becomes an OutputError, whoever writes (a command or commander's help).
  const guarded: CliIO = {
    ...io,
    stdout: (text) => {
      try {
        io.stdout(text);
      } catch (err) {
        throw new OutputError(err);
      }
    },
  };
  const ctx: Context = { io: guarded, chalk: makeChalk(useColor(io)), exitCode: EXIT.ok };
  // What commander would have printed about a mistake, printed below in the run's language.
  let commanderText: string | undefined;
  try {
    // `help nope`: commander would print the whole help; name the mistake instead.
    if (argv[0] === 'help' && argv[1] !== undefined && !Object.hasOwn(COMMANDS, argv[1])) {
      throw new UserError(USAGE.unknownCommand(argv[1], Object.keys(COMMANDS)));
    }
    // The version alone is printed as commander prints it, without building the program.
    if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
      guarded.stdout(`${packageVersion()}\n`);
      return EXIT.ok;
    }
    const program = await createProgram(ctx, argv, (text) => (commanderText = text));
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (err) {
    // Commander is loaded by then, unless the error came before it.
    const { CommanderError } = await import('commander');
    // Messages quote what was typed (a year, a path, a code): control characters are shown, not sent.
    const { escapeLines } = await import('./views/terminal.js');
    if (err instanceof CommanderError) {
      // Help asked for (`--help`, `help`) is a success; help shown for a mistake (no command) is not.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT.ok;
      if (commanderText !== undefined) {
        const lang = await usageLanguage(argv, io.cwd);
        const { commanderErrorInChinese } = await import('./commands/commander-words.js');
        const text = lang === 'en' ? commanderText : (commanderErrorInChinese(commanderText) ?? commanderText);
        io.stderr(ctx.chalk.red(escapeLines(text)));
      }
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof OutputError) {
      try {
        const lang = await usageLanguage(argv, io.cwd);
        io.stderr(await errorLine(lang, err.textIn(lang), ctx.chalk.red));
      } catch {
        // stderr is gone too: the exit code is all that is left to say it.
      }
      return EXIT.usage;
    }
    if (err instanceof UserError) {
      const lang = err.lang ?? (await usageLanguage(argv, io.cwd));
      io.stderr(await errorLine(lang, err.textIn(lang), ctx.chalk.red));
      return err.exitCode;
    }
    // Anything else is a bug in cixi-plan: say so plainly, without a stack trace unless asked.
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`${ctx.chalk.red('internal error')}: ${escapeLines(message)}\nThis is a bug in cixi-plan; run with CIXI_PLAN_DEBUG=1 for details.\n`);
    if (io.env.CIXI_PLAN_DEBUG && err instanceof Error && err.stack) io.stderr(err.stack + '\n');
    return EXIT_INTERNAL;
  }
}
