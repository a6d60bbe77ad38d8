// The PDF typesetter's pure parts: line breaking for Chinese and Latin text, table column
// widths, SOURCE_DATE_EPOCH, and checking directives against their payloads.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSourceDateEpoch } from '../src/commands/source-date.js';
import { checkPdfDirectives, loadFonts } from '../src/render/pdf/index.js';
import { cmapFromBytes } from '../src/render/pdf/cmap.js';
import { applyPair, classOf, classRecordBytes, kerns, moves, resolve, type Position, type SubTable } from '../src/render/pdf/opentype.js';
import { cellRuns, fitColumns } from '../src/render/pdf/table.js';
import { breakLines, isWide, type Line, type Run, softBreaks } from '../src/render/pdf/text.js';
import { cacheColors, destinationOrder, orderDestinationsWithoutIcu } from '../src/render/pdf/typeset.js';
import PDFDocument from 'pdfkit';
import { sampleBlocks } from './fixtures/pdf/sample-blocks.js';

// Ideographs 10 wide, spaces 3, anything else 5; bold adds nothing.
const measure = (text: string): number =>
  Array.from(text).reduce((w, ch) => w + (isWide(ch.codePointAt(0)!) ? 10 : ch === ' ' ? 3 : 5), 0);
const plain = (text: string): Run[] => [{ text, style: {} }];
const texts = (lines: Line[]): string[] => lines.map((l) => l.fragments.map((f) => f.text).join(''));

