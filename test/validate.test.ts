// `cixi-plan validate` on fixture folders named after the behaviour they show.
// Each fixture is a complete, tiny plan folder (test/fixtures/validate/<name>/)
// with one defect; the table pins every diagnostic's file, position and code.
import { mkdirSync, readFileSync, writeFileSync, cpSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, planWith, run, tempDir } from './support/cli.js';

interface Expected {
  /** file relative to the fixture folder, line, col, severity, code */
  at: string;
  severity: 'error' | 'warning';
  code: string;
}

const cases: Array<{ name: string; exit: number; diagnostics: Expected[] }> = [
  { name: 'valid-minimal', exit: 0, diagnostics: [] },
  // YAML syntax layer
  { name: 'yaml-duplicate-key', exit: 1, diagnostics: [{ at: 'plan.yaml:30:5', severity: 'error', code: 'yaml-duplicate-key' }] },
  { name: 'yaml-tab-indent', exit: 1, diagnostics: [{ at: 'data/2024.yaml:6:1', severity: 'error', code: 'yaml-tab-indent' }] },
  { name: 'yaml-bad-indent', exit: 1, diagnostics: [{ at: 'data/2024.yaml:5:12', severity: 'error', code: 'yaml-bad-indent' }] },
  { name: 'yaml-unclosed-bracket', exit: 1, diagnostics: [{ at: 'plan.yaml:35:5', severity: 'error', code: 'yaml-bad-indent' }] },
  { name: 'yaml-custom-tag', exit: 1, diagnostics: [{ at: 'data/2024.yaml:5:12', severity: 'error', code: 'yaml-unknown-tag' }] },
  { name: 'yaml-timestamp-tag', exit: 1, diagnostics: [{ at: 'data/2024.yaml:5:12', severity: 'error', code: 'yaml-unknown-tag' }] },
  {
    name: 'yaml-version-11',
    exit: 1,
    diagnostics: [
      { at: 'data/2024.yaml:1:1', severity: 'warning', code: 'yaml-version-ignored' },
      // `No` stays the text "No" (YAML 1.2 core), so it is an invalid status, not false.
      { at: 'data/2024.yaml:10:13', severity: 'error', code: 'schema-enum' },
    ],
  },
  { name: 'yaml-alias-bomb', exit: 1, diagnostics: [{ at: 'data/2024.yaml:11:12', severity: 'error', code: 'yaml-alias-bomb' }] },
  { name: 'empty-file', exit: 1, diagnostics: [{ at: 'data/2024.yaml:1:1', severity: 'error', code: 'empty-file' }] },
  // schema layer
  { name: 'schema-misspelt-key', exit: 1, diagnostics: [{ at: 'plan.yaml:36:5', severity: 'error', code: 'schema-unknown-key' }] },
  { name: 'schema-string-for-number', exit: 1, diagnostics: [{ at: 'data/2024.yaml:5:12', severity: 'error', code: 'schema-type' }] },
  { name: 'schema-null-for-number', exit: 1, diagnostics: [{ at: 'data/2024.yaml:5:11', severity: 'error', code: 'schema-type' }] },
  { name: 'schema-bad-enum', exit: 1, diagnostics: [{ at: 'plan.yaml:31:16', severity: 'error', code: 'schema-enum' }] },
  { name: 'schema-missing-keys', exit: 1, diagnostics: [{ at: 'data/2024.yaml:4:3', severity: 'error', code: 'schema-missing-key' }] },
  { name: 'schema-proto-key', exit: 1, diagnostics: [{ at: 'data/2024.yaml:10:1', severity: 'error', code: 'schema-unknown-key' }] },
  { name: 'schema-bad-id-key', exit: 1, diagnostics: [{ at: 'data/2024.yaml:10:3', severity: 'error', code: 'schema-key-pattern' }] },
  {
    name: 'schema-bad-form',
    exit: 1,
    diagnostics: [
      { at: 'data/2024.yaml:10:16', severity: 'error', code: 'schema-pattern' },
      { at: 'plan.yaml:17:10', severity: 'error', code: 'schema-pattern' },
      { at: 'plan.yaml:43:9', severity: 'error', code: 'schema-pattern' },
    ],
  },
  // semantic rules
  { name: 'unknown-pillar', exit: 1, diagnostics: [{ at: 'plan.yaml:33:13', severity: 'error', code: 'unknown-pillar' }] },
  {
    name: 'unknown-indicator',
    exit: 1,
    diagnostics: [
      { at: 'data/2024.yaml:4:3', severity: 'warning', code: 'observation-absent' },
      { at: 'data/2024.yaml:5:5', severity: 'error', code: 'unknown-indicator' },
    ],
  },
  { name: 'duplicate-id', exit: 1, diagnostics: [{ at: 'plan.yaml:26:9', severity: 'error', code: 'duplicate-id' }] },
  { name: 'year-file-name', exit: 1, diagnostics: [{ at: 'data/2024.yaml:2:7', severity: 'error', code: 'year-file-name' }] },
  { name: 'year-outside-plan', exit: 1, diagnostics: [{ at: 'plan.yaml:45:10', severity: 'error', code: 'year-outside-plan' }] },
  // data-quality warnings: valid (exit 0) unless --strict
  { name: 'unit-mismatch', exit: 0, diagnostics: [{ at: 'data/2024.yaml:6:11', severity: 'warning', code: 'unit-mismatch' }] },
  { name: 'scope-mismatch', exit: 0, diagnostics: [{ at: 'data/2024.yaml:7:12', severity: 'warning', code: 'scope-mismatch' }] },
  { name: 'preliminary-value', exit: 0, diagnostics: [{ at: 'data/2024.yaml:8:13', severity: 'warning', code: 'preliminary-value' }] },
  { name: 'implausible-jump', exit: 0, diagnostics: [{ at: 'data/2024.yaml:5:12', severity: 'warning', code: 'implausible-jump' }] },
  { name: 'control-character', exit: 0, diagnostics: [{ at: 'data/2024.yaml:10:12', severity: 'warning', code: 'control-character' }] },
];

