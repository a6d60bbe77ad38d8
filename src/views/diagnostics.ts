// Print diagnostics like a compiler: `file:line:col severity code message`, then
// the source line with the offending span underlined. Pure: returns strings.

import { Chalk, type ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import type { Diagnostic } from '../diagnostic.js';

/** A chalk instance that colours only when asked (TTY and no NO_COLOR). */
export function makeChalk(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

/** The texts of the files diagnostics point into, by file path. */
export type SourceLines = ReadonlyMap<string, string>;

/** Format one diagnostic with its source excerpt. */
export function formatDiagnostic(d: Diagnostic, texts: SourceLines, chalk: ChalkInstance): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file;
  const sev =
    d.severity === 'error' ? chalk.red.bold('error') : d.severity === 'warning' ? chalk.yellow.bold('warning') : chalk.blue('info');
  const out = [`${chalk.bold(where)} ${sev} ${chalk.dim(d.code)} ${d.message}`];
  const text = texts.get(d.file);
  if (text !== undefined && d.line > 0) {
    const lines = text.split(/\r?\n/);
    const lineText = lines[d.line - 1];
    if (lineText !== undefined) {
      const shown = lineText.replace(/\t/g, ' ');
      const gutter = String(d.line);
      const pad = ' '.repeat(gutter.length);
      // Underline to the end of the span on this line (or one character).
      const startIdx = Math.max(0, d.col - 1);
      const endIdx = d.endLine === d.line && d.endCol !== undefined ? Math.max(d.endCol - 1, startIdx + 1) : Math.max(shown.trimEnd().length, startIdx + 1);
      const before = stringWidth(shown.slice(0, startIdx));
      const span = Math.max(1, stringWidth(shown.slice(startIdx, endIdx)));
      const mark = d.severity === 'error' ? chalk.red : d.severity === 'warning' ? chalk.yellow : chalk.blue;
      out.push(`${chalk.dim(`${gutter} |`)} ${shown}`);
      out.push(`${chalk.dim(`${pad} |`)} ${' '.repeat(before)}${mark('^'.repeat(span))}`);
    }
  }
  if (d.hint) out.push(`${chalk.cyan('hint')}: ${d.hint}`);
  return out.join('\n');
}

/** Format all diagnostics, separated by blank lines. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], texts: SourceLines, chalk: ChalkInstance): string {
  return diagnostics.map((d) => formatDiagnostic(d, texts, chalk)).join('\n\n');
}

/** The JSON form of diagnostics, for CI. Stable field order. */
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

// Escape text for a GitHub Actions workflow command (data: %, CR, LF; properties also : and ,).
function escapeGithubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
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
export function diagnosticsToGithub(diagnostics: readonly Diagnostic[]): string {
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
      const message = d.hint ? `${d.message} (hint: ${d.hint})` : d.message;
      return `::${command} ${props.join(',')}::${escapeGithubData(message)}\n`;
    })
    .join('');
}
