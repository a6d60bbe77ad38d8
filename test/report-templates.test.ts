// The template engine: strict Handlebars in an isolated instance, partials, escaping
// per format, and every template failure reported at its file, line and column.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, markdownCode, markdownRules, oneLine } from '../src/render/escape.js';
import { HTML_FORMAT, MARKDOWN_FORMAT, type TemplateFormatSpec } from '../src/render/formats.js';
import { templateLimits, type TemplateLimits } from '../src/render/limits.js';
import { loadTemplates } from '../src/load/templates.js';
import { RENDERERS, rendererFor } from '../src/render/registry.js';
import { templateEscaping } from '../src/render/formats.js';
import { compactEmptyCells, renderTemplates, tidy, type TemplateSet } from '../src/render/templates.js';
import { BASE_PLAN, ROOT, tempDir } from './support/cli.js';
import { buildModel } from './support/report.js';
import { render } from './support/render.js';

function set(main: string, partials: Record<string, string> = {}): TemplateSet {
  return {
    main: { name: '', file: 'main.hbs', text: main },
    partials: Object.entries(partials).map(([name, text]) => ({ name, file: `partials/${name}.hbs`, text })),
  };
}

function run(spec: TemplateFormatSpec, templates: TemplateSet, view: unknown, limits?: TemplateLimits) {
  return renderTemplates(spec, templates, view, limits);
}

describe('renderTemplates', () => {
  it('escapes HTML by default and leaves Markdown to the {{md}} helper', () => {
    const view = { name: '<b>x</b> | *y*' };
    expect(run(HTML_FORMAT, set('{{name}}'), view)).toEqual({ ok: true, text: '&lt;b&gt;x&lt;/b&gt; | *y*' });
    expect(run(MARKDOWN_FORMAT, set('{{md name}}'), view)).toEqual({ ok: true, text: '\\<b>x\\</b> \\| \\*y\\*' });
  });

  it('never compiles the view: template syntax in the data is text', () => {
    const view = { name: '{{#each x}}{{> p}}{{/each}}' };
    expect(run(HTML_FORMAT, set('{{name}}'), view)).toEqual({ ok: true, text: '{{#each x}}{{&gt; p}}{{/each}}' });
    expect(run(MARKDOWN_FORMAT, set('{{md name}}'), view)).toEqual({ ok: true, text: '{{#each x}}{{> p}}{{/each}}' });
  });

  it('renders partials, each in its own file', () => {
    const r = run(HTML_FORMAT, set('[{{> item a}}]', { item: '<i>{{b}}</i>' }), { a: { b: 1 } });
    expect(r).toEqual({ ok: true, text: '[<i>1</i>]' });
  });

  it('fails on a misspelt field (strict mode) at the field’s line and column', () => {
    const r = run(HTML_FORMAT, set('line 1\n  {{cover.titel}}\n'), { cover: { title: 'x' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'template-error', file: 'main.hbs', line: 2, col: 5, endLine: 2, endCol: 16, message: expect.stringContaining('"titel" is not a field') }),
    ]);
  });

  it('reports a failure inside a partial against the partial’s file', () => {
    const r = run(HTML_FORMAT, set('{{#each xs}}\n{{> row}}\n{{/each}}', { row: 'ok\n\n    {{missing}}' }), { xs: [{}] });
    expect(r.ok ? [] : r.diagnostics.map((d) => [d.file, d.line, d.col, d.code])).toEqual([['partials/row.hbs', 3, 7, 'template-error']]); // at `missing`, inside the braces
  });

  it('reports syntax errors, unknown partials and unknown helpers of every file before running', () => {
    const r = run(HTML_FORMAT, set('{{#if a}}\nno end\n', { p: 'x {{> nope}}', q: 'y\n{{shout a}}', s: 'z {{a}' }), { a: 1 });
    expect(r.ok ? [] : r.diagnostics.map((d) => [d.file, d.line, d.col, d.code])).toEqual([
      ['main.hbs', 3, 1, 'template-syntax'],
      ['partials/p.hbs', 1, 3, 'template-partial'],
      ['partials/q.hbs', 2, 1, 'template-syntax'],
      ['partials/s.hbs', 1, 6, 'template-syntax'],
    ]);
  });

  it('says what a template author meets most in both languages', () => {
    const r = run(HTML_FORMAT, set('{{#each a}}\n{{/if}}\n', { p: 'x {{> nope}}', s: 'z {{a}' }), { a: 1 });
    const texts = (r.ok ? [] : r.diagnostics).map((d) => [d.message, d.zh?.message]);
    expect(texts).toEqual([
      ["template syntax error: each doesn't match if", '模板语法错误：{{#each}} 与 {{/if}} 不配对'],
      ['unknown partial "nope"', '没有名为 "nope" 的片段模板（partial）'],
      [expect.stringMatching(/^template syntax error: expecting .*, got 'INVALID'$/), expect.stringMatching(/^模板语法错误：此处应为 .*'CLOSE'.*，实际是 'INVALID'$/)],
    ]);
    const field = run(HTML_FORMAT, set('{{titel}}'), {});
    expect(field.ok ? [] : field.diagnostics.map((d) => [d.message, d.zh?.message])).toEqual([
      ['"titel" is not a field of the report model here (strict mode)', '"titel" 不是报告模型在此处的字段（严格模式）'],
    ]);
  });

  it('refuses to print something that is not text through {{md}}', () => {
    const r = run(MARKDOWN_FORMAT, set('a\n {{md obj}}'), { obj: { x: 1 } });
    expect(r.ok ? [] : r.diagnostics.map((d) => [d.line, d.col, d.message])).toEqual([[2, 2, '{{md}} needs text, got object']]);
  });
});

