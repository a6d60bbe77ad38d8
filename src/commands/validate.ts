// `cixi-plan validate`: every problem in one run; exit 0 valid, 1 invalid, 2 unreadable.

import { Option, type Command } from 'commander';
import { diagnosticsToGithub, diagnosticsToJson } from '../views/diagnostics.js';
import type { ValidationSummary } from '../validate/index.js';
import { EXIT, loadPlan, printDiagnostics, type Context } from './context.js';

/** The one-line summary of a validation run. */
export function summaryLine(s: ValidationSummary): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [
    plural(s.pillars, 'pillar'),
    plural(s.actions, 'action'),
    plural(s.indicators, 'indicator'),
    plural(s.milestones, 'milestone'),
    `${plural(s.observations, 'observation')} (${s.missing} missing) in ${plural(s.years, 'year file')}`,
    plural(s.warnings, 'warning'),
  ].join(', ');
}

interface ValidateOptions {
  plan: string;
  strict: boolean;
  format: 'text' | 'json' | 'github';
  verbose: boolean;
}

async function runValidate(ctx: Context, opts: ValidateOptions): Promise<void> {
  const json = opts.format === 'json';
  const loaded = await loadPlan(ctx, opts.plan);
  const { summary } = loaded;
  const failed = loaded.ioFailed || summary.errors > 0 || (opts.strict && summary.warnings > 0);
  ctx.exitCode = loaded.ioFailed ? EXIT.usage : failed ? EXIT.invalid : EXIT.ok;
  if (json) {
    const body = { valid: !failed, summary, diagnostics: diagnosticsToJson(loaded.diagnostics) };
    ctx.io.stdout(JSON.stringify(body, null, 2) + '\n');
    return;
  }
  if (opts.format === 'github') {
    // Workflow commands become annotations on the pull request; the summary stays in the log.
    ctx.io.stdout(diagnosticsToGithub(loaded.diagnostics));
    const verdict = loaded.ioFailed || summary.errors > 0 ? 'invalid' : failed ? 'fails --strict' : 'valid';
    ctx.io.stdout(`${opts.plan}: ${verdict}; ${summaryLine(summary)}\n`);
    return;
  }
  printDiagnostics(ctx, loaded.diagnostics, loaded, false, opts.verbose);
  const c = ctx.chalk;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (summary.errors > 0 || loaded.ioFailed) {
    ctx.io.stdout(`${c.red('✗')} ${opts.plan}: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}\n`);
  } else if (failed) {
    ctx.io.stdout(`${c.yellow('✗')} ${opts.plan}: valid, but --strict fails on ${plural(summary.warnings, 'warning')}\n`);
  } else {
    ctx.io.stdout(`${c.green('✓')} ${opts.plan}: ${summaryLine(summary)}\n`);
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
    .action(async (opts: ValidateOptions) => {
      await runValidate(ctx, opts);
    });
}
