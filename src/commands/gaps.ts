// `cixi-plan gaps <year>`: the assessment as a terminal table, or as JSON.

import type { Command } from 'commander';
import { assess } from '../assess/index.js';
import { formatGaps } from '../views/gaps.js';
import { buildReportModel, type Lang } from '../present/index.js';
import { messages } from '../present/i18n/index.js';
import { locate } from '../validate/yaml-source.js';
import { checkReportYear, parseYear, printDiagnostics, reportTime, requireValidPlan, type Context } from './context.js';
import { planArgument, YEAR_ARGUMENT } from './usage.js';
import { langOption } from './lang-option.js';
import { escapeTerminal } from '../views/terminal.js';
import { writeJson } from '../json-pieces.js';

interface GapsOptions {
  plan: string;
  json: boolean;
  lang?: Lang;
  verbose: boolean;
}

async function runGaps(ctx: Context, yearText: string, opts: GapsOptions): Promise<void> {
  const year = parseYear(yearText, YEAR_ARGUMENT.report);
  // Validation warnings are the `validate` command's business; here only errors stop us.
  const { data, loaded, lang } = await requireValidPlan(ctx, opts.plan, { quiet: true, verbose: opts.verbose, lang: opts.lang });
  checkReportYear(data, year, lang);
  const { assessment, diagnostics } = assess(data, year);
  if (opts.json) {
    writeJson(assessment, ctx.io.stdout);
    return;
  }
  const width = terminalWidth(ctx.io.env.COLUMNS);
  const located = locate(diagnostics, loaded.sources);
  const model = buildReportModel(data.plan, assessment, [...loaded.diagnostics, ...located], {
    lang,
    generatedAt: reportTime(ctx.io.env).date,
    planFile: data.file,
  });
  ctx.io.stdout(formatGaps(model, { chalk: ctx.chalk, width }));
  // What limited the assessment (not-comparable values, undefined growth) goes to stderr.
  const limits = located.filter((d) => d.severity !== 'info');
  printDiagnostics(ctx, limits, loaded, { verbose: opts.verbose, lang });
  const warnings = loaded.summary.warnings;
  if (warnings > 0) ctx.io.stderr(ctx.chalk.dim(escapeTerminal(messages(lang).diagnostics.seeWarnings(warnings, planArgument(opts.plan))) + '\n'));
}

export function registerGaps(program: Command, ctx: Context): void {
  program
    .command('gaps')
    .description("each target's gap, completion against time pace (序时进度) and status in a report year")
    .argument('<year>', 'report year, e.g. 2024')
    .option('--plan <dir>', 'plan folder', 'plan')
    .option('--json', 'print the whole assessment as JSON (the report saves the same as assessment.json)', false)
    .addOption(langOption("language of the table (default: the plan's language)"))
    .option('--verbose', 'print every diagnostic, not only the first 20 of each code', false)
    .action(async (year: string, opts: GapsOptions) => {
      await runGaps(ctx, year, opts);
    });
}

/**
 * The width to lay the table out to, from COLUMNS: a whole number of columns, at most 1,000
 * (a larger one, such as 1e9, would only make the padding too long to build); 100 when it
 * is unset, zero, negative or not a whole number (Infinity, junk).
 */
function terminalWidth(columns: string | undefined): number {
  const n = Number(columns);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 1000) : 100;
}