describe('breakLines', () => {
  it('breaks Chinese between any two characters, filling each line', () => {
    expect(texts(breakLines(plain('一二三四五六七八九十'), measure, 40))).toEqual(['一二三四', '五六七八', '九十']);
  });

  it('keeps closing punctuation off the start of a line and opening punctuation off its end', () => {
    // "。" would start line 2: it goes with 四 to line 2 instead.
    expect(texts(breakLines(plain('一二三四。五六'), measure, 40))).toEqual(['一二三', '四。五六']);
    // "（" would end line 1: it goes down with 五.
    expect(texts(breakLines(plain('一二三（五六）'), measure, 40))).toEqual(['一二三', '（五六）']);
    expect(texts(breakLines(plain('指标名称“完成进度”说明'), measure, 50))).toEqual(['指标名称', '“完成进', '度”说明']);
  });

  it('keeps Latin words and numbers whole and drops the space at a break', () => {
    const lines = texts(breakLines(plain('GDP 达到 2,929.5 亿元 growth'), measure, 60));
    expect(lines).toEqual(['GDP 达到', '2,929.5 亿元', 'growth']);
    for (const l of lines) expect(l).not.toMatch(/^ | $/);
  });

  it('keeps a short bracket beside a figure whole in a table cell, breaking before it', () => {
    const cell = cellRuns(plain('20.0%（2022年）'));
    expect(cell.map((r) => [r.text, r.style.nobreak === true])).toEqual([['20.0%', false], ['（2022年）', true]]);
    expect(texts(breakLines(cell, measure, 80))).toEqual(['20.0%（2022年）']);
    expect(texts(breakLines(cell, measure, 60))).toEqual(['20.0%', '（2022年）']);
    expect(texts(breakLines(plain('20.0%（2022年）'), measure, 60))).toEqual(['20.0%（2022', '年）']);
  });

  it('breaks a word wider than the line character by character', () => {
    expect(texts(breakLines(plain('abcdefghij'), measure, 20))).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('breaks a 200,000-character word across lines (no spread of its characters into a call)', () => {
    const word = 'a'.repeat(200_000);
    const lines = texts(breakLines(plain(`x ${word} y`), measure, 100));
    expect(lines.length).toBe(10_002);
    expect(lines.slice(0, 3)).toEqual(['x', 'a'.repeat(20), 'a'.repeat(20)]);
    expect(lines.at(-1)).toBe('y');
    expect(lines.join('')).toBe(`x${word}y`);
  });

  it('gives the first line its own width (a first-line indent)', () => {
    expect(texts(breakLines(plain('一二三四五六七八'), measure, 40, 20))).toEqual(['一二', '三四五六', '七八']);
  });

  it('honours hard breaks and collapses runs of spaces', () => {
    const lines = breakLines(plain('a   b\nc\n\nd'), measure, 100);
    expect(texts(lines)).toEqual(['a b', 'c', '', 'd']);
    expect(lines.map((l) => l.end)).toEqual([true, true, true, true]);
  });

  it('keeps styles as fragments and marks lines that may be justified', () => {
    const runs: Run[] = [
      { text: '一二', style: {} },
      { text: '三四', style: { bold: true } },
      { text: '五六七', style: {} },
    ];
    const lines = breakLines(runs, measure, 50);
    expect(lines[0]!.fragments.map((f) => [f.text, f.style.bold === true, f.width])).toEqual([
      ['一二', false, 20],
      ['三四', true, 20],
      ['五', false, 10],
    ]);
    expect(lines.map((l) => l.end)).toEqual([false, true]);
    expect(lines[0]).toMatchObject({ width: 50, glyphs: 5, wide: 5 });
  });

  it('loses no character and overfills no line, whatever the text', () => {
    const alphabet = fc.constantFrom(...Array.from('中文字符测试。，、（）“”《》abcXYZ0123.,;:%- \n'));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }), fc.integer({ min: 10, max: 120 }), (chars, width) => {
        const text = chars.join('');
        const lines = breakLines(plain(text), measure, width);
        expect(texts(lines).join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
        for (const l of lines) {
          if (Array.from(texts([l])[0]!).length > 1) expect(l.width).toBeLessThanOrEqual(width + 0.01);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('returns one empty line for empty text', () => {
    expect(texts(breakLines([], measure, 50))).toEqual(['']);
  });
});

describe('cacheColors', () => {
  // The content a page receives from pdfkit's own colour code and from the cached operators.
  const content = (cached: boolean): string => {
    const doc = new PDFDocument({ compress: false, font: null } as unknown as PDFKit.PDFDocumentOptions);
    if (cached) cacheColors(doc);
    for (const color of ['#1a2B3c', '#1a2B3c', '#ffffff', '#000000', '#abc', 'red', [10, 20, 30]] as const) {
      doc.fillColor(color as string).rect(0, 0, 1, 1).fill();
      doc.strokeColor(color as string).moveTo(0, 0).lineTo(1, 1).stroke();
    }
    // The page's content stream as pdfkit holds it until the document ends.
    return Buffer.concat((doc as unknown as { page: { content: { buffer: Uint8Array[] } } }).page.content.buffer).toString('latin1');
  };

  it('writes what pdfkit writes for every colour, twice over and in both kinds', () => {
    const plain = content(false);
    expect(plain).toContain('SCN');
    expect(content(true)).toBe(plain);
  });
});

describe('orderDestinationsWithoutIcu', () => {
  it('orders section names as localeCompare does, and leaves other names to it', () => {
    const names = Array.from({ length: 3000 }, (_, i) => `section-${i + 1}`);
    // Shuffled the same way every run.
    const shuffled = names.map((n, i) => [(i * 7919) % 3001, n] as const).sort((a, b) => a[0] - b[0]).map(([, n]) => n);
    const locale = (a: string, b: string) => a.localeCompare(b);
    expect([...shuffled].sort(destinationOrder(locale))).toEqual([...shuffled].sort(locale));
    // Not both section names: the locale's order (which puts a lowercase letter first here, unlike code units).
    expect(destinationOrder(locale)('b', 'B')).toBe('b'.localeCompare('B'));
    expect(destinationOrder(locale)('section-2', 'Section-10')).toBe('section-2'.localeCompare('Section-10'));
  });

  it('gives the document the same name tree pdfkit writes', () => {
    const tree = (cheap: boolean): string => {
      const doc = new PDFDocument({ compress: false, font: null } as unknown as PDFKit.PDFDocumentOptions);
      if (cheap) orderDestinationsWithoutIcu(doc);
      for (const n of [12, 3, 1, 100, 20, 2]) doc.addNamedDestination(`section-${n}`, 'XYZ', null, 0, null);
      doc.addNamedDestination('Zeta', 'XYZ', null, 0, null);
      doc.addNamedDestination('alpha', 'XYZ', null, 0, null);
      return String((doc as unknown as { _root: { data: { Names: { data: { Dests: object } } } } })._root.data.Names.data.Dests);
    };
    expect(tree(false)).toContain('(section-1) [');
    expect(tree(true)).toBe(tree(false));
  });
});

describe('softBreaks', () => {
  it('joins Chinese lines without a space and Latin lines with one', () => {
    expect(softBreaks('第一行\n第二行')).toBe('第一行第二行');
    expect(softBreaks('first\nsecond')).toBe('first second');
    expect(softBreaks('中文\nLatin')).toBe('中文 Latin');
  });
});

describe('fitColumns', () => {
  const need = (width: number, max = width, fluid = false, min = 0, keep = 0) => ({ width, max, fluid, min, keep });

  it('shares by weight when every column has room', () => {
    expect(fitColumns([1, 1], [need(10, 100, true), need(10, 100, true)], 100)).toEqual([50, 50]);
  });

  it('narrows columns of short cells to their need and gives the rest to the wrapping column', () => {
    const w = fitColumns([1, 1, 1], [need(20, 300, true), need(30), need(25)], 300);
    expect(w[1]).toBeCloseTo(36);
    expect(w[2]).toBeCloseTo(31);
    expect(w[0]).toBeCloseTo(300 - 36 - 31);
  });

  it('never makes a column narrower than its need when the needs fit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0.1, max: 5, noNaN: true }), fc.double({ min: 5, max: 60, noNaN: true }), fc.boolean()), {
          minLength: 1,
          maxLength: 10,
        }),
        (cols) => {
          const needs = cols.map(([, n, f]) => need(n, n * 3, f));
          const total = needs.reduce((a, n) => a + n.width, 0) + 50;
          const w = fitColumns(cols.map(([k]) => k), needs, total);
          expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(total, 6);
          w.forEach((x, i) => expect(x).toBeGreaterThanOrEqual(needs[i]!.width - 1e-9));
        },
      ),
    );
  });

  it('falls back to the weights when the needs do not fit', () => {
    expect(fitColumns([1, 3], [need(80), need(80)], 100)).toEqual([25, 75]);
  });

  it('keeps a word whole when the needs do not fit but the widest words do', () => {
    // Weights alone would give the first column 25, cutting its 40-point word ("enterprises").
    const w = fitColumns([1, 3], [need(80, 80, false, 40), need(80, 80, false, 20)], 100);
    expect(w[0]).toBeCloseTo(40);
    expect(w[1]).toBeCloseTo(60);
    // When even the words cannot all fit, each column gets the same share of its widest word.
    expect(fitColumns([1, 3], [need(80, 80, false, 90), need(80, 80, false, 60)], 100)).toEqual([60, 40]);
  });

  it('keeps numbers whole and cuts words when not even the widest words fit', () => {
    // Column 1: a 90-point word and a 50-point number; column 2: a 60-point word, a 10-point number.
    const w = fitColumns([1, 3], [need(80, 80, false, 90, 50), need(80, 80, false, 60, 10)], 100);
    expect(w[0]).toBeCloseTo(50 + (40 * 40) / 90);
    expect(w[1]).toBeCloseTo(10 + (40 * 50) / 90);
  });
});

