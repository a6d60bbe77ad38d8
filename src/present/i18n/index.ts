// Every word of the report in its two languages: pick a language's messages here.

import { en } from './en.js';
import type { Lang, Messages } from './types.js';
import { zh } from './zh.js';

export type { Lang, Messages, Sentences, TargetWords, Words } from './types.js';
export { zhNumber } from './numerals.js';

/** Every report language, the default first. */
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

/** Whether a string names a report language. */
export function isLang(text: string): text is Lang {
  return (LANGS as readonly string[]).includes(text);
}

const MESSAGES: Readonly<Record<Lang, Messages>> = { 'zh-CN': zh, en };

/** The messages of a language. */
export function messages(lang: Lang): Messages {
  return MESSAGES[lang];
}
