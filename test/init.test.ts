// `cixi-plan init <dir>`: a new plan folder that validates right away, and never
// an overwritten one.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { assess } from '../src/assess/index.js';
import { readPlanFolder } from '../src/load/files.js';
import type { IndicatorKind } from '../src/model.js';
import { LANGS } from '../src/present/i18n/lang.js';
import { validatePlan } from '../src/validate/index.js';
import { ROOT, run, tempDir } from './support/cli.js';

const KINDS: IndicatorKind[] = ['level', 'percentage', 'ratio', 'count', 'cumulative', 'multiple', 'rank', 'rate'];

async function init(args: string[] = []): Promise<{ cwd: string; dir: string }> {
  const cwd = tempDir('cixi-plan-init-');
  const r = await run(['init', 'regions/余姚', ...args], { cwd });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return { cwd, dir: join(cwd, 'regions/余姚') };
}

describe('cixi-plan init', () => {
  it('creates a plan folder (and its missing parents) that validates with no warning', async () => {
    const { cwd, dir } = await init(['--region', '余姚市']);
    expect(readdirSync(dir).sort()).toEqual(['data', 'plan.yaml']);
    expect(readdirSync(join(dir, 'data'))).toEqual(['2025.yaml']);
    // No staging folder is left beside it.
    expect(readdirSync(join(cwd, 'regions'))).toEqual(['余姚']);

    // Said in the language of the plan it wrote (Chinese), as every command speaks its plan's.
    const again = await run(['init', 'regions/慈溪', '--region', '慈溪市'], { cwd });
    expect(again.stdout).toBe(
      '✓ 已为慈溪市新建 regions/慈溪，2026—2030年（基期2025年）：\n  regions/慈溪/plan.yaml\n  regions/慈溪/data/2025.yaml\n' +
        '请换成实际的名称和数字，然后用 `cixi-plan validate --plan regions/慈溪` 检查。\n',
    );

    const r = await run(['validate', '--plan', 'regions/余姚'], { cwd });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('✓ regions/余姚: 1个领域，1项行动，11项指标，1个里程碑，1个年度文件中11条观测（缺失0条），0条警告\n');
    // The scaffold has no warning, so --strict passes too.
    expect((await run(['validate', '--plan', 'regions/余姚', '--strict'], { cwd })).code).toBe(0);
    // Its comments are Chinese too (each comment line but the editor's schema line).
    for (const file of ['plan.yaml', 'data/2025.yaml']) {
      const comments = readFileSync(join(dir, file), 'utf8').split('\n').map((l) => /#(?!\s*yaml-language-server).*$/.exec(l)?.[0]).filter((c) => c !== undefined);
      expect(comments.length).toBeGreaterThan(file === 'plan.yaml' ? 20 : 3);
      expect(comments.filter((c) => !/\p{Script=Han}/u.test(c))).toEqual([]);
    }
  });

  it('holds one pillar, one action, one milestone, one indicator of each kind and examples of target types', async () => {
    const { cwd, dir } = await init(['--region', '余姚市', '--start', '2031', '--end', '2035']);
    const read = await readPlanFolder(dir, cwd);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const result = validatePlan(read.sources);
    expect(result.diagnostics).toEqual([]);
    const plan = result.data!.plan;
    expect(plan.plan).toMatchObject({ region: '余姚市', period: { start: 2031, end: 2035 }, base_year: 2030, title: '余姚市五年规划（2031—2035年）' });
    expect(plan.pillars).toHaveLength(1);
    expect(plan.actions).toHaveLength(1);
    expect(plan.milestones).toHaveLength(1);
    expect([...new Set(plan.indicators.map((i) => i.kind))].sort()).toEqual([...KINDS].sort());
    expect(plan.indicators.map((i) => i.target?.type ?? 'level').filter((t) => t !== 'level').sort()).toEqual(['change', 'growth', 'growth', 'held']);
    expect(result.data!.years.map((y) => [y.file, y.year])).toEqual([['regions/余姚/data/2030.yaml', 2030]]);
    // The base year can be assessed: every indicator with a baseline, none without data.
    const { assessment } = assess(result.data!, 2030);
    // Targets over the years of the period (growth, held every year) wait for its first year.
    const waiting = assessment.indicators.filter((i) => i.status === 'no_data');
    expect(waiting.map((i) => i.id)).toEqual(['gdp-growth', 'rd-growth', 'unemployment']);
    for (const i of waiting) expect(i.status_reason).toEqual({ code: 'no-data', cause: { code: 'period-not-started', start: 2031 } });
    expect(assessment.indicators.every((i) => i.has_target)).toBe(true);
  });

  it('writes the plan in English with --lang en, and says so in English', async () => {
    const cwd = tempDir('cixi-plan-init-');
    const r = await run(['init', 'anytown', '--lang', 'en', '--region', 'Anytown'], { cwd });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      '✓ created anytown for Anytown, 2026–2030 (base year 2025):\n  anytown/plan.yaml\n  anytown/data/2025.yaml\n' +
        'Replace the example names and figures, then check with `cixi-plan validate --plan anytown`.\n',
    );
    // Names, units, titles and comments: not one Chinese character.
    for (const file of ['plan.yaml', 'data/2025.yaml']) expect(readFileSync(join(cwd, 'anytown', file), 'utf8')).not.toMatch(/\p{Script=Han}/u);
    const v = await run(['validate', '--plan', 'anytown', '--strict'], { cwd });
    expect(v.stdout).toBe('✓ anytown: 1 pillar, 1 action, 11 indicators, 1 milestone, 11 observations (0 missing) in 1 year file, 0 warnings\n');
    expect(v.code).toBe(0);
    const read = await readPlanFolder(join(cwd, 'anytown'), cwd);
    if (!read.ok) throw new Error(read.message.en);
    const plan = validatePlan(read.sources).data!.plan;
    expect(plan.plan).toMatchObject({ language: 'en', region: 'Anytown', title: 'Anytown five-year plan, 2026–2030' });
    // Without --region, an English name.
    expect((await run(['init', 'example', '--lang', 'en'], { cwd })).stdout).toContain('for Example City, 2026–2030');
    // Its report, in the plan's language, speaks English.
    const out = tempDir();
    expect((await run(['report', '2025', '--plan', 'anytown', '--out', out, '--format', 'md', '--quiet'], { cwd, env: { SOURCE_DATE_EPOCH: '1740787200' } })).code).toBe(0);
    expect(readFileSync(join(out, '2025', 'report.md'), 'utf8')).not.toMatch(/\p{Script=Han}/u);
  });

  it('writes the same entries and numbers in both languages, only the words differ', async () => {
    const cwd = tempDir('cixi-plan-init-');
    const shape = (lang: string): unknown[] => {
      // Every value but text: keys, numbers, ids and the words the schema fixes (kind,
      // direction…); a scope is named in the plan's language, so its id is text here.
      const TEXT = new Set(['name', 'name_en', 'title', 'region', 'goal', 'measures', 'done_when', 'note', 'unit', 'scope', 'language']);
      const strip = (value: unknown, key = ''): unknown => {
        if (Array.isArray(value)) return value.map((v) => strip(v, key));
        // A Chinese plan gives English names beside its own (name_en); an English plan has no other.
        if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'name_en').map(([k, v]) => [k, strip(v, k)]));
        return typeof value === 'string' && (TEXT.has(key) || key === 'id' && /[^a-z0-9-]/.test(value) || value === 'region') ? '·' : value;
      };
      return ['plan.yaml', 'data/2025.yaml'].map((file) => strip(parseDocument(readFileSync(join(cwd, lang, 'plan', file), 'utf8')).toJS()));
    };
    // The same folder name, so the same plan id.
    for (const lang of LANGS) expect((await run(['init', `${lang}/plan`, '--lang', lang, '--region', 'R'], { cwd })).code).toBe(0);
    for (const lang of LANGS.slice(1)) expect(shape(lang), lang).toEqual(shape(LANGS[0]!));
    // Not vacuous: the numbers and ids are there.
    expect(JSON.stringify(shape('en'))).toContain('"industry-chains"');
    expect(JSON.stringify(shape('en'))).toContain('1500');
  });

  it('starts each file with a yaml-language-server line pointing at the shipped schemas', async () => {
    const { dir } = await init();
    for (const [file, schema] of [['plan.yaml', 'plan'], ['data/2025.yaml', 'year']] as const) {
      const first = readFileSync(join(dir, file), 'utf8').split('\n')[0]!;
      const match = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
      expect(match, file).not.toBeNull();
      const target = join(dir, file, '..', match![1]!);
      expect(relative(ROOT, target)).toBe(join('src', 'schema', `${schema}.schema.json`));
      expect(existsSync(target)).toBe(true);
    }
  });

  it('is commented, and keeps comments through a YAML round trip', async () => {
    const { dir } = await init();
    const text = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    expect(text.split('\n').filter((l) => l.trim().startsWith('#')).length).toBeGreaterThan(10);
    expect(parseDocument(text).errors).toEqual([]);
    expect(text).not.toMatch(/\{\{/);
  });

  it('quotes a region name YAML would misread', async () => {
    const { cwd } = await init(['--region', 'Yuyao: "north"']);
    const r = await run(['validate', '--plan', 'regions/余姚', '--format', 'json'], { cwd });
    expect(r.code).toBe(0);
    expect(readFileSync(join(cwd, 'regions/余姚/plan.yaml'), 'utf8')).toContain('region: "Yuyao: \\"north\\""');
  });

  it('defaults to a five-year period from 2026 and derives the plan id from the folder name', async () => {
    const cwd = tempDir('cixi-plan-init-');
    expect((await run(['init', 'Yuyao Plan'], { cwd })).code).toBe(0);
    const text = readFileSync(join(cwd, 'Yuyao Plan/plan.yaml'), 'utf8');
    expect(text).toContain('  id: yuyao-plan-2026-2030');
    expect(text).toMatch(/start: 2026\n {4}end: 2030\n {2}base_year: 2025/);
    expect(existsSync(join(cwd, 'Yuyao Plan/data/2025.yaml'))).toBe(true);
  });

  it('fills an existing empty folder', async () => {
    const cwd = tempDir('cixi-plan-init-');
    mkdirSync(join(cwd, 'empty'));
    expect((await run(['init', 'empty'], { cwd })).code).toBe(0);
    expect((await run(['validate', '--plan', 'empty'], { cwd })).code).toBe(0);
  });

  it('refuses a non-empty folder and writes nothing (exit 2)', async () => {
    const cwd = tempDir('cixi-plan-init-');
    mkdirSync(join(cwd, 'taken'));
    writeFileSync(join(cwd, 'taken/notes.txt'), 'mine');
    const r = await run(['init', 'taken'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('错误：taken 不是空文件夹（有 1 项）：init 从不覆盖，请选一个新的或空的文件夹\n');
    expect(readdirSync(join(cwd, 'taken'))).toEqual(['notes.txt']);
    expect(readdirSync(cwd)).toEqual(['taken']);
  });

  it('refuses a file in the way, and bad years (exit 2)', async () => {
    const cwd = tempDir('cixi-plan-init-');
    writeFileSync(join(cwd, 'file'), '');
    const cases: Array<[string[], RegExp]> = [
      [['init', 'file'], /^错误：file 已存在且不是文件夹/],
      [['init', 'new', '--start', '26'], /^错误：--start 应为四位数，而不是 `26`/],
      [['init', 'new', '--start', '2026', '--end', '2026'], /^错误：--end（2026）应晚于 --start（2026）/],
      [['init', 'new', '--region', ' '], /^错误：--region 应为一行内的名称/],
      // Characters `validate` reports in the scaffold's title (the scaffold would not validate).
      [['init', 'new', '--region', '慈\u200b溪'], /^错误：--region 含有看不见的字符 U\+200B \(ZERO WIDTH SPACE\)：/],
      [['init', 'new', '--region', 'Any\u202etown', '--lang', 'en'], /^error: --region holds U\+202E \(RIGHT-TO-LEFT OVERRIDE\), which a reader cannot see/],
      [['init', 'new', '--region', '\u061c慈溪'], /^错误：--region 含有看不见的字符 U\+061C/],
    ];
    for (const [args, message] of cases) {
      const r = await run(args, { cwd });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(readdirSync(cwd)).toEqual(['file']);
  });

  it('refuses a folder it cannot create, with the reason (exit 2), and leaves no staging folder', async () => {
    const cwd = tempDir('cixi-plan-init-');
    writeFileSync(join(cwd, 'file'), '');
    const cases: Array<[string, string]> = [
      ['file/plan', '错误：无法创建文件夹 file/plan：file 是文件，不是文件夹\n'],
      ['/proc/x/plan', '错误：无法创建文件夹 /proc/x：/proc 不接受新建文件夹（ENOENT）\n'],
    ];
    for (const [dir, message] of cases) {
      const r = await run(['init', dir], { cwd });
      expect(r.code, dir).toBe(2);
      expect(r.stderr).toBe(message);
    }
    expect(readdirSync(cwd)).toEqual(['file']);
  });

  it('removes the staging folder a killed init left behind', async () => {
    const cwd = tempDir('cixi-plan-init-');
    mkdirSync(join(cwd, `.new.cixi-plan-${process.pid}-0badcafe.tmp`, 'data'), { recursive: true });
    expect((await run(['init', 'new'], { cwd })).code).toBe(0);
    expect(readdirSync(cwd)).toEqual(['new']);
  });
});

describe('cixi-plan report on a new folder', () => {
  it('reports the base year of a fresh scaffold right away', async () => {
    const { cwd } = await init(['--region', '余姚市']);
    const r = await run(['report', '2025', '--plan', 'regions/余姚', '--out', 'out'], { cwd, env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(r.stderr.includes('error')).toBe(false);
    expect(r.code).toBe(0);
    // Every file the report lists exists.
    const listed = [...r.stdout.matchAll(/out\/2025\/(\S+)/g)].map((m) => m[1]!);
    expect(listed).toEqual(['report.md', 'report.html', 'report.pdf', 'report.xlsx', 'assessment.json']);
    for (const name of listed) expect(existsSync(join(cwd, 'out/2025', name)), name).toBe(true);
  }, 120_000);
});
