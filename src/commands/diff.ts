// `cixi-plan diff`: what changed between two report years of a plan, or what a change
// to the data (two git revisions, or a revision and the working tree) does to one
// report year. Exit 0 whatever changed; 1 when a side is invalid; 2 for usage errors.

import { Option, type Command } from 'commander';
import { buildSide, diffSides, type DiffSide, type SideOrigin } from '../diff/index.js';
import { formatDiff } from '../views/diff.js';
import { makeChalk } from '../views/diagnostics.js';
import { codeBlock } from '../views/markdown.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostic.js';
import { readPlanAtRevision } from '../load/git.js';
import { IO_ERROR } from '../load/files.js';
import type { PlanData, PlanFile } from '../model.js';
import type { Lang } from '../present/index.js';
import { messages } from '../present/i18n/index.js';
import { localizeDiffNames } from '../present/diff-names.js';
import { validatePlan, type PlanSources, type ValidationResult } from '../validate/index.js';
import { EXIT, checkPlanYear, checkReportYear, commandLanguage, loadPlan, parseYear, printDiagnostics, requireValidPlan, UserError, type Context } from './context.js';
import { USAGE, YEAR_ARGUMENT } from './usage.js';
import { langOption } from './lang-option.js';
import { writeJson } from '../json-pieces.js';

interface DiffOptions {
  plan: string;
  json: boolean;
  format: 'text' | 'json' | 'markdown';
  verbose: boolean;
  /** Undefined until --rev is given. */
  rev?: string[];
  lang?: Lang;
}

/** The two revisions to compare; `to` null means the working tree. */
export interface RevisionRange {
  from: string;
  to: string | null;
}

/**
 * Read the --rev options: `A..B` or `--rev A --rev B` compare two revisions, a lone
 * `--rev A` compares A with the working tree. An empty side of `..` is HEAD, as in git.
 */
export function parseRevisions(revs: readonly string[]): RevisionRange {
  if (revs.length > 2) throw new UserError(USAGE.tooManyRevs(revs.length));
  if (revs.some((r) => r.includes('...'))) throw new UserError(USAGE.symmetricRevs());
  if (revs.length === 2) {
    if (revs.some((r) => r.includes('..'))) throw new UserError(USAGE.rangeAndTwoRevs());
    return { from: revs[0]!, to: revs[1]! };
  }
  const only = revs[0] ?? '';
  if (only === '..') throw new UserError(USAGE.emptyRange());
  const dots = only.indexOf('..');
  if (dots < 0) {
    if (only.trim() === '') throw new UserError(USAGE.emptyRev());
    return { from: only, to: null };
  }
  const from = only.slice(0, dots) || 'HEAD';
  const to = only.slice(dots + 2) || 'HEAD';
  return { from, to };
}

/** A loaded, validated side of a revision comparison. */
interface LoadedSide {
  name: string;
  origin: SideOrigin;
  revision: string | null;
  commit: string | null;
  result: ValidationResult;
  ioFailed: boolean;
}

// Validate the texts read from git, with the files git could not give as text.
function validateRevision(readDiagnostics: Diagnostic[], sources: PlanSources): { result: ValidationResult; ioFailed: boolean } {
  const result = validatePlan(sources);
  const readErrors = readDiagnostics.filter((d) => d.severity === 'error').length;
  const merged: ValidationResult = {
    ...result,
    diagnostics: sortDiagnostics([...readDiagnostics, ...result.diagnostics]),
    summary: { ...result.summary, errors: result.summary.errors + readErrors },
  };
  if (readErrors > 0) delete merged.data;
  return { result: merged, ioFailed: readDiagnostics.some((d) => d.code === IO_ERROR) };
}

async function loadRevision(ctx: Context, dir: string, revision: string): Promise<LoadedSide> {
  const got = await readPlanAtRevision(dir, revision, ctx.io.cwd);
  if (!got.ok) throw new UserError(got.message);
  const read = got.plan;
  const { result, ioFailed } = validateRevision(read.diagnostics, read.sources);
  return { name: revision, origin: 'revision', revision, commit: read.commit, result, ioFailed };
}

async function loadWorkingTree(ctx: Context, dir: string): Promise<LoadedSide> {
  const loaded = await loadPlan(ctx, dir);
  return { name: 'working tree', origin: 'working_tree', revision: null, commit: null, result: loaded, ioFailed: loaded.ioFailed };
}

// `plans`: the plan of each side, the later first: the text views take their names from them.
function print(ctx: Context, opts: DiffOptions, from: DiffSide, to: DiffSide, mode: 'years' | 'revisions', plans: readonly PlanFile[]): void {
  const diff = diffSides(from, to, mode);
  const lang = opts.lang ?? plans[0]!.plan.language;
  if (opts.json || opts.format === 'json') {
    writeJson(diff, ctx.io.stdout);
    return;
  }
  const shown = localizeDiffNames(diff, plans, lang);
  // A job summary is a Markdown page, never a terminal: no colour.
  if (opts.format === 'markdown') ctx.io.stdout(codeBlock(formatDiff(shown, { chalk: makeChalk(false), lang })));
  else ctx.io.stdout(formatDiff(shown, { chalk: ctx.chalk, lang }));
}