describe('loadFonts', () => {
  it('parses the two TrueType weights once and shares them', async () => {
    const [a, b] = await Promise.all([loadFonts(), loadFonts()]);
    expect(a).toBe(b);
    expect(await loadFonts()).toBe(a);
    expect([a.regular.postscriptName, a.bold.postscriptName]).toEqual(['NotoSansSC-Regular', 'NotoSansSC-Bold']);
  });
});

describe('parseSourceDateEpoch', () => {
  it('is undefined when unset and a UTC date for seconds since the epoch', () => {
    expect(parseSourceDateEpoch(undefined)).toEqual({ ok: true, date: undefined });
    expect(parseSourceDateEpoch('0')).toEqual({ ok: true, date: new Date(0) });
    expect(parseSourceDateEpoch('1735689600')).toEqual({ ok: true, date: new Date('2025-01-01T00:00:00Z') });
  });

  it.each(['', ' ', '-1', '1.5', '1e9', '0x10', ' 12', '12 ', 'abc', '١٢٣', '99999999999999999'])('rejects %j', (value) => {
    const r = parseSourceDateEpoch(value);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message.en).toMatch(/^SOURCE_DATE_EPOCH (must be a whole number|\d+ is after)/);
      expect(r.message.zh).toMatch(/^SOURCE_DATE_EPOCH (应为自 1970-01-01 起的整秒数|\d+ 晚于)/);
    }
  });
});

