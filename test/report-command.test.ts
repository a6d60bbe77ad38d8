// `cixi-plan report <year>` in-process: what it writes, prints and exits with, and
// that a failed run writes nothing and leaves the previous report as it was.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportTime } from '../src/commands/context.js';
import { parseFormats, formatSize } from '../src/commands/report.js';
import { FORMAT_NAMES, rendererFor } from '../src/render/index.js';
import { BASE_PLAN, FIXTURES, run, tempDir } from './support/cli.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1740787200' }; // 2025-03-01T00:00:00Z

/** Run `report` into a fresh output folder; returns the folder too. */
async function report(args: string[], options: { out?: string; env?: Record<string, string> } = {}) {
  const out = options.out ?? tempDir();
  const result = await run(['report', ...args, '--out', out], { env: options.env ?? EPOCH });
  return { ...result, out };
}

describe('cixi-plan report', () => {
  it('writes report.md, report.html and assessment.json, and says what it wrote', async () => {
    const r = await report(['2024', '--plan', BASE_PLAN, '--format', 'md,html']);
    expect(r.code).toBe(0);
    const dir = join(r.out, '2024');
    expect(readdirSync(dir).sort()).toEqual(['assessment.json', 'report.html', 'report.md']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    for (const [i, name] of ['report.md', 'report.html', 'assessment.json'].entries()) {
      const size = statSync(join(dir, name)).size;
      expect(lines[i]).toContain(join(dir, name));
      expect(lines[i]).toMatch(size < 1024 ? new RegExp(`${size} B$`) : new RegExp(`${(size / 1024).toFixed(1)} KiB$`));
    }
    expect(lines[3]).toBe(`✓ 2024年报告（zh-CN）：7项指标，已评估5项，4项达到或快于序时进度，预警1项，2个里程碑；3个文件，在 ${dir}`);
    // The assessment's own warnings go to stderr.
    expect(r.stderr).toContain('cumulative-incomplete');
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain('- 生成日期：2025年3月1日');
  });

  it('saves the same assessment that `gaps --json` prints, with the run that wrote the set', async () => {
    // assessment.json is written whatever the formats.
    const r = await report(['2024', '--plan', BASE_PLAN, '--format', 'md']);
    const gaps = await run(['gaps', '2024', '--plan', BASE_PLAN, '--json']);
    expect(gaps.code).toBe(0);
    const { run: written, ...saved } = JSON.parse(readFileSync(join(r.out, '2024', 'assessment.json'), 'utf8'));
    expect(JSON.stringify(saved, null, 2) + '\n').toBe(gaps.stdout);
    expect(Object.keys(written)).toEqual(['inputs_sha256', 'tool', 'version', 'files']);
  });

  it('gives the same bytes for the same input and SOURCE_DATE_EPOCH', async () => {
    // The PDF's and the workbook's bytes: report-pdf and report-xlsx; all five files: report-output.
    const a = await report(['2024', '--plan', BASE_PLAN, '--format', 'md,html']);
    const b = await report(['2024', '--plan', BASE_PLAN, '--format', 'md,html']);
    for (const name of ['report.md', 'report.html', 'assessment.json']) {
      expect(readFileSync(join(a.out, '2024', name))).toEqual(readFileSync(join(b.out, '2024', name)));
    }
  });

  it('prints nothing but errors with --quiet', async () => {
    const r = await report(['2024', '--plan', BASE_PLAN, '--quiet']);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(existsSync(join(r.out, '2024', 'report.html'))).toBe(true);
  });

  it('writes English labels with --lang en', async () => {
    const r = await report(['2024', '--plan', BASE_PLAN, '--lang', 'en', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(readdirSync(join(r.out, '2024')).sort()).toEqual(['assessment.json', 'report.md']);
    const md = readFileSync(join(r.out, '2024', 'report.md'), 'utf8');
    expect(md).toContain('| Pillar | Indicator | Unit | Type | Baseline | Latest | Target | Completion | Time pace | Status |');
    expect(r.stdout).toContain('report 2024 (en)');
  });

  it('refuses invalid data: diagnostics, exit 1, nothing written', async () => {
    const r = await report(['2024', '--plan', join(FIXTURES, 'validate', 'unknown-pillar')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/plan\.yaml:33:13 错误 unknown-pillar/);
    expect(r.stderr).toContain('无效（1个错误）');
    expect(readdirSync(r.out)).toEqual([]);
  });

  it('keeps the previous report when a user template is broken, and points at the template', async () => {
    const first = await report(['2024', '--plan', BASE_PLAN, '--format', 'md,html']);
    const dir = join(first.out, '2024');
    const before = new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))]));

    const templates = tempDir();
    mkdirSync(join(templates, 'partials/html'), { recursive: true });
    writeFileSync(join(templates, 'partials/html/cover.hbs'), '<header>\n  <h1>{{cover.titel}}</h1>\n</header>\n');
    const r = await report(['2024', '--plan', BASE_PLAN, '--format', 'md,html', '--templates', templates], { out: first.out });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const file = join(templates, 'partials/html/cover.hbs');
    // In the plan's language, not Handlebars' English after a Chinese title.
    expect(r.stderr).toContain(`${file}:2:9 错误 template-error "titel" 不是报告模型在此处的字段（严格模式）\n`);
    expect(r.stderr).toContain('2 |   <h1>{{cover.titel}}</h1>');
    expect(r.stderr).toContain('错误：无法生成 report.html：1个模板错误；没有写入任何文件');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    // Not even report.md (which rendered fine) was touched, and no temporary file is left.
    expect(readdirSync(dir).sort()).toEqual([...before.keys()].sort());
    for (const [f, bytes] of before) expect(readFileSync(join(dir, f))).toEqual(bytes);
  });

  it('reports a template syntax error at its file, line and column', async () => {
    const templates = tempDir();
    writeFileSync(join(templates, 'report.md.hbs'), '# ok\n\n{{#each rows}}\n- {{md name}\n{{/each}}\n');
    const r = await report(['2024', '--plan', BASE_PLAN, '--templates', templates]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(templates, 'report.md.hbs')}:4:`);
    // In the plan's language: what the parser expected and what it found.
    expect(r.stderr).toMatch(/template-syntax 模板语法错误：此处应为 [^\n]*'CLOSE'[^\n]*，实际是 'INVALID'\n/);
    expect(readdirSync(r.out)).toEqual([]);
  });

  it('writes no file of the set when one cannot be written', async () => {
    const out = tempDir();
    // report.html cannot be replaced: a folder stands in its place.
    mkdirSync(join(out, '2024', 'report.html'), { recursive: true });
    const r = await report(['2024', '--plan', BASE_PLAN, '--format', 'md,html'], { out });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`错误：无法写入 ${join(out, '2024', 'report.html')}：已有同名文件夹；没有替换任何文件`);
    expect(readdirSync(join(out, '2024'))).toEqual(['report.html']);
    expect(statSync(join(out, '2024', 'report.html')).isDirectory()).toBe(true);
  });

  it.each([
    { name: 'unknown format', args: ['2024', '--format', 'md,docx', '--lang', 'en'], code: 2, stderr: 'error: unknown format `docx`: choose from md, html, pdf' },
    { name: 'unknown format, in the plan’s language', args: ['2024', '--format', 'md,docx'], code: 2, stderr: '错误：没有格式 `docx`：可选 md、html、pdf' },
    { name: 'empty format list', args: ['2024', '--format', ',', '--lang', 'en'], code: 2, stderr: 'error: --format needs at least one of md, html, pdf' },
    { name: 'year after the plan', args: ['2027'], code: 1, stderr: '错误：2027年不在规划期内：请选择2021年（基期）至2026年之间的年份' },
    { name: 'year before the base year', args: ['2020'], code: 1, stderr: '错误：2020年不在规划期内' },
    { name: 'year without data', args: ['2023'], code: 1, stderr: '错误：没有2023年的数据' },
    { name: 'year not a number', args: ['twenty', '--lang', 'en'], code: 2, stderr: 'error: the report year must be a four-digit year, not `twenty`' },
    { name: 'year not a number, in the plan’s language', args: ['twenty'], code: 2, stderr: '错误：报告年份应为四位数，而不是 `twenty`' },
    { name: 'unknown language', args: ['2024', '--lang', 'fr'], code: 2, stderr: "错误：选项 '--lang <lang>' 的取值 'fr' 无效，可选 zh-CN、en" },
    { name: 'missing templates folder', args: ['2024', '--templates', 'no/such/dir', '--lang', 'en'], code: 2, stderr: 'error: --templates no/such/dir: no such folder' },
    { name: 'missing templates folder, in the plan’s language', args: ['2024', '--templates', 'no/such/dir'], code: 2, stderr: '错误：--templates no/such/dir：没有这个文件夹' },
    { name: 'templates that are a file, not a folder', args: ['2024', '--templates', 'package.json', '--lang', 'en'], code: 2, stderr: 'error: --templates package.json: not a folder' },
    { name: 'templates that are a device, in the plan’s language', args: ['2024', '--templates', '/dev/zero'], code: 2, stderr: '错误：--templates /dev/zero：不是文件夹' },
    { name: 'malformed SOURCE_DATE_EPOCH', args: ['2024', '--lang', 'en'], env: { SOURCE_DATE_EPOCH: '2025-03-01' }, code: 2, stderr: 'error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, not `2025-03-01`' },
    { name: 'malformed SOURCE_DATE_EPOCH, in the plan’s language', args: ['2024'], env: { SOURCE_DATE_EPOCH: '2025-03-01' }, code: 2, stderr: '错误：SOURCE_DATE_EPOCH 应为自 1970-01-01 起的整秒数，而不是 `2025-03-01`' },
  ])('$name: exit $code, a clear message, nothing written', async ({ args, code, stderr, env }) => {
    const r = await report([...args, '--plan', BASE_PLAN], env ? { env } : {});
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(stderr);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(r.out)).toEqual([]);
  });

  it('refuses an output folder it cannot create', async () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'not a folder');
    const r = await run(['report', '2024', '--plan', BASE_PLAN, '--out', file, '--lang', 'en'], { env: EPOCH });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: cannot create folder ${join(file, '2024')}: ${file} is a file, not a folder`);
  });
});

