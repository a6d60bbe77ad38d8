// Diagnostics speak the plan's language. Every message a stage writes itself comes in
// Chinese and English; only the detail of a YAML syntax error is the parser's own
// English, after the code's Chinese title. `validate`, `gaps` and `report` print in
// the plan's language unless --lang says otherwise; JSON stays English for scripts.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess } from '../src/assess/index.js';
import { localized, type Diagnostic } from '../src/diagnostic.js';
import { readPlanFolder } from '../src/load/files.js';
import { validatePlan } from '../src/validate/index.js';
import { FIXTURES, ROOT, run, tempDir } from './support/cli.js';

/** Codes whose detail is the YAML parser's text: shown as "<Chinese title>：<parser's English>". */
const WORDED_BY_PARSER = new Set(['yaml-syntax', 'yaml-bad-indent']);

/** Every plan folder the tests ship: the rule fixtures, the larger plans and the shipped plan. */
const FOLDERS = [
  ...readdirSync(join(FIXTURES, 'validate')).map((n) => join(FIXTURES, 'validate', n)),
  join(FIXTURES, 'base-plan'),
  join(FIXTURES, 'national-plan'),
  join(FIXTURES, 'target-kinds'),
  join(ROOT, 'plan'),
];

/** The diagnostics of reading, validating and assessing every year of a plan folder. */
async function diagnosticsOf(dir: string): Promise<Diagnostic[]> {
  const read = await readPlanFolder(dir, ROOT);
  if (!read.ok) throw new Error(read.message.en);
  const validated = validatePlan(read.sources);
  const out = [...read.diagnostics, ...validated.diagnostics];
  const data = validated.data;
  if (data !== undefined) {
    for (const y of data.years) if (y.year >= data.plan.plan.base_year) out.push(...assess(data, y.year).diagnostics);
  }
  return out;
}

