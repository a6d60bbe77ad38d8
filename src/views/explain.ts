// What `cixi-plan explain` prints: one catalogue entry in full, the list of every code,
// or that list as the Markdown tables the README holds. Pure: returns strings.

import type { ChalkInstance } from 'chalk';
import { CODE_NAMES, CODES, type Code, type CodeKind } from '../codes/index.js';
import type { Lang } from '../present/i18n/index.js';

/** The groups of the list, in the order the README shows them. */
const GROUPS: ReadonlyArray<{ kinds: readonly CodeKind[]; title: Record<Lang, string> }> = [
  { kinds: ['load', 'yaml', 'schema'], title: { 'zh-CN': '读取、YAML 与结构', en: 'Files, YAML and schema' } },
  { kinds: ['rule'], title: { 'zh-CN': '规则与数据质量', en: 'Rules and data quality' } },
  { kinds: ['sheet'], title: { 'zh-CN': '导入表格', en: 'Spreadsheets to import' } },
  { kinds: ['assess'], title: { 'zh-CN': '评估的限制', en: "The assessment's limits" } },
  { kinds: ['template'], title: { 'zh-CN': '模板', en: 'Templates' } },
  { kinds: ['reason'], title: { 'zh-CN': '数值未知的原因', en: 'Why a number is unknown' } },
  { kinds: ['status', 'warning', 'milestone'], title: { 'zh-CN': '状态、预警与里程碑的依据', en: 'Why a status, a warning or a milestone status' } },
];

// `colon`: after a label, as each language writes it (Chinese: full-width, no space).
const WORDS: Record<Lang, { severity: Record<'error' | 'warning' | 'info', string>; reason: string; kinds: string; fix: string; example: string; code: string; level: string; meaning: string; colon: string }> = {
  'zh-CN': { severity: { error: '错误', warning: '警告', info: '提示' }, reason: '原因', kinds: '类别', fix: '如何处理', example: '示例', code: '代码', level: '级别', meaning: '含义', colon: '：' },
  en: { severity: { error: 'error', warning: 'warning', info: 'info' }, reason: 'reason', kinds: 'kind', fix: 'How to fix it', example: 'Example', code: 'code', level: 'severity', meaning: 'meaning', colon: ': ' },
};

/** The group a code is listed under: the first whose kinds it has. */
function groupOf(code: Code): number {
  const kinds = CODES[code].kinds as readonly CodeKind[];
  const i = GROUPS.findIndex((g) => g.kinds.some((k) => kinds.includes(k)));
  return i < 0 ? GROUPS.length : i;
}

/** The severity word of a code, or "reason" for a code that is only a reason. */
function level(code: Code, lang: Lang): string {
  const s = CODES[code].severity;
  return s === null ? WORDS[lang].reason : WORDS[lang].severity[s];
}

/** One entry in full: title, what it is, what it means, how to fix it, an example. */
export function formatEntry(code: Code, lang: Lang, chalk: ChalkInstance): string {
  const e = CODES[code];
  const w = WORDS[lang];
  const out = [
    `${chalk.bold(code)} · ${level(code, lang)} · ${e.kinds.join(', ')}`,
    chalk.bold(e.title[lang]),
    '',
    e.explain[lang],
  ];
  if (e.fix !== null) out.push('', `${chalk.bold(w.fix)}${w.colon}${e.fix[lang]}`);
  out.push('', `${chalk.bold(w.example)}${w.colon.trimEnd()}`, ...e.example.split('\n').map((l) => `    ${l}`));
  return out.join('\n') + '\n';
}

/** Every code with its severity and title, grouped. */
export function formatList(lang: Lang, chalk: ChalkInstance): string {
  const out: string[] = [];
  const width = Math.max(...CODE_NAMES.map((c) => c.length));
  GROUPS.forEach((g, i) => {
    out.push(chalk.bold(g.title[lang]));
    for (const code of CODE_NAMES.filter((c) => groupOf(c) === i)) {
      out.push(`  ${code.padEnd(width)}  ${chalk.dim(level(code, lang).padEnd(8))} ${CODES[code].title[lang]}`);
    }
    out.push('');
  });
  return out.join('\n');
}

/** Every code as Markdown tables, one per group (what the README's "Codes" section holds). */
export function formatListMarkdown(lang: Lang): string {
  const w = WORDS[lang];
  const out: string[] = [];
  GROUPS.forEach((g, i) => {
    out.push(`#### ${g.title[lang]}`, '', `| ${w.code} | ${w.level} | ${w.meaning} |`, '| --- | --- | --- |');
    for (const code of CODE_NAMES.filter((c) => groupOf(c) === i)) {
      out.push(`| \`${code}\` | ${level(code, lang)} | ${CODES[code].title[lang].replace(/\|/g, '\\|')} |`);
    }
    out.push('');
  });
  return out.join('\n');
}