describe('report helpers', () => {
  it('dates the report from SOURCE_DATE_EPOCH (UTC), else from the clock (local date)', () => {
    expect(reportTime({ SOURCE_DATE_EPOCH: '0' })).toEqual({ instant: new Date(0), date: '1970-01-01' });
    expect(reportTime({ SOURCE_DATE_EPOCH: '1740787199' }).date).toBe('2025-02-28');
    expect(reportTime({}, () => new Date(2024, 11, 31, 23, 59)).date).toBe('2024-12-31');
    for (const bad of ['', ' 1', '1.5', '-1', '1e9', '99999999999999999']) expect(() => reportTime({ SOURCE_DATE_EPOCH: bad })).toThrow(/SOURCE_DATE_EPOCH/);
  });

  it('parses --format lists in order, without repeats, defaulting to md and html', () => {
    expect(parseFormats(undefined)).toEqual([...FORMAT_NAMES]);
    expect(parseFormats(undefined)).toEqual(expect.arrayContaining(['md', 'html']));
    expect(parseFormats('html, md,html')).toEqual(['html', 'md']);
  });

  it('prints sizes for people', () => {
    expect(formatSize(812)).toBe('812 B');
    expect(formatSize(13_722)).toBe('13.4 KiB');
    expect(formatSize(2_202_010)).toBe('2.1 MiB');
  });
});
