// `cixi-plan validate`: every problem in one run; exit 0 valid, 1 invalid, 2 unreadable.

import { Option, type Command } from 'commander';
import { diagnosticsToGithub, diagnosticsToJson } from '../views/diagnostics.js';
import { type Lang } from '../present/i18n/index.js';
import { messages } from '../present/i18n/index.js';
import { commandLanguage, EXIT, loadPlan, printDiagnostics, type Context } from './context.js';
import { escapeTerminal } from '../views/terminal.js';
import { writeJson } from '../json-pieces.js';
import { langOption } from './lang-option.js';

interface ValidateOptions {
  plan: string;
  strict: boolean;
  format: 'text' | 'json' | 'github';
  verbose: boolean;
  lang?: Lang;
}

async function runValidate(ctx: Context, opts: ValidateOptions): Promise<void> {
  const json = opts.format === 'json';
  const loaded = await loadPlan(ctx, opts.plan);
  const { summary } = loaded;
  const lang = commandLanguage(opts.lang, loaded);
  const words = messages(lang).diagnostics;
  const failed = loaded.ioFailed || summary.errors > 0 || (opts.strict && summary.warnings > 0);
  ctx.exitCode = loaded.ioFailed ? EXIT.usage : failed ? EXIT.invalid : EXIT.ok;
  if (json) {
    const body = { valid: !failed, summary, diagnostics: diagnosticsToJson(loaded.diagnostics) };
    writeJson(body, ctx.io.stdout);
    return;
  }
  if (opts.format === 'github') {
    // Workflow commands become annotations on the pull request; the summary stays in the log.
    ctx.io.stdout(diagnosticsToGithub(loaded.diagnostics, lang));
    const verdict = loaded.ioFailed || summary.errors > 0 ? words.verdict.invalid : failed ? words.verdict.strict : words.verdict.valid;
    ctx.io.stdout(`${escapeTerminal(words.verdictLine(opts.plan, verdict, words.summary(summary)))}\n`);
    return;
  }
  printDiagnostics(ctx, loaded.diagnostics, loaded, { verbose: opts.verbose, lang });
  const c = ctx.chalk;
  if (summary.errors > 0 || loaded.ioFailed) {
    ctx.io.stdout(`${c.red('✗')} ${escapeTerminal(`${opts.plan}: ${words.counts(summary.errors, summary.warnings)}`)}\n`);
  } else if (failed) {
    ctx.io.stdout(`${c.yellow('✗')} ${escapeTerminal(`${opts.plan}: ${words.strictFails(summary.warnings)}`)}\n`);
  } else {
    ctx.io.stdout(`${c.green('✓')} ${escapeTerminal(`${opts.plan}: ${words.summary(summary)}`)}\n`);
  }
}

export function registerValidate(program: Command, ctx: Context): void {
  program
    .command('validate')
    .description('check the plan and year files: YAML syntax, schema, semantic rules, data quality')
    .option('--plan <dir>', 'plan folder', 'plan')
    .option('--strict', 'treat warnings as errors (exit 1)', false)
    .addOption(new Option('--format <format>', 'output format (github: workflow commands that annotate a pull request)').choices(['text', 'json', 'github']).default('text'))
    .option('--verbose', 'print every diagnostic, not only the first 20 of each code (json and github always print all)', false)
    .addOption(langOption("language of the messages (default: the plan's language; json is always English)"))
    .action(async (opts: ValidateOptions) => {
      await runValidate(ctx, opts);
    });
}