describe('limits on what a template may do', () => {
  const small: TemplateLimits = { ...templateLimits(10_000), steps: 1_000 };
  const where = (r: ReturnType<typeof run>) => (r.ok ? [] : r.diagnostics.map((d) => [d.file, d.line, d.col, d.code, d.message]));
  const rows = { rows: Array.from({ length: 7 }, (_, i) => ({ i })) };

  it('stops loops inside loops once they have iterated too often, at the loop that went over', () => {
    const nested = (n: number) => '{{#each @root.rows}}'.repeat(n) + 'x' + '{{/each}}'.repeat(n);
    expect(run(MARKDOWN_FORMAT, set(nested(3)), rows, small)).toEqual({ ok: true, text: 'x'.repeat(343) });
    // 7⁴ = 2,401 innermost iterations: over 1,000, in the fourth loop (column 61).
    expect(where(run(MARKDOWN_FORMAT, set(`a\n${nested(4)}`), rows, small))).toEqual([
      ['main.hbs', 2, 61, 'template-limit', 'the templates do too much work: more than 1,000 loop iterations and partial calls (a loop inside a loop inside a loop?)'],
    ]);
  });

  it('counts partial calls as work, and stops partials calling each other too deep at the call', () => {
    const twice = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`p${i}`, i === 11 ? 'x' : `{{> p${i + 1}}}{{> p${i + 1}}}`]));
    expect(where(run(MARKDOWN_FORMAT, set('{{> p0}}', twice), {}, small))[0]?.slice(3, 4)).toEqual(['template-limit']);
    expect(where(run(MARKDOWN_FORMAT, set('{{> self}}', { self: 'x\n  {{> self}}' }), {}, small))).toEqual([
      ['partials/self.hbs', 2, 3, 'template-limit', 'partials nested more than 32 deep (a partial that calls itself?)'],
    ]);
  });

  it('stops a loop whose output goes over the limit', () => {
    const view = { xs: Array(20).fill(0), s: 'y'.repeat(1_000) };
    expect(where(run(MARKDOWN_FORMAT, set('\n {{#each xs}}{{../s}}{{/each}}'), view, small))).toEqual([
      ['main.hbs', 2, 2, 'template-limit', 'the templates write more than 10,000 characters'],
    ]);
  });

  it('refuses blocks nested too deep before running, even too deep for the parser; else-if chains are not nesting', () => {
    const ifs = (n: number) => '{{#if a}}\n'.repeat(n) + 'x' + '{{/if}}'.repeat(n);
    expect(run(MARKDOWN_FORMAT, set(ifs(24)), { a: true }, small)).toEqual({ ok: true, text: 'x' });
    expect(where(run(MARKDOWN_FORMAT, set(ifs(25)), { a: true }, small))).toEqual([['main.hbs', 25, 1, 'template-limit', 'blocks nested more than 24 deep']]);
    expect(where(run(MARKDOWN_FORMAT, set(ifs(5_000)), { a: true }, small))).toEqual([['main.hbs', 25, 1, 'template-limit', 'blocks nested more than 24 deep']]);
    const chain = '{{#if a}}a' + '{{else if a}}b'.repeat(100) + '{{else}}c{{/if}}';
    expect(run(MARKDOWN_FORMAT, set(chain), { a: false }, small)).toEqual({ ok: true, text: 'c' });
  });
});

