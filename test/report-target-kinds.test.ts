// The fixture plans of every target kind — a national-style plan of 20 indicators (half its
// binding indicators without data, no actions, no milestones) and a county plan with one
// indicator of each kind — through validate, gaps and the three report formats, with golden
// files; and a scan of every Markdown and HTML report, the shipped plan's included, for words
// of the other language: no English rule or reason in a Chinese report, no Chinese label in
// an English one (the same scan of the PDFs is in pdf-pages.test.ts, which typesets them).
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import type { Lang, ReportModel } from '../src/present/index.js';
import { BASE_PLAN, FIXTURES, ROOT, run } from './support/cli.js';
import { chineseIn, englishIn, planStrings, withoutPlanText } from './support/language.js';
import { buildModel } from './support/report.js';
import { render } from './support/render.js';

const NATIONAL = join(FIXTURES, 'national-plan');
const KINDS = join(FIXTURES, 'target-kinds');
const htmlvalidate = new HtmlValidate({ extends: ['html-validate:recommended'] });

// Each plan's model and reports, built once for the file: the tests only read them.
const made = new Map<string, Promise<unknown>>();
function once<T>(key: string, make: () => Promise<T>): Promise<T> {
  if (!made.has(key)) made.set(key, make());
  return made.get(key) as Promise<T>;
}
const modelOf = (dir: string, lang: Lang): Promise<ReportModel> => once(`model ${lang} ${dir}`, async () => (await buildModel(dir, 2024, lang)).model);
const reportOf = (dir: string, lang: Lang, format: 'md' | 'html'): Promise<string> =>
  once(`${format} ${lang} ${dir}`, async () => render(await modelOf(dir, lang), format));

describe.each([
  ['national-plan', NATIONAL],
  ['target-kinds', KINDS],
])('the %s fixture', (name, dir) => {
  it('validates', async () => {
    const r = await run(['validate', '--plan', dir]);
    expect(r.code).toBe(0);
  });

  it('prints gaps as its golden file says', async () => {
    const r = await run(['gaps', '2024', '--plan', dir], { env: { COLUMNS: '120', SOURCE_DATE_EPOCH: '1740787200' } });
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`./__golden__/gaps-${name}-2024.txt`);
  });

  it.each(['zh-CN', 'en'] as const)('renders Markdown (%s) as its golden file says, and clean', async (lang) => {
    const md = await reportOf(dir, lang, 'md');
    await expect(md).toMatchFileSnapshot(`./__golden__/report-${name}-2024.${lang}.md`);
    const problems = lint({ strings: { 'report.md': md }, config: { default: true, MD013: false } })['report.md'] ?? [];
    expect(problems.map((p) => `${p.lineNumber} ${p.ruleNames.join('/')}`)).toEqual([]);
  });

  it.each(['zh-CN', 'en'] as const)('renders valid HTML (%s) as its golden file says', async (lang) => {
    const html = await reportOf(dir, lang, 'html');
    await expect(html).toMatchFileSnapshot(`./__golden__/report-${name}-2024.${lang}.html`);
    const report = await htmlvalidate.validateString(html, 'report.html');
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`))).toEqual([]);
  });
});

describe('the national-style plan', () => {
  const zh = modelOf(NATIONAL, 'zh-CN');

  it('names the binding indicators without data in its headline, and never claims no 预警', async () => {
    const m = await zh;
    expect(m.overview.highlights[1]).toBe('约束性指标8项：预警2项，无法判断4项（单位GDP二氧化碳排放、地表水达到或好于Ⅲ类水体比例、森林覆盖率、能源综合生产能力）。');
    expect(m.overview.undetermined.map((u) => u.name)).toEqual(['单位GDP二氧化碳排放', '地表水达到或好于Ⅲ类水体比例', '森林覆盖率', '能源综合生产能力']);
    expect(JSON.stringify(m)).not.toContain('本年无约束性指标预警');
  });

  it('leaves out the sections the plan does not have and numbers the rest', async () => {
    const m = await zh;
    expect(m.sections.map((s) => s.title)).toEqual(['一、总体评估', '二、主要指标完成情况表', '三、分领域指标', '四、数据说明']);
    const md = await reportOf(NATIONAL, 'zh-CN', 'md');
    expect(md).not.toMatch(/十大行动|重大项目与里程碑进展/);
  });

  it('keeps the precision figures were published with', async () => {
    const m = await zh;
    const row = (id: string) => m.statusTable.rows.find((r) => r.id === id)!;
    expect(row('urbanisation').value.text).toBe('67.00');
    expect(row('gdp-growth').value.text).toBe('5.0');
  });

  it('never calls a growth rate a share, nor gives it a yearly change of points', async () => {
    const m = await zh;
    const detail = m.pillars.items.flatMap((p) => p.indicators).find((d) => d.row.id === 'income-growth')!;
    expect(detail.facts.find((f) => f.label === '指标类型')?.value).toBe('增速');
    expect(detail.facts.some((f) => f.label === '基期以来年均变化')).toBe(false);
  });

  it('uses the plan’s own years in the method note', async () => {
    const m = await zh;
    expect(m.dataNotes.methodology.paragraphs[0]).toContain('例如基期2020年、目标年2025年，2024年的序时进度为80.0%');
  });
});

describe('the county plan of every kind', () => {
  it('titles its sections with the plan’s own group names', async () => {
    const model = await modelOf(KINDS, 'zh-CN');
    expect(model.sections.map((s) => s.title)).toContain('四、八大工程');
    expect(model.sections.map((s) => s.title)).toContain('三、两大板块');
    expect(model.actions.items.map((a) => a.heading)).toEqual(['工程一　产业提升工程', '工程二　生态保护工程']);
    const en = await modelOf(KINDS, 'en');
    expect(en.actions.items[0]!.heading).toBe('Project 1: Industry');
  });

  it('names files in the data-quality table relative to the plan folder', async () => {
    const model = await modelOf(KINDS, 'zh-CN');
    for (const item of model.dataNotes.quality.items) expect(item.location).toMatch(/^(plan\.yaml|data\/\d{4}\.yaml)(:\d+)?$/);
  });
});

describe('every report speaks one language', () => {
  const plans: ReadonlyArray<[string, string]> = [
    ['the shipped plan', join(ROOT, 'plan')],
    ['the base plan', BASE_PLAN],
    ['the national-style plan', NATIONAL],
    ['the county plan', KINDS],
  ];
  const texts = async (dir: string, lang: Lang): Promise<Record<string, string>> => {
    const html = (await reportOf(dir, lang, 'html')).replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ')
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#x3D;/g, '=').replace(/&#x60;/g, '`').replace(/&amp;/g, '&');
    return { md: await reportOf(dir, lang, 'md'), html };
  };

  it.each(plans)('%s: the Chinese report holds no English sentence of the tool', async (_name, dir) => {
    const strings = planStrings(dir);
    for (const [format, text] of Object.entries(await texts(dir, 'zh-CN'))) {
      expect(englishIn(withoutPlanText(text, strings)), `${format}`).toEqual([]);
    }
  });

  it.each(plans)('%s: the English report holds no Chinese word of the tool', async (_name, dir) => {
    const strings = planStrings(dir);
    for (const [format, text] of Object.entries(await texts(dir, 'en'))) {
      expect(chineseIn(withoutPlanText(text, strings)), `${format}`).toEqual([]);
    }
  });
});
