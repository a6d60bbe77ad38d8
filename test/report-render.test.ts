// The Markdown and HTML reports of the base plan: golden files, markdownlint,
// html-validate, and hostile plan text that must stay literal text in both.
import { join } from 'node:path';
import { HtmlValidate, Parser } from 'html-validate';
import { marked } from 'marked';
import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import { BASE_PLAN, FIXTURES, ROOT } from './support/cli.js';
import { buildModel } from './support/report.js';
import { render } from './support/render.js';

/**
 * markdownlint's default rules, with one change: MD013 (line length) is off, because
 * table rows cannot be wrapped and Chinese prose cannot be hard-wrapped without GitHub
 * inserting spaces between the characters.
 */
export const MARKDOWNLINT_CONFIG = { default: true, MD013: false } as const;

const htmlvalidate = new HtmlValidate({ extends: ['html-validate:recommended'] });

function markdownProblems(markdown: string): string[] {
  const results = lint({ strings: { 'report.md': markdown }, config: MARKDOWNLINT_CONFIG });
  return (results['report.md'] ?? []).map((e) => `${e.lineNumber}: ${e.ruleNames.join('/')} ${e.ruleDescription} ${e.errorDetail ?? ''} ${e.errorContext ?? ''}`);
}

async function htmlProblems(html: string): Promise<string[]> {
  const report = await htmlvalidate.validateString(html, 'report.html');
  return report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
}

async function parseHtml(html: string) {
  return new Parser(await htmlvalidate.getConfigFor('report.html')).parseHtml(html);
}

/** Text as a browser shows it: html-validate's textContent keeps character references. */
function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#x3D;/g, '=').replace(/&#x60;/g, '`').replace(/&amp;/g, '&');
}

const zh = (await buildModel(BASE_PLAN, 2024, 'zh-CN')).model;
const en = (await buildModel(BASE_PLAN, 2024, 'en')).model;

