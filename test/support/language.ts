// The words of the other language in a report: the tool's own, once the plan's texts (data,
// in whatever language the plan has them) are taken out.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CODE_NAMES } from '../../src/codes/index.js';
import { squash } from './read-pdf.js';

/** Every text a plan folder holds (names, notes, quotes, units, reasons): data, not the tool's words. */
export function planStrings(dir: string): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) { out.add(k); walk(x); }
  };
  walk(parse(readFileSync(join(dir, 'plan.yaml'), 'utf8')));
  for (const f of readdirSync(join(dir, 'data'))) walk(parse(readFileSync(join(dir, 'data', f), 'utf8')));
  // The catalogue's codes are identifiers the reports print beside a problem, not prose.
  for (const code of CODE_NAMES) out.add(code);
  // Longest first, so that a name is removed before a shorter text inside it.
  return [...out].filter((s) => s.length > 1 || /[\u3400-\u9fff]/.test(s)).sort((a, b) => b.length - a.length);
}

/** The text without the plan's own strings (compared with whitespace and Markdown escapes removed). */
export function withoutPlanText(text: string, strings: readonly string[]): string {
  let t = squash(text.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1'));
  for (const s of strings) t = t.split(squash(s)).join('|');
  return t;
}

/** English words the tool wrote into a Chinese report: a run of 12 or more ASCII letters once spaces are gone. */
export function englishIn(text: string): string[] {
  return [...text.matchAll(/[A-Za-z][A-Za-z'’,.;:()-]{11,}/g)].map((m) => m[0]).filter((w) => !/^https?|assessment\.json/.test(w));
}

/** Chinese characters the tool wrote into an English report. */
export function chineseIn(text: string): string[] {
  return [...text.matchAll(/[\u3400-\u9fff\uff08\uff09\u3001\uff1a]+/g)].map((m) => m[0]);
}