/** Two English words in a row, outside `code`, "quoted text", file paths and Unicode character names. */
function englishIn(text: string): string | null {
  const bare = text.replace(/`[^`]*`/g, '').replace(/"[^"]*"/g, '').replace(/\S*\/\S*/g, '').replace(/U\+[0-9A-F]{4,6} \([A-Z0-9 -]+\)/g, '');
  return /[A-Za-z]{3,}[ ,;:]+[A-Za-z]{3,}/.exec(bare)?.[0] ?? null;
}

describe('every diagnostic the stages write has a Chinese message', async () => {
  const all = (await Promise.all(FOLDERS.map(diagnosticsOf))).flat();

  it('covers the diagnostics of every layer (the check is not vacuous)', () => {
    const codes = new Set(all.map((d) => d.code));
    for (const code of ['yaml-duplicate-key', 'yaml-tab-indent', 'yaml-alias-bomb', 'empty-file', 'schema-unknown-key', 'schema-type',
      'schema-enum', 'schema-missing-key', 'schema-pattern', 'duplicate-id', 'unknown-pillar', 'unknown-indicator', 'year-file-name', 'unit-mismatch',
      'scope-mismatch', 'implausible-jump', 'preliminary-value', 'control-character', 'baseline-missing', 'observation-absent', 'no-value']) {
      expect(codes, code).toContain(code);
    }
    expect(all.length).toBeGreaterThan(150);
  });

  it('in Chinese: no English sentence outside code, quoted text and paths', () => {
    const leaks = all
      .filter((d) => !WORDED_BY_PARSER.has(d.code))
      .flatMap((d) => {
        const zh = localized(d, 'zh-CN');
        const found = englishIn(zh.message) ?? (zh.hint === undefined ? null : englishIn(zh.hint));
        return found === null ? [] : [`${d.code}: ${zh.message} / ${zh.hint ?? ''} (“${found}”)`];
      });
    expect(leaks).toEqual([]);
  });

  it('in English: the message as the stage wrote it, with no Chinese title added', () => {
    for (const d of all) {
      expect(JSON.stringify([d.message, d.hint, d.zh])).not.toContain('[object ');
      expect(localized(d, 'en')).toEqual(d.hint === undefined ? { message: d.message } : { message: d.message, hint: d.hint });
    }
  });

  it("a message worded by the parser reads after the code's Chinese title", async () => {
    const [d] = (await diagnosticsOf(join(FIXTURES, 'validate', 'yaml-bad-indent'))).filter((x) => x.code === 'yaml-bad-indent');
    expect(d).toBeDefined();
    expect(localized(d!, 'zh-CN').message).toMatch(/^[^A-Za-z]+：/u);
  });
});

/** A copy of a fixture whose plan declares `language: en`. */
function englishPlan(fixture: string): string {
  const dir = tempDir();
  cpSync(join(FIXTURES, 'validate', fixture), dir, { recursive: true });
  const planFile = join(dir, 'plan.yaml');
  const text = readFileSync(planFile, 'utf8');
  expect(text).toMatch(/language: zh-CN/);
  writeFileSync(planFile, text.replace('language: zh-CN', 'language: en'));
  return dir;
}

describe('validate prints in the plan language, or --lang', () => {
  const unitMismatch = join(FIXTURES, 'validate', 'unit-mismatch');

  it('a Chinese plan: Chinese severities, messages, hints and summary', async () => {
    const r = await run(['validate', '--plan', unitMismatch]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/:\d+:\d+ 警告 unit-mismatch `gdp` 2024年的单位是/);
    expect(r.stderr).toContain('= 详见：cixi-plan explain unit-mismatch');
    expect(r.stderr).not.toMatch(/\bwarning\b|\bhint\b|explain:/);
    expect(r.stdout).toMatch(/条警告\n$/);
  });

  it('--lang en: English throughout', async () => {
    const r = await run(['validate', '--plan', unitMismatch, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/:\d+:\d+ warning unit-mismatch `gdp` 2024 is in /);
    expect(r.stderr).toContain('= explain: cixi-plan explain unit-mismatch');
    expect(r.stderr).not.toMatch(/警告|详见|单位是/);
    expect(r.stdout).toMatch(/\d+ warnings?\n$/);
  });

  it('a plan in English prints English without --lang, errors and hints too', async () => {
    const r = await run(['validate', '--plan', englishPlan('schema-string-for-number')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ error schema-type `value` must be a number, not the text /);
    expect(r.stderr).toContain('hint: remove the quotes');
    expect(r.stdout).toMatch(/1 error, \d+ warnings?\n$/);
  });

  it('an invalid Chinese plan: the error and the verdict in Chinese', async () => {
    const r = await run(['validate', '--plan', join(FIXTURES, 'validate', 'schema-string-for-number')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ 错误 schema-type `value`应为数字，而不是文本 /);
    expect(r.stderr).toContain('提示：去掉引号');
    expect(r.stdout).toMatch(/1个错误，\d+条警告\n$/);
  });

  it('github annotations follow the language; JSON stays English for scripts', async () => {
    const gh = await run(['validate', '--plan', unitMismatch, '--format', 'github']);
    expect(gh.stdout).toMatch(/^::warning file=.*title=unit-mismatch::`gdp` 2024年的单位是/m);
    expect(gh.stdout).toMatch(/：有效；\d+个领域/);
    const json = await run(['validate', '--plan', unitMismatch, '--format', 'json']);
    const body = JSON.parse(json.stdout) as { diagnostics: Array<{ code: string; message: string }> };
    expect(body.diagnostics.find((d) => d.code === 'unit-mismatch')?.message).toMatch(/^`gdp` 2024 is in /);
  });
});

describe('gaps and report print their diagnostics in the same language as their output', () => {
  it('gaps: the invalid-plan verdict follows --lang', async () => {
    const dir = join(FIXTURES, 'validate', 'schema-string-for-number');
    const zh = await run(['gaps', '2024', '--plan', dir]);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain(`无效（1个错误）：请修正数据并运行 \`cixi-plan validate --plan ${dir}\``);
    const en = await run(['gaps', '2024', '--plan', dir, '--lang', 'en']);
    expect(en.stderr).toContain(`is invalid (1 error): fix the data and run \`cixi-plan validate --plan ${dir}\``);
    expect(en.stderr).not.toMatch(/错误|无效/);
  });
});
