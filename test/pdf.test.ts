// The PDF typesetter, read back with pdf.js as a reader would: pages, selectable text, the
// embedded font, outline, metadata, the status table across pages, determinism, odd input.

import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { deflateSync, inflateSync } from 'node:zlib';
import { join } from 'node:path';
import fc from 'fast-check';
import { OPS } from './support/pdfjs.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPdfDirectives, lexPdfMarkdown, type PdfBlocks, type PdfOptions, typesetPdf, typesetPdfReport } from '../src/render/pdf/index.js';
import { ROOT } from './support/cli.js';
import { openPdf, outline, pageText, pageTexts, squash } from './support/read-pdf.js';
import { sampleBlocks, sampleOptions, statusRow } from './fixtures/pdf/sample-blocks.js';

const SAMPLE = readFileSync(new URL('./fixtures/pdf/sample.md', import.meta.url), 'utf8');
const SLOW = { timeout: 120_000 };
const STANDARD_FONTS =
  /\/BaseFont\s*\/(Helvetica|Times|Courier|Symbol|ZapfDingbats)|\/Subtype\s*\/Type1\b|\/Subtype\s*\/TrueType\b/;

// The document information dictionary as pdf.js reports it (Language comes from the catalog).
async function infoOf(bytes: Buffer): Promise<Record<string, unknown>> {
  return (await (await openPdf(bytes)).getMetadata()).info as Record<string, unknown>;
}

let pdf: Buffer;
let texts: string[];
let all: string;

beforeAll(async () => {
  pdf = await typesetPdf(SAMPLE, sampleBlocks, sampleOptions);
  texts = await pageTexts(await openPdf(pdf));
  all = texts.join('');
}, 120_000);

