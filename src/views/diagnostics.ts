// Print diagnostics like a compiler: `file:line:col severity code message`, then
// the source line with the offending span underlined. Pure: returns strings.

import type { ChalkInstance } from 'chalk';
import { localized, type Diagnostic } from '../diagnostic.js';
import { messages, type Lang, type Messages } from '../present/i18n/index.js';
import { columns, escapeTerminal, graphemesOf } from './terminal.js';

export { makeChalk } from './color.js';

/** The texts of the files diagnostics point into, by file path. */
export type SourceLines = ReadonlyMap<string, string>;

/** How many diagnostics of one code are printed unless verbose. */
export const MAX_PER_CODE = 20;

/** Columns of the source line shown on either side of a diagnostic's column. */
export const FRAME_COLUMNS = 60;

export interface FormatDiagnosticsOptions {
  /** Print every diagnostic, not only the first MAX_PER_CODE of each code. */
  verbose?: boolean;
  /** The language of the labels and of the messages the stages wrote in both (default English). */
  lang?: Lang;
}

// The lines of each file, split once on first use (not once per diagnostic).
type LineOf = (file: string, line: number) => string | undefined;

function lineReader(texts: SourceLines): LineOf {
  const split = new Map<string, readonly string[] | undefined>();
  return (file, line) => {
    if (!split.has(file)) split.set(file, texts.get(file)?.split(/\r?\n/));
    return split.get(file)?.[line - 1];
  };
}

interface Frame {
  /** The shown part of the line, control characters escaped, `…` where it was cut. */
  text: string;
  /** Columns before the underline, and its length (at least 1). */
  before: number;
  span: number;
}

// The part of a line around [start, end) (0-based UTF-16 offsets) that a terminal shows:
// FRAME_COLUMNS columns before start and from start on. Only a window of the line is
// segmented, and only the graphemes shown are measured.
function clipLine(line: string, start: number, end: number): Frame {
  // Plain text takes one or two UTF-16 units per column; a run of emoji sequences may show
  // fewer columns than FRAME_COLUMNS, which is fine.
  const reach = 4 * FRAME_COLUMNS;
  const from = Math.max(0, start - reach);
  const to = Math.min(line.length, start + reach);
  const graphemes = graphemesOf(line, from, to);
  // A grapheme cut by the window's edge is not shown.
  if (from > 0) graphemes.shift();
  if (to < line.length) graphemes.pop();
  const cells = graphemes.map((g) => ({ index: g.index, end: g.index + g.text.length, text: g.text === '\t' ? ' ' : escapeTerminal(g.text), width: -1 }));
  const width = (i: number) => {
    const c = cells[i]!;
    if (c.width < 0) c.width = columns(c.text);
    return c.width;
  };
  let first = cells.findIndex((c) => c.end > start);
  if (first < 0) first = cells.length;
  let lo = first;
  for (let used = 0; lo > 0 && used + width(lo - 1) <= FRAME_COLUMNS; lo--) used += width(lo - 1);
  let hi = first;
  for (let used = 0; hi < cells.length && used + width(hi) <= FRAME_COLUMNS; hi++) used += width(hi);
  const shown = cells.slice(lo, hi);
  const cutLeft = (shown[0]?.index ?? start) > 0;
  const cutRight = (shown.at(-1)?.end ?? start) < line.trimEnd().length;
  let before = cutLeft ? 1 : 0;
  let span = 0;
  for (const c of shown) {
    if (c.end <= start) before += c.width;
    else if (c.index < end) span += c.width;
  }
  const text = (cutLeft ? '…' : '') + shown.map((c) => c.text).join('') + (cutRight ? '…' : '');
  return { text, before, span: Math.max(1, span) };
}

// Format one diagnostic with its source excerpt.
function formatDiagnostic(d: Diagnostic, lineOf: LineOf, chalk: ChalkInstance, lang: Lang, m: Messages['diagnostics']): string {
  const file = escapeTerminal(d.file);
  const where = d.line > 0 ? `${file}:${d.line}:${d.col}` : file;
  const word = m.severity[d.severity];
  const sev = d.severity === 'error' ? chalk.red.bold(word) : d.severity === 'warning' ? chalk.yellow.bold(word) : chalk.blue(word);
  const text = localized(d, lang);
  const out = [`${chalk.bold(where)} ${sev} ${chalk.dim(escapeTerminal(d.code))} ${escapeTerminal(text.message)}`];
  const lineText = d.line > 0 ? lineOf(d.file, d.line) : undefined;
  if (lineText !== undefined) {
    const gutter = String(d.line);
    const pad = ' '.repeat(gutter.length);
    // Underline to the end of the span on this line (or to the end of the line).
    const startIdx = Math.max(0, d.col - 1);
    const endIdx = d.endLine === d.line && d.endCol !== undefined ? Math.max(d.endCol - 1, startIdx + 1) : Math.max(lineText.trimEnd().length, startIdx + 1);
    const frame = clipLine(lineText, startIdx, endIdx);
    const mark = d.severity === 'error' ? chalk.red : d.severity === 'warning' ? chalk.yellow : chalk.blue;
    out.push(`${chalk.dim(`${gutter} |`)} ${frame.text}`);
    out.push(`${chalk.dim(`${pad} |`)} ${' '.repeat(frame.before)}${mark('^'.repeat(frame.span))}`);
  }
  if (text.hint) out.push(`${chalk.cyan(m.hint.trimEnd())}${m.hint.endsWith(' ') ? ' ' : ''}${escapeTerminal(text.hint)}`);
  // As compilers do (rustc --explain): where to read what the code means and how to fix it.
  out.push(chalk.dim(`= ${m.explain}cixi-plan explain ${escapeTerminal(d.code)}`));
  return out.join('\n');
}