describe('checkPdfDirectives', () => {
  it('finds the sample’s unknown directive and missing payload, with their lines', () => {
    const md = ['<!-- pdf:toc -->', '', '# 一', '', '<!-- pdf:unknown-widget foo -->', '<!-- pdf:trend-chart missing-chart -->', '<!-- pdf:toc -->'].join('\n');
    expect(checkPdfDirectives(md, sampleBlocks)).toEqual([
      { code: 'pdf-directive', line: 5, message: '未知的排版指令 pdf:unknown-widget' },
      { code: 'pdf-directive', line: 6, message: 'pdf:trend-chart 引用的数据块“missing-chart”不存在' },
      { code: 'pdf-directive', line: 7, message: 'pdf:toc 只能出现一次' },
    ]);
  });

  it('accepts directives whose payloads exist and match, and ignores plain comments and code', () => {
    const md = '<!-- pdf:cover cover -->\n<!-- a comment -->\n\n```\n<!-- pdf:nope -->\n```\n\n<!-- pdf:status-table main -->';
    expect(checkPdfDirectives(md, sampleBlocks)).toEqual([]);
    expect(checkPdfDirectives('<!-- pdf:progress-bar main -->', sampleBlocks, 'en')).toEqual([
      { code: 'pdf-directive', line: 1, message: 'pdf:progress-bar names block "main", which is a status-table' },
    ]);
  });

  it('takes pdf:table with span, notes and landscape before a table, and names a wrong option or a stray one', () => {
    const table = '| a | b |\n| --- | --- |\n| 1 | 2 |';
    expect(checkPdfDirectives(`<!-- pdf:table span=1 notes=2 landscape -->\n\n<!-- a comment -->\n\n${table}`, {})).toEqual([]);
    expect(checkPdfDirectives(`<!-- pdf:table span=one -->\n\n${table}`, {}, 'en')).toEqual([
      { code: 'pdf-directive', line: 1, message: 'pdf:table does not know "span=one" (span=N, notes=N, landscape)' },
    ]);
    expect(checkPdfDirectives('<!-- pdf:table notes=2 -->\n\n正文\n\n<!-- pdf:table -->', {}, 'en')).toEqual([
      { code: 'pdf-directive', line: 1, message: 'pdf:table is not followed by a table' },
      { code: 'pdf-directive', line: 5, message: 'pdf:table is not followed by a table' },
    ]);
    expect(checkPdfDirectives(`- <!-- pdf:table span=1 -->\n\n  ${table.replace(/\n/g, '\n  ')}`, {}, 'en')).toEqual([
      { code: 'pdf-directive', line: 1, message: 'pdf:table is not followed by a table' },
    ]);
  });

  it('names the line where block quotes, lists or emphasis nest deeper than 16 levels', () => {
    const deep = (n: number, open: string, close = ''): string => `${open.repeat(n)}深处${close.repeat(n)}`;
    const md = ['# 标题', '', deep(2000, '>'), '', '正文', '', '> 一层', '>> 两层', deep(17, '- '), '', deep(2000, '*', '*'), '', deep(16, '>')].join('\n');
    expect(checkPdfDirectives(md, {}, 'en')).toEqual([
      { code: 'pdf-nesting', line: 3, message: 'Markdown nested more than 16 deep (block quotes, lists, emphasis, links): the rest is shown as written' },
      { code: 'pdf-nesting', line: 9, message: expect.stringContaining('more than 16 deep') },
      { code: 'pdf-nesting', line: 11, message: expect.stringContaining('more than 16 deep') },
    ]);
  });
});