describe('the sample document', () => {
  it('is an A4 PDF of 9 pages, small thanks to font subsetting', async () => {
    const doc = await openPdf(pdf);
    expect(doc.numPages).toBe(9);
    const page = await doc.getPage(1);
    const [x0, y0, x1, y1] = page.view;
    expect([Math.round(x1! - x0!), Math.round(y1! - y0!)]).toEqual([595, 842]);
    // Two 10 MB fonts, subset to the characters used.
    expect(pdf.length).toBeLessThan(400_000);
  });

  it('has every heading, paragraph start and label as extractable text', () => {
    const headings = SAMPLE.split('\n').filter((l) => /^#{1,3} /.test(l)).map((l) => l.replace(/^#+ /, ''));
    expect(headings.length).toBeGreaterThan(8);
    for (const h of headings) expect(all).toContain(squash(h));
    expect(all).toContain(squash('2024年是“十四五”规划实施的关键一年'));
    expect(all).toContain('多数指标快于序时进度');
    expect(all).toContain('数字经济核心产业增加值占比提高到12.4%。');
    expect(all).toContain(squash('Latin words are kept whole.'));
    expect(all).toContain(squash('完成进度 = (2929 - 2379.2) / (3200 - 2379.2) = 67.0%'));
  });

  it('puts the cover first: organisation, title, year, date and data status', () => {
    const cover = texts[0]!;
    for (const s of ['慈溪市发展和改革局', '慈溪市高质量建设共富共美现代化新慈溪五年目标', '年度实施进展报告', '2024年度', '2025年3月', '数据状态：62项指标中58项为正式统计数']) {
      expect(cover).toContain(squash(s));
    }
    expect(cover).not.toContain('第1页');
  });

  it('numbers every other page 第 X 页 / 共 Y 页 under a running header', () => {
    texts.slice(1).forEach((t, i) => {
      expect(t).toContain(`第${i + 2}页/共9页`);
      expect(t).toContain(squash(sampleOptions.headerText!));
    });
  });

  it('lists h1/h2 sections with their page numbers on the 目录 page', () => {
    const toc = texts[1]!;
    expect(toc).toContain('目录');
    const order = ['一、总体评估', '（一）主要进展', '（二）需要关注的问题', '二、主要指标完成情况表', '三、分领域进展', '四、数据说明'];
    let at = 0;
    for (const title of order) {
      const i = toc.indexOf(title, at);
      expect(i, title).toBeGreaterThan(-1);
      at = i;
    }
    // The page number printed after a title is the page the title is on.
    const page = Number(/二、主要指标完成情况表(\d+)/.exec(toc)?.[1]);
    expect(texts[page - 1]).toContain('二、主要指标完成情况表');
    expect(toc).not.toContain('1.重点行业');
  });

  it('has an outline with every h1 and, nested, every h2', async () => {
    const tree = await outline(await openPdf(pdf));
    expect(tree.map((n) => n.title)).toEqual(['目录', '一、总体评估', '二、主要指标完成情况表', '三、分领域进展', '四、数据说明']);
    expect(tree[1]!.items.map((n) => n.title)).toEqual(['（一）主要进展', '（二）需要关注的问题']);
    expect(tree[3]!.items.map((n) => n.title)).toEqual(['（一）经济高质量发展', '（二）城乡融合与共同富裕', '（三）生态文明建设']);
  });

  it('carries the metadata: title, author, subject, keywords, creator, language, dates', async () => {
    expect(await infoOf(pdf)).toMatchObject({
      Title: sampleOptions.title,
      Author: '慈溪市发展和改革局',
      Subject: '五年目标年度实施进展',
      Keywords: '慈溪; 五年目标; 进展报告; 2024',
      Creator: 'cixi-plan',
      Producer: 'cixi-plan (PDFKit)',
      Language: 'zh-CN',
      CreationDate: 'D:20250101000000Z',
      ModDate: 'D:20250101000000Z',
    });
  });

  it('embeds Noto Sans SC regular and bold as TrueType subsets and no standard font', () => {
    const raw = pdf.toString('latin1');
    const names = [...raw.matchAll(/\/BaseFont\s*\/([^\s/>]+)/g)].map((m) => m[1]);
    // pdfkit derives the subset tag from its font id (F1, F2), not from a random source.
    expect(new Set(names)).toEqual(new Set(['BZZZZZ+NotoSansSC-Regular', 'CZZZZZ+NotoSansSC-Bold']));
    expect(raw.match(/\/FontFile2/g)).toHaveLength(2);
    expect(raw).toMatch(/\/ToUnicode/);
    expect(raw).not.toMatch(STANDARD_FONTS);
  });

  it('shows directive problems as visible notes instead of failing', () => {
    expect(all).toContain('排版提示：未知的排版指令pdf:unknown-widget');
    expect(all).toContain('排版提示：pdf:trend-chart引用的数据块“missing-chart”不存在');
  });

  it('draws charts from the shared geometry, and progress bars, with their text', () => {
    for (const s of ['地区生产总值（亿元）', '目标 3,200', '基期 2,379', '预计 3,104', '3,400', '2026', '实际值基期值目标值预计值']) {
      expect(all).toContain(squash(s));
    }
    for (const s of ['地区生产总值112.0%序时60.0%', '每万人高价值发明专利拥有量-8.0%序时60.0%', '婴幼儿托位数暂无数据']) expect(all).toContain(squash(s));
  });

  it('draws the chart paths as vectors (the geometry’s SVG path, scaled)', async () => {
    const page = await (await openPdf(pdf)).getPage(texts.findIndex((t) => t.includes('地区生产总值（亿元）')) + 1);
    const ops = await page.getOperatorList();
    // Paths are constructed and stroked, not images.
    expect(ops.fnArray.filter((f) => f === OPS.constructPath).length).toBeGreaterThan(20);
    expect(ops.fnArray).not.toContain(OPS.paintImageXObject);
  });
});

describe('the status table', () => {
  const block = sampleBlocks.main as Extract<PdfBlocks[string], { kind: 'status-table' }>;
  const header = squash(block.columns.map((c) => c.label).join('') + '状态');
  const rowText = (i: number): string => {
    const r = statusRow(i);
    return squash(r.cells.join('') + r.status!.label);
  };

  it('has every cell of every row, each row whole on one page', () => {
    for (let i = 0; i < block.rows.length; i++) {
      const pages = texts.flatMap((t, p) => (t.includes(rowText(i)) ? [p] : []));
      expect(pages, `row ${i + 1}`).toHaveLength(1);
    }
  });

  it('spans pages and repeats the header and caption on each of them', () => {
    const spanned = texts.flatMap((t, p) => (block.rows.some((_, i) => t.includes(rowText(i))) ? [p] : []));
    expect(spanned.length).toBeGreaterThanOrEqual(3);
    for (const p of spanned) expect(texts[p]).toContain(header);
    for (const p of spanned.slice(1)) expect(texts[p]).toContain('表1主要指标完成情况表（续）');
    // The header comes before the page's first row.
    for (const p of spanned) {
      const first = block.rows.findIndex((_, i) => texts[p]!.includes(rowText(i)));
      expect(texts[p]!.indexOf(header)).toBeLessThan(texts[p]!.indexOf(rowText(first)));
    }
  });

  it('ends with its note and a legend of the status symbols', () => {
    const last = texts.findIndex((t) => t.includes(rowText(59)));
    expect(texts[last]).toContain(squash(block.notes![0]!));
    expect(texts[last]).toContain('快于序时基本同步慢于序时严重滞后暂无数据');
  });

  it('splits a row only when it is taller than a page', async () => {
    const huge = '超长指标名称'.repeat(900);
    const blocks: PdfBlocks = {
      t: {
        kind: 'status-table',
        columns: [
          { label: '指标', align: 'left', width: 3 },
          { label: '值', align: 'right', width: 1 },
        ],
        rows: [{ cells: ['短行', '1'] }, { cells: [huge, '2'], status: { label: '快于序时', tone: 'good' } }],
      },
    };
    const out = await typesetPdf('<!-- pdf:status-table t -->', blocks, { title: 'T', creationDate: new Date(0) });
    const t = await pageTexts(await openPdf(out));
    expect(t.length).toBeGreaterThan(3);
    // Counted by character: a line of the name may break across a page.
    expect(t.join('').split('超').length - 1).toBe(900);
    for (const page of t.slice(1)) expect(page).toContain('指标值');
  }, SLOW.timeout);
});

describe('reproducible output', () => {
  const tiny = '# 标题\n\n正文 text';
  const opts = (seconds: number): PdfOptions => ({ title: '报告', creationDate: new Date(seconds * 1000) });

  it('gives the same bytes for the same input and date', async () => {
    const again = await typesetPdf(SAMPLE, sampleBlocks, sampleOptions);
    expect(again.equals(pdf)).toBe(true);
  }, SLOW.timeout);

  it('holds every stream as pdfkit compresses it, the pages compressed off the main thread included', () => {
    // Each stream's bytes are deflateSync of what they inflate to: what pdfkit itself writes.
    const text = pdf.toString('latin1');
    const streams = [...text.matchAll(/\d+ 0 obj\n(<<(?:(?!endobj)[^])*?>>)\nstream\n/g)]
      .filter((m) => m[1]!.includes('/Filter /FlateDecode'))
      .map((m) => pdf.subarray(m.index + m[0].length, m.index + m[0].length + Number(/\/Length (\d+)\n/.exec(m[1]!)![1])));
    // The 9 pages' contents and the two fonts' files at least.
    expect(streams.length).toBeGreaterThan(9 + 2);
    for (const stream of streams) expect(deflateSync(inflateSync(stream)).equals(stream)).toBe(true);
  });

  it('uses up lexed Markdown: typeset once, after its directives are checked', async () => {
    // A large report's tokens are let go of as its pages are set (140 MB of 10,000 indicators).
    const lexed = lexPdfMarkdown(SAMPLE);
    expect(checkPdfDirectives(lexed, sampleBlocks)).toEqual(checkPdfDirectives(SAMPLE, sampleBlocks));
    expect((await typesetPdf(lexed, sampleBlocks, sampleOptions)).equals(pdf)).toBe(true);
    expect(lexed.tokens.every((t) => t === null)).toBe(true);
    await expect(typesetPdf(lexed, sampleBlocks, sampleOptions)).rejects.toThrow(/used up/);
    expect(() => checkPdfDirectives(lexed, sampleBlocks)).toThrow(/used up/);
  }, SLOW.timeout);

  it('changes the dates and the file ID with the date', async () => {
    const a = await typesetPdf(tiny, {}, opts(1_700_000_000));
    const b = await typesetPdf(tiny, {}, opts(1_700_000_001));
    expect(a.equals(b)).toBe(false);
    const id = (pdf: Buffer): string | undefined => /\/ID \[<([0-9a-f]+)>/.exec(pdf.toString('latin1'))?.[1];
    expect(id(a)).toMatch(/^[0-9a-f]{32}$/);
    expect(id(a)).not.toBe(id(b));
    expect((await infoOf(a)).CreationDate).toBe('D:20231114221320Z');
  });

  it('treats an invalid Date as the epoch instead of failing', async () => {
    const out = await typesetPdf(tiny, {}, { title: 'x', creationDate: new Date(Number.NaN) });
    expect(await infoOf(out)).toMatchObject({ CreationDate: 'D:19700101000000Z', ModDate: 'D:19700101000000Z' });
  });
});

describe('odd input', () => {
  it('makes a one-page document with a cover from empty Markdown', async () => {
    const out = await typesetPdf('', {}, { title: '空白报告', author: '某单位', creationDate: new Date(0) });
    const doc = await openPdf(out);
    expect(doc.numPages).toBe(1);
    const [text] = await pageTexts(doc);
    expect(text).toContain('空白报告');
    expect(text).toContain('某单位');
  });

  it('writes English page numbers and labels when lang is en', async () => {
    const out = await typesetPdf('# One\n\nText.\n\n<!-- pdf:nope -->', {}, { title: 'Report', lang: 'en', creationDate: new Date(0) });
    const doc = await openPdf(out);
    const t = await pageTexts(doc);
    expect(t[1]).toContain('Page2of2');
    expect(t[1]).toContain('Typesettingnote：unknowndirectivepdf:nope');
    expect((await infoOf(out)).Language).toBe('en');
  });

  it('says when a directive names a payload of the wrong kind or without geometry, or a second cover', async () => {
    const md = '<!-- pdf:cover c -->\n\n正文\n\n<!-- pdf:status-table c -->\n\n<!-- pdf:cover c -->\n\n<!-- pdf:trend-chart g -->';
    const blocks = { c: { kind: 'cover', title: '封面标题' }, g: { kind: 'trend-chart' } } as unknown as PdfBlocks;
    const out = await typesetPdf(md, blocks, { title: 'x', creationDate: new Date(0) });
    const t = (await pageTexts(await openPdf(out))).join('');
    expect(t).toContain('pdf:status-table引用的数据块“c”是cover');
    expect(t).toContain('pdf:cover只能出现一次');
    expect(t).toContain('pdf:trend-chart引用的数据块“g”缺少可绘制的图形数据');
    expect(t).toContain('封面标题');
  });

  it('sets Markdown nested 2,000 deep as text after 16 levels, with a note, instead of overflowing the stack', async () => {
    const md = ['引言', '>'.repeat(2000) + ' 深引用', '- '.repeat(2000) + '深列表', '*'.repeat(2000) + '深强调' + '*'.repeat(2000)].join('\n\n');
    const t = (await pageTexts(await openPdf(await typesetPdf(md, {}, { title: 'x', creationDate: new Date(0) })))).join('');
    for (const s of ['引言', '深引用', '深列表', '深强调', 'Markdown嵌套超过16层']) expect(t).toContain(s);
  }, SLOW.timeout);

  it('breaks a 200,000-character word across lines and pages, losing no character', async () => {
    const word = 'W'.repeat(200_000);
    const doc = await openPdf(await typesetPdf(`前文\n\n${word}\n\n后文`, {}, { title: 'x', creationDate: new Date(0) }));
    const t = (await pageTexts(doc)).join('');
    expect(t.match(/W+/g)!.join('')).toBe(word);
    expect(t).toContain('后文');
  }, SLOW.timeout);

  it('sets characters the font lacks as boxed code points in the text layer, and says which and where', async () => {
    // Emoji (one joined by ZWJ, one with a variation selector), Hangul, Thai, Arabic, CJK Extension B.
    const md = '标题前😀\n\n# 第一节\n\n正文 한국어 ok ❤️ 👨\u200d👧 与 ไทย عربي 𠀀。\n\n# 第二节 😀\n\n再次 😀 没有新字。';
    const { pdf: bytes, missingGlyphs } = await typesetPdfReport(md, {}, { title: '缺字😀', creationDate: new Date(0) });
    const t = (await pageTexts(await openPdf(bytes))).join('');
    expect(t).toContain('标题前U+1F600');
    expect(t).toContain('正文U+D55CU+AD6DU+C5B4okU+2764U+1F468U+1F467与U+0E44U+0E17U+0E22U+0639U+0631U+0628U+064AU+20000。');
    // Joiners and variation selectors have no form of their own: left out, not boxed.
    expect(t).not.toMatch(/U\+200D|U\+FE0F/);
    expect(missingGlyphs).toEqual([
      { where: 'the cover', codePoints: [0x1f600], context: '缺字😀' },
      { where: 'section “第一节”', codePoints: [0xd55c, 0xad6d, 0xc5b4, 0x2764, 0x1f468, 0x1f467, 0xe44, 0xe17, 0xe22, 0x639, 0x631, 0x628, 0x64a, 0x20000], context: expect.stringContaining('正文 한국어 ok ❤') },
    ]);
  }, SLOW.timeout);

  it('sets a table cell of 30,000 lines on a sixth of the stack (no spread of its lines into a call)', () => {
    // A spread of n values into a call takes n slots of the stack: Math.max(...lines) of a
    // 200,000-line cell overflowed Node's default stack. With 150 KB of stack instead of about
    // 1 MB, 30,000 overflow (the script checks that it does), so a spread left anywhere in
    // setting the cell fails here at a seventh of the work.
    const out = join(tmpdir(), `cixi-plan-cell-${process.pid}.pdf`);
    const script = `
      import { writeFileSync } from 'node:fs';
      import { typesetPdf } from ${JSON.stringify(join(ROOT, 'dist/render/pdf/index.js'))};
      let overflows = false;
      try { Math.max(...new Array(30000).fill(0)); } catch { overflows = true; }
      if (!overflows) throw new Error('a spread of 30,000 fits on this stack: the test proves nothing');
      const md = '| 指标 | 说明 |\\n|---|---|\\n| 甲 | ' + '行<br>'.repeat(30000) + '完 |';
      writeFileSync(${JSON.stringify(out)}, await typesetPdf(md, {}, { title: 'x', creationDate: new Date(0) }));`;
    const r = spawnSync(process.execPath, ['--stack-size=150', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: SLOW.timeout });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const pdf = readFileSync(out);
    rmSync(out);
    return openPdf(pdf).then((doc) => expect(doc.numPages).toBeGreaterThan(500));
  }, SLOW.timeout);

  it('cuts a 200,000-character chapter title to one line of running header in a few breaks, not one per character', async () => {
    // In a child process, so that a return of the character-by-character cut (hours) cannot hang the suite.
    const out = join(tmpdir(), `cixi-plan-heading-${process.pid}.pdf`);
    const script = `
      import { writeFileSync } from 'node:fs';
      import { typesetPdf } from ${JSON.stringify(join(ROOT, 'dist/render/pdf/index.js'))};
      const pdf = await typesetPdf('# ' + '标'.repeat(200000) + '\\n\\n正文', {}, { title: '页眉', creationDate: new Date(0) });
      writeFileSync(${JSON.stringify(out)}, pdf);`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: SLOW.timeout });
    expect(r.signal).toBeNull();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = await openPdf(readFileSync(out));
    rmSync(out);
    // The running header of the last page: the document title left, the chapter cut with an ellipsis right.
    expect(await pageText(doc, doc.numPages)).toMatch(/页眉标{10,}…第\d+页/);
  }, SLOW.timeout);

  it('never throws on arbitrary Markdown, directives and payload shapes', async () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        '# 标题',
        '## 小节',
        '- 项目\n  - 子项',
        '1. 一\n2. 二',
        '| a | b |\n|--|--:|\n| 1 | 2 |',
        '> 引用',
        '```\ncode\n```',
        '---',
        '<!-- pdf:toc -->',
        '<!-- pdf:pagebreak -->',
        '<!-- pdf:status-table t -->',
        '<!-- pdf:trend-chart c -->',
        '<!-- pdf:progress-bar b -->',
        '<!-- pdf:cover t -->',
        '<!-- pdf: -->',
        '<div>raw</div>',
        '**粗体**与`代码`与[链接](http://example.com)',
        '\u0000\u0007\t\r\n',
        '𠀀𠀁😀',
      ),
    );
    const payload = fc.oneof(
      fc.constant({ kind: 'status-table', columns: [{ label: 'a', align: 'left', width: 1 }], rows: [{ cells: ['x', 'y'], status: { label: 's', tone: 'bad' } }] }),
      fc.constant({ kind: 'status-table', columns: null, rows: 'x' }),
      fc.constant({ kind: 'trend-chart', geometry: { width: 0, height: -1, plot: null } }),
      fc.constant({ kind: 'trend-chart', geometry: { width: 10, height: 10, plot: {}, xTicks: [null, {}], yTicks: [{ label: null }], observed: { path: 'M0,0Lx', points: null }, target: {} } }),
      fc.constant(sampleBlocks['chart-gdp']),
      fc.constant({ kind: 'progress-bar', label: null, tone: 'weird', geometry: { width: 5, track: {}, fraction: Number.NaN, pace: { x: 'a' } } }),
      fc.constant({ kind: 'progress-bar', label: 'x', tone: 'good' }),
      fc.constant(sampleBlocks['bar-gdp']),
      fc.constant({ kind: 'cover', title: 42, statusLines: 'no' }),
      fc.constant(null),
      fc.constant({}),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 12 }), payload, payload, payload, async (pieces, t, c, b) => {
        const blocks = { t, c, b } as unknown as PdfBlocks;
        const out = await typesetPdf(pieces.join('\n\n'), blocks, { title: '模糊测试', creationDate: new Date(0) });
        expect(out.subarray(0, 5).toString()).toBe('%PDF-');
        expect(out.subarray(-6).toString()).toContain('%%EOF');
      }),
      { numRuns: 40 },
    );
  }, SLOW.timeout);
});
