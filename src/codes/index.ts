// The one catalogue of codes, gathered from its parts: every diagnostic code and every
// reason code with its titles and explanations in both languages (types.ts says what
// an entry holds). A code that is not here does not compile: Diagnostic.code is a Code.

import { ASSESS_CODES } from './assess.js';
import { FILE_CODES } from './diagnostics.js';
import { REASON_CODES } from './reasons.js';
import { RULE_CODES } from './rules.js';
import { SHEET_CODES } from './sheet.js';
import { STATUS_CODES } from './rules-of-status.js';
import type { Both, CodeEntry } from './types.js';

export type * from './types.js';

/** Every code of the catalogue with its entry. */
export const CODES = { ...FILE_CODES, ...RULE_CODES, ...SHEET_CODES, ...ASSESS_CODES, ...REASON_CODES, ...STATUS_CODES } as const satisfies Record<string, CodeEntry>;

/** A code of the catalogue. */
export type Code = keyof typeof CODES;

/** Every code, in catalogue order. */
export const CODE_NAMES = Object.keys(CODES) as Code[];

/** Whether a string is a code of the catalogue. */
export function isCode(text: string): text is Code {
  return Object.hasOwn(CODES, text);
}

/** A code's title in a language. */
export function codeTitle(code: Code, lang: keyof Both): string {
  return CODES[code].title[lang];
}