describe('escaping', () => {
  it('keeps Markdown table cells on one line with their pipes escaped', () => {
    expect(escapeMarkdown('a | b\nc')).toBe('a \\| b c');
    expect(escapeMarkdown('  *x*_y_ `z` [l](u) <tag> ~~s~~ \\ ')).toBe('\\*x\\*\\_y\\_ \\`z\\` \\[l\\](u) \\<tag> \\~\\~s\\~\\~ \\\\');
    expect(escapeMarkdown('&amp; & &#39;')).toBe('\\&amp; & \\&#39;');
  });

  it('stops text from starting a block or becoming a link', () => {
    expect(escapeMarkdown('# h')).toBe('\\# h');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('-3')).toBe('-3');
    expect(escapeMarkdown('1. one')).toBe('1\\. one');
    expect(escapeMarkdown('1.5')).toBe('1.5');
    expect(escapeMarkdown('> q')).toBe('\\> q');
    expect(escapeMarkdown('see https://x.cn/a_b and www.x.cn, a@b.cn')).toBe('see https\\://x.cn/a\\_b and www\\.x.cn, a\\@b.cn');
  });

  it('escapes exactly what the whole chain of rules escapes, whatever the text (the quick checks skip only text no rule changes)', () => {
    // The rules applied to every text, after oneLine's plain collapse of spaces.
    const chain = (text: string): string => markdownRules(text.replace(/[ \t\n\r\f\v\u0085\u2028\u2029]+/g, ' ').replace(/^ | $/g, ''));
    const piece = fc.constantFrom(' ', '  ', '\n', '\t', '\u3000', 'a', 'W', 'www', '.', ':', '//', 'http', '&', 'amp;', '#', '#39;', '@', '>', '-', '+', '=', '1', '2.', ')', '*', '_', '`', '|', '~', '[', ']', '<', '\\', '中', '%', '67.0');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join('');
        expect(escapeMarkdown(text)).toBe(chain(text));
      }),
      { numRuns: 3000, seed: 20261130 },
    );
  });

  it('keeps Chinese text and its ideographic spaces as they are', () => {
    expect(escapeMarkdown('行动一　产业升级（2024年）')).toBe('行动一　产业升级（2024年）');
    expect(oneLine(' a \n\t b ')).toBe('a b');
  });

  it('wraps code spans around backticks', () => {
    expect(markdownCode('██┃░')).toBe('`██┃░`');
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('`a')).toBe('`` `a ``');
    // 200,000 runs of backticks: counted without spreading them into one call.
    expect(markdownCode('`a'.repeat(200_000)).slice(0, 4)).toBe('`` `');
  });

  it('escapes HTML text and attributes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('tidies output for diffs', () => {
    expect(tidy('\n\na  \n\n\n\nb\t\n')).toBe('a\n\nb\n');
    expect(compactEmptyCells('| a |  |  | b \\|  |\ntext  |  |')).toBe('| a | | | b \\|  |\ntext  |  |');
  });
});

