// `cixi-plan import <year> FILE`: read a filled-in .xlsx or .csv, merge it into
// data/<year>.yaml (src/sheet/import.ts), validate the plan with the new text, and only
// then write it atomically. Exit 0 written (or nothing to change), 1 a problem in the
// sheet or the data (nothing written), 2 usage or I/O. `--dry-run` prints the change as
// a unified diff and writes nothing.

import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { createTwoFilesPatch } from 'diff';
import type { SheetLang } from '../sheet/columns.js';
import { displayPath, readRegularFile } from '../load/files.js';
import type { PlanSources, SourceText } from '../load/source-text.js';
import { schemaPath } from '../validate/schema.js';
import { bilingual } from '../diagnostic.js';
import { formatDiagnostics, makeChalk } from '../views/diagnostics.js';
import { writeFileSet } from './output.js';
import { messages } from '../present/i18n/index.js';
import { checkPlanYear, EXIT, UserError, parseYear, requireValidPlan, useColor, type Context } from './context.js';
import { planArgument, USAGE, YEAR_ARGUMENT } from './usage.js';
import { langOption } from './lang-option.js';
import { escapeLines, escapeTerminal } from '../views/terminal.js';

interface ImportOptions {
  plan: string;
  dryRun: boolean;
  lang?: SheetLang;
  quiet: boolean;
  verbose: boolean;
}

// Read the spreadsheet's bytes: a regular file (never a FIFO or a device, even one swapped in
// after a look), within the size the reader accepts; a larger file comes back as limit + 1
// bytes, for the reader to say how large is too large.
async function readInput(path: string, shown: string, limit: number): Promise<Uint8Array> {
  const file = await readRegularFile(path, limit);
  if (file.ok) return new Uint8Array(file.bytes.buffer, file.bytes.byteOffset, file.bytes.length);
  if (file.reason === 'too-large') return new Uint8Array(limit + 1);
  throw new UserError(file.reason === 'missing' ? USAGE.sheetNotFound(shown) : USAGE.sheetUnreadable(shown, bilingual(file.message)));
}

// The schema line a new year file starts with: the one the plan's year files have, else
// one pointing from the data folder at the shipped schema.
function schemaHeader(yearTexts: readonly SourceText[], dataDir: string, headerComment: (t: string) => string | null): string {
  for (const y of yearTexts) {
    const h = headerComment(y.text);
    if (h !== null && h.startsWith('yaml-language-server:')) return h;
  }
  const rel = relative(dataDir, schemaPath('year'));
  const ref = isAbsolute(rel) ? pathToFileURL(schemaPath('year')).href : rel.split(sep).join('/');
  return `yaml-language-server: $schema=${ref}`;
}

