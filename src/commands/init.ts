// `cixi-plan init <dir>`: scaffold a new plan folder for another region from the
// commented files in templates/init/<language>/ — a plan with one pillar, one action, one
// indicator of each kind and one milestone, and the base year's data file — that
// validates (with no warning) as it is written. The scaffold is in Chinese (the plan's
// names, units, titles and `language: zh-CN`) or, with --lang en, in English; the two hold
// the same entries and numbers (test/init.test.ts compares them).

import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { displayPath } from '../load/files.js';
import { packagePath } from '../paths.js';
import { schemaPath } from '../validate/schema-files.js';
import { validatePlan } from '../validate/index.js';
import { characterName, hiddenCharactersIn } from '../validate/hidden-characters.js';
import { commandLanguage, EXIT, parseYear, UserError, type Context } from './context.js';
import { messages, type Lang } from '../present/i18n/index.js';
import { shellWord, USAGE, YEAR_ARGUMENT } from './usage.js';
import { langOption } from './lang-option.js';
import { writeNewFolder } from './output.js';
import { escapeLines } from '../views/terminal.js';

interface InitOptions {
  region?: string;
  start?: string;
  end?: string;
  lang?: Lang;
}

/** The region a scaffold names when --region is not given, in the scaffold's language. */
const DEFAULT_REGION: Readonly<Record<Lang, string>> = { 'zh-CN': '示例市', en: 'Example City' };

/** The first year of the scaffold's period when --start is not given (十五五: 2026–2030). */
export const DEFAULT_START = 2026;
/** A five-year plan covers five years: end = start + 4 unless --end says otherwise. */
const DEFAULT_LENGTH = 5;
/** The years a plan may use (the schemas' `year` range). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

/** What the scaffold's placeholders are filled with. */
export interface ScaffoldValues {
  region: string;
  id: string;
  start: number;
  end: number;
  /** The language of the plan written: its names, units and titles, and `plan.language`. */
  lang: Lang;
}

/** A scaffold file: its path inside the new folder (`/`-separated) and its text. */
export interface ScaffoldFile {
  path: string;
  text: string;
}

// Double-quote a YAML scalar unless it is plain text that YAML reads back unchanged.
function yamlString(text: string): string {
  return /^[\p{Script=Han}A-Za-z][\p{Script=Han}\p{L}\p{N} ·—（）()-]*$/u.test(text) && !/^(true|false|null|yes|no|on|off)$/i.test(text)
    ? text
    : JSON.stringify(text);
}

// Replace every {{name}}; a placeholder without a value is a bug in the templates.
function fill(template: string, values: Readonly<Record<string, string>>, file: string): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`templates/init/${file}: unknown placeholder {{${name}}}`);
    return value;
  });
}

// The `$schema=` path from a folder to a shipped schema: relative, with `/`, or a file URL
// when no relative path exists (another drive on Windows).
function schemaRef(fromDir: string, name: 'plan' | 'year'): string {
  const rel = relative(fromDir, schemaPath(name));
  return isAbsolute(rel) ? pathToFileURL(schemaPath(name)).href : rel.split(sep).join('/');
}

/** A plan id from a folder name: `yuyao-2026-2030`, or `plan-2026-2030` when the name gives none. */
export function scaffoldId(folderName: string, start: number, end: number): string {
  const slug = folderName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return `${slug || 'plan'}-${start}-${end}`;
}

/** Fill the templates for a new plan folder at `folder` (absolute). Pure apart from reading the templates. */
export async function scaffoldFiles(folder: string, v: ScaffoldValues): Promise<ScaffoldFile[]> {
  const base = v.start - 1;
  const titles = v.lang === 'en'
    ? {
        title: `${v.region} five-year plan, ${v.start}–${v.end}`,
        plan: `${v.region} five-year plan, ${v.start}–${v.end}: the plan document`,
        stats: `${v.region} statistical bulletin ${base}`,
      }
    : { title: `${v.region}五年规划（${v.start}—${v.end}年）`, plan: `${v.region}五年规划纲要`, stats: `${v.region}${base}年国民经济和社会发展统计公报` };
  const common: Record<string, string> = {
    region: v.region,
    region_yaml: yamlString(v.region),
    id: v.id,
    start: String(v.start),
    end: String(v.end),
    base_year: String(base),
    title: yamlString(titles.title),
    plan_source_title: yamlString(titles.plan),
    stats_source_title: yamlString(titles.stats),
  };
  const read = (name: string) => readFile(packagePath('templates', 'init', v.lang, ...name.split('/')), 'utf8');
  return [
    { path: 'plan.yaml', text: fill(await read('plan.yaml'), { ...common, schema: schemaRef(folder, 'plan') }, `${v.lang}/plan.yaml`) },
    {
      path: `data/${base}.yaml`,
      text: fill(await read('data/base-year.yaml'), { ...common, schema: schemaRef(join(folder, 'data'), 'year') }, `${v.lang}/data/base-year.yaml`),
    },
  ];
}

