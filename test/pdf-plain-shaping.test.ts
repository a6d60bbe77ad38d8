// Words set without shaping (src/render/pdf/shaping.ts): the rule that proves fontkit would
// leave a word (or a piece of it) as its cmap glyphs with their hmtx advances, checked against
// fontkit itself on every character of the font, on pairs of the characters reports use, on
// random words mixing every kind of character, and in typeset documents.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import { create, type Font } from 'fontkit';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyShaping } from '../src/render/pdf/draw.js';
import { FONT_FILES, type PdfFonts } from '../src/render/pdf/fonts.js';
import { typesetPdf } from '../src/render/pdf/index.js';
import { type Piece, PlainText, plainText, scriptTag } from '../src/render/pdf/shaping.js';
import { labels } from '../src/render/pdf/theme.js';
import { equal, same } from './support/check.js';
import { FIXTURES, run, tempDir } from './support/cli.js';

interface Shaped {
  glyphs: Array<{ id: number }>;
  positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }>;
  script: string;
}
const shape = (font: Font, text: string, script?: string): Shaped =>
  (font as unknown as { layout(t: string, f?: undefined, s?: string): Shaped }).layout(text, undefined, script);

/** Pieces draw.ts laid out itself (PlainText.shaped) and pieces it left to fontkit, over this file. */
const shaping = { here: 0, fontkit: 0 };

// A word's glyphs as draw.ts sets them from its pieces: [id, xAdvance, yAdvance, xOffset, yOffset].
// A piece to shape is laid out by the module where it can, else shaped by fontkit.
function fromPieces(font: Font, pieces: Piece[]): number[][] {
  return pieces.flatMap((p) =>
    p.shape === null
      ? p.chars.map((c) => [c.id, c.advance, 0, 0, 0])
      : (() => {
          const here = plainText(font).shaped(p.text, p.shape);
          shaping[here === undefined ? 'fontkit' : 'here']++;
          return rows(here ?? shape(font, p.text, p.shape));
        })(),
  );
}
// A shaped run as rows of [id, xAdvance, yAdvance, xOffset, yOffset].
const rows = (r: Pick<Shaped, 'glyphs' | 'positions'>): number[][] => r.glyphs.map((g, k) => [g.id, r.positions[k]!.xAdvance, r.positions[k]!.yAdvance, r.positions[k]!.xOffset, r.positions[k]!.yOffset]);
const fromFontkit = (font: Font, text: string): number[][] => rows(shape(font, text));

/**
 * The two weights parsed anew, not the typesetter's shared ones: fontkit keeps the glyphs it
 * shapes on the font object, with the code point they were shaped from, and this file shapes
 * every character of the font (a Kangxi radical such as ⼄ U+2F04 shares its glyph with 乙
 * U+4E59, which later documents would then carry as ⼄ in their text layer).
 */
function ownFonts(): PdfFonts {
  const resolve = createRequire(import.meta.url).resolve;
  const parse = (file: string): Font => create(readFileSync(resolve(file))) as Font;
  return { regular: parse(FONT_FILES.regular), bold: parse(FONT_FILES.bold) };
}

let fonts: PdfFonts;
// Every character the reports of the shipped plan and the fixtures use (their Markdown, in both
// languages), and the typesetter's own labels.
let reportChars: string[];

beforeAll(async () => {
  fonts = ownFonts();
  let text = JSON.stringify([labels('zh-CN'), labels('en')]);
  for (const plan of ['plan', join(FIXTURES, 'base-plan'), join(FIXTURES, 'national-plan'), join(FIXTURES, 'target-kinds')]) {
    for (const lang of ['zh-CN', 'en']) {
      const out = tempDir();
      const r = await run(['report', '2024', '--plan', plan, '--out', out, '--format', 'md', '--lang', lang, '--quiet'], { env: { SOURCE_DATE_EPOCH: '1740787200' } });
      expect(r.code).toBe(0);
      text += readFileSync(join(out, '2024', 'report.md'), 'utf8');
    }
  }
  reportChars = [...new Set(text.replace(/\s/g, ''))].sort();
}, 120_000);

afterEach(() => verifyShaping(null));