// The first MAX_PER_CODE diagnostics of each code, and how many of each code are left out.
function capPerCode(diagnostics: readonly Diagnostic[], m: Messages['diagnostics']): { shown: Diagnostic[]; more: string[] } {
  const seen = new Map<string, number>();
  const shown: Diagnostic[] = [];
  const hidden = new Map<string, Diagnostic['severity'] | 'mixed'>();
  const hiddenCount = new Map<string, number>();
  for (const d of diagnostics) {
    const n = (seen.get(d.code) ?? 0) + 1;
    seen.set(d.code, n);
    if (n <= MAX_PER_CODE) {
      shown.push(d);
      continue;
    }
    const severity = hidden.get(d.code);
    hidden.set(d.code, severity === undefined || severity === d.severity ? d.severity : 'mixed');
    hiddenCount.set(d.code, (hiddenCount.get(d.code) ?? 0) + 1);
  }
  const more = [...hidden].map(([code, severity]) => m.more(hiddenCount.get(code)!, escapeTerminal(code), severity));
  return { shown, more };
}

/**
 * Format diagnostics, separated by blank lines: each with its source line clipped to
 * FRAME_COLUMNS columns either side of its column, and plan text escaped. Unless
 * verbose, only the first MAX_PER_CODE of each code, then a line per code saying how
 * many more there are.
 */
export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  texts: SourceLines,
  chalk: ChalkInstance,
  options: FormatDiagnosticsOptions = {},
): string {
  const lineOf = lineReader(texts);
  const lang = options.lang ?? 'en';
  const m = messages(lang).diagnostics;
  const { shown, more } = options.verbose ? { shown: diagnostics, more: [] } : capPerCode(diagnostics, m);
  const parts = shown.map((d) => formatDiagnostic(d, lineOf, chalk, lang, m));
  if (more.length > 0) parts.push(chalk.dim(more.join('\n')));
  return parts.join('\n\n');
}

/** The JSON form of diagnostics, for CI: English, whatever the language. Stable field order. */
export function diagnosticsToJson(diagnostics: readonly Diagnostic[]): object[] {
  return diagnostics.map((d) => {
    const o: Record<string, unknown> = {
      file: d.file,
      line: d.line,
      col: d.col,
      severity: d.severity,
      code: d.code,
      message: d.message,
    };
    if (d.endLine !== undefined) o.endLine = d.endLine;
    if (d.endCol !== undefined) o.endCol = d.endCol;
    if (d.pointer !== undefined) o.pointer = d.pointer;
    if (d.hint !== undefined) o.hint = d.hint;
    return o;
  });
}

// Escape text for a GitHub Actions workflow command (data: %, CR, LF; properties also : and ,),
// after showing control characters visibly: no plan text can end the line and start a
// second command, or reach the log viewer's terminal emulation.
function escapeGithubData(text: string): string {
  return escapeTerminal(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Diagnostics as GitHub Actions workflow commands, one per line
 * (`::error file=plan/data/2024.yaml,line=12,col=7,endLine=12,endColumn=9,title=schema-type::message`),
 * which the runner turns into annotations on the pull request. Errors are `error`,
 * warnings `warning`, infos `notice`; positions are 1-based and left out when unknown.
 */
export function diagnosticsToGithub(diagnostics: readonly Diagnostic[], lang: Lang = 'en'): string {
  const hintLabel = messages(lang).diagnostics.hint;
  return diagnostics
    .map((d) => {
      const command = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
      const props = [`file=${escapeGithubProperty(d.file)}`];
      if (d.line > 0) {
        props.push(`line=${d.line}`);
        if (d.col > 0) props.push(`col=${d.col}`);
        if (d.endLine !== undefined && d.endLine > 0) props.push(`endLine=${d.endLine}`);
        // GitHub takes a column range only on one line, with an inclusive end (ours is exclusive).
        if (d.endCol !== undefined && d.endLine === d.line && d.endCol - 1 > d.col) props.push(`endColumn=${d.endCol - 1}`);
      }
      props.push(`title=${escapeGithubProperty(d.code)}`);
      const text = localized(d, lang);
      const message = text.hint ? `${text.message} (${hintLabel}${text.hint})` : text.message;
      return `::${command} ${props.join(',')}::${escapeGithubData(message)}\n`;
    })
    .join('');
}