describe('pair kerning by class, read from the font bytes', () => {
  it('finds and applies the adjustments fontkit decodes, for pairs of every class of both weights', async () => {
    const fonts = await loadFonts();
    for (const font of [fonts.regular, fonts.bold]) {
      const gpos = (font as unknown as { GPOS: { lookupList: { length: number; get(i: number): { lookupType: number; subTables: SubTable[] } } } }).GPOS;
      const tables: SubTable[] = [];
      for (let i = 0; i < gpos.lookupList.length; i++) {
        const lookup = gpos.lookupList.get(i);
        for (const sub of lookup.subTables) {
          const [type, table] = resolve(lookup.lookupType, sub, true);
          if (type === 2 && table.version === 2) tables.push(table);
        }
      }
      expect(tables.length).toBeGreaterThan(0);
      let kerned = 0;
      for (const table of tables) {
        // The bytes are read (not the decoded records, which are the reference here).
        const raw = classRecordBytes(table);
        expect(raw).not.toBeNull();
        // A covered glyph of each first class, and a glyph of each second class (0: one not listed).
        const firsts = new Map<number, number>();
        const cov = table.coverage!;
        const coveredGlyphs = cov.version === 1 ? (cov.glyphs ?? []) : (cov.rangeRecords ?? []).flatMap((r) => Array.from({ length: r.end - r.start + 1 }, (_, i) => r.start + i));
        for (const g of coveredGlyphs) if (!firsts.has(classOf(g, table.classDef1!))) firsts.set(classOf(g, table.classDef1!), g);
        const def2 = table.classDef2!;
        const listed = def2.version === 1 ? (def2.classValueArray ?? []).map((c, i) => [c, (def2.startGlyph ?? 0) + i] as const) : (def2.classRangeRecord ?? []).map((r) => [r.class, r.start] as const);
        const seconds = new Map<number, number>(listed.map(([c, g]) => [c, g] as [number, number]).reverse());
        for (let g = 0; g < (font as unknown as { numGlyphs: number }).numGlyphs && !seconds.has(0); g++) if (classOf(g, def2) === 0) seconds.set(0, g);
        expect(firsts.size).toBeGreaterThan(1);
        expect(seconds.size).toBeGreaterThan(1);
        const covered = [...firsts.values()];
        // Every first class and every second class, in a fifth of their pairs (fontkit's
        // decoding of each record, the reference here, is the slow part).
        for (const [i, a] of covered.entries()) {
          for (const [j, b] of [...seconds.values()].entries()) {
            if ((i + j) % 5 !== 0) continue;
            const record = table.classRecords!.get(classOf(a, table.classDef1!)).get(classOf(b, table.classDef2!));
            const decoded = record !== undefined && (moves(record.value1) || moves(record.value2));
            expect(kerns(table, a, b), `${a} ${b}`).toBe(decoded && coverageHolds(table, a));
            const p = (): Position => ({ xAdvance: 1000, yAdvance: 0, xOffset: 0, yOffset: 0 });
            const [x, y] = [p(), p()];
            const applied = applyPair(table, a, b, x, y);
            if (!coverageHolds(table, a)) continue;
            expect(applied).toBe(true);
            const want = [p(), p()];
            for (const [pos, v] of [[want[0]!, record!.value1], [want[1]!, record!.value2]] as const) {
              const value = (v ?? {}) as Record<string, number | undefined>;
              pos.xAdvance += value.xAdvance ?? 0;
              pos.yAdvance += value.yAdvance ?? 0;
              pos.xOffset += value.xPlacement ?? 0;
              pos.yOffset += value.yPlacement ?? 0;
            }
            expect([x, y], `${a} ${b}`).toEqual(want);
            if (decoded) kerned++;
          }
        }
      }
      expect(kerned).toBeGreaterThan(20);
    }
  });
});

// Whether the pair subtable's coverage lists the first glyph (kerns and applyPair ask it first).
function coverageHolds(table: SubTable, glyph: number): boolean {
  const cov = table.coverage!;
  if (cov.version === 1) return (cov.glyphs ?? []).includes(glyph);
  return (cov.rangeRecords ?? []).some((r) => r.start <= glyph && glyph <= r.end);
}

describe('cmapFromBytes', () => {
  it('gives fontkit’s glyph id for every character of the planes the font covers, from the bytes, in both weights', async () => {
    const fonts = await loadFonts();
    for (const font of [fonts.regular, fonts.bold]) {
      const processor = (font as unknown as { _cmapProcessor: { lookup(cp: number): number; cmap: { version: number } } })._cmapProcessor;
      // Noto Sans SC's cmap is format 12: the bytes are read, not fontkit's lookup.
      expect(processor.cmap.version).toBe(12);
      const lookup = cmapFromBytes(font)!;
      expect(lookup).not.toBeNull();
      let found = 0;
      let differ = 0;
      for (let cp = 0; cp < 0x30000; cp++) {
        const id = lookup(cp);
        if (id !== 0) found++;
        if (id !== processor.lookup(cp)) differ++;
      }
      for (const cp of [0x10ffff, 0x110000, -1, 0x3fffffff]) if (lookup(cp) !== processor.lookup(cp)) differ++;
      expect(differ).toBe(0);
      expect(found).toBeGreaterThan(30_000);
    }
  });
});
