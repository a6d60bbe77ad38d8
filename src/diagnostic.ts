// The one problem type every stage reports: YAML syntax, schema, semantic rules,
// data quality and assessment limits all become Diagnostics. They are collected
// and returned, never thrown.

import type { Code, Severity } from './codes/index.js';

export type { Code, Severity } from './codes/index.js';

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
  message: string,
  hint?: string,
): Diagnostic {
  const d: Diagnostic = { severity, code, message, file, line: 0, col: 0, pointer };
  if (hint !== undefined) d.hint = hint;
  return d;
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
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.col - b.col ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}
