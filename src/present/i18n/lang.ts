// The report languages and the tags that name them: no words of either, so that the CLI's
// start (cli.ts, commands/usage.ts) reads a --lang without loading the messages.

import type { Lang } from './types.js';

/** Every report language, the default first. */
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

/** Whether a string names a report language. */
export function isLang(text: string): text is Lang {
  return (LANGS as readonly string[]).includes(text);
}

/**
 * The language a language tag typed on the command line stands for: `zh-CN` and `en`, and
 * the tags people also write for them (`zh`, `zh_CN`, `zh-Hans`; `en-US`, `en_GB`), in any
 * case. Undefined for any other (Traditional Chinese `zh-TW`, `zh-Hant` included).
 */
export function langFromTag(tag: string): Lang | undefined {
  const t = tag.trim().toLowerCase().replace(/_/g, '-');
  if (/^zh(?:-cn|-hans(?:-cn)?)?$/.test(t)) return 'zh-CN';
  if (/^en(?:-[a-z]{2}|-[0-9]{3})?$/.test(t)) return 'en';
  return undefined;
}
