// Every word of the report in its two languages: pick a language's messages here.

import { en } from './en.js';
import type { Lang, Messages } from './types.js';
import { zh } from './zh.js';

export type { Lang, Messages, Sentences, TargetWords, Words } from './types.js';
export { zhNumber } from './numerals.js';

export { LANGS, isLang, langFromTag } from './lang.js';

const MESSAGES: Readonly<Record<Lang, Messages>> = { 'zh-CN': zh, en };

/** The messages of a language. */
export function messages(lang: Lang): Messages {
  return MESSAGES[lang];
}