async function runImport(ctx: Context, yearText: string, file: string, opts: ImportOptions): Promise<void> {
  const year = parseYear(yearText, YEAR_ARGUMENT.year);
  const { readSheetFile, sheetKind, MAX_SHEET_BYTES } = await import('../sheet/read.js');
  const kind = sheetKind(file);
  if (kind === undefined) throw new UserError(USAGE.sheetKind(file));
  const { data, loaded, lang } = await requireValidPlan(ctx, opts.plan, { quiet: true, verbose: opts.verbose, lang: opts.lang });
  checkPlanYear(data, year, lang);
  const words = messages(lang).diagnostics;
  const { importSheet } = await import('../sheet/import.js');
  const { headerComment } = await import('../sheet/year-document.js');

  const inputPath = resolve(ctx.io.cwd, file);
  const shown = displayPath(inputPath, ctx.io.cwd);
  const bytes = await readInput(inputPath, shown, MAX_SHEET_BYTES);
  const c = ctx.chalk;
  const print = (diagnostics: Parameters<typeof formatDiagnostics>[0], texts: Map<string, string>) => {
    const shownDiagnostics = opts.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
    if (shownDiagnostics.length > 0) ctx.io.stderr(formatDiagnostics(shownDiagnostics, texts, makeChalk(useColor(ctx.io)), { verbose: opts.verbose, lang }) + '\n');
  };
  const read = await readSheetFile(bytes, shown, kind, lang);
  if (!read.ok) {
    print(read.diagnostics, new Map());
    throw new UserError(words.importUnreadable(shown), EXIT.invalid, lang);
  }

  const sources: PlanSources = {
    plan: loaded.sources.find((s) => s.file === data.file) ?? null,
    years: loaded.sources.filter((s) => s.file !== data.file).map((s) => (s.path === undefined ? { file: s.file, text: s.text } : { file: s.file, path: s.path, text: s.text })),
  };
  const existing = data.years.find((y) => y.year === year);
  const dataDir = join(resolve(ctx.io.cwd, opts.plan), 'data');
  const target = existing !== undefined ? resolve(ctx.io.cwd, existing.file) : join(dataDir, `${year}.yaml`);
  const yearFile = { file: existing?.file ?? displayPath(target, ctx.io.cwd), text: existing === undefined ? null : sources.years.find((s) => s.file === existing.file)!.text };
  const result = importSheet({
    sources,
    data,
    before: loaded.diagnostics,
    year,
    yearFile,
    header: schemaHeader(sources.years, dataDir, headerComment),
    grid: read.grid,
    sheetFile: shown,
    lang,
  });
  const texts = new Map((result.validation?.sources ?? []).map((s) => [s.file, s.text]));
  print([...read.diagnostics, ...result.diagnostics], texts);
  // A formula or merged cell found while reading stops the import as any other error does.
  if (!result.ok || result.text === undefined || read.diagnostics.some((d) => d.severity === 'error')) {
    const n = [...read.diagnostics, ...result.diagnostics].filter((d) => d.severity === 'error').length;
    throw new UserError(words.importFailed(shown, n, yearFile.file), EXIT.invalid, lang);
  }

  const count = (section: string, added: boolean) => result.changed.filter((x) => x.section === section && x.added === added).length;
  const counts = words.importCounts({
    obsAdded: count('observations', true),
    obsChanged: count('observations', false),
    msAdded: count('milestones', true),
    msChanged: count('milestones', false),
  });
  if (result.changed.length === 0) {
    if (!opts.quiet) ctx.io.stdout(`${c.green('✓')} ${escapeTerminal(words.importNothing(yearFile.file, shown))}\n`);
    return;
  }
  if (opts.dryRun) {
    const patch = createTwoFilesPatch(yearFile.text === null ? '/dev/null' : yearFile.file, yearFile.file, yearFile.text ?? '', result.text, undefined, undefined, { context: 3 });
    ctx.io.stdout(escapeLines(patch.split('\n').slice(1).join('\n')));
    ctx.io.stdout(`${escapeTerminal(words.importDryRun(yearFile.file, counts))}\n`);
    return;
  }
  const written = await writeFileSet([{ path: target, content: result.text }], { show: (p) => displayPath(p, ctx.io.cwd) });
  if (!written.ok) throw new UserError(written.message, EXIT.usage, lang);
  if (!opts.quiet) {
    ctx.io.stdout(`${c.green('✓')} ${escapeTerminal(words.importDone(yearFile.file, existing === undefined, counts, shown, year, planArgument(opts.plan)))}\n`);
  }
}

export function registerImport(program: Command, ctx: Context): void {
  program
    .command('import')
    .description('read a filled-in workbook (.xlsx) or .csv into data/<year>.yaml, keeping its comments; validates before writing')
    .argument('<year>', 'data year, e.g. 2025')
    .argument('<file>', 'the filled-in .xlsx, or a .csv in UTF-8 or GB18030')
    .option('--plan <dir>', 'plan folder', 'plan')
    .option('--dry-run', 'print what would change as a unified diff, and write nothing', false)
    .addOption(langOption("language of the sheet names in messages (default: the plan's language)"))
    .option('--quiet', 'print only errors', false)
    .option('--verbose', 'print every diagnostic, not only the first 20 of each code', false)
    .action(async (year: string, file: string, opts: ImportOptions) => {
      await runImport(ctx, year, file, opts);
    });
}
