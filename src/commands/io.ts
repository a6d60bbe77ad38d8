// The outside world of a run (CliIO), exit codes, the user's mistakes and colour: what the
// CLI needs before it knows which command runs, so it stays free of every stage.

import type { ChalkInstance } from 'chalk';
import type { Bilingual } from '../diagnostic.js';
import type { Lang } from '../present/i18n/types.js';

/** What the CLI may use of the outside world; tests pass fakes. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour is used only then). */
  isTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Exit codes of the CLI contract (docs/architecture.md). */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/**
 * A problem the user must fix before anything can run; carries its exit code. Worded either
 * in one language (a string, English unless `lang` says otherwise) or in both, the language
 * then chosen where it is printed: --lang, else the plan's, else Chinese.
 */
export class UserError extends Error {
  /** The message in both languages, when it was written in both. */
  readonly both: Bilingual | null;
  /** The language of a one-language message, or the one to print a two-language message in. */
  readonly lang: Lang | undefined;

  constructor(
    message: string | Bilingual,
    readonly exitCode: number = EXIT.usage,
    lang?: Lang,
  ) {
    super(typeof message === 'string' ? message : message.en);
    this.both = typeof message === 'string' ? null : message;
    this.lang = typeof message === 'string' ? (lang ?? 'en') : lang;
  }

  /** The message in a language: its own for a one-language message. */
  textIn(lang: Lang): string {
    return this.both === null ? this.message : this.both[lang === 'en' ? 'en' : 'zh'];
  }
}

/** One CLI run: its I/O, its colours, and the exit code commands set. */
export interface Context {
  io: CliIO;
  chalk: ChalkInstance;
  exitCode: number;
}

/**
 * Whether to colour, by the usual conventions, first match wins: NO_COLOR (non-empty) off;
 * FORCE_COLOR=0/false off, FORCE_COLOR=1/2/3/true on even without a terminal; TERM=dumb off;
 * else on only when stdout is a terminal. An empty FORCE_COLOR counts as unset.
 */
export function useColor(io: CliIO): boolean {
  const { NO_COLOR: noColor, FORCE_COLOR: force, TERM: term } = io.env;
  if (noColor !== undefined && noColor !== '') return false;
  if (force === '0' || force === 'false') return false;
  if (force === '1' || force === '2' || force === '3' || force === 'true') return true;
  if (term === 'dumb') return false;
  return io.isTTY;
}
