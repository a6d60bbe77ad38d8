// `cixi-plan report <year>`: validate, assess, present, render every format in memory,
// and only when all of that succeeded write out/<year>/ atomically. Exit 0 written,
// 1 invalid data or a year outside the plan, 2 usage, template or I/O problem.

import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { assess } from '../assess/index.js';
import type { Diagnostic } from '../diagnostic.js';
import { formatDiagnostics, makeChalk } from '../views/diagnostics.js';
import { displayPath } from '../load/files.js';
import { buildReportModel, LANGS, type Lang } from '../present/index.js';
import { FORMAT_NAMES, availableFormats, isFormat, rendererFor, type Format } from '../render/index.js';
import { loadTemplates } from '../load/templates.js';
import { writeOutputs, type OutputFile } from './output.js';
import { locate } from '../validate/yaml-source.js';
import {
  EXIT,
  UserError,
  checkReportYear,
  parseYear,
  printDiagnostics,
  reportTime,
  requireValidPlan,
  useColor,
  type Context,
} from './context.js';

/** Formats written when --format is not given: every format with a renderer (md and html, later pdf). */
export function defaultFormats(): Format[] {
  return availableFormats();
}

/** Name of the audit file written beside the reports. */
export const ASSESSMENT_FILE = 'assessment.json';

interface ReportOptions {
  plan: string;
  out: string;
  format?: string;
  templates?: string;
  lang?: Lang;
  quiet: boolean;
  verbose: boolean;
}

/** Parse `--format md,html`: known, available formats, in the order given, without repeats. */
export function parseFormats(text: string | undefined): Format[] {
  if (text === undefined) return defaultFormats();
  const names = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (names.length === 0) throw new UserError(`--format needs at least one of ${FORMAT_NAMES.join(', ')}`);
  const formats: Format[] = [];
  for (const name of names) {
    if (!isFormat(name)) throw new UserError(`unknown format \`${name}\`: choose from ${FORMAT_NAMES.join(', ')}`);
    if (rendererFor(name) === undefined) {
      throw new UserError(`format \`${name}\` is not available yet in this version of cixi-plan (available: ${defaultFormats().join(', ')})`);
    }
    if (!formats.includes(name)) formats.push(name);
  }
  return formats;
}

/** A byte count for people: 812 B, 13.4 KiB, 2.1 MiB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

// Print template diagnostics with the template's line underlined.
function printTemplateDiagnostics(ctx: Context, diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): void {
  ctx.io.stderr(formatDiagnostics(diagnostics, texts, makeChalk(useColor(ctx.io))) + '\n');
}

async function runReport(ctx: Context, yearText: string, opts: ReportOptions): Promise<void> {
  const year = parseYear(yearText, 'the report year');
  const formats = parseFormats(opts.format);
  const time = reportTime(ctx.io.env);
  const { data, loaded } = await requireValidPlan(ctx, opts.plan, opts.quiet, opts.verbose);
  checkReportYear(data, year);

  const result = assess(data, year);
  const assessDiagnostics = locate(result.diagnostics, loaded.sources);
  printDiagnostics(ctx, assessDiagnostics.filter((d) => d.severity !== 'info'), loaded, opts.quiet, opts.verbose);
  const lang = opts.lang ?? data.plan.plan.language;
  const model = buildReportModel(data.plan, result.assessment, [...loaded.diagnostics, ...assessDiagnostics], { lang, generatedAt: time.date, planFile: data.file });

  // Render everything in memory first: a broken template must not leave half a report.
  const outDir = resolve(ctx.io.cwd, opts.out, String(year));
  const files: OutputFile[] = [];
  for (const format of formats) {
    const renderer = rendererFor(format)!;
    const templates = await loadTemplates(renderer.format, opts.templates ?? null, ctx.io.cwd);
    if (!templates.ok) throw new UserError(templates.message);
    const rendered = await renderer.render({ model, templates: templates.templates, createdAt: time.instant });
    if (!rendered.ok) {
      const set = templates.templates;
      const texts = new Map([set.main, ...set.partials].map((t) => [t.file, t.text]));
      printTemplateDiagnostics(ctx, rendered.diagnostics, texts);
      const n = rendered.diagnostics.length;
      throw new UserError(`cannot render ${renderer.format.fileName}: ${n} template error${n === 1 ? '' : 's'}; nothing was written`);
    }
    files.push({ path: join(outDir, renderer.format.fileName), content: rendered.content });
  }
  files.push({ path: join(outDir, ASSESSMENT_FILE), content: JSON.stringify(result.assessment, null, 2) + '\n' });

  const written = await writeOutputs(files);
  if (!written.ok) {
    throw new UserError(`cannot write ${displayPath(written.path, ctx.io.cwd)} (${written.message})`, EXIT.usage);
  }
  if (opts.quiet) return;

  const c = ctx.chalk;
  const shown = written.written.map((w) => ({ path: displayPath(w.path, ctx.io.cwd), size: formatSize(w.bytes) }));
  const width = Math.max(...shown.map((s) => s.path.length));
  for (const s of shown) ctx.io.stdout(`  ${s.path.padEnd(width)}  ${c.dim(s.size.padStart(9))}\n`);
  const s = result.assessment.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  ctx.io.stdout(
    `${c.green('✓')} report ${year} (${lang}): ${plural(result.assessment.indicators.length, 'indicator')}, ` +
      `${s.assessed} assessed, ${s.on_or_ahead} on or ahead of pace, ${plural(s.warnings, 'early warning')}, ` +
      `${plural(result.assessment.milestones.length, 'milestone')}; ${plural(written.written.length, 'file')} in ${displayPath(outDir, ctx.io.cwd)}\n`,
  );
}

export function registerReport(program: Command, ctx: Context): void {
  program
    .command('report')
    .description('validate, assess and write the progress report of a year: out/<year>/report.md, report.html, report.pdf, report.xlsx, assessment.json')
    .argument('<year>', 'report year, e.g. 2024')
    .option('--plan <dir>', 'plan folder', 'plan')
    .option('--out <dir>', 'output folder; the report goes to <dir>/<year>/', 'out')
    .option('--format <list>', `comma-separated formats among ${FORMAT_NAMES.join(', ')} (default: ${defaultFormats().join(',')})`)
    .option('--templates <dir>', 'folder of Handlebars templates overriding the built-in ones file by file')
    .addOption(new Option('--lang <lang>', "report language (default: the plan's language)").choices(LANGS))
    .option('--quiet', 'print only errors', false)
    .option('--verbose', 'print every diagnostic, not only the first 20 of each code', false)
    .action(async (year: string, opts: ReportOptions) => {
      await runReport(ctx, year, opts);
    });
}