async function diffYears(ctx: Context, opts: DiffOptions, fromText: string, toText: string | undefined): Promise<void> {
  if (toText === undefined) {
    throw new UserError(USAGE.diffNeedsTwoYears());
  }
  const fromYear = parseYear(fromText, YEAR_ARGUMENT.first);
  const toYear = parseYear(toText, YEAR_ARGUMENT.second);
  const { data, loaded, lang } = await requireValidPlan(ctx, opts.plan, { quiet: true, verbose: opts.verbose, lang: opts.lang });
  // Each year as gaps and report take it: in the plan, and with its data file.
  checkReportYear(data, fromYear, lang);
  checkReportYear(data, toYear, lang);
  const common = { data, diagnostics: loaded.diagnostics, sources: loaded.sources };
  print(ctx, opts, buildSide({ ...common, year: fromYear }), buildSide({ ...common, year: toYear }), 'years', [data.plan]);
}

async function diffRevisions(ctx: Context, opts: DiffOptions, revs: string[], yearText: string, extra: string | undefined): Promise<void> {
  if (extra !== undefined) {
    throw new UserError(USAGE.revWithTwoYears(revs, yearText));
  }
  const year = parseYear(yearText, YEAR_ARGUMENT.report);
  const range = parseRevisions(revs);
  const sides = [
    await loadRevision(ctx, opts.plan, range.from),
    range.to === null ? await loadWorkingTree(ctx, opts.plan) : await loadRevision(ctx, opts.plan, range.to),
  ] as const;
  // Both sides must be valid; print every error of both before giving up, in the language of
  // the side compared with (the newer one).
  const lang = commandLanguage(opts.lang, sides[1].result.data !== undefined ? sides[1].result : sides[0].result);
  const words = messages(lang).diagnostics;
  const invalid: Array<{ side: string; errors: number }> = [];
  for (const side of sides) {
    const errors = side.result.diagnostics.filter((d) => d.severity === 'error');
    printDiagnostics(ctx, errors, side.result, { verbose: opts.verbose, lang });
    const name = side.origin === 'working_tree' ? messages(lang).diff.workingTree : side.name;
    if (!side.result.data) invalid.push({ side: name, errors: side.result.summary.errors });
  }
  if (sides.some((s) => s.ioFailed)) throw new UserError(words.unreadable(opts.plan), EXIT.usage, lang);
  if (invalid.length > 0) throw new UserError(words.invalidSides(opts.plan, invalid), EXIT.invalid, lang);
  for (const side of sides) checkPlanYear(side.result.data!, year, lang, side.origin === 'revision' ? side.name : messages(lang).diff.workingTree);
  // The year's data file may come or go between the sides (a change that adds data/<year>.yaml
  // shows every figure as new); with it on neither side there is no report of that year to compare.
  if (!sides.some((side) => side.result.data!.years.some((y) => y.year === year))) {
    const present = [...new Set(sides.flatMap((side) => side.result.data!.years.map((y) => y.year)))].sort((a, b) => a - b);
    throw new UserError(words.noYearFile(year, present), EXIT.invalid, lang);
  }
  const built = sides.map((side) => {
    const data = side.result.data!;
    return buildSide({
      data,
      year,
      diagnostics: side.result.diagnostics,
      sources: side.result.sources,
      label: side.name,
      origin: side.origin,
      revision: side.revision,
      commit: side.commit,
    });
  });
  print(ctx, opts, built[0]!, built[1]!, 'revisions', [sides[1].result.data!.plan, sides[0].result.data!.plan]);
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

const EXAMPLES = `
Examples:
  cixi-plan diff 2023 2024                   two report years of the plan folder
  cixi-plan diff --rev main..HEAD 2024       the 2024 report at main and at HEAD
  cixi-plan diff --rev main --rev HEAD 2024  the same
  cixi-plan diff --rev main 2024             main against the working tree (uncommitted edits)
  cixi-plan diff 2023 2024 --json            for scripts (schema_version 1)
  cixi-plan diff 2023 2024 --format markdown  as a Markdown code block, for a GitHub job summary

Revisions are read from git without touching the working tree. Exit 0 whatever changed,
1 when either side is invalid, 2 for a usage error (no git repository, unknown revision).
`;

export function registerDiff(program: Command, ctx: Context): void {
  program
    .command('diff')
    .description('compare two report years, or one report year at two git revisions of the data')
    .usage('[options] <from-year> <to-year>  |  --rev <A..B> <year>')
    .argument('<year>', 'the first report year, or with --rev the report year')
    .argument('[to-year]', 'the second report year (without --rev)')
    .option('--plan <dir>', 'plan folder', 'plan')
    .option('--rev <revision>', 'git revisions of the data: A..B, or A alone (against the working tree); may be given twice', collect)
    .addOption(new Option('--json', 'print the comparison as JSON (the same as --format json)').default(false).conflicts('format'))
    .addOption(
      new Option('--format <format>', 'text, json, or markdown: the text in a code block that no plan text can close, for a GitHub job summary')
        .choices(['text', 'json', 'markdown'])
        .default('text'),
    )
    .option('--verbose', 'print every error, not only the first 20 of each code', false)
    .addOption(langOption("language of the comparison (default: the plan's language)"))
    .addHelpText('after', EXAMPLES)
    .action(async (first: string, second: string | undefined, opts: DiffOptions) => {
      if (opts.rev !== undefined) await diffRevisions(ctx, opts, opts.rev, first, second);
      else await diffYears(ctx, opts, first, second);
    });
}
