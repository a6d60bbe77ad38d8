// `cixi-plan report <year>`: validate, assess, present, render every format in memory,
// and only when all of that succeeded write out/<year>/ atomically. Exit 0 written,
// 1 invalid data or a year outside the plan, 2 usage, template or I/O problem.

import { createHash } from 'node:crypto';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { assess } from '../assess/index.js';
import type { Diagnostic } from '../diagnostic.js';
import { formatDiagnostics, makeChalk } from '../views/diagnostics.js';
import { displayPath } from '../load/files.js';
import { buildReportModel, type Lang, type ReportModel } from '../present/index.js';
import { messages } from '../present/i18n/index.js';
import { FORMAT_NAMES, isFormat, rendererFor, type Format, type Renderer, type TemplateSet } from '../render/index.js';
import { loadTemplates } from '../load/templates.js';
import { writeFileSet, type OutputFile } from './output.js';
import { jsonPieces } from '../json-pieces.js';
import { faultPoints } from './fault-points.js';
import { USAGE, YEAR_ARGUMENT } from './usage.js';
import { langOption } from './lang-option.js';
import { packageVersion } from '../paths.js';
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
import { escapeTerminal } from '../views/terminal.js';

/** Formats written when --format is not given: all of them. */
export function defaultFormats(): Format[] {
  return [...FORMAT_NAMES];
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
  if (names.length === 0) throw new UserError(USAGE.noFormat(FORMAT_NAMES));
  const formats: Format[] = [];
  for (const name of names) {
    if (!isFormat(name)) throw new UserError(USAGE.unknownFormat(name, FORMAT_NAMES));
    if (!formats.includes(name)) formats.push(name);
  }
  return formats;
}

/** Which run wrote a report set: saved as `run` in assessment.json. */
export interface RunRecord {
  /** SHA-256 (hex) of every input of the run (see runInputsHash); also in report.md, report.html and report.pdf. */
  inputs_sha256: string;
  tool: 'cixi-plan';
  version: string;
  /** The files the run wrote, assessment.json last. */
  files: string[];
}

/** What a report depends on, as the run id hashes it. */
export interface RunInputs {
  version: string;
  year: number;
  lang: string;
  formats: readonly string[];
  /** The report's date (YYYY-MM-DD) and the PDF's creation instant (ISO 8601). */
  date: string;
  instant: string;
  /** Plan and year files (path inside the plan folder) and templates (format and name), with their texts. */
  sources: ReadonlyArray<{ file: string; text: string }>;
  templates: ReadonlyArray<{ file: string; text: string }>;
}

/**
 * The run id: SHA-256 over the tool version, the options, the date and every plan and
 * template text. Same inputs (and SOURCE_DATE_EPOCH), same id, so output stays
 * byte-reproducible; files whose ids differ come from different runs.
 */
export function runInputsHash(inputs: RunInputs): string {
  const hash = createHash('sha256');
  const { sources, templates, ...options } = inputs;
  hash.update(JSON.stringify(['cixi-plan', options]));
  for (const f of [...sources, ...templates]) hash.update(`\0${f.file}\0${f.text.length}\0${f.text}`);
  return hash.digest('hex');
}

/** The line that names the run at the end of report.md and report.html (a comment in both). */
export function runMark(id: string): string {
  return `<!-- cixi-plan run ${id} -->`;
}

// A text report as UTF-8 with the run mark appended: an HTML comment, valid in Markdown and
// after </html>. Written straight into one buffer: joining the texts first would copy a large
// report's text once more.
function stampRun(text: string, id: string): Uint8Array {
  const tail = `${text.endsWith('\n') ? '' : '\n'}${runMark(id)}\n`;
  const size = Buffer.byteLength(text, 'utf8');
  const bytes = Buffer.allocUnsafe(size + Buffer.byteLength(tail, 'utf8'));
  bytes.write(text, 0, 'utf8');
  bytes.write(tail, size, 'utf8');
  return bytes;
}

