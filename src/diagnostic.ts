// The one problem type every stage reports: YAML syntax, schema, semantic rules,
// data quality and assessment limits all become Diagnostics. They are collected
// and returned, never thrown.

import { codeTitle, type Code, type Severity } from './codes/index.js';

export type { Code, Severity } from './codes/index.js';

/** A message written in both languages. */
export type Bilingual = { en: string; zh: string };

/** A message in both languages; a plain string is English and reads in Chinese after the code's title. */
export type Text = string | Bilingual;

/** The English of a Text. */
export function english(text: Text): string {
  return typeof text === 'string' ? text : text.en;
}

/** A Text in both languages: a plain string, English, stands for both. */
export function bilingual(text: Text): Bilingual {
  return typeof text === 'string' ? { en: text, zh: text } : text;
}

export interface Diagnostic {
  severity: Severity;
  /** Stable identifier from the code catalogue (src/codes/), e.g. `yaml-duplicate-key`, `unknown-pillar`. */
  code: Code;
  message: string;
  /** Path of the file as shown to the user (relative to the working directory when possible). */
  file: string;
  /** 1-based line; 0 when the problem concerns the whole file or is not yet located. */
  line: number;
  /** 1-based column (in UTF-16 code units, as yaml counts); 0 when unknown. */
  col: number;
  /** 1-based end position of the offending span (exclusive column), when known. */
  endLine?: number;
  endCol?: number;
  /** RFC 6901 JSON pointer into the file's data, when the problem concerns a value. */
  pointer?: string;
  /** A suggestion the user can act on ("did you mean `target`?"). */
  hint?: string;
  /** What the problem concerns, by id: an indicator or milestone, and the data year. */
  subject?: Subject;
  /** The message and hint in Chinese, when the stage that found the problem wrote them. */
  zh?: { message: string; hint?: string };
}

/** Fill in a diagnostic's message and hint from Texts: English in `message`, Chinese in `zh`. */
export function withText(d: Omit<Diagnostic, 'message' | 'hint' | 'zh'>, message: Text, hint?: Text): Diagnostic {
  const out: Diagnostic = { ...d, message: english(message) };
  if (hint !== undefined) out.hint = english(hint);
  if (typeof message !== 'string' || (hint !== undefined && typeof hint !== 'string')) {
    out.zh = { message: typeof message === 'string' ? titled(d.code, message) : message.zh };
    if (hint !== undefined) out.zh.hint = typeof hint === 'string' ? hint : hint.zh;
  }
  return out;
}

// An English detail after the code's Chinese title: "缩进有误：Nested mappings are not allowed…".
function titled(code: Code, english: string): string {
  return `${codeTitle(code, 'zh-CN')}：${english}`;
}

/**
 * A diagnostic's message and hint in a language: the Chinese a stage wrote, else the code's
 * Chinese title with the English detail after it.
 */
export function localized(d: Diagnostic, lang: 'zh-CN' | 'en'): { message: string; hint?: string } {
  if (lang === 'en') return d.hint === undefined ? { message: d.message } : { message: d.message, hint: d.hint };
  if (d.zh !== undefined) return d.zh;
  const out: { message: string; hint?: string } = { message: titled(d.code, d.message) };
  if (d.hint !== undefined) out.hint = d.hint;
  return out;
}

/** What a diagnostic concerns: ids of the plan, never words to parse. */
export interface Subject {
  indicator?: string;
  milestone?: string;
  /** The year of the data (a year file's year). */
  year?: number;
}

/** Make a diagnostic that points at a value by JSON pointer; `locate` fills in line and column. */
export function at(
  file: string,
  pointer: string,
  severity: Severity,
  code: Code,
  message: Text,
  hint?: Text,
): Diagnostic {
  return withText({ severity, code, file, line: 0, col: 0, pointer }, message, hint);
}

/** Build an RFC 6901 JSON pointer from path segments. */
export function pointer(...segments: Array<string | number>): string {
  return segments
    .map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('');
}

/** Split an RFC 6901 JSON pointer into its segments ("" is the whole document). */
export function splitPointer(ptr: string): string[] {
  if (ptr === '') return [];
  return ptr
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Order diagnostics by file, then position, then code, so output is stable. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => byCodeUnits(a.file, b.file) || a.line - b.line || a.col - b.col || byCodeUnits(a.code, b.code) || byCodeUnits(a.message, b.message),
  );
}

// Texts in the order of their UTF-16 code units: the same on every machine, whatever its
// locale, and without the ICU collator localeCompare loads on first use (8 ms of a run).
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