describe('characters set without shaping', () => {
  it('are set as fontkit sets them, for every character of both weights, and their script is the one fontkit detects', () => {
    for (const font of [fonts.regular, fonts.bold]) {
      const plain = plainText(font);
      const wrong: string[] = [];
      let accepted = 0;
      for (const cp of (font as unknown as { characterSet: number[] }).characterSet) {
        const ch = String.fromCodePoint(cp);
        const ref = shape(font, ch);
        const tag = scriptTag(cp);
        if (tag !== null && (tag === '' ? 'zzzz' : tag) !== ref.script) wrong.push(`script of U+${cp.toString(16)}: ${tag} vs ${ref.script}`);
        const pieces = plain.pieces(ch);
        if (pieces === undefined) continue;
        accepted++;
        // The character as fontkit shapes it: the layout its script was read from.
        if (JSON.stringify(fromPieces(font, pieces)) !== JSON.stringify(rows(ref))) wrong.push(`glyph of U+${cp.toString(16)}`);
      }
      expect(wrong).toEqual([]);
      // Not vacuous: nearly the whole font is accepted, every CJK Unified Ideograph in it too.
      expect(accepted).toBeGreaterThan(29_000);
      for (let cp = 0x4e00; cp <= 0x9fff; cp += 97) {
        if (font.hasGlyphForCodePoint(cp)) expect(plain.chars(String.fromCodePoint(cp)), `U+${cp.toString(16)}`).toBeDefined();
      }
    }
  }, 120_000);

  it('give every pair of the characters reports use (bar most ideographs) the glyphs and advances fontkit gives', () => {
    expect(reportChars.length).toBeGreaterThan(500);
    // Ideographs are in no lookup of these fonts; a sample of them stands for the rest.
    const han = reportChars.filter((c) => /\p{Script=Han}/u.test(c));
    const chars = [...reportChars.filter((c) => !/\p{Script=Han}/u.test(c)), ...han.filter((_, i) => i % 25 === 0), '—', '…', 'f', 'i', 'l', 'T', 'V', 'A', 'W', 'y'];
    for (const font of [fonts.regular, fonts.bold]) {
      const plain = plainText(font);
      const wrong: string[] = [];
      let cut = 0;
      for (const a of chars) {
        for (const b of chars) {
          const word = a + b;
          const pieces = plain.pieces(word);
          if (pieces === undefined) continue;
          if (pieces.length > 1 || pieces[0]!.shape !== null) cut++;
          if (JSON.stringify(fromPieces(font, pieces)) !== JSON.stringify(fromFontkit(font, word))) wrong.push(word);
        }
      }
      expect(wrong).toEqual([]);
      // Some pairs do change (kerning, ligatures) and are shaped.
      expect(cut).toBeGreaterThan(100);
    }
    // Nearly all of them only kern, ligate or substitute, and are laid out without fontkit.
    expect(shaping.here).toBeGreaterThan(20 * shaping.fontkit);
  }, 120_000);

  it('are cut from words only where shaping the pieces gives what shaping the whole word gives', () => {
    const alphabet = [
      ...'中文指标年均慈溪。，、：；（）《》“”！？—…·％', // Han and CJK punctuation
      ...'0123456789.,%+-()/:&', // numbers
      ...'aefilmnortvyAGMTVWY', // Latin, kerned pairs and ligatures (fi, fl, ff)
      ...'αβγабв', // Greek, Cyrillic
      ...'あアー', // kana
      '\u0301', '\ufe0f', '\u200d', '\u2044', '\u00ad', // a mark, a variation selector, a joiner, fraction slash, soft hyphen
      '한', '😀', '\u{20000}', // characters the font lacks
    ];
    const word = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 12 }).map((cs) => cs.join(''));
    for (const font of [fonts.regular, fonts.bold]) {
      const plain = plainText(font);
      fc.assert(
        fc.property(word, (w) => {
          const pieces = plain.pieces(w);
          if (pieces === undefined) return true;
          same(pieces.map((p) => p.text).join(''), w);
          equal(fromPieces(font, pieces), fromFontkit(font, w));
          return true;
        }),
        { numRuns: 3000, seed: 11 },
      );
    }
  }, 120_000);
});

