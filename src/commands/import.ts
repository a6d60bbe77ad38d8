// `cixi-plan import <year> FILE`: read a filled-in .xlsx or .csv, merge it into
// data/<year>.yaml (src/sheet/import.ts), validate the plan with the new text, and only
// then write it atomically. Exit 0 written (or nothing to change), 1 a problem in the
// sheet or the data (nothing written), 2 usage or I/O. `--dry-run` prints the change as
// a unified diff and writes nothing. The file keeps its form: its line endings (see
// sheet/year-document.ts), a leading byte-order mark, and a symbolic link inside the plan
// folder (the file it points to is written; a link out of the folder is refused).

import { lstat, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { createTwoFilesPatch } from 'diff';
import type { SheetLang } from '../sheet/columns.js';
import { displayPath, isInside, MAX_FILE_BYTES, readRegularFile } from '../load/files.js';
import type { PlanSources, SourceText } from '../load/source-text.js';
import { schemaPath } from '../validate/schema.js';
import { bilingual } from '../diagnostic.js';
import { formatDiagnostics, makeChalk } from '../views/diagnostics.js';
import { writeFileSet } from './output.js';
import { messages, type Lang } from '../present/i18n/index.js';
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

const BOM = [0xef, 0xbb, 0xbf];

const errnoOf = (err: unknown): string => (err as NodeJS.ErrnoException).code ?? 'unknown error';

// The file to write for the year file at `target`: the file a symbolic link leads to (the
// atomic write renames over that file, so the link stays a link), or `target` itself. As the
// loader does (load/files.ts), a link out of the plan folder is refused: exit 2, nothing written.
async function writePath(target: string, planDir: string, shown: string, lang: Lang): Promise<string> {
  let real: string;
  let root: string;
  try {
    root = await realpath(planDir);
    real = await realpath(target);
  } catch (err) {
    if (errnoOf(err) !== 'ENOENT') throw new UserError({ en: `${shown} cannot be read (${errnoOf(err)}): nothing written`, zh: `${shown} 无法读取（${errnoOf(err)}）：没有写入任何文件` }, EXIT.usage, lang);
    const link = await lstat(target).then((info) => info.isSymbolicLink(), () => false);
    if (link) throw new UserError({ en: `${shown} is a symbolic link to a file that does not exist: nothing written`, zh: `${shown} 是指向不存在文件的符号链接：没有写入任何文件` }, EXIT.usage, lang);
    // A new year file: the loader has followed the data folder (a link within the plan folder).
    return target;
  }
  if (!isInside(real, root)) {
    throw new UserError({
      en: `${shown} is a symbolic link to ${real}, outside the plan folder: nothing written (links are followed only within the plan folder)`,
      zh: `${shown} 是指向规划文件夹之外 ${real} 的符号链接：没有写入任何文件（只跟随规划文件夹内的链接）`,
    }, EXIT.usage, lang);
  }
  return real;
}

// The byte-order mark the year file at `path` starts with ('' when none), which the loader
// drops from the text (load/source-text.ts decodeText: the decoder's and its own, so up to
// two). The rest must still be the text the import was made from: else the file was changed
// meanwhile, and writing would undo that change.
async function leadingBom(path: string, text: string, shown: string, lang: Lang): Promise<string> {
  const file = await readRegularFile(path, MAX_FILE_BYTES);
  if (!file.ok) {
    const gone = file.reason === 'missing';
    throw new UserError({ en: `${shown} ${gone ? 'is gone' : 'cannot be read'} since the plan was read: nothing written`, zh: `读取规划后 ${shown} ${gone ? '已不存在' : '无法读取'}：没有写入任何文件` }, EXIT.usage, lang);
  }
  const raw = file.bytes.toString('utf8');
  const bom = /^\uFEFF{0,2}/.exec(raw)![0];
  if (raw.slice(bom.length) !== text) {
    throw new UserError({ en: `${shown} was changed while it was being imported into: nothing written; run the import again`, zh: `导入期间 ${shown} 被修改：没有写入任何文件；请重新导入` }, EXIT.usage, lang);
  }
  return bom;
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
    const patch = createTwoFilesPatch(yearFile.text === null ? '/dev/null' : yearFile.file, yearFile.file, yearFile.text ?? '', result.text, undefined, undefined, { context: 3, stripTrailingCr: true });
    ctx.io.stdout(escapeLines(patch.split('\n').slice(1).join('\n')));
    ctx.io.stdout(`${escapeTerminal(words.importDryRun(yearFile.file, counts))}\n`);
    return;
  }
  // Where a link leads, and the byte-order mark the file starts with: read again now, just
  // before the write (the loader keeps neither).
  const path = await writePath(target, resolve(ctx.io.cwd, opts.plan), yearFile.file, lang);
  const bom = yearFile.text === null ? '' : await leadingBom(path, yearFile.text, yearFile.file, lang);
  const written = await writeFileSet([{ path, content: bom + result.text }], { show: (p) => displayPath(p, ctx.io.cwd) });
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
