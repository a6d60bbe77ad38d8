// `cixi-plan sheet <year>`: write the fill-in workbook of a year (src/sheet/workbook.ts)
// for the people who supply its figures. Exit 0 written, 1 invalid data or a year
// outside the plan, 2 usage or I/O (an existing file is kept unless --force).

import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { displayPath } from '../load/files.js';
import { packageVersion } from '../paths.js';
import type { SheetLang } from '../sheet/columns.js';
import { writeFileSet } from './output.js';
import { formatSize } from './report.js';
import { messages } from '../present/i18n/index.js';
import { checkPlanYear, EXIT, UserError, parseYear, reportTime, requireValidPlan, type Context } from './context.js';
import { planArgument, USAGE, YEAR_ARGUMENT } from './usage.js';
import { langOption } from './lang-option.js';
import { escapeLines } from '../views/terminal.js';

interface SheetOptions {
  plan: string;
  out?: string;
  lang?: SheetLang;
  force: boolean;
  quiet: boolean;
}

/** Where the workbook goes when --out is not given. */
export function defaultSheetPath(year: number): string {
  return `out/fill-in-${year}.xlsx`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function runSheet(ctx: Context, yearText: string, opts: SheetOptions): Promise<void> {
  const year = parseYear(yearText, YEAR_ARGUMENT.year);
  const out = opts.out ?? defaultSheetPath(year);
  if (!/\.xlsx$/i.test(out)) throw new UserError(USAGE.workbookName(out));
  const time = reportTime(ctx.io.env);
  const { data, lang } = await requireValidPlan(ctx, opts.plan, { quiet: true, lang: opts.lang });
  checkPlanYear(data, year, lang);
  const words = messages(lang).diagnostics;
  const path = resolve(ctx.io.cwd, out);
  // A filled-in workbook saved under the default name must not be lost to a fresh blank one.
  if (!opts.force && (await exists(path))) {
    throw new UserError(words.sheetExists(displayPath(path, ctx.io.cwd)), EXIT.usage, lang);
  }
  const { fillInWorkbook } = await import('../sheet/workbook.js');
  const bytes = await fillInWorkbook({ data, year, lang, createdAt: time.instant, generator: `cixi-plan ${packageVersion()}` });
  const written = await writeFileSet([{ path, content: bytes }], { show: (p) => displayPath(p, ctx.io.cwd) });
  if (!written.ok) throw new UserError(written.message, EXIT.usage, lang);
  if (opts.quiet) return;
  const done = words.sheetDone({
    path: displayPath(path, ctx.io.cwd),
    size: formatSize(bytes.byteLength),
    indicators: data.plan.indicators.length,
    milestones: data.plan.milestones.length,
    year,
    prefilled: data.years.some((y) => y.year === year),
    planArg: planArgument(opts.plan),
  });
  ctx.io.stdout(`${ctx.chalk.green('✓')} ${escapeLines(done)}\n`);
}

export function registerSheet(program: Command, ctx: Context): void {
  program
    .command('sheet')
    .description("write a year's fill-in workbook (.xlsx) for the people who supply its figures; read it back with `import`")
    .argument('<year>', 'data year, e.g. 2025')
    .option('--plan <dir>', 'plan folder', 'plan')
    .option('--out <file>', 'the workbook to write (default: out/fill-in-<year>.xlsx)')
    .addOption(langOption("language of the labels (default: the plan's language)"))
    .option('--force', 'replace an existing file', false)
    .option('--quiet', 'print only errors', false)
    .action(async (year: string, opts: SheetOptions) => {
      await runSheet(ctx, year, opts);
    });
}