describe('the rule that sends a word to fontkit', () => {
  const cases: Array<[string, string, Array<[string, string | null]> | undefined]> = [
    ['Chinese', '中文报告', [['中文报告', null]]],
    ['a number', '1,758.8%', [['1,758.8%', null]]],
    ['a year range with one em dash', '2022—2024年', [['2022—2024年', null]]],
    ['a Latin word no pair of which is kerned', 'multiple', [['multiple', null]]],
    ['two em dashes (a ligature: one 2-em dash glyph)', '——', [['——', 'zzzz']]],
    ['the ligature inside Chinese, cut at free ideographs', '标题——副标题', [['标', null], ['题——副', 'hani'], ['标题', null]]],
    ['a kerned Latin word in Chinese, shaped with the Han script', '指标12（level）', [['指标12', null], ['（level）', 'hani']]],
    ['digits after a Latin letter (locl under latn)', 'A1', [['A1', 'latn']]],
    ['a combining mark', 'e\u0301', undefined],
    ['a variation selector', '中\ufe00', undefined],
    ['a fraction slash (frac, numr, dnom)', '1\u20442', undefined],
    ['a character the font lacks', '中😀', undefined],
    ['Hangul (its own shaper)', '한', undefined],
  ];
  it.each(cases)('%s', (_, word, expected) => {
    const pieces = plainText(fonts.regular).pieces(word);
    expect(pieces?.map((p) => [p.text, p.shape])).toEqual(expected);
  });

  it('the 2-em dash is set and measured as fontkit shapes it, one glyph narrower than two dashes', () => {
    const font = fonts.regular;
    const two = shape(font, '——');
    expect(two.glyphs.length).toBe(1);
    const dash = plainText(font).chars('—')![0]!;
    expect(two.positions[0]!.xAdvance).toBeLessThan(2 * dash.advance);
    expect(plainText(font).units('——')).toBeUndefined();
  });
});

// A made-up font whose layout tables hold one lookup at a time: glyph id = code point − 64
// (A = 1), every advance 500, one script (DFLT).
function fakeFont(feature: string, lookups: Array<{ lookupType: number; subTables: unknown[] }>, gpos = false): Font {
  const lazy = <T>(items: T[]): { length: number; get(i: number): T } => ({ length: items.length, get: (i) => items[i]! });
  const table = {
    scriptList: [{ tag: 'DFLT', script: { defaultLangSys: { featureIndexes: [0] } } }],
    featureList: [{ tag: feature, feature: { lookupListIndexes: lookups.map((_, i) => i) } }],
    lookupList: lazy(lookups.map((l) => ({ ...l, flags: { flags: {} } }))),
  };
  // hmtx's bytes at the start of the file: 100 entries of advance 500 and bearing 0.
  const view = new DataView(new ArrayBuffer(400));
  for (let i = 0; i < 100; i++) view.setUint16(4 * i, 500);
  return {
    directory: { tables: { hmtx: { offset: 0 } } },
    stream: { view },
    numGlyphs: 100,
    hmtx: { metrics: lazy(Array.from({ length: 100 }, () => ({ advance: 500 }))) },
    ...(gpos ? { GPOS: table } : { GSUB: table }),
    glyphForCodePoint: (cp: number) => ({ id: cp - 64, advanceWidth: 500, codePoints: [cp] }),
    getGlyph: (id: number, codePoints: number[] = []) => ({ id, advanceWidth: 500, codePoints }),
  } as unknown as Font;
}
const coverage = (...glyphs: number[]): unknown => ({ version: 1, glyphs });
const piecesOf = (font: Font, word: string): Array<[string, string | null]> | undefined => new PlainText(font).pieces(word)?.map((p) => [p.text, p.shape]);