interface JsonDiagnostic {
  file: string;
  line: number;
  col: number;
  severity: string;
  code: string;
  message: string;
  hint?: string;
}

describe('validate fixtures', () => {
  it.each(cases)('$name', async ({ name, exit, diagnostics }) => {
    const dir = join('test/fixtures/validate', name);
    const r = await run(['validate', '--plan', dir, '--format', 'json']);
    expect(r.stderr).toBe('');
    const body = JSON.parse(r.stdout) as { valid: boolean; diagnostics: JsonDiagnostic[] };
    const got = body.diagnostics.map((d) => ({
      at: `${d.file.slice(dir.length + 1)}:${d.line}:${d.col}`,
      severity: d.severity,
      code: d.code,
    }));
    expect(got).toEqual(diagnostics);
    expect(r.code).toBe(exit);
    expect(body.valid).toBe(exit === 0);
  });

  it('fails warnings under --strict', async () => {
    const r = await run(['validate', '--plan', 'test/fixtures/validate/preliminary-value', '--strict', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('--strict fails on 1 warning');
    const zh = await run(['validate', '--plan', 'test/fixtures/validate/preliminary-value', '--strict']);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain('数据有效，但 --strict 因1条警告而不通过');
  });
});

describe('validate output', () => {
  it('prints a compiler-style diagnostic with the line underlined and a hint, in the plan language', async () => {
    const r = await run(['validate', '--plan', 'test/fixtures/validate/schema-misspelt-key']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatchInlineSnapshot(`
      "test/fixtures/validate/schema-misspelt-key/plan.yaml:36:5 错误 schema-unknown-key 未知的键 \`targt\`
      36 |     targt:
         |     ^^^^^
      提示：是否应为 \`target\`？
      = 详见：cixi-plan explain schema-unknown-key
      "
    `);
    expect(r.stdout).toBe('✗ test/fixtures/validate/schema-misspelt-key: 1个错误，0条警告\n');
  });

  it('prints the same in English with --lang en', async () => {
    const r = await run(['validate', '--plan', 'test/fixtures/validate/schema-misspelt-key', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatchInlineSnapshot(`
      "test/fixtures/validate/schema-misspelt-key/plan.yaml:36:5 error schema-unknown-key unknown key \`targt\`
      36 |     targt:
         |     ^^^^^
      hint: did you mean \`target\`?
      = explain: cixi-plan explain schema-unknown-key
      "
    `);
    expect(r.stdout).toBe('✗ test/fixtures/validate/schema-misspelt-key: 1 error, 0 warnings\n');
  });

  it('underlines wide Chinese text by display width', async () => {
    const r = await run(['validate', '--plan', 'test/fixtures/validate/scope-mismatch']);
    expect(r.stderr).toContain('7 |     scope: 市级\n  |            ^^^^\n');
  });

  it('prints a one-line summary on success', async () => {
    const r = await run(['validate', '--plan', 'test/fixtures/base-plan', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      '✓ test/fixtures/base-plan: 2 pillars, 2 actions, 7 indicators, 2 milestones, 19 observations (2 missing) in 3 year files, 0 warnings\n',
    );
    const zh = await run(['validate', '--plan', 'test/fixtures/base-plan']);
    expect(zh.stdout).toBe('✓ test/fixtures/base-plan: 2个领域，2项行动，7项指标，2个里程碑，3个年度文件中19条观测（缺失2条），0条警告\n');
  });

  it('colours only on a TTY and never with NO_COLOR', async () => {
    const args = ['validate', '--plan', 'test/fixtures/validate/schema-bad-enum'];
    const plain = await run(args);
    const tty = await run(args, { isTTY: true });
    const noColor = await run(args, { isTTY: true, env: { NO_COLOR: '1' } });
    expect(plain.stderr).not.toMatch(/\u001b\[/);
    expect(tty.stderr).toMatch(/\u001b\[/);
    expect(noColor.stderr).toBe(plain.stderr);
  });
});

describe('validate on hostile input', () => {
  const minimal = join(FIXTURES, 'validate/valid-minimal');
  const withYear = (content: string | Buffer) => {
    const dir = tempDir();
    cpSync(minimal, dir, { recursive: true });
    writeFileSync(join(dir, 'data/2024.yaml'), content);
    return dir;
  };
  const validateJson = async (dir: string) => {
    const r = await run(['validate', '--plan', dir, '--format', 'json']);
    return { ...r, body: JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[] } };
  };

  it('reports deeply nested brackets without overflowing the stack', async () => {
    const { code, body } = await validateJson(withYear('year: ' + '['.repeat(100_000)));
    expect(code).toBe(1);
    expect(body.diagnostics[0]?.code).toBe('yaml-too-deep');
  });

  it('refuses a 50 MB file before parsing it', async () => {
    const dir = withYear('');
    const fd = openSync(join(dir, 'data/2024.yaml'), 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const { code, body } = await validateJson(dir);
    expect(code).toBe(1);
    expect(body.diagnostics.map((d) => d.code)).toEqual(['file-too-large']);
  });

  it('refuses binary garbage', async () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const { code, body } = await validateJson(withYear(bytes));
    expect(code).toBe(1);
    expect(body.diagnostics.map((d) => d.code)).toEqual(['file-not-text']);
  });

  it('refuses invalid UTF-8 without NUL bytes', async () => {
    const { body } = await validateJson(withYear(Buffer.from([0x79, 0x65, 0x61, 0x72, 0x3a, 0x20, 0xc3, 0x28, 0x0a])));
    expect(body.diagnostics.map((d) => d.code)).toEqual(['file-not-text']);
  });

  describe('names the encoding of a year file saved as other than UTF-8', () => {
    const text = 'year: 2024\n# 地区生产总值\nobservations: {}\n';
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const utf16be = Buffer.from(utf16le).swap16();
    const codePoints = [0xfeff, ...[...text].map((c) => c.codePointAt(0)!)];
    const utf32le = Buffer.alloc(codePoints.length * 4);
    codePoints.forEach((cp, i) => utf32le.writeUInt32LE(cp, i * 4));
    const utf32be = Buffer.from(utf32le).swap32();
    // 地区生产总值 in GBK, as Chinese Windows saves "ANSI" text.
    const gbk = Buffer.concat([Buffer.from('year: 2024\n# '), Buffer.from([0xb5, 0xd8, 0xc7, 0xf8, 0xc9, 0xfa, 0xb2, 0xfa, 0xd7, 0xdc, 0xd6, 0xb5]), Buffer.from('\nobservations: {}\n')]);
    it.each([
      ['UTF-16 LE', utf16le, 'is UTF-16 text (what Windows editors call “Unicode”), not UTF-8', '是 UTF-16 编码的文本（Windows 编辑器称作“Unicode”），不是 UTF-8'],
      ['UTF-16 BE', utf16be, 'is UTF-16 text, not UTF-8', '是 UTF-16 编码的文本，不是 UTF-8'],
      ['UTF-32 LE', utf32le, 'is UTF-32 text, not UTF-8', '是 UTF-32 编码的文本，不是 UTF-8'],
      ['UTF-32 BE', utf32be, 'is UTF-32 text, not UTF-8', '是 UTF-32 编码的文本，不是 UTF-8'],
      ['GBK', gbk, 'is not valid UTF-8 text: it reads as GBK/GB18030 (what Chinese Windows calls “ANSI”)', '不是有效的 UTF-8 文本：看起来是 GBK/GB18030 编码（中文 Windows 所称的“ANSI”）'],
    ])('%s', async (_name, bytes, en, zh) => {
      const dir = withYear(bytes);
      const { code, body } = await validateJson(dir);
      expect(code).toBe(1);
      expect(body.diagnostics.map((d) => [d.code, d.message, d.hint])).toEqual([['file-not-text', en, 'save it as UTF-8']]);
      const text = await run(['validate', '--plan', dir, '--lang', 'zh-CN']);
      expect(text.stderr).toContain(`data/2024.yaml 错误 file-not-text ${zh}\n提示：请以 UTF-8 编码保存\n`);
    });
  });

  it('reports a year "file" that is a directory as an I/O error (exit 2)', async () => {
    const dir = tempDir();
    cpSync(minimal, dir, { recursive: true });
    mkdirSync(join(dir, 'data/2025.yaml'));
    const { code, body } = await validateJson(dir);
    expect(code).toBe(2);
    expect(body.diagnostics.map((d) => d.code)).toEqual(['io-error']);
  });

  it('reads `!!binary` and `!!set` as errors, not values', async () => {
    const { body } = await validateJson(withYear('year: 2024\nobservations: !!set {a, b}\nnote: !!binary aGVsbG8=\n'));
    expect(body.diagnostics.map((d) => `${d.line}:${d.code}`)).toEqual(['2:yaml-unknown-tag', '3:yaml-unknown-tag']);
  });

  it('does not let a `__proto__` key pollute objects', async () => {
    await validateJson(withYear('year: 2024\nobservations:\n  __proto__:\n    polluted: true\n'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('validate usage errors', () => {
  it('exits 2 when the plan folder does not exist', async () => {
    const r = await run(['validate', '--plan', 'no/such/folder', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: plan folder no/such/folder not found (use --plan DIR, or `cixi-plan init DIR` to start one)\n');
    // Without --lang and without a plan to say otherwise: Chinese, as every view.
    expect((await run(['validate', '--plan', 'no/such/folder'])).stderr).toBe('错误：找不到规划文件夹 no/such/folder（用 --plan DIR 指定，或用 `cixi-plan init DIR` 新建一个）\n');
  });

  it('exits 2 when the folder has no plan.yaml', async () => {
    const r = await run(['validate', '--plan', 'test']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('找不到 test/plan.yaml：规划文件夹应包含 plan.yaml 和 data/<年份>.yaml');
  });

  it('exits 2 on an unknown option or format', async () => {
    expect((await run(['validate', '--bogus'])).code).toBe(2);
    const r = await run(['validate', '--format', 'xml', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Allowed choices are text, json");
  });

  it('exits 2 on an unknown command and suggests the nearest', async () => {
    const r = await run(['valdate', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Did you mean validate?');
    // In the plan's language, with commander's suggestion.
    expect((await run(['valdate'])).stderr).toBe("错误：没有命令 'valdate'\n（是不是 validate？）\n");
  });
});

describe('duplicate keys', () => {
  it('are found in flow maps and in maps inside lists, each at the repeated key', async () => {
    const { parseSource } = await import('../src/validate/yaml-source.js');
    const { diagnostics } = parseSource({ file: 'x.yaml', text: 'a: {b: 1, b: 2}\nlist:\n  - id: x\n    id: y\n' });
    expect(diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`)).toEqual(['1:11 yaml-duplicate-key', '4:5 yaml-duplicate-key']);
  });
});

describe('YAML numbers that are no statistic', () => {
  it.each([
    ['.inf', 'infinity (.inf)', '无穷大（.inf）'],
    ['-.inf', 'infinity (-.inf)', '无穷大（-.inf）'],
    ['.nan', 'not-a-number (.nan)', '非数（.nan）'],
  ])('%s is a schema-type error that names it', async (yamlValue, en, zh) => {
    const dir = planWith();
    const year = join(dir, 'data', '2024.yaml');
    writeFileSync(year, readFileSync(year, 'utf8').replace('value: 2929', `value: ${yamlValue}`));
    const english = await run(['validate', '--plan', dir, '--lang', 'en']);
    expect(english.code).toBe(1);
    expect(english.stderr).toContain(`error schema-type \`value\` must be a number, not ${en}`);
    const chinese = await run(['validate', '--plan', dir, '--lang', 'zh-CN']);
    expect(chinese.stderr).toContain(`而不是${zh}`);
  });
});

describe('changes that cannot happen', () => {
  it('refuses a published fall of more than 100%, and a target that asks for one', async () => {
    const dir = tempDir();
    cpSync(join(FIXTURES, 'target-kinds'), dir, { recursive: true });
    const year = join(dir, 'data', '2024.yaml');
    writeFileSync(year, readFileSync(year, 'utf8').replace('energy-intensity: {growth: -1.0,', 'energy-intensity: {growth: -150,'));
    const plan = join(dir, 'plan.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('      percent: -14\n', '      percent: -114\n'));
    const r = await run(['validate', '--plan', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/data\/2024\.yaml:17:30 error schema-range `growth` must be >= -100, not number -150/);
    expect(r.stderr).toMatch(/plan\.yaml:\d+:\d+ error schema-range `percent` must be >= -100, not number -114/);
  });
});