describe('the base plan’s 2024 report', () => {
  it.each([
    ['zh-CN', zh],
    ['en', en],
  ] as const)('Markdown (%s) matches its golden file and passes markdownlint', async (lang, model) => {
    const md = await render(model, 'md');
    await expect(md).toMatchFileSnapshot(`./__golden__/report-base-plan-2024.${lang}.md`);
    expect(markdownProblems(md)).toEqual([]);
    expect(md).not.toMatch(/[ \t]$/m);
    expect(md.endsWith('\n') && !md.endsWith('\n\n')).toBe(true);
  });

  it.each([
    ['zh-CN', zh],
    ['en', en],
  ] as const)('HTML (%s) matches its golden file and is valid', async (lang, model) => {
    const html = await render(model, 'html');
    await expect(html).toMatchFileSnapshot(`./__golden__/report-base-plan-2024.${lang}.html`);
    expect(await htmlProblems(html)).toEqual([]);
    expect(html).toContain(`<html lang="${lang}">`);
  });

  it('HTML needs nothing from outside the file: no script, no URL to fetch', async () => {
    const html = await render(zh, 'html');
    const doc = await parseHtml(html);
    expect(doc.querySelectorAll('script, link, img, iframe, object, embed, video, audio, source')).toHaveLength(0);
    expect(html).not.toMatch(/@import|url\(|@font-face|src=/i);
    for (const a of doc.querySelectorAll('a')) {
      const href = a.getAttributeValue('href') ?? '';
      expect(href.startsWith('#') || /^https?:\/\//.test(href)).toBe(true);
    }
  });

  it('HTML has real table headers and accessible charts', async () => {
    const doc = await parseHtml(await render(zh, 'html'));
    expect(doc.querySelectorAll('.status-table tbody tr')).toHaveLength(7);
    expect(doc.querySelectorAll('.status-table thead th[scope="col"]')).toHaveLength(10);
    expect(doc.querySelectorAll('.status-table tbody th[scope="row"]')).toHaveLength(7);
    // Every chart: role="img", named by its <title> and described by its <desc>.
    const html = await render(zh, 'html');
    const svgs = [...html.matchAll(/<svg [^>]*>\n<title id="([^"]+)">([^<]+)<\/title>\n<desc id="([^"]+)">([^<]+)<\/desc>/g)];
    expect(svgs.length).toBe((html.match(/<svg /g) ?? []).length);
    expect(svgs.length).toBe(7 + 5 + 2); // a trend chart per indicator, a bar per known completion, two status bars
    for (const [whole, titleId, , descId] of svgs) {
      expect(whole).toContain('role="img"');
      expect(whole).toContain(`aria-labelledby="${titleId}"`);
      expect(whole).toContain(`aria-describedby="${descId}"`);
    }
  });

  it('Markdown keeps the status table’s columns in a fixed order with the target beside the actual', async () => {
    const md = await render(zh, 'md');
    expect(md).toContain('| 类别 | 指标 | 单位 | 属性 | 基期值 | 本年值 | 目标值 | 完成进度 | 序时进度 | 状态 |');
    expect(md).toContain('| 硬核实力 | 地区生产总值 | 亿元 | 预期性 | 2,379.2 | 2,929 | ≥3,200 | 67.0% | 60.0% | 快于序时 |');
  });
});

describe('the shipped plan’s 2024 report', () => {
  it.each(['zh-CN', 'en'] as const)('(%s) passes markdownlint and html-validate', async (lang) => {
    const { model } = await buildModel(join(ROOT, 'plan'), 2024, lang);
    expect(markdownProblems(await render(model, 'md'))).toEqual([]);
    expect(await htmlProblems(await render(model, 'html'))).toEqual([]);
  });
});

describe('hostile text in the plan', () => {
  const hostile = join(FIXTURES, 'report-hostile-text');
  const names = [
    '示例市 <script>alert(1)</script> 规划 {{moustaches}}',
    '硬核 | 实力 </table>',
    '地区生产总值 {{moustaches}} | pipes |',
    'GDP </td></tr></table><script>alert(2)</script>',
    '*stars*_under_ <b>bold</b> [link](https://example.invalid)',
    '`backticks` & &amp; entity ~~strike~~',
    '{{> partial}} {{{triple}}} \\ backslash',
    '<img src=x onerror=alert(3)> 统计公报',
  ];

  it('shows as literal text in HTML: no element is injected, the tables keep their shape', async () => {
    const model = (await buildModel(hostile, 2024)).model;
    const html = await render(model, 'html');
    expect(await htmlProblems(html)).toEqual([]);
    const doc = await parseHtml(html);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.querySelectorAll('img')).toHaveLength(0);
    expect(doc.querySelectorAll('b')).toHaveLength(0);
    const text = decode(doc.textContent).replace(/\s+/g, ' ');
    for (const name of names) expect(text).toContain(name);
    expect(text).toContain('line one | a | b | <script>alert(5)</script>');
    const rows = doc.querySelectorAll('.status-table tbody tr');
    expect(rows).toHaveLength(7);
    for (const r of rows) expect(r.querySelectorAll('th, td')).toHaveLength(10);
    expect(decode(rows[0]!.querySelector('th')!.textContent)).toBe('地区生产总值 {{moustaches}} | pipes |');
    // An unsafe source URL is shown as no link at all.
    expect(doc.querySelectorAll('a').every((a) => !(a.getAttributeValue('href') ?? '').includes('<'))).toBe(true);
  });

  it('shows as literal text in Markdown: every table row keeps its columns', async () => {
    const model = (await buildModel(hostile, 2024)).model;
    const md = await render(model, 'md');
    expect(markdownProblems(md)).toEqual([]);

    // Every table line has as many unescaped pipes as its header line.
    const lines = md.split('\n');
    const pipes = (line: string) => line.replace(/\\./g, '').split('|').length - 1;
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]!.startsWith('|') || lines[i - 1]?.startsWith('|')) continue;
      const header = pipes(lines[i]!);
      for (let j = i; j < lines.length && lines[j]!.startsWith('|'); j++) expect(pipes(lines[j]!), lines[j]).toBe(header);
    }

    // Rendered as GitHub would, the status table has 7 rows of 10 cells and the names as text.
    const tokens = marked.lexer(md);
    const tables = tokens.filter((t) => t.type === 'table') as Array<{ header: unknown[]; rows: Array<Array<{ text: string }>> }>;
    const status = tables.find((t) => t.header.length === 10)!;
    expect(status.rows).toHaveLength(7);
    const rendered = marked.parse(md, { async: false });
    expect(rendered).not.toMatch(/<script|<img|<b>|<del>|<em>|<strong>|<h1>#|<\/table>\s*<\/td>/);
    for (const name of names) {
      const escaped = name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      expect(rendered).toContain(escaped);
    }
  });
});