describe('the rule on made-up fonts', () => {
  it('never cuts a word next to a glyph a ligature may take as a later component', () => {
    // A B C → one glyph: B and C are in no coverage, but the ligature swallows them.
    const font = fakeFont('liga', [{ lookupType: 4, subTables: [{ version: 1, coverage: coverage(1), ligatureSets: { length: 1, get: () => [{ glyph: 30, components: [2, 3] }] } }] }]);
    // Cut only between two free glyphs neither of which is a component: D|E, not C|D.
    expect(piecesOf(font, 'ABCDE')).toEqual([['ABCD', 'latn'], ['E', null]]);
    expect(piecesOf(font, 'DEABCDE')).toEqual([['D', null], ['EABCD', 'latn'], ['E', null]]);
    expect(piecesOf(font, 'DEACDE')).toEqual([['DEACDE', null]]);
  });

  it('shapes the glyph a single substitution covers, with the free glyph on each side', () => {
    const font = fakeFont('locl', [{ lookupType: 1, subTables: [{ version: 1, coverage: coverage(5), deltaGlyphID: 1 }] }]);
    expect(piecesOf(font, 'ABEFG')).toEqual([['A', null], ['BEF', 'latn'], ['G', null]]);
  });

  it('leaves a word whole to fontkit when a lookup looks back or around (contextual)', () => {
    const font = fakeFont('calt', [{ lookupType: 6, subTables: [{ version: 3, inputCoverage: [coverage(5)], backtrackCoverage: [], lookaheadCoverage: [], lookupRecords: [] }] }]);
    expect(piecesOf(font, 'ABEFG')).toBeUndefined();
    expect(piecesOf(font, 'ABFG')).toEqual([['ABFG', null]]);
  });

  it('kerns by class: a pair whose second glyph is in no class (class 0) may still move', () => {
    const value = (x: number): unknown => ({ xAdvance: x });
    const table = {
      version: 2,
      coverage: coverage(20),
      classDef1: { version: 1, startGlyph: 20, classValueArray: [1] },
      classDef2: { version: 1, startGlyph: 1, classValueArray: [1] },
      // class 1 (T) before class 0 (anything but A): −80; before class 1 (A): nothing.
      classRecords: { length: 2, get: (c1: number) => ({ length: 2, get: (c2: number) => ({ value1: value(c1 === 1 && c2 === 0 ? -80 : 0), value2: null }) }) },
    };
    const font = fakeFont('kern', [{ lookupType: 2, subTables: [table] }], true);
    expect(piecesOf(font, 'TA')).toEqual([['TA', null]]);
    expect(piecesOf(font, 'TB')).toEqual([['TB', 'latn']]);
    expect(piecesOf(font, 'BT')).toEqual([['BT', null]]);
  });

  // GPOS 2 placed without fontkit (PlainText.shaped), as fontkit's GPOS processor places it.
  const pairTable = (pairs: Record<number, Array<[number, number, number]>>): unknown => ({
    version: 1,
    coverage: coverage(...Object.keys(pairs).map(Number)),
    pairSets: { length: 9, get: (i: number) => Object.values(pairs)[i]!.map(([secondGlyph, x1, x2]) => ({ secondGlyph, value1: { xAdvance: x1 }, value2: { xPlacement: x2 } })) },
  });
  const kernedOf = (font: Font, word: string): number[][] | undefined => {
    const k = new PlainText(font).shaped(word, 'latn');
    return k?.positions.map((p, i) => [k.glyphs[i]!.id, p.xAdvance, p.xOffset]);
  };

  it('kerns a pair the first subtable lacks by the next one, and stops at the first that has it', () => {
    // T (20) before A (1): −80 in the first subtable, −30 in the second (never reached); T before B (2): only the second.
    const font = fakeFont('kern', [{ lookupType: 2, subTables: [pairTable({ 20: [[1, -80, 5]] }), pairTable({ 20: [[1, -30, 0], [2, -30, 0]] })] }], true);
    expect(kernedOf(font, 'TAB')).toEqual([[20, 420, 0], [1, 500, 5], [2, 500, 0]]);
    expect(kernedOf(font, 'TBT')).toEqual([[20, 470, 0], [2, 500, 0], [20, 500, 0]]);
  });

  it('kerns by class, and a class pair applies (ending the subtables) even when it moves nothing', () => {
    const classes = {
      version: 2,
      coverage: coverage(20),
      classDef1: { version: 1, startGlyph: 20, classValueArray: [1] },
      classDef2: { version: 1, startGlyph: 1, classValueArray: [1] },
      classRecords: { length: 2, get: (c1: number) => ({ length: 2, get: (c2: number) => ({ value1: { xAdvance: c1 === 1 && c2 === 0 ? -80 : 0 }, value2: {} }) }) },
    };
    const font = fakeFont('kern', [{ lookupType: 2, subTables: [classes, pairTable({ 20: [[1, -10, 0]] })] }], true);
    expect(kernedOf(font, 'TB')).toEqual([[20, 420, 0], [2, 500, 0]]);
    // T A: class 1 before class 1 applies with 0, so the second subtable's −10 never comes.
    expect(kernedOf(font, 'TA')).toEqual([[20, 500, 0], [1, 500, 0]]);
  });

  it('applies a lookup once for each default feature that lists it, in lookup order', () => {
    const font = fakeFont('kern', [{ lookupType: 2, subTables: [pairTable({ 20: [[1, -80, 0]] })] }], true) as unknown as { GPOS: { featureList: unknown[]; scriptList: Array<{ script: { defaultLangSys: { featureIndexes: number[] } } }> } };
    font.GPOS.featureList.push({ tag: 'mark', feature: { lookupListIndexes: [0] } }, { tag: 'dist', feature: { lookupListIndexes: [0] } });
    font.GPOS.scriptList[0]!.script.defaultLangSys.featureIndexes = [0, 1, 2];
    // kern and mark: twice; dist is not applied by default.
    expect(kernedOf(font as unknown as Font, 'TA')).toEqual([[20, 340, 0], [1, 500, 0]]);
  });

  it('ligates and substitutes as fontkit does: a ligature stands for all its characters', () => {
    // F I → 30 (a ligature of two), F alone before anything else stays; E → F by a single substitution.
    const liga = fakeFont('liga', [{ lookupType: 4, subTables: [{ version: 1, coverage: coverage(6), ligatureSets: { length: 1, get: () => [{ glyph: 30, components: [9] }] } }] }]);
    const fi = new PlainText(liga).shaped('FIA', 'latn')!;
    expect(fi.glyphs.map((g) => [g.id, g.codePoints])).toEqual([[30, [70, 73]], [1, [65]]]);
    expect(fi.advanceWidth).toBe(1000);
    expect(kernedOf(liga, 'FA')).toEqual([[6, 500, 0], [1, 500, 0]]);
    // The first subtable that applies ends the lookup at that glyph: E → F, not on to G.
    const single = fakeFont('locl', [{ lookupType: 1, subTables: [{ version: 1, coverage: coverage(5), deltaGlyphID: 1 }, { version: 1, coverage: coverage(6), deltaGlyphID: 1 }] }]);
    expect(kernedOf(single, 'AEB')).toEqual([[1, 500, 0], [6, 500, 0], [2, 500, 0]]);
  });

  it('leaves to fontkit a piece another lookup may change, or with a pair lookup skipping base glyphs', () => {
    const skipping = fakeFont('kern', [{ lookupType: 2, subTables: [pairTable({ 20: [[1, -80, 0]] })] }], true) as unknown as { GPOS: { lookupList: { get(i: number): { flags: { flags: Record<string, boolean> } } } } };
    skipping.GPOS.lookupList.get(0).flags.flags.ignoreBaseGlyphs = true;
    expect(new PlainText(skipping as unknown as Font).shaped('TA', 'latn')).toBeUndefined();
    const single = fakeFont('kern', [{ lookupType: 1, subTables: [{ version: 1, coverage: coverage(20), value: { xAdvance: -5 } }] }], true);
    expect(new PlainText(single).shaped('TA', 'latn')).toBeUndefined();
    const multiple = fakeFont('ccmp', [{ lookupType: 2, subTables: [{ version: 1, coverage: coverage(5), sequences: [[5, 5]] }] }]);
    expect(new PlainText(multiple).shaped('AEB', 'latn')).toBeUndefined();
    expect(kernedOf(multiple, 'AB')).toEqual([[1, 500, 0], [2, 500, 0]]);
  });

  it('ignores features fontkit does not apply by default', () => {
    const font = fakeFont('aalt', [{ lookupType: 1, subTables: [{ version: 1, coverage: coverage(5), deltaGlyphID: 1 }] }]);
    expect(piecesOf(font, 'ABEFG')).toEqual([['ABEFG', null]]);
  });
});

describe('typesetting with the shortcuts', () => {
  it('draws and measures every word as whole-word shaping would, tricky words included', async () => {
    const differences: string[] = [];
    verifyShaping((d) => differences.push(d));
    const md = [
      '# 标题——副标题',
      '',
      '指标12（level）按目前进度预计2026年为79.5%，R&D经费支出占GDP比重4%。Te AV office ffi 1,758.8% A1 α1 а1 ア1 2022—2024年 ……',
      '',
      '| 指标 | 2024 | Note |',
      '| --- | --- | --- |',
      '| 地区生产总值——增速 | 58.8% | Value of industry above designated size |',
    ].join('\n');
    const pdf = await typesetPdf(md, {}, { title: '——', creationDate: new Date(0) });
    expect(pdf.length).toBeGreaterThan(1000);
    expect(differences).toEqual([]);
  }, 60_000);
});
