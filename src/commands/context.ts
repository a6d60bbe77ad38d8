// What every command shares: the outside world (CliIO), exit codes, colour, and
// reading + validating a plan folder with its diagnostics printed.

import { sortDiagnostics, type Bilingual, type Diagnostic } from '../diagnostic.js';
import { formatDiagnostics, makeChalk } from '../views/diagnostics.js';
import { IO_ERROR, MAX_FILE_BYTES, readPlanFolder, readRegularFile } from '../load/files.js';
import { join, resolve } from 'node:path';
import { parseSourceDateEpoch } from './source-date.js';
import type { PlanData } from '../model.js';
import { messages, type Lang } from '../present/i18n/index.js';
import type { ValidationResult } from '../validate/index.js';
import { EXIT, UserError, useColor, type Context } from './io.js';
import { planArgument, USAGE, YEAR_ARGUMENT } from './usage.js';

export { EXIT, UserError, useColor, type CliIO, type Context } from './io.js';

export interface LoadedPlan extends ValidationResult {
  /** A file could not be read at all (exit code 2). */
  ioFailed: boolean;
}

/** Read and validate a plan folder. A missing folder or plan file throws UserError. */
export async function loadPlan(ctx: Context, planDir: string): Promise<LoadedPlan> {
  // As for --out: an empty name is not taken for the current folder.
  if (planDir === '') throw new UserError(USAGE.emptyFolder('--plan'));
  const read = await readPlanFolder(planDir, ctx.io.cwd);
  if (!read.ok) throw new UserError(read.message);
  // Loaded here, not at start-up: yaml and ajv are needed only once a plan is read.
  const { validatePlan } = await import('../validate/index.js');
  const result = validatePlan(read.sources);
  const diagnostics = sortDiagnostics([...read.diagnostics, ...result.diagnostics]);
  const readErrors = read.diagnostics.filter((d) => d.severity === 'error').length;
  const loaded: LoadedPlan = {
    ...result,
    diagnostics,
    summary: { ...result.summary, errors: result.summary.errors + readErrors },
    ioFailed: read.diagnostics.some((d) => d.code === IO_ERROR),
  };
  if (readErrors > 0) delete loaded.data;
  return loaded;
}

/**
 * The language a command speaks in: --lang, else the plan's `language` (read from the parsed
 * plan file even when it is invalid), else Chinese.
 */
export function commandLanguage(lang: Lang | undefined, loaded: Pick<ValidationResult, 'sources' | 'data'>): Lang {
  if (lang !== undefined) return lang;
  const declared = loaded.data?.plan.plan.language;
  if (declared !== undefined) return declared;
  for (const source of loaded.sources) {
    const value: unknown = source.value;
    const plan = typeof value === 'object' && value !== null ? (value as { plan?: unknown }).plan : undefined;
    const found = typeof plan === 'object' && plan !== null ? (plan as { language?: unknown }).language : undefined;
    if (found === 'zh-CN' || found === 'en') return found;
  }
  return 'zh-CN';
}

/**
 * The `language` a plan folder's plan.yaml declares, read without validating (for words said
 * before or without validation: a mistake in the command, `explain`); Chinese when there is
 * no plan there or it says none.
 */
export async function planLanguage(planDir: string, cwd: string): Promise<Lang> {
  // plan.yaml alone, as a plan folder's files are read (a FIFO or a device is refused unread).
  const read = await readRegularFile(join(resolve(cwd, planDir), 'plan.yaml'), MAX_FILE_BYTES);
  const m = read.ok ? /^\s+language:\s*["']?(zh-CN|en)["']?\s*$/m.exec(read.bytes.toString('utf8')) : null;
  return (m?.[1] as Lang | undefined) ?? 'zh-CN';
}

export interface PrintOptions {
  /** Errors only. */
  quiet?: boolean;
  /** Every diagnostic, not the first 20 of each code. */
  verbose?: boolean;
  lang: Lang;
}

/**
 * Print diagnostics to stderr with source excerpts (errors only when quiet); unless
 * verbose, the first 20 of each code and a count of the rest.
 */
export function printDiagnostics(ctx: Context, diagnostics: readonly Diagnostic[], loaded: { sources: ReadonlyArray<{ file: string; text: string }> }, options: PrintOptions): void {
  const shown = options.quiet === true ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  if (shown.length === 0) return;
  const texts = new Map(loaded.sources.map((s) => [s.file, s.text]));
  const format = { verbose: options.verbose === true, lang: options.lang };
  ctx.io.stderr(formatDiagnostics(shown, texts, makeChalk(useColor(ctx.io)), format) + '\n');
}

/**
 * Load a plan that must be valid before anything else runs (gaps, report, diff):
 * prints its diagnostics (warnings too unless quiet) in the command's language and throws
 * UserError with exit 1 when it is invalid, 2 when a file could not be read.
 */
export async function requireValidPlan(
  ctx: Context,
  planDir: string,
  options: { quiet?: boolean; verbose?: boolean; lang?: Lang | undefined } = {},
): Promise<{ data: PlanData; loaded: LoadedPlan; lang: Lang }> {
  const loaded = await loadPlan(ctx, planDir);
  const lang = commandLanguage(options.lang, loaded);
  printDiagnostics(ctx, loaded.diagnostics, loaded, { quiet: options.quiet === true, verbose: options.verbose === true, lang });
  const words = messages(lang).diagnostics;
  if (loaded.ioFailed) throw new UserError(words.unreadable(planDir), EXIT.usage, lang);
  if (!loaded.data) throw new UserError(words.invalidPlan(planDir, loaded.summary.errors, planArgument(planDir)), EXIT.invalid, lang);
  return { data: loaded.data, loaded, lang };
}

/** Parse a year argument: four digits, else a usage error. */
export function parseYear(text: string, what: Bilingual = YEAR_ARGUMENT.year): number {
  if (!/^\d{4}$/.test(text)) throw new UserError(USAGE.notAYear(what, text));
  return Number(text);
}

/**
 * Check that a report year lies in the plan (base year to period end) and has a
 * year file. Outside the plan or without data: UserError with exit 1 (the data
 * does not cover the year).
 */
export function checkReportYear(data: PlanData, year: number, lang: Lang): void {
  checkPlanYear(data, year, lang);
  if (!data.years.some((y) => y.year === year)) {
    throw new UserError(messages(lang).diagnostics.noYearFile(year, data.years.map((y) => y.year)), EXIT.invalid, lang);
  }
}

/**
 * Check that a year lies in the plan, from the base year to the period's end; UserError with
 * exit 1 otherwise. `side` names where the plan was read when there are two (diff --rev).
 */
export function checkPlanYear(data: PlanData, year: number, lang: Lang, side?: string): void {
  const { base_year: base, period } = data.plan.plan;
  if (year < base || year > period.end) {
    throw new UserError(messages(lang).diagnostics.outsidePlan(year, base, period.end, side), EXIT.invalid, lang);
  }
}

/**
 * When the report is made: SOURCE_DATE_EPOCH (seconds since 1970, UTC) when set, so that
 * builds are reproducible, else now. `date` is that day as YYYY-MM-DD (UTC for an epoch,
 * the local day otherwise); `instant` dates the PDF.
 */
export function reportTime(env: Record<string, string | undefined>, now: () => Date = () => new Date()): { instant: Date; date: string } {
  const epoch = parseSourceDateEpoch(env.SOURCE_DATE_EPOCH);
  if (!epoch.ok) throw new UserError(epoch.message);
  if (epoch.date) return { instant: epoch.date, date: epoch.date.toISOString().slice(0, 10) };
  const d = now();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { instant: d, date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` };
}
