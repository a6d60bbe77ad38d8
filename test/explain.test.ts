// `cixi-plan explain`: every code of the catalogue explained in both languages, the list,
// and an unknown code refused with the nearest known one.
import { describe, expect, it } from 'vitest';
import { CODE_NAMES, CODES } from '../src/codes/index.js';
import { run } from './support/cli.js';

describe('explain', () => {
  it.each(['zh-CN', 'en'] as const)('explains every code in %s: title, meaning and example', async (lang) => {
    for (const code of CODE_NAMES) {
      const r = await run(['explain', code, '--lang', lang]);
      expect(r.code, code).toBe(0);
      expect(r.stdout).toContain(CODES[code].title[lang]);
      expect(r.stdout).toContain(CODES[code].explain[lang]);
      // The labels end as each language writes a colon.
      const fix = CODES[code].fix;
      if (fix !== null) expect(r.stdout).toContain(lang === 'en' ? `\nHow to fix it: ${fix.en}\n` : `\n如何处理：${fix['zh-CN']}\n`);
      expect(r.stdout).toContain(lang === 'en' ? '\nExample:\n' : '\n示例：\n');
    }
  });

  it('speaks the plan’s language when --lang is not given', async () => {
    const r = await run(['explain', 'stale-value']);
    expect(r.stdout).toContain(CODES['stale-value'].title['zh-CN']);
  });

  it('lists every code', async () => {
    const r = await run(['explain', '--list', '--lang', 'en']);
    expect(r.code).toBe(0);
    for (const code of CODE_NAMES) expect(r.stdout).toContain(code);
  });

  it('refuses an unknown code with exit 2 and the nearest known one', async () => {
    const r = await run(['explain', 'schema-typ']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('错误：没有代码 `schema-typ`：是不是 `schema-type`？（`cixi-plan explain --list` 列出全部代码）\n');
    const en = await run(['explain', 'schema-typ', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('did you mean `schema-type`?');
  });

  it('has no entry without both languages', () => {
    for (const code of CODE_NAMES) {
      const e = CODES[code];
      for (const text of [e.title, e.explain, ...(e.fix === null ? [] : [e.fix])]) {
        expect(text['zh-CN'].length, code).toBeGreaterThan(1);
        expect(text.en.length, code).toBeGreaterThan(1);
        expect(text['zh-CN'], code).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });
});
