// The CLI's contract outside any one command: exit codes for usage and I/O errors,
// help, colour conventions, SOURCE_DATE_EPOCH limits, and a failing standard output.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { useColor } from '../src/commands/context.js';
import { parseSourceDateEpoch } from '../src/commands/source-date.js';
import { planArgument, shellWord } from '../src/commands/usage.js';
import { langFromTag } from '../src/present/i18n/lang.js';
import { BASE_PLAN, planWith, ROOT, run, tempDir } from './support/cli.js';
import { cellAt, openWorkbook, saveWorkbook } from './support/sheet.js';

const bin = join(ROOT, 'bin/cixi-plan.js');
const ESC = /\u001b\[/;

describe('usage errors exit 2, help exits 0', () => {
  it('prints the help to stderr and exits 2 when no command is given', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: cixi-plan');
  });

  it('calls `help nope` an unknown command (exit 2), in Chinese unless --lang or the plan says otherwise', async () => {
    const r = await run(['help', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('错误：没有命令 `nope`：可用的命令有 validate、gaps、report、diff、schema、sheet、import、init、explain\n');
    const en = await run(['help', 'nope', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/^error: unknown command `nope`: choose from validate, gaps, report, diff, schema, sheet, import, init, explain\n$/);
  });

  it('words a mistake in the command line in the plan’s language, or in the one --lang names', async () => {
    const english = planWith();
    const file = join(english, 'plan.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('language: zh-CN', 'language: en'));
    const cases: Array<[string[], string]> = [
      [['report', 'twenty', '--plan', english], 'error: the report year must be a four-digit year, not `twenty`\n'],
      [['report', 'twenty', `--plan=${english}`, '--lang', 'zh-CN'], '错误：报告年份应为四位数，而不是 `twenty`\n'],
      [['gaps', '2024', '--plan', BASE_PLAN, '--lang', 'en', '--', 'x'], 'error: too many arguments for \'gaps\'. Expected 1 argument but got 2.\n'],
      [['sheet', '2024', '--plan', english, '--out', 'x.csv'], 'error: --out x.csv: the workbook is written as .xlsx; give a name ending in .xlsx\n'],
      [['import', '2024', 'x.txt', '--plan', BASE_PLAN], '错误：x.txt：import 只读 .xlsx 工作簿和 .csv 文件，请另存为其中一种\n'],
    ];
    for (const [args, stderr] of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toBe(stderr);
    }
  });

  it.each([[['help']], [['--help']], [['help', 'report']], [['report', '--help']]])('%j prints help on stdout and exits 0', async (args) => {
    const r = await run(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: cixi-plan');
    expect(r.stderr).toBe('');
  });

  it('exits 2 on an unknown command', async () => {
    const r = await run(['nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("错误：没有命令 'nope'\n");
    const en = await run(['nope', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain("error: unknown command 'nope'");
  });
});

describe('--lang', () => {
  it('takes zh-CN and en, and the tags people also write for them', () => {
    const cases: Array<[string, string | undefined]> = [
      ['zh-CN', 'zh-CN'], ['zh', 'zh-CN'], ['ZH', 'zh-CN'], ['zh_CN', 'zh-CN'], ['zh-cn', 'zh-CN'], ['zh-Hans', 'zh-CN'], ['zh-Hans-CN', 'zh-CN'],
      ['en', 'en'], ['EN', 'en'], ['en-US', 'en'], ['en_GB', 'en'], ['en-419', 'en'],
      // Traditional Chinese is another language; so is anything else.
      ['zh-TW', undefined], ['zh-Hant', undefined], ['zh-HK', undefined], ['fr', undefined], ['english', undefined], ['', undefined], ['en-', undefined], ['zh-CN-x', undefined],
    ];
    for (const [tag, lang] of cases) expect(langFromTag(tag), tag).toBe(lang);
  });

  it('speaks the language a tag names in every command, and refuses another in the run’s language', async () => {
    const zh = await run(['gaps', '2024', '--plan', BASE_PLAN, '--lang', 'zh']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('序时进度');
    const en = await run(['validate', '--plan', BASE_PLAN, '--lang=en-US']);
    expect(en.stdout).toMatch(/^✓ .*: 2 pillars, /);
    const out = tempDir();
    expect((await run(['report', '2024', '--plan', BASE_PLAN, '--out', out, '--format', 'md', '--quiet', '--lang', 'EN_GB'], { env: { SOURCE_DATE_EPOCH: '1740787200' } })).code).toBe(0);
    expect(readFileSync(join(out, '2024', 'report.md'), 'utf8')).toMatch(/^# .*progress report 2024/);
    const refused = await run(['gaps', '2024', '--plan', BASE_PLAN, '--lang', 'zh-TW']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe("错误：选项 '--lang <lang>' 的取值 'zh-TW' 无效，可选 zh-CN、en\n");
    // The help still lists the two languages.
    expect((await run(['gaps', '--help'])).stdout).toMatch(/--lang <lang>[^]*choices:\s+"zh-CN", "en"/);
  });
});

describe('a command the CLI suggests', () => {
  it('quotes a word only where a shell would read it otherwise', () => {
    expect(shellWord('plans/慈溪-2026')).toBe('plans/慈溪-2026');
    expect(shellWord('/tmp/a b')).toBe("'/tmp/a b'");
    expect(shellWord("it's")).toBe("'it'\\''s'");
    expect(shellWord('$(rm -rf ~)')).toBe("'$(rm -rf ~)'");
    expect(planArgument('plan')).toBe('');
    expect(planArgument('my plan')).toBe(" --plan 'my plan'");
  });

  it('names the plan folder when it is not ./plan, so that it runs as printed', async () => {
    const cwd = tempDir();
    cpSync(BASE_PLAN, join(cwd, 'my plan'), { recursive: true });
    const sheet = await run(['sheet', '2024', '--plan', 'my plan', '--out', 'w.xlsx'], { cwd });
    expect(sheet.stdout).toContain("cixi-plan import 2024 <文件> --plan 'my plan' --dry-run");
    const wb = await openWorkbook(join(cwd, 'w.xlsx'));
    cellAt(wb.getWorksheet('指标')!, 'gdp', 'value').value = 2950;
    await saveWorkbook(wb, join(cwd, 'w.xlsx'));
    const imported = await run(['import', '2024', 'w.xlsx', '--plan', 'my plan'], { cwd });
    expect(imported.stdout).toContain("下一步运行 `cixi-plan report 2024 --plan 'my plan'`");
    const again = await run(['sheet', '2025', '--plan', 'my plan', '--out', 'w25.xlsx', '--lang', 'en'], { cwd });
    expect(again.stdout).toContain("then: cixi-plan import 2025 <file> --plan 'my plan' --dry-run");
    // The shipped folder name needs none.
    const plain = tempDir();
    cpSync(BASE_PLAN, join(plain, 'plan'), { recursive: true });
    expect((await run(['sheet', '2024', '--out', 'w.xlsx'], { cwd: plain })).stdout).toContain('cixi-plan import 2024 <文件> --dry-run');
  });

  it('points gaps at validate for the plan’s warnings, naming the folder only when it is not ./plan', async () => {
    // The shipped plan has data-quality warnings, which gaps counts and validate shows.
    const cwd = tempDir();
    cpSync(join(ROOT, 'plan'), join(cwd, 'my plan'), { recursive: true });
    cpSync(join(ROOT, 'plan'), join(cwd, 'plan'), { recursive: true });
    expect((await run(['gaps', '2024', '--plan', 'my plan'], { cwd })).stderr).toMatch(/^\d+条数据质量警告：运行 `cixi-plan validate --plan 'my plan'` 查看\n$/);
    expect((await run(['gaps', '2024', '--lang', 'en'], { cwd })).stderr).toMatch(/^\d+ data-quality warnings: run `cixi-plan validate` to see them\n$/);
  });
});

describe('colour follows NO_COLOR, FORCE_COLOR, TERM and the terminal', () => {
  it.each([
    { env: {}, tty: true, colour: true },
    { env: {}, tty: false, colour: false },
    { env: { NO_COLOR: '1' }, tty: true, colour: false },
    { env: { NO_COLOR: '' }, tty: true, colour: true },
    { env: { TERM: 'dumb' }, tty: true, colour: false },
    { env: { TERM: 'xterm-256color' }, tty: true, colour: true },
    { env: { FORCE_COLOR: '0' }, tty: true, colour: false },
    { env: { FORCE_COLOR: 'false' }, tty: true, colour: false },
    { env: { FORCE_COLOR: '1' }, tty: false, colour: true },
    { env: { FORCE_COLOR: '2' }, tty: false, colour: true },
    { env: { FORCE_COLOR: '3' }, tty: false, colour: true },
    { env: { FORCE_COLOR: 'true' }, tty: false, colour: true },
    { env: { FORCE_COLOR: '' }, tty: false, colour: false },
    { env: { FORCE_COLOR: '1', TERM: 'dumb' }, tty: false, colour: true },
    // The user's "no colour" wins over a forced colour.
    { env: { FORCE_COLOR: '1', NO_COLOR: '1' }, tty: true, colour: false },
  ])('$env on a TTY: $tty → colour $colour', ({ env, tty, colour }) => {
    expect(useColor({ stdout: () => {}, stderr: () => {}, isTTY: tty, env, cwd: ROOT })).toBe(colour);
  });

  it('prints no escape code for TERM=dumb or FORCE_COLOR=0 on a terminal, and colours a pipe with FORCE_COLOR=1', async () => {
    const args = ['gaps', '2024', '--plan', BASE_PLAN];
    expect((await run(args, { isTTY: true })).stdout).toMatch(ESC);
    expect((await run(args, { isTTY: true, env: { TERM: 'dumb' } })).stdout).not.toMatch(ESC);
    expect((await run(args, { isTTY: true, env: { FORCE_COLOR: '0' } })).stdout).not.toMatch(ESC);
    expect((await run(args, { isTTY: false, env: { FORCE_COLOR: '1' } })).stdout).toMatch(ESC);
  });
});

describe('SOURCE_DATE_EPOCH', () => {
  it('accepts the last second of 9999 and refuses any later moment', () => {
    expect(parseSourceDateEpoch('253402300799')).toEqual({ ok: true, date: new Date('9999-12-31T23:59:59Z') });
    for (const late of ['253402300800', '8640000000000', '99999999999999999999']) {
      expect(parseSourceDateEpoch(late)).toEqual({
        ok: false,
        message: {
          en: `SOURCE_DATE_EPOCH ${late} is after 9999-12-31T23:59:59Z (253402300799): a report is dated with a four-digit year`,
          zh: `SOURCE_DATE_EPOCH ${late} 晚于 9999-12-31T23:59:59Z（253402300799）：报告日期的年份须为四位数`,
        },
      });
    }
  });

  it('stops the report with exit 2 instead of printing the year +010000', async () => {
    const out = tempDir();
    const r = await run(['report', '2024', '--plan', BASE_PLAN, '--out', out, '--format', 'md', '--lang', 'en'], { env: { SOURCE_DATE_EPOCH: '253402300800' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: SOURCE_DATE_EPOCH 253402300800 is after 9999-12-31T23:59:59Z');
    expect(existsSync(join(out, '2024'))).toBe(false);
  });
});

describe('init years', () => {
  it.each([
    [['--start', '1900'], '错误：--start 1900 会使基期为 1899 年：规划年份须在 1900 至 2200 年之间，所以 --start 至少为 1901\n'],
    [['--start', '2198', '--end', '2201'], '错误：--end 2201 晚于 2200 年：规划年份须在 1900 至 2200 年之间\n'],
    [['--start', '2199'], '错误：从 --start 2199 起的规划期将止于 2203 年，晚于 2200 年：规划年份须在 1900 至 2200 年之间\n'],
  ])('init %j says what is wrong', async (args, message) => {
    const cwd = tempDir();
    const r = await run(['init', 'new', ...args], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
  });

  it('accepts the earliest and latest years the schema allows', async () => {
    const cwd = tempDir();
    expect((await run(['init', 'early', '--start', '1901'], { cwd })).code).toBe(0);
    expect((await run(['init', 'late', '--start', '2196', '--end', '2200'], { cwd })).code).toBe(0);
    expect((await run(['validate', '--plan', 'late'], { cwd })).code).toBe(0);
  });
});

describe('an empty folder name', () => {
  // An unset variable in a script (--out "$OUT") gives an empty name, which the file system
  // takes for the current folder: refused, and nothing written there.
  it.each([
    [['report', '2024', '--out', ''], '--out'],
    [['report', '2024', '--out', 'o', '--templates', ''], '--templates'],
    [['validate', '--plan', ''], '--plan'],
    [['gaps', '2024', '--plan', ''], '--plan'],
  ])('%j is refused (exit 2)', async (args, option) => {
    const cwd = tempDir();
    cpSync(BASE_PLAN, join(cwd, 'plan'), { recursive: true });
    const r = await run([...args, '--lang', 'en'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${option} is empty: name a folder (\`.\` for the current one)\n`);
    expect(readdirSync(cwd)).toEqual(['plan']);
    const zh = await run(args, { cwd });
    expect(zh.stderr).toBe(`错误：${option} 为空：请给出文件夹名（当前文件夹写 \`.\`）\n`);
  });
});

describe('a standard output that cannot be written', () => {
  it('is an I/O error: one line on stderr, exit 2, no stack trace (/dev/full)', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" schema > /dev/full`], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('错误：无法写入标准输出（ENOSPC: no space left on device）\n');
    const en = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" validate --lang en --format json > /dev/full`], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(en.status).toBe(2);
    expect(en.stderr).toBe('error: cannot write to standard output (ENOSPC: no space left on device)\n');
  });

  // Messages lost are a failed run too, in every command (report went on to exit 0).
  it.each([['validate'], ['gaps', '2024'], ['report', '2024', '--format', 'md', '--out', 'OUT']])('%s with its messages going to /dev/full exits 2', (...args) => {
    const out = tempDir();
    const argv = args.map((a) => (a === 'OUT' ? `"${out}"` : a)).join(' ');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" ${argv} 2> /dev/full`], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
  });

  it('is an I/O error in-process too, when the writer throws', async () => {
    let stderr = '';
    const code = await main(['schema'], {
      stdout: () => {
        throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
      },
      stderr: (t) => (stderr += t),
      isTTY: false,
      env: {},
      cwd: ROOT,
    });
    expect(code).toBe(2);
    expect(stderr).toBe('错误：无法写入标准输出（EIO: i/o error）\n');
  });
});