describe('the renderer registry', () => {
  it('has Markdown, HTML, PDF and xlsx; a format is data', () => {
    expect(Object.keys(RENDERERS)).toEqual(['md', 'html', 'pdf', 'xlsx']);
    // The spreadsheet is built from the model without templates.
    expect(rendererFor('xlsx').format).toMatchObject({ fileName: 'report.xlsx', template: null, partials: [] });
    expect(rendererFor('md').format).toMatchObject({ fileName: 'report.md', template: 'report.md.hbs', partials: ['partials/md'] });
    expect(rendererFor('html').format).toMatchObject({ fileName: 'report.html', template: 'report.html.hbs', partials: ['partials/html'] });
    // The PDF is Markdown with directives: the Markdown partials, a few replaced by partials/pdf.
    expect(rendererFor('pdf').format).toMatchObject({ fileName: 'report.pdf', template: 'report.pdf.hbs', partials: ['partials/md', 'partials/pdf'] });
  });

  it('takes a template’s escaping from its name: HTML for *.html.hbs, Markdown for the others', () => {
    expect(templateEscaping('report.html.hbs')).toBe('html');
    expect(templateEscaping('report.md.hbs')).toBe('markdown');
    // The PDF template is Markdown with directives.
    expect(templateEscaping('report.pdf.hbs')).toBe('markdown');
    expect(templateEscaping('report.html.md.hbs')).toBe('markdown');
  });

  it('never triple-stashes in the package’s templates: HTML escaping stays on for everything', () => {
    for (const dir of ['templates', 'templates/partials/md', 'templates/partials/html', 'templates/partials/pdf']) {
      for (const name of readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.hbs'))) {
        const text = readFileSync(join(ROOT, dir, name), 'utf8').replace(/\{\{!--[\s\S]*?--\}\}|\{\{![^}]*\}\}/g, '');
        expect(text, `${dir}/${name}`).not.toMatch(/\{\{\{|\{\{~?&/);
      }
    }
  });
});

describe('loadTemplates', () => {
  it('reads the package’s templates from its own folder, whatever the working directory', async () => {
    const loaded = await loadTemplates(MARKDOWN_FORMAT, null, tempDir());
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.templates.main.file).toBe(join(ROOT, 'templates/report.md.hbs'));
    expect(loaded.templates.partials.map((p) => p.name)).toContain('status-table');
  });

  it('lets a user folder replace single files and keeps the rest', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'partials/md'), { recursive: true });
    writeFileSync(join(dir, 'partials/md/cover.hbs'), '# {{md cover.title}} (custom cover)\n');
    const loaded = await loadTemplates(MARKDOWN_FORMAT, dir, ROOT);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const cover = loaded.templates.partials.find((p) => p.name === 'cover')!;
    expect(cover.file).toBe(join(dir, 'partials/md/cover.hbs'));
    expect(loaded.templates.main.file).toBe('templates/report.md.hbs');
    const { model } = await buildModel(BASE_PLAN, 2024);
    const md = await render(model, 'md', dir);
    expect(md.startsWith('# 示例市五年规划2024年度实施进展报告 (custom cover)\n')).toBe(true);
  });

  it('refuses templates over 256 KiB in all before reading the file that goes over', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'report.md.hbs'), '{{#if a}}x{{/if}}\n'.repeat(15_000));
    expect(await loadTemplates(MARKDOWN_FORMAT, dir, dir)).toEqual({
      ok: false,
      message: {
        en: 'report.md.hbs: with this file the templates of report.md.hbs come to 270,000 bytes, over the limit of 262,144',
        zh: 'report.md.hbs：加上此文件，report.md.hbs 的模板共 270,000 字节，超过 262,144 字节的上限',
      },
    });
  });

  it('says when the user folder does not exist', async () => {
    expect(await loadTemplates(HTML_FORMAT, 'no/such/dir', ROOT)).toEqual({
      ok: false,
      message: { en: '--templates no/such/dir: no such folder', zh: '--templates no/such/dir：没有这个文件夹' },
    });
  });
});
