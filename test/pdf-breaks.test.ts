// Page breaks in typeset Markdown, read back with pdf.js: a page break never leaves a heading
// at the foot of a page, nor one line of a paragraph alone on either side, nor splits a list
// item that fits on a page; a table's spanned category and numbered notes follow it across
// pages; a table too wide for portrait turns landscape.

import { describe, expect, it } from 'vitest';
import { type PdfBlocks, typesetPdf } from '../src/render/pdf/index.js';
import { pageLayouts, type PageLayout } from './support/page-layout.js';
import { openPdf } from './support/read-pdf.js';

const OPTIONS = { title: '分页', creationDate: new Date(0) };

/** A paragraph of `n` lines of `ch`, each line ended by a hard break. */
const block = (ch: string, n: number): string => Array.from({ length: n }, () => ch.repeat(10)).join('  \n');

async function layout(markdown: string, blocks: PdfBlocks = {}): Promise<PageLayout[]> {
  return (await pageLayouts(await openPdf(await typesetPdf(markdown, blocks, OPTIONS)))).slice(1);
}

/** How many lines holding `ch` each page has (pages without it left out). */
const linesWith = (pages: PageLayout[], ch: string): number[] =>
  pages.map((p) => p.lines.filter((l) => l.text.includes(ch)).length).filter((n) => n > 0);

// A page holds 38 lines of body text: fillers of 30 to 42 lines put what follows at every
// position around the first page break. A long paragraph after it ends the document well
// past that break, so that no short last page is pulled back over it.
const FILLERS = Array.from({ length: 13 }, (_, i) => 30 + i);
const TAIL = `\n\n${block('末', 30)}`;

describe('page breaks', () => {
  it.each(FILLERS)('keep two lines of a paragraph on each side of a break (after %i lines)', async (n) => {
    const pages = await layout(`${block('甲', n)}\n\n${block('乙', 6)}${TAIL}`);
    for (const count of linesWith(pages, '乙')) expect(count).toBeGreaterThanOrEqual(2);
    expect(linesWith(pages, '乙').reduce((a, b) => a + b, 0)).toBe(6);
  });

  it.each(FILLERS)('keep a heading with the two lines after it (after %i lines)', async (n) => {
    const pages = await layout(`${block('甲', n)}\n\n## 标题乙\n\n${block('丙', 3)}${TAIL}`);
    const page = pages.find((p) => p.text.includes('标题乙'))!;
    expect(page.lines.at(-1)!.text).not.toContain('标题乙');
    expect(page.lines.filter((l) => l.text.includes('丙')).length).toBeGreaterThanOrEqual(2);
  });

  it.each(FILLERS)('move a list item that fits on a page whole (after %i lines)', async (n) => {
    const items = ['子', '丑', '寅', '卯'].map((ch) => `- ${block(ch, 5)}`).join('\n');
    const pages = await layout(`${block('甲', n)}\n\n${items}${TAIL}`);
    for (const ch of ['子', '丑', '寅', '卯']) expect(linesWith(pages, ch), ch).toEqual([5]);
  });

  it.each(FILLERS)('keep a line introducing a table with the table (after %i lines)', async (n) => {
    const rows = Array.from({ length: 4 }, (_, i) => `| 行${i} | ${i} |`).join('\n');
    const pages = await layout(`${block('甲', n)}\n\n下表列出各项：\n\n| 项目 | 数值 |\n| --- | ---: |\n${rows}${TAIL}`);
    const page = pages.find((p) => p.text.includes('下表列出各项'))!;
    expect(page.text).toContain('项目数值');
    expect(page.lines.at(-1)!.text).not.toMatch(/：$/);
  });

  it('pull the short end of a section back onto its page', async () => {
    // 40 lines overflow a page by two; the section ends at a page break.
    const pages = await layout(`${block('甲', 40)}\n\n<!-- pdf:pagebreak -->\n\n# 下一节\n\n正文`);
    expect(pages).toHaveLength(2);
    expect(linesWith(pages, '甲')).toEqual([40]);
  });
});

// A table with a category spanning its rows, and a column of long notes.
function notedTable(rows: number): PdfBlocks {
  return {
    t: {
      kind: 'status-table',
      caption: '表1　分组表',
      columns: [
        { label: '类别', align: 'left', width: 1, span: true },
        { label: '指标', align: 'left', width: 2 },
        { label: '数值', align: 'right', width: 1 },
        { label: '说明', align: 'left', width: 2, notes: true },
      ],
      rows: Array.from({ length: rows }, (_, i) => ({
        cells: [i < rows / 2 ? '第一类' : '第二类', `指标${i}`, `${i}.0%（2022年）`, i % 3 === 0 ? `说明${i}：${'很长的说明文字'.repeat(6)}` : ''],
      })),
    },
  };
}

describe('tables', () => {
  it('set a spanned category once per group on each page, and long notes numbered under the rows of their page', async () => {
    const pages = (await layout('<!-- pdf:status-table t -->', notedTable(90))).filter((p) => p.text.includes('分组表'));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      const categories = (page.text.match(/第[一二]类/g) ?? []).length;
      expect(categories).toBeGreaterThanOrEqual(1);
      expect(categories).toBeLessThanOrEqual(2);
      // Every note on the page belongs to a row on the page, numbered from ① on each page.
      const notes = [...page.text.matchAll(/说明(\d+)：/g)].map((m) => Number(m[1]));
      for (const i of notes) expect(page.text).toContain(`指标${i}${i}.0%（2022年）`);
      if (notes.length > 0) expect(page.text).toContain('①');
    }
    // The long notes are not set in a column: the column shows numbers under the header 注.
    expect(pages[0]!.text).toContain('类别指标数值注');
  });

  it('keep a figure with its year on one line', async () => {
    const pages = await layout('<!-- pdf:status-table t -->', notedTable(6));
    for (let i = 0; i < 6; i++) expect(pages[0]!.lines.some((l) => l.text.includes(`${i}.0%（2022年）`)), `row ${i}`).toBe(true);
  });

  it('turn landscape when allowed and portrait cannot hold them, taking their heading along', async () => {
    const wide: PdfBlocks = {
      t: {
        kind: 'status-table',
        landscape: true,
        columns: Array.from({ length: 7 }, (_, i) => ({ label: `第${i}列`, align: 'right' as const, width: 1 })),
        rows: [{ cells: Array.from({ length: 7 }, (_, i) => `${1000 + i}.5（2022年）`) }],
      },
    };
    const pages = await layout('前文\n\n## 宽表\n\n<!-- pdf:status-table t -->\n\n## 后文\n\n正文', wide);
    expect(pages.map((p) => Math.round(p.width))).toEqual([595, 842, 595]);
    expect(pages[1]!.text).toContain('宽表');
    expect(pages[1]!.lines.some((l) => l.text.includes('1006.5（2022年）'))).toBe(true);
    // The same table without leave to turn stays portrait.
    const portrait = await layout('<!-- pdf:status-table t -->', { t: { ...wide.t!, landscape: false } as PdfBlocks[string] });
    expect(portrait.map((p) => Math.round(p.width))).toEqual([595]);
  });
});
