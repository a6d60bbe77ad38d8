// `--lang <lang>`, as every command takes it. Apart from usage.ts: commander is loaded only
// once a command is built, never for `--version`.

import { InvalidArgumentError, Option } from 'commander';
import { LANGS, langFromTag } from '../present/i18n/lang.js';
import type { Lang } from '../present/i18n/types.js';

/**
 * `--lang <lang>`, as every command takes it: zh-CN or en, shown so in the help, and the other
 * tags people write for them taken too (`zh`, `en-US`: langFromTag). Anything else is refused
 * with commander's own words for a choice not allowed, which the CLI prints in Chinese too.
 */
export function langOption(description: string): Option {
  return new Option('--lang <lang>', description).choices(LANGS).argParser((typed: string): Lang => {
    const lang = langFromTag(typed);
    if (lang === undefined) throw new InvalidArgumentError(`Allowed choices are ${LANGS.join(', ')}.`);
    return lang;
  });
}
