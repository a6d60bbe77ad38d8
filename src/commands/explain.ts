// `cixi-plan explain <code>`: what a diagnostic or reason code means and how to fix it,
// from the one code catalogue; `--list` lists every code. An unknown code exits 2 with
// the nearest known one.

import { Option, type Command } from 'commander';
import { CODE_NAMES, isCode } from '../codes/index.js';
import type { Lang } from '../present/i18n/index.js';
import { suggest } from '../validate/suggest.js';
import { formatEntry, formatList, formatListMarkdown } from '../views/explain.js';
import { EXIT, planLanguage, UserError, type Context } from './context.js';
import { USAGE } from './usage.js';
import { langOption } from './lang-option.js';

interface ExplainOptions {
  plan: string;
  list: boolean;
  lang?: Lang;
  format: 'text' | 'markdown';
}

/** The language to explain in: --lang, else the plan's language when a plan is there, else Chinese. */
async function languageOf(ctx: Context, opts: ExplainOptions): Promise<Lang> {
  return opts.lang ?? (await planLanguage(opts.plan, ctx.io.cwd));
}

async function runExplain(ctx: Context, code: string | undefined, opts: ExplainOptions): Promise<void> {
  const lang = await languageOf(ctx, opts);
  if (opts.list || code === undefined) {
    if (code !== undefined) throw new UserError(USAGE.codeAndList(), EXIT.usage, lang);
    if (!opts.list) throw new UserError(USAGE.noCode(), EXIT.usage, lang);
    ctx.io.stdout(opts.format === 'markdown' ? formatListMarkdown(lang) : formatList(lang, ctx.chalk));
    return;
  }
  if (!isCode(code)) {
    const near = suggest(code, CODE_NAMES);
    throw new UserError(USAGE.unknownCode(code, near), EXIT.usage, lang);
  }
  ctx.io.stdout(formatEntry(code, lang, ctx.chalk));
}

export function registerExplain(program: Command, ctx: Context): void {
  program
    .command('explain')
    .description('what a diagnostic or reason code means and how to fix it; --list lists every code')
    .argument('[code]', 'a code, as printed after file:line:col (e.g. schema-type)')
    .option('--list', 'list every code with its title', false)
    .option('--plan <dir>', 'plan folder whose language to use', 'plan')
    .addOption(langOption("language (default: the plan's language)"))
    .addOption(new Option('--format <format>', 'with --list: text, or Markdown tables as in the README').choices(['text', 'markdown']).default('text'))
    .action(async (code: string | undefined, opts: ExplainOptions) => {
      await runExplain(ctx, code, opts);
    });
}
