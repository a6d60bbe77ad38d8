// The embedded fonts' subsets: the glyph copy that skips fontkit's outline decoding
// (src/render/pdf/fonts.ts) must give the same bytes as fontkit's own, for the glyphs of
// report text, empty glyphs and glyphs from all over the font.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, loadFonts, withFontkitGlyphCopy } from '../src/render/pdf/fonts.js';

const require = createRequire(import.meta.url);

interface RawFont {
  numGlyphs: number;
  loca: { offsets: number[] };
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  createSubset(): { includeGlyph(gid: number): number; encode(): Uint8Array };
  glyphsForString(text: string): Array<{ id: number }>;
}

// Glyph ids of a font by kind: composite (numberOfContours < 0) and empty (no outline).
function kinds(font: RawFont): { composite: number[]; empty: number[] } {
  const composite: number[] = [];
  const empty: number[] = [];
  for (let gid = 0; gid < font.numGlyphs; gid++) {
    const start = font.loca.offsets[gid]!;
    const end = font.loca.offsets[gid + 1]!;
    if (end === start) {
      empty.push(gid);
      continue;
    }
    const stream = font._getTableStream('glyf');
    stream.pos += start;
    const head = stream.readBuffer(2);
    if ((head[0]! & 0x80) !== 0) composite.push(gid);
  }
  return { composite, empty };
}

function subset(font: RawFont, gids: readonly number[]): Uint8Array {
  const s = font.createSubset();
  for (const gid of gids) s.includeGlyph(gid);
  return s.encode();
}

describe('the font subsets', () => {
  it.each(['regular', 'bold'] as const)('of the %s weight are the bytes fontkit’s own glyph copy writes', async (weight) => {
    // loadFonts puts the copy in place; the subsets are made of a font of their own, since
    // fontkit keeps each glyph it makes with the characters it was first asked for, and these
    // glyphs are asked for without any (the typesetter's fonts must not keep them so).
    await loadFonts();
    const own = create(readFileSync(require.resolve(FONT_FILES[weight]))) as Font;
    const font = own as unknown as RawFont;
    const { composite, empty } = kinds(font);
    const text = '慈溪市国民经济和社会发展第十四个五年规划 GDP 2,521.58亿元 ≥60% R&D（2022年）éü…“”';
    const gids = [
      ...font.glyphsForString(text).map((g) => g.id),
      ...composite.slice(0, 40),
      ...empty.slice(0, 5),
      // Every 97th glyph, through to the last (past the end of hmtx's long metrics, if the font has such).
      ...Array.from({ length: Math.ceil(font.numGlyphs / 97) }, (_, i) => i * 97),
      font.numGlyphs - 1,
    ];
    // These builds of Noto Sans SC have no composite glyph; one would go to fontkit's own copy.
    expect(composite).toEqual([]);
    const ours = subset(font, gids);
    const theirs = withFontkitGlyphCopy(own, () => subset(font, gids));
    expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
    expect(ours.length).toBeGreaterThan(10_000);
  }, 60_000);
});