/** A byte count for people: 812 B, 13.4 KiB, 2.1 MiB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

// Print template diagnostics with the template's line underlined.
function printTemplateDiagnostics(ctx: Context, diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>, lang: Lang): void {
  ctx.io.stderr(formatDiagnostics(diagnostics, texts, makeChalk(useColor(ctx.io)), { lang }) + '\n');
}

/**
 * Validate and assess the plan, placing the assessment's diagnostics in the YAML. The parsed
 * documents stay in this frame: rendering does not need them, and a large plan's take hundreds
 * of megabytes. The sources come back as their texts.
 */
async function assessPlan(ctx: Context, opts: ReportOptions, year: number) {
  const { data, loaded, lang } = await requireValidPlan(ctx, opts.plan, { quiet: opts.quiet, verbose: opts.verbose, lang: opts.lang });
  checkReportYear(data, year, lang);
  const result = assess(data, year);
  const assessDiagnostics = locate(result.diagnostics, loaded.sources);
  printDiagnostics(ctx, assessDiagnostics.filter((d) => d.severity !== 'info'), loaded, { quiet: opts.quiet, verbose: opts.verbose, lang });
  return {
    data,
    lang,
    result,
    diagnostics: [...loaded.diagnostics, ...assessDiagnostics],
    loaded: { sources: loaded.sources.map(({ file, text }) => ({ file, text })) },
  };
}

/** A format to render: its renderer and templates. */
interface Job {
  renderer: Renderer;
  templates: TemplateSet;
}

/**
 * Render every format in memory, each held as bytes: a broken template must not leave half a
 * report. The ReportModel lives only in this frame, so it is gone before the audit file is
 * written. Text formats end with the run mark.
 */
async function renderFiles(ctx: Context, opts: ReportOptions, lang: Lang, jobs: readonly Job[], makeModel: () => ReportModel, runId: string, createdAt: Date, outDir: string, loaded: { sources: ReadonlyArray<{ file: string; text: string }> }): Promise<OutputFile[]> {
  const model = makeModel();
  const files: OutputFile[] = [];
  for (const { renderer, templates } of jobs) {
    files.push({ path: join(outDir, renderer.format.fileName), content: await renderFile(ctx, opts, lang, renderer, templates, model, runId, createdAt, loaded) });
  }
  return files;
}

// Render one format; its text only in this frame, so that a large report's text (and the
// copies made of it) are garbage once its bytes are made.
async function renderFile(ctx: Context, opts: ReportOptions, lang: Lang, renderer: Renderer, templates: TemplateSet, model: ReportModel, runId: string, createdAt: Date, loaded: { sources: ReadonlyArray<{ file: string; text: string }> }): Promise<Uint8Array> {
  const rendered = await renderer.render({ model, templates, createdAt, runId });
  if (!rendered.ok) {
    const texts = new Map([templates.main, ...templates.partials].map((t) => [t.file, t.text]));
    printTemplateDiagnostics(ctx, rendered.diagnostics, texts, lang);
    const n = rendered.diagnostics.length;
    const name = renderer.format.fileName;
    throw new UserError(
      { en: `cannot render ${name}: ${n} template error${n === 1 ? '' : 's'}; nothing was written`, zh: `无法生成 ${name}：${n}个模板错误；没有写入任何文件` },
      EXIT.usage,
      lang,
    );
  }
  if (rendered.diagnostics !== undefined) printDiagnostics(ctx, rendered.diagnostics, loaded, { quiet: opts.quiet, lang });
  // Held as UTF-8 until written: half the memory of the text for HTML, which is mostly ASCII.
  return typeof rendered.content === 'string' ? stampRun(rendered.content, runId) : rendered.content;
}

