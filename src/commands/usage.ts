// The CLI's own words for what was typed wrong (a year, a format, a plan folder, a revision,
// a code), in both languages. A UserError carries one of these; the CLI prints it in --lang,
// else in the plan's language, else in Chinese (see `usageLanguage` in cli.ts), the same
// choice every other view makes.

import type { Bilingual } from '../diagnostic.js';

/** A word of a command line as a POSIX shell reads it back: as it is, or single-quoted. */
export function shellWord(text: string): string {
  return /^[\p{L}\p{N}._\/@%+=:,-]+$/u.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The plan folder as a suggested command names it: nothing for the default ./plan, else ` --plan DIR`. */
export function planArgument(planDir: string): string {
  return planDir === 'plan' ? '' : ` --plan ${shellWord(planDir)}`;
}

// A list of choices as each language writes it.
const enList = (items: readonly string[]): string => items.join(', ');
const zhList = (items: readonly string[]): string => items.join('、');

/** What a year argument is, in both languages: the report year, --start… */
export const YEAR_ARGUMENT = {
  report: { en: 'the report year', zh: '报告年份' },
  year: { en: 'the year', zh: '年份' },
  first: { en: 'the first year', zh: '第一个年份' },
  second: { en: 'the second year', zh: '第二个年份' },
  start: { en: '--start', zh: '--start' },
  end: { en: '--end', zh: '--end' },
} as const satisfies Record<string, Bilingual>;

const REV_HINT: Bilingual = {
  en: 'use `--rev A..B` (or `--rev A --rev B`) for two revisions, `--rev A` for a revision against the working tree',
  zh: '比较两个版本用 `--rev A..B`（或 `--rev A --rev B`），比较某个版本与工作区用 `--rev A`',
};

export const USAGE = {
  unknownCommand: (name: string, choices: readonly string[]): Bilingual => ({
    en: `unknown command \`${name}\`: choose from ${enList(choices)}`,
    zh: `没有命令 \`${name}\`：可用的命令有 ${zhList(choices)}`,
  }),
  notAYear: (what: Bilingual, text: string): Bilingual => ({
    en: `${what.en} must be a four-digit year, not \`${text}\``,
    // A space between an option's name and the Chinese after it, as the other messages write it.
    zh: `${what.zh}${/[!-~]$/.test(what.zh) ? ' ' : ''}应为四位数，而不是 \`${text}\``,
  }),
  noFormat: (choices: readonly string[]): Bilingual => ({
    en: `--format needs at least one of ${enList(choices)}`,
    zh: `--format 至少要给出 ${zhList(choices)} 之一`,
  }),
  unknownFormat: (name: string, choices: readonly string[]): Bilingual => ({
    en: `unknown format \`${name}\`: choose from ${enList(choices)}`,
    zh: `没有格式 \`${name}\`：可选 ${zhList(choices)}`,
  }),
  tooManyRevs: (count: number): Bilingual => ({
    en: `too many --rev options (${count}): ${REV_HINT.en}`,
    zh: `--rev 选项太多（${count} 个）：${REV_HINT.zh}`,
  }),
  symmetricRevs: (): Bilingual => ({
    en: `\`...\` (symmetric difference) is not supported: ${REV_HINT.en}`,
    zh: `不支持 \`...\`（对称差）：${REV_HINT.zh}`,
  }),
  rangeAndTwoRevs: (): Bilingual => ({
    en: `give either \`--rev A..B\` or two --rev options, not both: ${REV_HINT.en}`,
    zh: `\`--rev A..B\` 与两个 --rev 选项只能用其一：${REV_HINT.zh}`,
  }),
  emptyRange: (): Bilingual => ({
    en: `\`..\` names no revision: ${REV_HINT.en}`,
    zh: `\`..\` 没有指明版本：${REV_HINT.zh}`,
  }),
  emptyRev: (): Bilingual => ({
    en: `--rev needs a revision: ${REV_HINT.en}`,
    zh: `--rev 需要一个版本：${REV_HINT.zh}`,
  }),
  diffNeedsTwoYears: (): Bilingual => ({
    en: 'diff needs two years (`cixi-plan diff 2023 2024`), or --rev with one year (`cixi-plan diff --rev main..HEAD 2024`)',
    zh: 'diff 需要两个年份（`cixi-plan diff 2023 2024`），或 --rev 加一个年份（`cixi-plan diff --rev main..HEAD 2024`）',
  }),
  revWithTwoYears: (revs: readonly string[], year: string): Bilingual => ({
    en: `with --rev, give one report year (\`cixi-plan diff --rev ${revs.join(' --rev ')} ${year}\`), not two`,
    zh: `用 --rev 时只给一个报告年份（\`cixi-plan diff --rev ${revs.join(' --rev ')} ${year}\`），不是两个`,
  }),
  codeAndList: (): Bilingual => ({
    en: 'give a code or --list, not both',
    zh: '代码与 --list 只能给其一',
  }),
  noCode: (): Bilingual => ({
    en: 'name a code (`cixi-plan explain schema-type`), or list them all with `cixi-plan explain --list`',
    zh: '请给出一个代码（`cixi-plan explain schema-type`），或用 `cixi-plan explain --list` 列出全部',
  }),
  unknownCode: (code: string, near: string | undefined): Bilingual => ({
    en: `unknown code \`${code}\`${near ? `: did you mean \`${near}\`?` : ''} (\`cixi-plan explain --list\` lists every code)`,
    zh: `没有代码 \`${code}\`${near ? `：是不是 \`${near}\`？` : ''}（\`cixi-plan explain --list\` 列出全部代码）`,
  }),
  unknownSchema: (name: string): Bilingual => ({
    en: `unknown schema \`${name}\`: choose \`plan\` (plan.yaml) or \`year\` (data/<year>.yaml)`,
    zh: `没有模式 \`${name}\`：可选 \`plan\`（plan.yaml）或 \`year\`（data/<年份>.yaml）`,
  }),
  workbookName: (out: string): Bilingual => ({
    en: `--out ${out}: the workbook is written as .xlsx; give a name ending in .xlsx`,
    zh: `--out ${out}：工作簿以 .xlsx 格式写出，请给出以 .xlsx 结尾的文件名`,
  }),
  sheetNotFound: (file: string): Bilingual => ({
    en: `${file} not found`,
    zh: `找不到 ${file}`,
  }),
  sheetUnreadable: (file: string, why: Bilingual): Bilingual => ({
    en: `${file} ${why.en}`,
    zh: `${file} ${why.zh}`,
  }),
  sheetKind: (file: string): Bilingual => ({
    en: `${file}: import reads .xlsx workbooks and .csv files; save it as one of them`,
    zh: `${file}：import 只读 .xlsx 工作簿和 .csv 文件，请另存为其中一种`,
  }),
  cannotUse: (dir: string, code: string): Bilingual => ({
    en: `cannot use ${dir} (${code})`,
    zh: `无法使用 ${dir}（${code}）`,
  }),
  notAFolder: (dir: string): Bilingual => ({
    en: `${dir} exists and is not a folder: choose a new folder for the plan`,
    zh: `${dir} 已存在且不是文件夹：请为规划选一个新文件夹`,
  }),
  notEmpty: (dir: string, entries: number): Bilingual => ({
    en: `${dir} is not empty (${entries} entr${entries === 1 ? 'y' : 'ies'}): init never overwrites; choose a new or empty folder`,
    zh: `${dir} 不是空文件夹（有 ${entries} 项）：init 从不覆盖，请选一个新的或空的文件夹`,
  }),
  endBeforeStart: (start: number, end: number): Bilingual => ({
    en: `--end (${end}) must come after --start (${start})`,
    zh: `--end（${end}）应晚于 --start（${start}）`,
  }),
  startTooEarly: (start: number, min: number, max: number): Bilingual => ({
    en: `--start ${start} would make the base year ${start - 1}: plan years run from ${min} to ${max}, so --start must be ${min + 1} or later`,
    zh: `--start ${start} 会使基期为 ${start - 1} 年：规划年份须在 ${min} 至 ${max} 年之间，所以 --start 至少为 ${min + 1}`,
  }),
  endTooLate: (start: number, end: number, fromStart: boolean, min: number, max: number): Bilingual => ({
    en: `${fromStart ? `the period from --start ${start} would end in ${end}, which is` : `--end ${end} is`} after ${max}: plan years run from ${min} to ${max}`,
    zh: `${fromStart ? `从 --start ${start} 起的规划期将止于 ${end} 年，` : `--end ${end} `}晚于 ${max} 年：规划年份须在 ${min} 至 ${max} 年之间`,
  }),
  regionLine: (): Bilingual => ({
    en: '--region must be a name on one line (at most 100 characters)',
    zh: '--region 应为一行内的名称（最多 100 个字符）',
  }),
  emptyFolder: (option: string): Bilingual => ({
    en: `${option} is empty: name a folder (\`.\` for the current one)`,
    zh: `${option} 为空：请给出文件夹名（当前文件夹写 \`.\`）`,
  }),
  regionHidden: (names: string): Bilingual => ({
    en: `--region holds ${names}, which a reader cannot see: type the name without it`,
    zh: `--region 含有看不见的字符 ${names}：请去掉后重新输入名称`,
  }),
} as const;