// Refuse anything but a missing or empty folder.
async function checkTarget(target: string, shown: string): Promise<void> {
  let info;
  try {
    info = await stat(target);
  } catch (err) {
    // Missing, or under a file: the writer creates the parents or says which file is in the way.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return;
    throw new UserError(USAGE.cannotUse(shown, (err as NodeJS.ErrnoException).code ?? 'unknown error'));
  }
  if (!info.isDirectory()) throw new UserError(USAGE.notAFolder(shown));
  const entries = await readdir(target);
  if (entries.length > 0) throw new UserError(USAGE.notEmpty(shown, entries.length));
}

function parseOptions(opts: InitOptions): { start: number; end: number; region: string; lang: Lang } {
  const lang = opts.lang ?? 'zh-CN';
  const start = opts.start === undefined ? DEFAULT_START : parseYear(opts.start, YEAR_ARGUMENT.start);
  const end = opts.end === undefined ? start + DEFAULT_LENGTH - 1 : parseYear(opts.end, YEAR_ARGUMENT.end);
  if (end <= start) throw new UserError(USAGE.endBeforeStart(start, end));
  // The schema's years run from 1900 to 2200, and the base year is the year before --start.
  if (start - 1 < MIN_YEAR) {
    throw new UserError(USAGE.startTooEarly(start, MIN_YEAR, MAX_YEAR));
  }
  if (end > MAX_YEAR) throw new UserError(USAGE.endTooLate(start, end, opts.end === undefined, MIN_YEAR, MAX_YEAR));
  const region = (opts.region ?? DEFAULT_REGION[lang]).trim();
  if (region === '' || /[\p{Cc}]/u.test(region) || region.length > 100) {
    throw new UserError(USAGE.regionLine());
  }
  // What `validate` would report in the scaffold's title (control-character): refused here.
  const hidden = hiddenCharactersIn(region);
  if (hidden.length > 0) throw new UserError(USAGE.regionHidden(hidden.map(characterName).join(', ')));
  return { start, end, region, lang };
}

async function runInit(ctx: Context, dir: string, opts: InitOptions): Promise<void> {
  const { start, end, region, lang } = parseOptions(opts);
  const target = resolve(ctx.io.cwd, dir);
  const shown = displayPath(dir, ctx.io.cwd);
  await checkTarget(target, shown);
  const files = await scaffoldFiles(target, { region, start, end, lang, id: scaffoldId(basename(target), start, end) });

  // The scaffold must validate cleanly whatever the options; if not, that is a bug here.
  const check = validatePlan({
    plan: { file: 'plan.yaml', text: files[0]!.text },
    years: files.slice(1).map((f) => ({ file: f.path, text: f.text })),
  });
  if (check.diagnostics.length > 0) {
    const d = check.diagnostics[0]!;
    throw new Error(`the init scaffold does not validate: ${d.file}:${d.line}:${d.col} ${d.code} ${d.message}`);
  }
  if (commandLanguage(undefined, check) !== lang) throw new Error(`the ${lang} init scaffold does not declare language: ${lang}`);

  // Written into a hidden sibling folder, then renamed into place: a failed run leaves nothing half-made.
  const written = await writeNewFolder(
    target,
    files.map((f) => ({ path: f.path, content: f.text })),
    { show: (p) => displayPath(p, ctx.io.cwd) },
  );
  // Said in the language of the plan it wrote (--lang), as every command speaks its plan's.
  if (!written.ok) throw new UserError(written.message, EXIT.usage, lang);

  const words = messages(lang).diagnostics;
  const listed = files.map((f) => `  ${shown}/${f.path}`).join('\n');
  ctx.io.stdout(
    `${ctx.chalk.green('✓')} ${escapeLines(`${words.initDone({ folder: shown, region, start, end })}\n${listed}\n${words.initNext(shellWord(shown))}`)}\n`,
  );
}

export function registerInit(program: Command, ctx: Context): void {
  program
    .command('init')
    .description('create a new plan folder that validates: a commented plan.yaml and the base year\'s data file')
    .argument('<dir>', 'the folder to create (must not exist, or be empty)')
    .option('--region <name>', 'the region the plan governs (default: 示例市, with --lang en Example City)')
    .option('--start <year>', `first year of the plan period (default ${DEFAULT_START})`)
    .option('--end <year>', 'last year of the plan period (default start + 4)')
    .addOption(langOption('language of the plan it writes: names, units, titles and plan.language (default zh-CN)'))
    .action(async (dir: string, opts: InitOptions) => {
      await runInit(ctx, dir, opts);
    });
}