async function runReport(ctx: Context, yearText: string, opts: ReportOptions): Promise<void> {
  const year = parseYear(yearText, YEAR_ARGUMENT.report);
  const formats = parseFormats(opts.format);
  // An empty folder name (an unset variable in a script: --out "$OUT") is the current folder
  // to the file system; refused rather than taken.
  if (opts.out === '') throw new UserError(USAGE.emptyFolder('--out'));
  if (opts.templates === '') throw new UserError(USAGE.emptyFolder('--templates'));
  const time = reportTime(ctx.io.env);
  const { data, result, diagnostics, loaded, lang } = await assessPlan(ctx, opts, year);

  // Load every template first: the run id covers them, and the PDF carries it.
  const outDir = resolve(ctx.io.cwd, opts.out, String(year));
  const planDir = resolve(ctx.io.cwd, opts.plan);
  const jobs: Job[] = [];
  for (const format of formats) {
    const renderer = rendererFor(format);
    const templates = await loadTemplates(renderer.format, opts.templates ?? null, ctx.io.cwd);
    if (!templates.ok) throw new UserError(templates.message);
    jobs.push({ renderer, templates: templates.templates });
  }
  const fileNames = [...jobs.map((j) => j.renderer.format.fileName), ASSESSMENT_FILE];
  const run: RunRecord = {
    inputs_sha256: runInputsHash({
      version: packageVersion(),
      year,
      lang,
      formats,
      date: time.date,
      instant: time.instant.toISOString(),
      // Named inside the plan folder and by template name: the id must not depend on where things are.
      sources: loaded.sources.map((f) => ({ file: relative(planDir, resolve(ctx.io.cwd, f.file)), text: f.text })),
      templates: jobs.flatMap((j) => [j.templates.main, ...j.templates.partials].map((t) => ({ file: `${j.renderer.format.id}:${t.name}`, text: t.text }))),
    }),
    tool: 'cixi-plan',
    version: packageVersion(),
    files: fileNames,
  };

  const makeModel = () => buildReportModel(data.plan, result.assessment, diagnostics, { lang, generatedAt: time.date, planFile: data.file });
  const files = await renderFiles(ctx, opts, lang, jobs, makeModel, run.inputs_sha256, time.instant, outDir, loaded);
  // The run goes right after schema_version; the rest is what `gaps --json` prints.
  const { schema_version, ...assessment } = result.assessment;
  files.push({ path: join(outDir, ASSESSMENT_FILE), content: jsonPieces({ schema_version, run, ...assessment }) });

  const written = await writeFileSet(files, { show: (p) => displayPath(p, ctx.io.cwd), hooks: faultPoints(ctx.io.env, ctx.io.stderr) });
  if (!written.ok) throw new UserError(written.message, EXIT.usage, lang);
  if (opts.quiet) return;

  const c = ctx.chalk;
  const shown = written.written.map((w) => ({ path: escapeTerminal(displayPath(w.path, ctx.io.cwd)), size: formatSize(w.bytes) }));
  const width = Math.max(...shown.map((s) => s.path.length));
  for (const s of shown) ctx.io.stdout(`  ${s.path.padEnd(width)}  ${c.dim(s.size.padStart(9))}\n`);
  const s = result.assessment.summary;
  const done = messages(lang).diagnostics.reportDone({
    year, lang, indicators: result.assessment.indicators.length, assessed: s.assessed, onPace: s.on_or_ahead,
    warnings: s.warnings, milestones: result.assessment.milestones.length, files: written.written.length,
    folder: displayPath(outDir, ctx.io.cwd),
  });
  ctx.io.stdout(`${c.green('✓')} ${escapeTerminal(done)}\n`);
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
    .addOption(langOption("report language (default: the plan's language)"))
    .option('--quiet', 'print only errors', false)
    .option('--verbose', 'print every diagnostic, not only the first 20 of each code', false)
    .action(async (year: string, opts: ReportOptions) => {
      await runReport(ctx, year, opts);
    });
}
