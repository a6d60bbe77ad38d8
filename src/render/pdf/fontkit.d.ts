// The part of fontkit (pdfkit's own font parser, installed with it) that src/render/pdf uses.
// fontkit ships no type declarations.
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    /** pdfkit takes any object with a `layout` method as an already-parsed font. */
    layout(text: string): {
      glyphs: { id: number }[];
      positions: { xAdvance: number; xOffset: number; yOffset: number }[];
      advanceWidth: number;
    };
    glyphForCodePoint(codePoint: number): { advanceWidth: number };
    /** Whether the font's cmap maps the code point to a glyph. */
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export interface FontCollection {
    fonts: Font[];
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
}
